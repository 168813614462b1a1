"""Change since the previous period, targets per wave, and a municipality's own time series:
each figure recounted by brute force from the progress history."""

from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.core import clock
from api.measures.models import Measure, Wave
from api.municipalities.models import Municipality
from api.progress.models import Phase, ProgressSnapshot
from api.seed.demo_targets import load_demo_targets
from tests.auth import EDITOR, UTRECHT, login
from tests.progress.helpers import move_utrechts_m20

DONE = {Phase.IMPLEMENTED, Phase.EVALUATED}


def _done_at_end_of(
    db: Session, day: date | None, municipality: str | None = None
) -> tuple[Counter[tuple[str, str]], int]:
    """Per (municipality, measure) 1 when its last history entry up to the end of `day` (or
    now) is a done phase, replayed entry by entry; and the number of municipalities."""
    query = select(
        ProgressSnapshot.municipality_code,
        ProgressSnapshot.measure_code,
        ProgressSnapshot.phase,
    ).order_by(ProgressSnapshot.recorded_at, ProgressSnapshot.version)
    if day is not None:
        query = query.where(ProgressSnapshot.recorded_at < clock.start_of_day(day + timedelta(1)))
    if municipality is not None:
        query = query.where(ProgressSnapshot.municipality_code == municipality)
    phase: dict[tuple[str, str], Phase] = {}
    for place, measure, value in db.execute(query):
        phase[place, measure] = value
    done = Counter({key: 1 for key, value in phase.items() if value in DONE})
    places = db.scalar(select(func.count()).select_from(Municipality)) or 0
    return done, places


def _share(done: int, cells: int) -> float:
    return round(done / cells, 4)


