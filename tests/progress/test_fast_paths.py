"""The figures, the matrix and the help list judge every cell at once, from plain rows and one
schedule per measure; a single cell's read derives its own deadlines step by step. Both must say
the same. Bulk writes go out in batches and must still notice a cell that moved meanwhile."""

from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import httpx
import pytest

from api.core import clock
from api.progress import repository
from api.progress.cells import StoredCell
from tests.auth import EDITOR, login
from tests.progress.helpers import every_row

SAMPLE = ["GM0344", "GM0363", "GM0014", "GM0599"]
DONE = {"geimplementeerd", "geevalueerd"}


async def _editor(clients: Callable[[], httpx.AsyncClient]) -> httpx.AsyncClient:
    editor = clients()
    await login(editor, EDITOR)
    return editor


async def _vary_the_sample(editor: httpx.AsyncClient) -> None:
    """Many different sets of steps done, including a step the roadmap has since dropped."""
    steps = {
        m["code"]: [
            s["code"]
            for s in (await editor.get(f"/api/v1/maatregelen/{m['code']}/routekaart")).json()[
                "stappen"
            ]
        ]
        for m in (await editor.get("/api/v1/maatregelen?paginaGrootte=100")).json()["resultaten"]
    }
    phases = ["niet-gestart", "orienterend", "voorbereidend", "geimplementeerd", "geevalueerd"]
    rows = []
    for i, municipality in enumerate(SAMPLE):
        for j, (measure, codes) in enumerate(sorted(steps.items())):
            done = [c for k, c in enumerate(codes) if (i + j + k) % (2 + (i + j) % 3)]
            rows.append(
                {
                    "gemeente": municipality,
                    "maatregel": measure,
                    "fase": phases[(i * 3 + j) % 4] if j % 5 else "geimplementeerd",
                    "stappenGereed": [{"stap": c, "gereedOp": "2026-02-01"} for c in done],
                }
            )
    response = await editor.post("/api/v1/voortgang/bulk", json={"rijen": rows})
    assert response.status_code == 200, response.text
    # M15 loses its 'communicatie' step: cells that did it keep it stored, but it no longer counts.
    roadmap = (await editor.get("/api/v1/maatregelen/M15/routekaart")).json()["stappen"]
    kept = [
        {
            "code": s["code"],
            "titel": s["titel"],
            "startDagen": s["startDagen"],
            "eindeDagen": s["eindeDagen"],
            "afhankelijkVan": [d for d in s["afhankelijkVan"] if d != "communicatie"],
        }
        for s in roadmap
        if s["code"] != "communicatie"
    ]
    replaced = await editor.put("/api/v1/maatregelen/M15/routekaart", json={"stappen": kept})
    assert replaced.status_code == 200, replaced.text


async def _cells(
    editor: httpx.AsyncClient, municipality: str, as_of: date | None = None
) -> list[dict[str, Any]]:
    query = f"?peildatum={as_of}" if as_of else ""
    response = await editor.get(f"/api/v1/gemeenten/{municipality}/voortgang{query}")
    assert response.status_code == 200
    return response.json()["resultaten"]  # type: ignore[no-any-return]


