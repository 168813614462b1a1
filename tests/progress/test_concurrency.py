"""Writers at once on PostgreSQL: fifty single-cell writers lose no update and duplicate no
history; overlapping bulk writes neither deadlock nor tear, whatever order their rows come in."""

import itertools
import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from graphlib import TopologicalSorter

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from api.core.conditional import PreconditionFailedError
from api.core.db import build_engine
from api.core.errors import DomainError
from api.core.security import Principal, Role
from api.progress import bulk, repository, status
from api.progress.cells import CellChange, state_of
from api.progress.models import Phase, ProgressSnapshot, ProgressStatus
from api.progress.rows import ParsedRow, parse_row
from tests.databases import base_url, drop_database, is_postgres, reference_copy

pytestmark = pytest.mark.skipif(
    not is_postgres(base_url()), reason="row locking under real concurrency is a PostgreSQL test"
)
EDITOR = Principal(kind="user", user_id=1, roles=frozenset({Role.EDITOR}))
WRITERS = 50
CELLS = [("GM0344", "M15"), ("GM0344", "M16"), ("GM0363", "M15")]


def test_fifty_concurrent_writers_lose_nothing() -> None:
    url = reference_copy("concurrency")
    try:
        engine = build_engine(url)
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
                                CellChange(
                                    phase=Phase.PREPARING,
                                    planned_go_live=date(2027, 1, 1),
                                    note=f"schrijver {n}",
                                    blockers=None,
                                    steps_done={},
                                ),
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


@contextmanager
def _reference_database(label: str) -> Iterator[Engine]:
    url = reference_copy(label)
    try:
        engine = build_engine(url)
        yield engine
        engine.dispose()
    finally:
        drop_database(url)


BULK_WRITERS = 24
BULK_CELLS = [(m, f"M0{n}") for m in ("GM0344", "GM0363") for n in range(1, 7)]
NEW_CELLS = set(BULK_CELLS[::4])
"""Cells no one wrote before the writers start: their first writes race to insert them."""


def _bulk_rows(n: int) -> list[ParsedRow]:
    """Eight of the twelve cells, in an order of this writer's own."""
    cells = random.Random(n).sample(BULK_CELLS, 8)  # noqa: S311 - a repeatable shuffle
    return [
        parse_row(
            number,
            {"gemeente": code, "maatregel": measure, "fase": "orienterend", "notitie": f"bulk {n}"},
        )
        for number, (code, measure) in enumerate(cells, start=1)
    ]


def test_overlapping_bulk_writes_neither_deadlock_nor_tear() -> None:
    with _reference_database("bulk_concurrency") as engine:
        with Session(engine) as session:
            bulk.import_rows(
                session,
                EDITOR,
                [
                    parse_row(
                        number,
                        {
                            "gemeente": code,
                            "maatregel": measure,
                            "fase": "orienterend",
                            "notitie": "0",
                        },
                    )
                    for number, (code, measure) in enumerate(BULK_CELLS, start=1)
                    if (code, measure) not in NEW_CELLS
                ],
            )
            session.commit()
        answers: dict[int, int] = {}
        errors: list[BaseException] = []
        start = threading.Barrier(BULK_WRITERS)

        def writer(n: int) -> None:
            rows = _bulk_rows(n)
            try:
                start.wait()
                with Session(engine) as session:
                    try:
                        bulk.import_rows(session, EDITOR, rows)
                        session.commit()
                        answers[n] = 200
                    except DomainError as exc:
                        session.rollback()
                        answers[n] = exc.status
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(BULK_WRITERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        # Anything but a domain error would be a 500 (a deadlock among them).
        assert not errors, f"{len(errors)} of {BULK_WRITERS} failed, the first: {errors[0]!r}"
        assert answers == dict.fromkeys(range(BULK_WRITERS), 200), "no writer sent a version"

        with Session(engine) as session:
            order: dict[int, set[int]] = {n: set() for n in range(BULK_WRITERS)}
            for code, measure in BULK_CELLS:
                history = session.execute(
                    select(ProgressSnapshot.version, ProgressSnapshot.note)
                    .where(
                        ProgressSnapshot.municipality_code == code,
                        ProgressSnapshot.measure_code == measure,
                    )
                    .order_by(ProgressSnapshot.version)
                ).all()
                writers = [int(note.removeprefix("bulk ")) for _, note in history if note != "0"]
                expected = [n for n in range(BULK_WRITERS) if (code, measure) in _cells_of(n)]
                assert sorted(writers) == expected, f"{code} {measure}: each write once"
                assert [v for v, _ in history] == list(range(1, len(history) + 1))
                for earlier, later in itertools.pairwise(writers):
                    order[later].add(earlier)
                cell = repository.status(session, code, measure)
                assert cell is not None
                assert (cell.version, cell.note) == history[-1], "the cell is its last write"
            # The writers' order on each cell must agree with one serial order of all of them.
            list(TopologicalSorter(order).static_order())


def _cells_of(n: int) -> set[tuple[str, str]]:
    return {(row.municipality, row.measure) for row in _bulk_rows(n)}
