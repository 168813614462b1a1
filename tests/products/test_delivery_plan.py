"""The delivery plan per wave: types present and missing, late products, what is due soon."""

from collections.abc import Callable

import httpx

from tests.auth import EDITOR, UTRECHT, login
from tests.products.helpers import create


async def test_plan_per_wave(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor = clients()
    await login(editor, EDITOR)
    late = await create(
        editor, titel="Te late impactanalyse", soort="impactanalyse", maatregelen=["M17"]
    )
    plan = (await editor.get("/api/v1/leveringsplan?peildatum=2027-01-15&fase=3")).json()
    assert [w["fase"] for w in plan["fasen"]] == [3]
    m17 = next(m for m in plan["fasen"][0]["maatregelen"] if m["maatregel"]["code"] == "M17")
    assert "impactanalyse" in m17["aanwezigeSoorten"]
    assert set(m17["ontbrekendeSoorten"]).isdisjoint(m17["aanwezigeSoorten"])
    assert late["id"] in [p["id"] for p in m17["teLaat"]]
    early = (await editor.get("/api/v1/leveringsplan?peildatum=2026-12-01&fase=3&weken=6")).json()
    m17_early = next(m for m in early["fasen"][0]["maatregelen"] if m["maatregel"]["code"] == "M17")
    assert m17_early["teLaat"] == []
    assert late["id"] in [p["id"] for p in early["binnenkort"]]
    assert all("2026-12-01" <= p["uitersteLeverdatum"] <= "2027-01-12" for p in early["binnenkort"])


async def test_plan_is_for_the_programme_team(clients: Callable[[], httpx.AsyncClient]) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    assert (await contact.get("/api/v1/leveringsplan")).status_code == 403
    assert (await clients().get("/api/v1/leveringsplan")).status_code == 401
    editor = clients()
    await login(editor, EDITOR)
    assert (await editor.get("/api/v1/leveringsplan?weken=0")).status_code == 400
