"""The change feed a partner syncs from, and the Atom feed of publications."""

from collections.abc import Callable
from xml.etree import ElementTree

import httpx

from tests.auth import EDITOR, PARTNER, login, machine_token
from tests.products.helpers import create, move, publish

ATOM = "{http://www.w3.org/2005/Atom}"


async def sync(client: httpx.AsyncClient, cursor: int) -> tuple[list[dict[str, object]], int]:
    """What a partner does: follow the feed from its cursor until nothing more comes."""
    seen: list[dict[str, object]] = []
    while True:
        response = await client.get(f"/api/v1/producten/wijzigingen?sinds={cursor}&limiet=50")
        assert response.status_code == 200, response.text
        body = response.json()
        seen += body["wijzigingen"]
        cursor = body["volgendeCursor"]
        if not body["meer"]:
            return seen, cursor


async def test_partner_syncs_exactly_the_changes_since_its_cursor(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    partner, editor, tester = clients(), clients(), clients()
    partner.headers["Authorization"] = "Bearer " + await machine_token(
        partner, PARTNER.client_id, PARTNER.secret
    )
    initial, cursor = await sync(partner, 0)
    assert initial, "the demo catalogue has history"
    assert [c["volgnummer"] for c in initial] == sorted(c["volgnummer"] for c in initial)

    await login(editor, EDITOR)
    new = await create(editor, titel="Nieuwe factsheet", soort="factsheet")
    await editor.patch(f"/api/v1/producten/{new['id']}", json={"samenvatting": "Bijgewerkt."})
    old = await create(editor, titel="Wordt ingetrokken")
    await publish(editor, tester, old["id"])
    await move(editor, old["id"], "ingetrokken", toelichting="Vervangen")

    changes, new_cursor = await sync(partner, cursor)
    assert new_cursor > cursor
    summary = [(c["productId"], c["soort"]) for c in changes]
    assert summary[:2] == [(new["id"], "aangemaakt"), (new["id"], "gewijzigd")]
    assert (old["id"], "status:gepubliceerd") in summary
    assert summary[-1] == (old["id"], "status:ingetrokken")
    assert changes[-1]["product"]["status"] == "ingetrokken"
    nothing, same = await sync(partner, new_cursor)
    assert nothing == []
    assert same == new_cursor


async def test_public_feed_shows_public_changes_and_withdrawals_only(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    public, editor, tester = clients(), clients(), clients()
    _, cursor = await sync(public, 0)
    await login(editor, EDITOR)
    unpublished = await create(editor, titel="Nog geheim")
    published = await create(editor, titel="Openbaar")
    await publish(editor, tester, published["id"])
    await move(editor, published["id"], "ingetrokken", toelichting="Verouderd")
    changes, _ = await sync(public, cursor)
    ids = {c["productId"] for c in changes}
    assert unpublished["id"] not in ids
    kinds = [c["soort"] for c in changes if c["productId"] == published["id"]]
    assert kinds[-2:] == ["status:gepubliceerd", "status:ingetrokken"]
    withdrawn = changes[-1]
    assert withdrawn["product"] is None, "a withdrawn product is no longer shown to the public"


async def test_feed_parameters_are_validated(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/v1/producten/wijzigingen?sinds=-1")).status_code == 400
    assert (await client.get("/api/v1/producten/wijzigingen?limiet=100000")).status_code == 400


async def test_atom_feed_of_publications(clients: Callable[[], httpx.AsyncClient]) -> None:
    reader, editor, tester = clients(), clients(), clients()
    await login(editor, EDITOR)
    product = await create(editor, titel="Atom-handreiking giftenvrijlating")
    await publish(editor, tester, product["id"])
    response = await reader.get("/api/v1/publicaties", headers={"Accept": "application/atom+xml"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert titles[0] == "Atom-handreiking giftenvrijlating (handreiking)"
    assert (
        await reader.get("/api/v1/publicaties", headers={"Accept": "application/json"})
    ).status_code == 406


async def test_public_feed_leaves_out_internal_work(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    public, editor, tester = clients(), clients(), clients()
    await login(editor, EDITOR)
    product = await create(editor, titel="Wordt herzien")
    await publish(editor, tester, product["id"])
    _, cursor = await sync(public, 0)
    await move(editor, product["id"], "in-ontwikkeling", wijzigingsnotitie="Herziening")
    await editor.post(
        f"/api/v1/producten/{product['id']}/bestanden",
        files={"bestand": ("x.pdf", b"%PDF-1.4\n%%EOF\n")},
    )
    await editor.patch(
        f"/api/v1/producten/{product['id']}", json={"samenvatting": "Nieuwe samenvatting."}
    )
    changes, _ = await sync(public, cursor)
    # The new version's status is public (the product shows it); its draft document is not.
    assert [c["soort"] for c in changes if c["productId"] == product["id"]] == [
        "status:in-ontwikkeling",
        "gewijzigd",
    ]
