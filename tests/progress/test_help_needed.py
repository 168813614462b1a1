"""The help list: every late or at-risk cell of any wave, most urgent first, filtered and paged
on the server; its totals agree with a count over the matrix."""

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from api.core import clock
from tests.auth import EDITOR, UTRECHT, login
from tests.progress.helpers import HELP_URL as URL
from tests.progress.helpers import every_row

# Half a year before wave 3 takes effect (1 January 2027): its impact analysis is overdue.
MID_2026 = datetime(2026, 7, 1, 10, 0, tzinfo=UTC)


async def _editor(clients: Callable[[], httpx.AsyncClient]) -> httpx.AsyncClient:
    editor = clients()
    await login(editor, EDITOR)
    return editor


def _key(row: dict[str, Any]) -> tuple[str, str]:
    return row["gemeente"]["code"], row["maatregel"]["code"]


async def _matrix_count(editor: httpx.AsyncClient, query: str = "") -> Counter[str]:
    """Brute force: the lights of every cell in the matrix (checked cell by cell elsewhere)."""
    matrix = (await editor.get(f"/api/v1/voortgang/matrix?{query}")).json()
    return Counter(light for row in matrix["gemeenten"] for light in row["verkeerslichten"])


async def _utrecht_starts_over_with_m17(clients: Callable[[], httpx.AsyncClient]) -> None:
    """Utrecht has done no step of M17, a wave 3 measure."""
    contact = clients()
    await login(contact, UTRECHT)
    cell = await contact.get("/api/v1/gemeenten/GM0344/voortgang/M17")
    reset = await contact.put(
        "/api/v1/gemeenten/GM0344/voortgang/M17",
        json={"fase": "orienterend", "stappenGereed": []},
        headers={"If-Match": cell.headers["etag"]},
    )
    assert reset.status_code == 200, reset.text


async def test_a_municipality_late_for_a_wave_3_step_appears(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = await _editor(clients)
    await _utrecht_starts_over_with_m17(clients)
    with clock.fixed_clock(MID_2026):
        body = (await editor.get(URL)).json()
        rows = await every_row(editor, "fase=3&provincie=PV26")
    assert body["peildatum"] == "2026-07-01"
    utrecht = next(r for r in rows if _key(r) == ("GM0344", "M17"))
    assert utrecht["verkeerslicht"] == "te-laat"
    assert utrecht["ingangsdatum"] == "2027-01-01"
    assert utrecht["contactpersonen"][0]["code"] == UTRECHT


async def test_urgent_first_and_paged(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor = await _editor(clients)
    first = await editor.get(f"{URL}?paginaGrootte=10")
    assert first.status_code == 200, first.text
    body = first.json()
    assert len(body["resultaten"]) == 10
    assert body["paginering"]["pagina"] == 1
    total = body["paginering"]["totaal"]
    assert body["paginering"]["aantalPaginas"] == -(-total // 10)
    assert body["_links"]["prev"] is None
    assert "pagina=2" in body["_links"]["next"]["href"]
    second = (await editor.get(body["_links"]["next"]["href"])).json()
    assert {_key(r) for r in second["resultaten"]}.isdisjoint(_key(r) for r in body["resultaten"])
    last = (await editor.get(body["_links"]["last"]["href"])).json()
    assert len(last["resultaten"]) == total - 10 * (body["paginering"]["aantalPaginas"] - 1)

    rows = await every_row(editor, "provincie=PV26")
    lights = [r["verkeerslicht"] for r in rows]
    assert set(lights) == {"te-laat", "risico"}
    assert lights == sorted(lights, key=lambda light: light != "te-laat"), "late first"
    for light in ("te-laat", "risico"):
        slack = [r["speling"] for r in rows if r["verkeerslicht"] == light]
        assert slack == sorted(slack), "then the least slack"
    assert len({_key(r) for r in rows}) == len(rows)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "provincie=PV26",
        "arbeidsmarktregio=AM19",
        "fase=3",
        "fase=1&provincie=PV27",
    ],
)
async def test_totals_agree_with_a_count_over_the_matrix(
    clients: Callable[[], httpx.AsyncClient], query: str
) -> None:
    """By their own progress (ICT, the other cause, is tested in tests/ict)."""
    editor = await _editor(clients)
    expected = await _matrix_count(editor, query)
    own = f"{URL}?paginaGrootte=1&oorzaak=voortgang&{query}"
    for light in ("te-laat", "risico"):
        body = (await editor.get(f"{own}&verkeerslicht={light}")).json()
        assert body["paginering"]["totaal"] == expected[light], (query, light)
    both = (await editor.get(own)).json()
    assert both["paginering"]["totaal"] == expected["te-laat"] + expected["risico"]
    every = (await editor.get(f"{URL}?paginaGrootte=1&{query}")).json()
    assert every["paginering"]["totaal"] >= both["paginering"]["totaal"]


async def test_filters_by_measure_light_and_horizon(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = await _editor(clients)
    await _utrecht_starts_over_with_m17(clients)
    with clock.fixed_clock(MID_2026):
        m17 = await every_row(editor, "maatregel=M17&verkeerslicht=te-laat&provincie=PV26")
        assert ("GM0344", "M17") in {_key(r) for r in m17}
        assert {r["maatregel"]["code"] for r in m17} == {"M17"}
        assert {r["verkeerslicht"] for r in m17} == {"te-laat"}
        # Wave 3 takes effect in 184 days: outside a horizon of 120, inside one of 200.
        near = (await editor.get(f"{URL}?maatregel=M17&binnenDagen=120")).json()
        far = (await editor.get(f"{URL}?maatregel=M17&binnenDagen=200")).json()
    assert near["paginering"]["totaal"] == 0
    assert near["resultaten"] == []
    assert far["paginering"]["totaal"] >= len(m17)


async def test_bad_filters_are_400_and_contacts_see_nothing(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor, contact = await _editor(clients), clients()
    await login(contact, UTRECHT)
    assert (await contact.get(URL)).status_code == 403
    unknown = await editor.get(f"{URL}?provincie=PV99&arbeidsmarktregio=AM99&fase=9&maatregel=M99")
    assert unknown.status_code == 400
    assert unknown.headers["content-type"].startswith("application/problem+json")
    assert {p["name"] for p in unknown.json()["invalidParams"]} == {
        "provincie",
        "arbeidsmarktregio",
        "fase",
        "maatregel",
    }
    malformed = await editor.get(f"{URL}?verkeerslicht=op-schema&paginaGrootte=0&provincie=x")
    assert malformed.status_code == 400
    assert {p["name"] for p in malformed.json()["invalidParams"]} >= {
        "verkeerslicht",
        "paginaGrootte",
        "provincie",
    }


async def test_a_page_is_small(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor = await _editor(clients)
    response = await editor.get(URL)
    assert response.status_code == 200
    assert len(response.json()["resultaten"]) == 25
    assert len(response.content) < 40_000
