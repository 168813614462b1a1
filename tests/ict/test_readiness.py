"""Readiness through the API: who may report what, every change kept with its source, and the
consequences following a supplier's moved date at once (checked by brute force over every
affected cell), in the ICT views and as a cause in the help list."""

from collections.abc import Callable
from datetime import date, timedelta

import httpx
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.core import clock
from api.ict.models import Application, Readiness, SoftwareMeasure, Usage
from api.progress import grid
from api.progress.deadlines import DONE_PHASES
from api.seed.demo_ict import SLIPPED, SUPPLIER_CLIENT
from tests.auth import PARTNER, UTRECHT, machine_token
from tests.conftest import api_of
from tests.ict.helpers import person, supplier
from tests.progress.helpers import every_row

NO_WAIT = {"niet-nodig", "beschikbaar", "geleverd"}
Expected = dict[tuple[str, str, int], str]


def _application(db: Session, name: str) -> Application:
    found = db.scalar(select(Application).where(Application.name == name))
    assert found is not None, name
    return found


def brute_force(db: Session, state: State) -> Expected:
    """Every (municipality, measure, application) that waits, with its verdict: the rule of
    docs/ict-readiness.md written out again over the rows, with each cell's dates as the
    progress grid has them."""
    db.expire_all()
    cells = grid.current(db, clock.today(), state)
    needing = set(
        db.scalars(select(SoftwareMeasure.measure_code).where(SoftwareMeasure.needs_software))
    )
    reports = {(r.application_id, r.measure_code): r for r in db.scalars(select(Readiness))}
    expected: Expected = {}
    for use in db.scalars(select(Usage)):
        for measure in needing:
            fact = cells.facts[use.municipality_code, measure]
            if fact.phase in DONE_PHASES:
                continue
            report = reports.get((use.application_id, measure))
            if report is not None and report.status in NO_WAIT:
                continue
            if report is None or report.release_date is None:
                verdict = "onbekend"
            elif report.release_date > cells.subjects[measure].effective:
                verdict = "te-laat-door-ict"
            elif (
                fact.verdict.must_start_by is not None
                and report.release_date > fact.verdict.must_start_by
            ):
                verdict = "risico-door-ict"
            else:
                verdict = "op-tijd"
            expected[use.municipality_code, measure, use.application_id] = verdict
    return expected


async def answered(editor: httpx.AsyncClient, measures: list[str]) -> Expected:
    found: Expected = {}
    for measure in measures:
        response = await editor.get(f"/api/v1/ict/maatregelen/{measure}/wachtenden")
        assert response.status_code == 200, response.text
        for line in response.json()["leveranciers"]:
            for row in line["resultaten"]:
                for wait in row["wachtOp"]:
                    assert wait["applicatie"]["leverancier"] == line["leverancier"]
                    key = (row["gemeente"]["code"], measure, wait["applicatie"]["id"])
                    found[key] = wait["oordeel"]
    return found


