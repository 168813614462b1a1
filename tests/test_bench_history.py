"""The bench's ten years of history (`bench.database.lengthen_history`): every written cell gets
a path over the years before its own history that ends where that history starts, with
versions, times and changes as the app writes them, and the figures' bookkeeping is told."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from api.core import data_versions
from api.core.db import build_engine
from api.core.figure_cache import CachedFigure
from api.progress import repository
from api.progress.models import Phase, ProgressSnapshot, ProgressStatus, Source
from bench import database
from tests.databases import drop_database, reference_copy

PATHS = {
    # A cell the demo moved through three phases in the last year, one it only oriented on,
    # and (no path) one never written.
    ("GM0344", "M01"): [(Phase.ORIENTING, 300), (Phase.PREPARING, 120), (Phase.IMPLEMENTED, 20)],
    ("GM0363", "M02"): [(Phase.ORIENTING, 40)],
}
UNWRITTEN = ("GM0599", "M01")


@pytest.fixture
def url() -> Iterator[str]:
    url = reference_copy("benchhistory")
    engine = build_engine(url)
    today = date.today()
    with Session(engine) as session:
        for (code, measure), path in PATHS.items():
            phase = Phase.NOT_STARTED
            for version, (new, days_ago) in enumerate(path, start=1):
                at = datetime.combine(today - timedelta(days=days_ago), time(10), tzinfo=UTC)
                session.add(
                    ProgressSnapshot(
                        municipality_code=code,
                        measure_code=measure,
                        version=version,
                        phase=new,
                        steps_done={},
                        changes={"fase": {"van": phase.value, "naar": new.value}},
                        source=Source.PERSON,
                        recorded_by="user:demo",
                        recorded_at=at,
                    )
                )
                phase = new
            session.add(
                ProgressStatus(
                    municipality_code=code,
                    measure_code=measure,
                    phase=phase,
                    steps_done={},
                    version=len(path),
                    updated_by="user:demo",
                    updated_at=at,
                )
            )
        session.add(CachedFigure(key="trend:2026-01-31", version="x", body="{}"))
        session.commit()
    engine.dispose()
    yield url
    drop_database(url)


def test_every_written_cell_gets_ten_years_ending_where_its_history_starts(url: str) -> None:
    engine = build_engine(url)
    with Session(engine) as session:
        counter = data_versions.current(session)[data_versions.PROGRESS]
        keys = _keys(session)
    engine.dispose()

    history, added = database.lengthen_history(url, years=10)

    slots = 9 * database.CHANGES_PER_YEAR
    assert added == slots * len(PATHS)
    assert history == added + sum(len(path) for path in PATHS.values())
    engine = build_engine(url)
    with Session(engine) as session:
        now = datetime.now(UTC)
        for (code, measure), path in PATHS.items():
            rows = repository.history(session, code, measure)
            status = session.get(ProgressStatus, (code, measure))
            assert status is not None
            assert [row.version for row in rows] == list(range(1, slots + len(path) + 1))
            assert status.version == rows[-1].version
            assert status.phase == rows[-1].phase
            times = [row.recorded_at for row in rows]
            assert times == sorted(times)
            assert len(set(times)) == len(times)
            assert now - timedelta(days=3651) < times[0] < now - timedelta(days=9 * 365)
            earlier, own = rows[:slots], rows[slots:]
            assert times[slots - 1] < own[0].recorded_at - timedelta(days=1)
            # The earlier path goes through the phases and ends not started, with no note,
            # where the cell's own first change (from not started) begins.
            assert {row.phase for row in earlier} == {
                Phase.NOT_STARTED,
                Phase.ORIENTING,
                Phase.PREPARING,
            }
            assert (earlier[-1].phase, earlier[-1].note) == (Phase.NOT_STARTED, None)
            # Each change starts from the state the row before left.
            before = {"fase": Phase.NOT_STARTED.value, "notitie": None}
            for row in earlier:
                for field, change in row.changes.items():
                    assert change["van"] == before[field]
                    before[field] = change["naar"]
                assert before == {"fase": row.phase.value, "notitie": row.note}
            assert own[0].changes["fase"]["van"] == before["fase"]
            assert status.data_version == counter + 1
        # The past as the figures read it: within the cells' own history as before (200 days
        # ago one had oriented, the other not started yet); five years ago both were written.
        assert repository.phases_and_steps(session, now - timedelta(days=200)) == {
            (code, measure): (Phase.NOT_STARTED, {}) for code, measure in PATHS
        } | {("GM0344", "M01"): (Phase.ORIENTING, {})}
        assert set(repository.phases_and_steps(session, now - timedelta(days=5 * 365))) == set(
            PATHS
        )
        assert not repository.history(session, *UNWRITTEN)
        assert data_versions.current(session)[data_versions.PROGRESS] == counter + 1
        assert session.scalars(select(CachedFigure)).first() is None
        # The indexes and foreign keys set aside during the fill are back.
        assert _keys(session) == keys
    engine.dispose()


def _keys(session: Session) -> tuple[list[str], list[str], list[str]]:
    schema = inspect(session.connection())
    return (
        sorted(i["name"] or "" for i in schema.get_indexes("progress_history")),
        sorted(k["name"] or "" for k in schema.get_foreign_keys("progress_history")),
        sorted(u["name"] or "" for u in schema.get_unique_constraints("progress_history")),
    )
