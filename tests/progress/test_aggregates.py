"""Aggregates match a brute-force count over the stored rows; the help list is urgent-first."""

from collections import Counter
from collections.abc import Callable
from datetime import date

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.core import clock
from api.measures.models import Measure, Wave
from api.municipalities.models import Municipality
from api.progress.models import ProgressStatus
from tests.auth import EDITOR, UTRECHT, login

DONE = {"geimplementeerd", "geevalueerd"}


def brute_force(db: Session, province: str | None = None) -> tuple[Counter[str], int, int, int]:
    municipalities = [
        m.code
        for m in db.scalars(select(Municipality))
        if province is None or m.province_code == province
    ]
    measures = {m.code: m for m in db.scalars(select(Measure))}
    stored = {
        (s.municipality_code, s.measure_code): s.phase.value
        for s in db.scalars(select(ProgressStatus))
    }
    phases: Counter[str] = Counter()
    in_force = behind = 0
    for municipality in municipalities:
        for code, measure in measures.items():
            phase = stored.get((municipality, code), "niet-gestart")
            phases[phase] += 1
            wave_date = measure.effective_date_override or _wave_date(db, measure)
            if wave_date <= clock.today():
                in_force += 1
                behind += phase not in DONE
    return phases, len(municipalities) * len(measures), in_force, behind


def _wave_date(db: Session, measure: Measure) -> date:
    return db.get_one(Wave, measure.wave_number).legal_effective_date


async def test_national_figures_match_a_count_over_the_rows(
    client: httpx.AsyncClient, db: Session
) -> None:
    [country] = (await client.get("/api/v1/voortgang/overzicht?groep=land")).json()["groepen"]
    phases, cells, in_force, behind = brute_force(db)
    assert country["cellen"] == cells == 342 * 23
    assert country["perFase"] == {p: phases.get(p, 0) for p in country["perFase"]}
    assert country["aandeelGeimplementeerd"] == round(sum(phases[p] for p in DONE) / cells, 4)
    assert country["tekort"] == round(behind / in_force, 4)


async def test_province_figures_add_up(client: httpx.AsyncClient, db: Session) -> None:
    groups = (await client.get("/api/v1/voortgang/overzicht?groep=provincie")).json()["groepen"]
    assert len(groups) == 12
    assert sum(g["cellen"] for g in groups) == 342 * 23
    utrecht = next(g for g in groups if g["groep"]["code"] == "PV26")
    assert utrecht["groep"]["naam"] == "Utrecht"
    phases, cells, _, _ = brute_force(db, "PV26")
    assert utrecht["cellen"] == cells
    assert utrecht["perFase"]["geimplementeerd"] == phases["geimplementeerd"]


async def test_per_measure_and_filters(client: httpx.AsyncClient) -> None:
    per_measure = (await client.get("/api/v1/voortgang/overzicht?groep=maatregel&fase=2")).json()[
        "groepen"
    ]
    assert [g["groep"]["code"] for g in per_measure] == ["M13", "M14"]
    assert all(g["cellen"] == 342 for g in per_measure)
    assert all(g["tekort"] is None for g in per_measure), "wave 2 is not in force yet"
    bad = await client.get("/api/v1/voortgang/overzicht?groep=planeet")
    assert bad.status_code == 400


async def test_public_figures_carry_no_notes(
    client: httpx.AsyncClient, clients: Callable[[], httpx.AsyncClient]
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    etag = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M16")).headers["etag"]
    await contact.put(
        "/api/v1/gemeenten/GM0344/voortgang/M16",
        json={"fase": "orienterend", "notitie": "Vertrouwelijke notitie"},
        headers={"If-Match": etag},
    )
    text = (await client.get("/api/v1/voortgang/overzicht?groep=gemeente")).text
    assert "Vertrouwelijke" not in text
    assert "notitie" not in text


async def test_who_needs_help_now(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor, contact = clients(), clients()
    await login(editor, EDITOR)
    await login(contact, UTRECHT)
    assert (await contact.get("/api/v1/voortgang/hulp-nodig")).status_code == 403
    body = (await editor.get("/api/v1/voortgang/hulp-nodig?binnenDagen=60")).json()
    rows = body["resultaten"]
    assert rows
    lights = [r["verkeerslicht"] for r in rows]
    assert lights == sorted(lights, key=lambda light: light != "te-laat"), "late first"
    assert set(lights) <= {"te-laat", "risico"}
    utrecht = [r for r in rows if r["gemeente"]["code"] == "GM0344"]
    if utrecht:
        assert utrecht[0]["contactpersonen"][0]["code"] == UTRECHT


async def test_unknown_filters_are_400(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/api/v1/voortgang/overzicht?thema=bestaat-niet&maatregel=M99&fase=7"
    )
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {"thema", "maatregel", "fase"}


async def test_figures_revalidate_cheaply_and_change_with_the_data(
    client: httpx.AsyncClient, clients: Callable[[], httpx.AsyncClient]
) -> None:
    first = await client.get("/api/v1/voortgang/overzicht?groep=provincie")
    etag = first.headers["etag"]
    assert (
        await client.get(
            "/api/v1/voortgang/overzicht?groep=provincie", headers={"If-None-Match": etag}
        )
    ).status_code == 304
    contact = clients()
    await login(contact, UTRECHT)
    cell = await contact.get("/api/v1/gemeenten/GM0344/voortgang/M23")
    await contact.put(
        "/api/v1/gemeenten/GM0344/voortgang/M23",
        json={"fase": "geevalueerd" if cell.json()["fase"] != "geevalueerd" else "orienterend"},
        headers={"If-Match": cell.headers["etag"]},
    )
    after = await client.get(
        "/api/v1/voortgang/overzicht?groep=provincie", headers={"If-None-Match": etag}
    )
    assert after.status_code == 200
    map_first = await client.get("/api/v1/kaart/gemeenten")
    assert (
        await client.get(
            "/api/v1/kaart/gemeenten", headers={"If-None-Match": map_first.headers["etag"]}
        )
    ).status_code == 304