async def test_matrix_and_help_list_agree_with_each_cell(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = await _editor(clients)
    await _vary_the_sample(editor)
    matrix = (await editor.get("/api/v1/voortgang/matrix")).json()
    order = [m["code"] for m in matrix["maatregelen"]]
    rows = {r["gemeente"]["code"]: r for r in matrix["gemeenten"]}
    help_rows = {
        (h["gemeente"]["code"], h["maatregel"]["code"]): h
        for province in ("PV20", "PV26", "PV27", "PV28")  # the sample's provinces
        for h in await every_row(editor, f"provincie={province}")
    }
    lights: Counter[str] = Counter()
    for municipality in SAMPLE:
        cells = {c["maatregel"]["code"]: c for c in await _cells(editor, municipality)}
        assert rows[municipality]["fasen"] == [cells[m]["fase"] for m in order]
        assert rows[municipality]["verkeerslichten"] == [cells[m]["verkeerslicht"] for m in order]
        for measure, cell in cells.items():
            lights[cell["verkeerslicht"]] += 1
            urgent = help_rows.get((municipality, measure))
            if cell["verkeerslicht"] == "op-schema":
                assert urgent is None
                continue
            assert urgent is not None, (municipality, measure)
            assert urgent["speling"] == cell["speling"]
            assert urgent["volgendeStap"] == cell["volgendeStap"]
    assert len(lights) >= 2, "the sample must hold more than one kind of light"


async def test_figures_agree_with_each_cell_today_and_on_a_past_date(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = await _editor(clients)
    await _vary_the_sample(editor)
    past = clock.today() - timedelta(days=120)
    for as_of in (None, past):
        query = f"&peildatum={as_of}" if as_of else ""
        groups = {
            g["groep"]["code"]: g
            for g in (
                await editor.get(f"/api/v1/voortgang/overzicht?groep=gemeente{query}")
            ).json()["groepen"]
        }
        for municipality in SAMPLE:
            cells = await _cells(editor, municipality, as_of)
            figures = groups[municipality]
            phases = Counter(c["fase"] for c in cells)
            assert figures["perFase"] == {p: phases.get(p, 0) for p in figures["perFase"]}
            assert figures["risico"] == sum(c["verkeerslicht"] == "risico" for c in cells)
            assert figures["teLaat"] == sum(c["verkeerslicht"] == "te-laat" for c in cells)
            reference = as_of or clock.today()
            in_force = [c for c in cells if date.fromisoformat(c["ingangsdatum"]) <= reference]
            behind = [c for c in in_force if c["fase"] not in DONE]
            assert figures["tekort"] == (
                round(len(behind) / len(in_force), 4) if in_force else None
            )


async def test_a_past_date_shows_the_last_change_before_it(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    """The state on a date, as the figures and the lists read it, against the history itself."""
    editor = await _editor(clients)
    past = clock.today() - timedelta(days=150)
    end = clock.start_of_day(past + timedelta(days=1))
    for municipality in SAMPLE[:2]:
        then = {c["maatregel"]["code"]: c for c in await _cells(editor, municipality, past)}
        for measure, cell in then.items():
            url = f"/api/v1/gemeenten/{municipality}/voortgang/{measure}/geschiedenis"
            history = (await editor.get(url)).json()["resultaten"]
            before = [h for h in history if datetime.fromisoformat(h["tijdstip"]) < end]
            expected = max(before, key=lambda h: h["versie"]) if before else None
            assert cell["versie"] == (expected["versie"] if expected else 0)
            assert cell["fase"] == (expected["fase"] if expected else "niet-gestart")


async def test_bulk_notices_a_cell_changed_meanwhile(
    clients: Callable[[], httpx.AsyncClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = await _editor(clients)
    rows = [
        {"gemeente": "GM0344", "maatregel": m, "fase": "orienterend", "notitie": "batch"}
        for m in ("M01", "M02", "M03")
    ]
    assert (await editor.post("/api/v1/voortgang/bulk", json={"rijen": rows})).status_code == 200
    before = {c["maatregel"]["code"]: c["versie"] for c in await _cells(editor, "GM0344")}
    real = repository.cells_to_write

    def stale_read(session: Any, *codes: Any) -> dict[tuple[str, str], StoredCell]:
        # The request reads M02 just before someone else writes it: its version is one behind.
        found = real(session, *codes)
        cell = found[("GM0344", "M02")]
        found[("GM0344", "M02")] = cell._replace(version=cell.version - 1)
        return found

    monkeypatch.setattr(repository, "cells_to_write", stale_read)
    changed = [{**r, "notitie": "tweede batch"} for r in rows]
    response = await editor.post("/api/v1/voortgang/bulk", json={"rijen": changed})
    monkeypatch.undo()
    assert response.status_code == 409, response.text
    assert "GM0344 M02" in response.json()["detail"]
    after = {c["maatregel"]["code"]: c for c in await _cells(editor, "GM0344")}
    assert {m: c["versie"] for m, c in after.items()} == before, "nothing is written"
    assert after["M01"]["notitie"] == "batch"
    history = (await editor.get("/api/v1/gemeenten/GM0344/voortgang/M01/geschiedenis")).json()
    assert [h["versie"] for h in history["resultaten"]][-1] == before["M01"]