async def test_a_moved_date_changes_every_affected_cell_at_once(
    clients: Callable[[], httpx.AsyncClient], db: Session, app: FastAPI
) -> None:
    state = api_of(app).state
    editor, reporter = await person(clients), await supplier(clients)
    measures = sorted(
        db.scalars(select(SoftwareMeasure.measure_code).where(SoftwareMeasure.needs_software))
    )
    before = brute_force(db, state)
    assert await answered(editor, measures) == before
    # The demo's slipped release is late for every user of it that has not implemented M15.
    slipped = _application(db, SLIPPED[0])
    assert {v for (_, m, a), v in before.items() if (a, m) == (slipped.id, "M15")} == {
        "te-laat-door-ict"
    }

    # The supplier moves M17 past its legal date.
    url = f"/api/v1/ict/applicaties/{slipped.id}/gereedheid/M17"
    current = await reporter.get(url)
    legal = date.fromisoformat(
        (await editor.get("/api/v1/ict/maatregelen/M17/wachtenden")).json()["ingangsdatum"]
    )
    moved = await reporter.put(
        url,
        json={"status": "gepland", "release": "2027.3", "datum": str(legal + timedelta(days=60))},
        headers={"If-Match": current.headers["etag"]},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["bron"] == "leverancier"
    assert moved.headers["etag"] != current.headers["etag"]

    after = brute_force(db, state)
    assert await answered(editor, ["M17"]) == {k: v for k, v in after.items() if k[1] == "M17"}
    affected = {k for k in after if (k[2], k[1]) == (slipped.id, "M17")}
    assert affected, "the demo has municipalities waiting for this release"
    assert {after[k] for k in affected} == {"te-laat-door-ict"}
    assert {k: v for k, v in after.items() if k not in affected} == {
        k: v for k, v in before.items() if k not in affected
    }

    # The supplier's overview and the municipality's page say the same.
    overview = (await reporter.get("/api/v1/ict/leveranciers/demo-rekenwerk/overzicht")).json()
    theirs = {
        a.id
        for a in db.scalars(
            select(Application).where(Application.supplier_code == "demo-rekenwerk")
        )
    }
    m17 = next(m for m in overview["maatregelen"] if m["maatregel"]["code"] == "M17")
    late_cells = {
        (m, x)
        for (m, x, a), v in after.items()
        if a in theirs and x == "M17" and v == "te-laat-door-ict"
    }
    assert m17["cijfers"]["teLaat"] == len(late_cells)
    utrecht = await person(clients, UTRECHT)
    page = (await utrecht.get("/api/v1/gemeenten/GM0344/ict")).json()
    waits_here = {
        (w["maatregel"]["code"], x["applicatie"]["id"]): x["oordeel"]
        for w in page["wachtOp"]
        for x in w["wachtOp"]
    }
    assert waits_here == {(x, a): v for (m, x, a), v in after.items() if m == "GM0344"}

    # The help list names ICT as the cause of exactly the cells whose worst wait is late or at
    # risk, with that light; the newly late ones name the moved release.
    lights = {"te-laat-door-ict": "te-laat", "risico-door-ict": "risico"}
    worst: dict[tuple[str, str], str] = {}
    for (m, x, _), v in after.items():
        if x == "M17" and v in lights and worst.get((m, x)) != "te-laat":
            worst[m, x] = lights[v]
    rows = await every_row(editor, "maatregel=M17&oorzaak=ict")
    assert {(r["gemeente"]["code"], "M17"): r["verkeerslicht"] for r in rows} == worst
    for row in rows:
        ict = [c for c in row["oorzaken"] if c["soort"] == "ict"]
        assert [c["verkeerslicht"] for c in ict] == [row["verkeerslicht"]]
        if (row["gemeente"]["code"], "M17", slipped.id) in affected:
            assert "release 2027.3 gepland op" in ict[0]["toelichting"], ict[0]


async def test_a_supplier_reports_only_for_its_own_applications_and_history_keeps_the_source(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor, reporter = await person(clients), await supplier(clients)
    own = _application(db, "Rekenwerk Re-integratie (demo)")
    other = _application(db, "Tulp Uitkeringen (demo)")
    body = {"status": "gepland", "release": "2027.1", "datum": "2026-12-20"}

    refused = await reporter.put(f"/api/v1/ict/applicaties/{other.id}/gereedheid/M13", json=body)
    assert refused.status_code == 403, refused.text
    listing = (await reporter.get("/api/v1/ict/applicaties")).json()["resultaten"]
    assert {a["leverancier"]["code"] for a in listing} == {SUPPLIER_CLIENT.organisation}
    assert (await reporter.get(f"/api/v1/ict/applicaties/{other.id}")).status_code == 403

    url = f"/api/v1/ict/applicaties/{own.id}/gereedheid/M13"
    first = await reporter.get(url)
    missing = await reporter.put(url, json=body)
    assert missing.status_code == 428, "once reported, a report needs If-Match"
    stale = await editor.put(url, json=body, headers={"If-Match": '"v999"'})
    assert stale.status_code == 412
    reported = await reporter.put(url, json=body, headers={"If-Match": first.headers["etag"]})
    assert reported.status_code == 200, reported.text
    corrected = await editor.put(
        url,
        json={"status": "beschikbaar", "release": "2027.1", "datum": "2026-12-01"},
        headers={"If-Match": reported.headers["etag"]},
    )
    assert corrected.status_code == 200, corrected.text
    history = (await editor.get(f"{url}/historie")).json()["resultaten"]
    assert [(h["status"], h["bron"], h["door"]) for h in history[:2]] == [
        ("beschikbaar", "redactie", history[0]["door"]),
        ("gepland", "leverancier", f"client:{SUPPLIER_CLIENT.client_id}"),
    ]
    assert history[0]["door"].startswith("user:")

    # A planned release needs its name and date; the flag is the editors'.
    invalid = await editor.put(
        url, json={"status": "gepland"}, headers={"If-Match": corrected.headers["etag"]}
    )
    assert invalid.status_code == 400
    flag = await reporter.put("/api/v1/ict/maatregelen/M01", json={"softwareNodig": True})
    assert flag.status_code == 403
    partner = clients()
    token = await machine_token(partner, PARTNER.client_id, PARTNER.secret)
    partner.headers["Authorization"] = f"Bearer {token}"
    assert (await partner.put(url, json=body)).status_code == 403


async def test_measure_flags_and_municipal_applications(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor, utrecht = await person(clients), await person(clients, UTRECHT)
    created = await editor.put("/api/v1/ict/maatregelen/M01", json={"softwareNodig": True})
    assert created.status_code == 200, created.text
    again = await editor.put("/api/v1/ict/maatregelen/M01", json={"softwareNodig": False})
    assert again.status_code == 428
    off = await editor.put(
        "/api/v1/ict/maatregelen/M01",
        json={"softwareNodig": False},
        headers={"If-Match": created.headers["etag"]},
    )
    assert off.json()["softwareNodig"] is False
    assert off.json()["versie"] == 2

    tulp = _application(db, "Tulp Uitkeringen (demo)")
    chosen = await utrecht.put(
        "/api/v1/gemeenten/GM0344/applicaties/inkomen", json={"applicatie": tulp.id}
    )
    assert chosen.status_code == 200, chosen.text
    income = next(d for d in chosen.json()["domeinen"] if d["domein"] == "inkomen")
    assert income["applicatie"]["id"] == tulp.id
    stale = await utrecht.put(
        "/api/v1/gemeenten/GM0344/applicaties/inkomen",
        json={"applicatie": None},
        headers={"If-Match": f'"v{income["versie"] - 1}"'},
    )
    assert stale.status_code == 412
    wrong_domain = await utrecht.put(
        "/api/v1/gemeenten/GM0344/applicaties/werk", json={"applicatie": tulp.id}
    )
    assert wrong_domain.status_code == 400
    elsewhere = await utrecht.put(
        "/api/v1/gemeenten/GM0534/applicaties/inkomen", json={"applicatie": tulp.id}
    )
    assert elsewhere.status_code == 404
    by_team = await editor.put(
        "/api/v1/gemeenten/GM0534/applicaties/werk", json={"applicatie": None}
    )
    assert by_team.status_code == 200
    assert (
        next(d for d in by_team.json()["domeinen"] if d["domein"] == "werk")["applicatie"] is None
    )

    history = (await utrecht.get("/api/v1/gemeenten/GM0344/applicaties/historie")).json()
    assert (history["resultaten"][0]["bron"], history["resultaten"][0]["domein"]) == (
        "gemeente",
        "inkomen",
    )
    team_history = (await editor.get("/api/v1/gemeenten/GM0534/applicaties/historie")).json()
    assert team_history["resultaten"][0]["bron"] == "redactie"
    assert team_history["resultaten"][0]["applicatie"] is None

    # In pages, newest first: the pages together are the whole history, each change once.
    whole = history["resultaten"]
    assert history["paginering"]["totaal"] == len(whole) >= 2
    paged = []
    for number in range(1, len(whole) + 1):
        page = await utrecht.get(
            "/api/v1/gemeenten/GM0344/applicaties/historie",
            params={"pagina": number, "paginaGrootte": 1},
        )
        assert page.status_code == 200, page.text
        body = page.json()
        assert body["paginering"]["aantalPaginas"] == len(whole)
        assert (body["_links"]["next"] is None) == (number == len(whole))
        paged += body["resultaten"]
    assert paged == whole
    too_big = await utrecht.get(
        "/api/v1/gemeenten/GM0344/applicaties/historie", params={"paginaGrootte": 101}
    )
    assert too_big.status_code == 400
