"""Which changes of measures and waves flag published products for review: only those that
change what a product says (legal dates, articles), not the programme's own planning."""

from collections.abc import Callable

import httpx

from tests.auth import EDITOR, login
from tests.products.helpers import create, publish


async def _flagged(editor: httpx.AsyncClient, product_id: object) -> bool:
    body = (await editor.get(f"/api/v1/producten/{product_id}")).json()
    return bool(body["actualiteitControleren"])


async def _confirm(editor: httpx.AsyncClient, product_id: object) -> None:
    response = await editor.put(
        f"/api/v1/producten/{product_id}/actualiteit", json={"actueel": True}
    )
    assert response.status_code == 200, response.text


async def test_moving_the_products_due_date_flags_nothing(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor, tester = clients(), clients()
    await login(editor, EDITOR)
    product = await create(editor, maatregelen=["M13"])
    assert (await publish(editor, tester, product["id"])).status_code == 200
    history_before = (await editor.get(f"/api/v1/producten/{product['id']}/geschiedenis")).json()

    moved = await editor.patch("/api/v1/fasen/2", json={"productenGereedOp": "2026-09-15"})
    assert moved.status_code == 200, moved.text

    after = (await editor.get(f"/api/v1/producten/{product['id']}")).json()
    assert after["actualiteitControleren"] is False
    assert after["actualiteitReden"] is None
    assert after["uitersteLeverdatum"] == "2026-09-15"
    history = (await editor.get(f"/api/v1/producten/{product['id']}/geschiedenis")).json()
    new = history["resultaten"][len(history_before["resultaten"]) :]
    assert [entry["soort"] for entry in new] == ["gewijzigd"], "the due date is the product's"


async def test_legal_dates_and_articles_still_flag(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor, tester = clients(), clients()
    await login(editor, EDITOR)
    product = await create(editor, maatregelen=["M13"])
    assert (await publish(editor, tester, product["id"])).status_code == 200

    # The wave's legal effective date moves the measure's effective date.
    legal = await editor.patch("/api/v1/fasen/2", json={"ingangsdatum": "2027-04-01"})
    assert legal.status_code == 200, legal.text
    assert await _flagged(editor, product["id"])
    await _confirm(editor, product["id"])

    # The measure's own effective date.
    own = await editor.patch("/api/v1/maatregelen/M13", json={"ingangsdatum": "2027-07-01"})
    assert own.status_code == 200, own.text
    assert await _flagged(editor, product["id"])
    await _confirm(editor, product["id"])

    articles = await editor.patch("/api/v1/maatregelen/M13", json={"artikelen": ["Pw 8a(1)"]})
    assert articles.status_code == 200, articles.text
    body = (await editor.get(f"/api/v1/producten/{product['id']}")).json()
    assert body["actualiteitControleren"] is True
    assert "artikelen" in body["actualiteitReden"]
