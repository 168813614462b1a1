"""Fifty writers at once on PostgreSQL: no lost update and no duplicate history."""

import threading
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.core.db import build_engine
from api.core.migrations import upgrade_to_head
from api.core.preconditions import PreconditionFailedError
from api.core.security import Principal, Role
from api.progress import repository, status
from api.progress.cells import state_of
from api.progress.models import Phase, ProgressSnapshot, ProgressStatus
from api.seed.reference import load_reference_data
from tests.databases import base_url, create_database, drop_database, is_postgres

pytestmark = pytest.mark.skipif(
    not is_postgres(base_url()), reason="row locking under real concurrency is a PostgreSQL test"
)
EDITOR = Principal(kind="user", user_id=1, roles=frozenset({Role.EDITOR}))
WRITERS = 50
CELLS = [("GM0344", "M15"), ("GM0344", "M16"), ("GM0363", "M15")]


def test_fifty_concurrent_writers_lose_nothing() -> None:
    url = create_database("concurrency")
    try:
        upgrade_to_head(url)
        engine = build_engine(url)
        with Session(engine) as session:
            load_reference_data(session)
            session.commit()
        errors: list[BaseException] = []
        start = threading.Barrier(WRITERS)

        def writer(n: int) -> None:
            municipality, measure = CELLS[n % 3] if n % 5 else CELLS[0]
            try:
                start.wait()
                while True:
                    with Session(engine) as session:
                        current = state_of(repository.status(session, municipality, measure))
                        try:
                            status.update_cell(
                                session,
                                EDITOR,
                                municipality,
                                measure,
                                current.version,
                                {
                                    "phase": Phase.PREPARING,
                                    "planned_go_live": date(2027, 1, 1),
                                    "note": f"schrijver {n}",
                                    "blockers": None,
                                    "steps_done": {},
                                },
                            )
                            session.commit()
                            return
                        except PreconditionFailedError:
                            session.rollback()
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not errors, errors
        with Session(engine) as session:
            versions = {
                (s.municipality_code, s.measure_code): s.version
                for s in session.scalars(select(ProgressStatus))
            }
            assert sum(versions.values()) == WRITERS, "every writer's update counted once"
            for (municipality, measure), version in versions.items():
                history = session.scalars(
                    select(ProgressSnapshot.version)
                    .where(
                        ProgressSnapshot.municipality_code == municipality,
                        ProgressSnapshot.measure_code == measure,
                    )
                    .order_by(ProgressSnapshot.version)
                ).all()
                assert list(history) == list(range(1, version + 1)), "no gaps, no duplicates"
            notes = session.scalar(select(func.count(func.distinct(ProgressSnapshot.note))))
            assert notes == WRITERS
        engine.dispose()
    finally:
        drop_database(url)
