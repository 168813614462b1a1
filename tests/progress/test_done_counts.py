"""The past days' figures that need no verdict are counted from which cells were done
(done_counts) instead of judging every cell: each count must be what the judged grid of that day
adds up, and the dashboard's kept figures what they were when they came from the judged grid."""

import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import NoReturn

import httpx
import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api.core import clock
from api.core.figure_cache import CachedFigure
from api.dashboard import service
from api.dashboard.schemas import TrendPoint
from api.measures.models import Wave
from api.progress import aggregates, done_counts, grid
from api.progress.grid import Tally
from tests.auth import UTRECHT, login
from tests.progress.helpers import move_utrechts_m20


def counted(tally: Tally) -> tuple[int, ...]:
    """What a tally counts without a verdict."""
    return (tally.cells, tally.done, tally.in_force, tally.behind, tally.behind_days)


def edges(db: Session, today: date) -> list[date]:
    """Each wave's target day (the day before its legal date) and each measure's legal date
    that has come: the days a cell falls due."""
    waves = [w.legal_effective_date - timedelta(days=1) for w in db.scalars(select(Wave))]
    measures = grid.load_reference(db).subjects.values()
    return [*waves, *(s.effective for s in measures if s.effective <= today)]


async def changed_today(clients: Callable[[], httpx.AsyncClient], db: Session) -> None:
    """Two writes to one cell today: Utrecht's M20 done and then not, or the other way."""
    contact = clients()
    await login(contact, UTRECHT)
    await move_utrechts_m20(contact)
    await move_utrechts_m20(contact)
    db.expire_all()


async def test_the_counts_of_each_day_are_what_its_judged_grid_adds_up(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    """Over the demo's year of history, the days cells fall due and a day with two writes to
    one cell: per measure, per municipality and the country, against a grid of each day built
    from its own history query and judged."""
    await changed_today(clients, db)
    today = clock.today()
    days = sorted(
        {*service.month_ends(today, 12), *edges(db, today), today - timedelta(days=3), today}
    )
    together = list(done_counts.at_ends_of(db, days))
    assert [c.today for c in together] == days
    for counts in together:
        alone = grid.build(db, counts.today, as_of=counts.today)
        assert {code: counted(t) for code, t in counts.measures.items()} == {
            code: counted(alone.tallies["land", "NL", code]) for code in alone.subjects
        }, counts.today
        assert {code: counted(t) for code, t in counts.places.items()} == {
            code: counted(t) for code, t in alone.place_totals.items()
        }, counts.today
        national = service.national(alone)
        figures = counts.country().figures(national.groep)
        assert (figures.tekort, figures.aandeel_geimplementeerd) == (
            national.tekort,
            national.aandeel_geimplementeerd,
        )
        assert figures.gemiddelde_achterstand_dagen == national.gemiddelde_achterstand_dagen
        # A day of its own, counted by the database, says the same per measure.
        subjects = list(alone.subjects.values())
        on_its_own = done_counts.measures_at_end_of(db, counts.today, len(alone.places), subjects)
        assert {code: counted(t) for code, t in on_its_own.items()} == {
            code: counted(t) for code, t in counts.measures.items()
        }, counts.today
    # The days differ, and in ways that need every branch: cells done, undone and behind.
    assert len({tuple(counted(c.country())) for c in together}) > 3
    assert any(counted(c.country())[3] for c in together), "some cells are behind"
    assert any(c.country().in_force < c.country().cells for c in together), "and some not due"


async def test_the_kept_trend_is_what_the_judged_month_ends_gave(
    clients: Callable[[], httpx.AsyncClient], db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cold, the trend and every municipality's series keep under the same keys the same
    bodies as when each month end was judged in full (a running service's kept months stay
    valid), and the dashboard measures each wave's target by the share per wave of that day."""
    await changed_today(clients, db)
    db.execute(delete(CachedFigure))
    today = clock.today()
    cells = grid.build(db, today)
    points = service.trend(db, cells)
    kept = {row.key: row.body for row in db.scalars(select(CachedFigure))}
    days = service.month_ends(today, service.TREND_MONTHS)
    assert [p.peildatum for p in points] == [*days, today]
    for then in grid.at_ends_of(db, days):
        day = then.today
        national = service.national(then)
        point = TrendPoint(
            peildatum=day,
            tekort=national.tekort,
            aandeel_geimplementeerd=national.aandeel_geimplementeerd,
            gemiddelde_achterstand_dagen=national.gemiddelde_achterstand_dagen,
        )
        assert kept[f"trend:{day}"] == point.model_dump_json(by_alias=True)
        counts = {c: [t.cells, t.done, t.in_force, t.behind] for c, t in then.place_totals.items()}
        assert kept[f"trend-gemeenten:{day}"] == json.dumps(counts)
    assert service.municipality_trend(db, cells, "GM0344")[-1].cellen == len(cells.subjects)

    moments = service.with_wave_figures(db, cells, service.waves(db, today))
    in_force = [m for m in moments if m.ingangsdatum <= today]
    assert in_force, "the demo has a wave in force"
    for moment in moments:
        if moment.ingangsdatum > today:
            assert moment.aandeel_op_ingangsdatum is None
            continue
        day = moment.ingangsdatum - timedelta(days=1)
        groups = aggregates.overview(grid.build(db, day, as_of=day), "fase").groepen
        then = next(g for g in groups if g.groep.code == str(moment.nummer))
        assert moment.aandeel_op_ingangsdatum == then.aandeel_geimplementeerd
    # Kept: asked again, the shares come from the database, not from the history.
    kept_keys = set(db.scalars(select(CachedFigure.key)))
    for moment in in_force:
        day = moment.ingangsdatum - timedelta(days=1)
        assert f"aandeel-op-ingangsdatum:{moment.nummer}:{day}" in kept_keys

    def not_again(*args: object) -> NoReturn:
        raise AssertionError("counted again")

    monkeypatch.setattr(done_counts, "measures_at_end_of", not_again)
    assert service.with_wave_figures(db, cells, service.waves(db, today)) == moments