async def test_the_change_since_last_month_is_a_recount_of_the_history(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    public, contact = clients(), clients()
    await login(contact, UTRECHT)
    await move_utrechts_m20(contact)  # a change this month, so there is one to see
    body = (await public.get("/api/v1/dashboard")).json()
    today = date.fromisoformat(body["peildatum"])
    before_day = today.replace(day=1) - timedelta(days=1)
    measures = list(db.scalars(select(Measure.code)))
    now, places = _done_at_end_of(db, None)
    then, _ = _done_at_end_of(db, before_day)

    country = body["landelijk"]
    cells = places * len(measures)
    assert country["vorigePeriode"]["peildatum"] == before_day.isoformat()
    assert country["vorigePeriode"]["sinds"] == today.replace(day=1).isoformat()
    assert country["aandeelGeimplementeerd"] == _share(now.total(), cells)
    assert country["vorigePeriode"]["aandeelGeimplementeerd"] == _share(then.total(), cells)
    assert country["verandering"]["aandeelGeimplementeerd"] == round(
        (_share(now.total(), cells) - _share(then.total(), cells)) * 100, 1
    )
    changed = 0
    for row in body["perMaatregel"]:
        code = row["groep"]["code"]
        done_now = sum(n for (_, m), n in now.items() if m == code)
        done_then = sum(n for (_, m), n in then.items() if m == code)
        assert row["vorigePeriode"]["aandeelGeimplementeerd"] == _share(done_then, places), code
        assert row["verandering"]["aandeelGeimplementeerd"] == round(
            (_share(done_now, places) - _share(done_then, places)) * 100, 1
        ), code
        changed += row["verandering"]["aandeelGeimplementeerd"] != 0
    assert changed, "the history must hold a change since last month"


def test_the_demo_sets_a_target_where_none_is_and_a_second_run_changes_nothing(
    db: Session,
) -> None:
    waves = db.scalars(select(Wave).order_by(Wave.number)).all()
    assert [wave.target for wave in waves] == [90, 90, 90]
    waves[1].target = None
    version = waves[1].version
    db.flush()

    assert load_demo_targets(db, lambda: None) == (1, 2)
    assert [wave.target for wave in waves] == [90, 90, 90]
    assert waves[1].version == version + 1
    assert load_demo_targets(db, lambda: None) == (0, 3)
    assert waves[1].version == version + 1


async def test_an_editor_sets_a_wave_target_with_if_match(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor, public = clients(), clients()
    await login(editor, EDITOR)
    wave = (await public.get("/api/v1/fasen/1")).json()
    assert wave["doel"] == 90  # the demo's
    version = wave["versie"]

    for bad in (101, -1, 90.5, "90", True):
        refused = await editor.patch(
            "/api/v1/fasen/1", json={"doel": bad}, headers={"If-Match": f'"v{version}"'}
        )
        assert refused.status_code == 400, bad
        assert refused.headers["content-type"] == "application/problem+json"
    assert (await public.get("/api/v1/fasen/1")).json()["doel"] == 90

    set_ = await editor.patch(
        "/api/v1/fasen/1", json={"doel": 80}, headers={"If-Match": f'"v{version}"'}
    )
    assert set_.status_code == 200, set_.text
    assert set_.json()["doel"] == 80
    assert set_.headers["etag"] == f'"v{version + 1}"'
    stale = await editor.patch(
        "/api/v1/fasen/1", json={"doel": 70}, headers={"If-Match": f'"v{version}"'}
    )
    assert stale.status_code == 412
    assert stale.json()["huidigeVersie"] == version + 1

    dashboard = (await public.get("/api/v1/dashboard")).json()
    first = next(w for w in dashboard["fasen"] if w["nummer"] == 1)
    assert first["doel"] == 0.8
    # Wave 1 applies since 1 January 2026: its share then is measured against the target.
    overview = (
        await public.get(
            "/api/v1/voortgang/overzicht",
            params={"groep": "fase", "peildatum": "2025-12-31"},
        )
    ).json()
    then = next(g for g in overview["groepen"] if g["groep"]["code"] == "1")
    assert first["aandeelOpIngangsdatum"] == then["aandeelGeimplementeerd"]
    assert first["doelGehaald"] == (then["aandeelGeimplementeerd"] >= 0.8)
    not_yet = [w for w in dashboard["fasen"] if w["dagenTotIngang"] > 0]
    assert all(w["aandeelOpIngangsdatum"] is None for w in not_yet)

    cleared = await editor.patch(
        "/api/v1/fasen/1", json={"doel": None}, headers={"If-Match": set_.headers["etag"]}
    )
    assert cleared.status_code == 200, cleared.text
    assert cleared.json()["doel"] is None
    assert (await public.patch("/api/v1/fasen/1", json={"doel": 50})).status_code == 401
    # Loading the demo again does not undo the editor's choice of no target.
    assert load_demo_targets(db, lambda: None) == (0, 3)
    assert (await public.get("/api/v1/fasen/1")).json()["doel"] is None


async def test_a_municipality_series_is_a_recount_of_its_history(
    client: httpx.AsyncClient, db: Session
) -> None:
    response = await client.get("/api/v1/gemeenten/GM0344/verloop")
    assert response.status_code == 200, response.text
    body = response.json()
    points = body["punten"]
    assert len(points) == 13
    assert points[-1]["peildatum"] == body["peildatum"]
    measures = len(list(db.scalars(select(Measure.code))))
    for point in points:
        day = date.fromisoformat(point["peildatum"])
        done, _ = _done_at_end_of(db, None if day == clock.today() else day, "GM0344")
        own = sum(n for (m, _), n in done.items() if m == "GM0344")
        assert (point["cellen"], point["geimplementeerd"]) == (measures, own), day
        assert point["aandeelGeimplementeerd"] == _share(own, measures)
    assert len({p["geimplementeerd"] for p in points}) > 1, "Utrecht's history must move"
    last = db.scalar(
        select(func.max(ProgressSnapshot.recorded_at)).where(
            ProgressSnapshot.municipality_code == "GM0344"
        )
    )
    assert last is not None
    assert datetime.fromisoformat(body["laatstBijgewerkt"]) == last
    again = await client.get(
        "/api/v1/gemeenten/GM0344/verloop", headers={"If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304
    rows = (await client.get(body["herkomst"]["csv"])).content.decode("utf-8-sig").splitlines()[1:]
    assert [r.split(";")[2] for r in rows] == [str(p["geimplementeerd"]) for p in points]
    assert (await client.get("/api/v1/gemeenten/GM9999/verloop")).status_code == 404
