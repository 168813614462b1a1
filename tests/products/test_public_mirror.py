"""A public mirror kept from the public change feed equals the public product list, field for
field, after every change: what the public reads and what the feed tells it cannot drift."""

from collections.abc import Callable
from typing import Any

import httpx

from tests.auth import EDITOR, login
from tests.products.helpers import create, move, publish, review_and_publish, upload

Mirror = dict[int, dict[str, Any]]


async def follow(public: httpx.AsyncClient, mirror: Mirror, cursor: int) -> int:
    """Applies every public change after `cursor`, as a mirror does; returns the new cursor."""
    while True:
        response = await public.get(f"/api/v1/producten/wijzigingen?sinds={cursor}&limiet=200")
        assert response.status_code == 200, response.text
        body = response.json()
        for change in body["wijzigingen"]:
            if change["product"] is None:
                mirror.pop(change["productId"], None)
            else:
                mirror[change["productId"]] = change["product"]
        cursor = body["volgendeCursor"]
        if not body["meer"]:
            return int(cursor)


async def public_list(public: httpx.AsyncClient) -> Mirror:
    found: Mirror = {}
    url: str | None = "/api/v1/producten?paginaGrootte=100"
    while url:
        response = await public.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        found.update({p["id"]: p for p in body["resultaten"]})
        url = body["_links"]["next"]["href"] if body["_links"].get("next") else None
    return found


async def test_a_mirror_from_the_public_feed_equals_the_public_list(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    public, editor, tester = clients(), clients(), clients()
    await login(editor, EDITOR)
    mirror: Mirror = {}
    cursor = await follow(public, mirror, 0)
    assert mirror == await public_list(public)

    product = await create(editor, titel="Spiegelproduct", maatregelen=["M13"])
    pid = product["id"]

    async def step(name: str) -> None:
        nonlocal cursor
        cursor = await follow(public, mirror, cursor)
        listed = await public_list(public)
        assert set(mirror) == set(listed), name
        for key, item in listed.items():
            assert mirror[key] == item, f"{name}: product {key} differs"

    assert (await publish(editor, tester, pid)).status_code == 200
    await step("published")
    await editor.patch(f"/api/v1/producten/{pid}", json={"samenvatting": "Nieuwe woorden."})
    await step("changed")
    started = await move(editor, pid, "in-ontwikkeling", wijzigingsnotitie="Nieuwe regels")
    assert started.status_code == 200, started.text
    assert mirror[pid]["status"] == "gepubliceerd"
    await step("new version started")
    assert mirror[pid]["status"] == "in-ontwikkeling"
    assert (await upload(editor, pid)).status_code == 201
    await step("draft document added")
    assert (await review_and_publish(editor, tester, pid)).status_code == 200
    await step("published again")
    assert mirror[pid]["gepubliceerdeVersie"]["nummer"] == 2
    moved = await editor.patch("/api/v1/fasen/2", json={"productenGereedOp": "2026-08-15"})
    assert moved.status_code == 200
    await step("wave's products-due date moved")
    assert mirror[pid]["uitersteLeverdatum"] == "2026-08-15"
    renamed = await editor.patch("/api/v1/maatregelen/M13", json={"titel": "Nieuwe titel"})
    assert renamed.status_code == 200
    await step("measure renamed")
    withdrawn = await move(editor, pid, "ingetrokken", toelichting="Vervangen")
    assert withdrawn.status_code == 200
    await step("withdrawn")
    assert pid not in mirror
