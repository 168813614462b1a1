"""What the meetings' PostgreSQL concurrency tests share: a migrated database of their own, and
many callers let go at the same moment."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import Engine

from api.core.db import build_engine
from api.core.settings import Settings
from tests.databases import base_url, drop_database, is_postgres, migrated_copy

Test = TypeVar("Test", bound=Callable[..., object])


def postgres_only(test: Test) -> Test:
    """SQLite takes one writer at a time: the row locks are tried where they really race."""
    skip = pytest.mark.skipif(
        not is_postgres(base_url()),
        reason="row locking under real concurrency is a PostgreSQL test",
    )
    return pytest.mark.postgres_only(skip(test))  # type: ignore[no-any-return]


@contextmanager
def own_database(label: str, tmp_path: Path) -> Iterator[tuple[Engine, Settings]]:
    """An empty, migrated database for threads that each open their own session (the test's
    rolled-back transaction cannot be shared), mail written to files; dropped afterwards."""
    url = migrated_copy(label)
    try:
        engine = build_engine(url)
        try:
            outbox = str(tmp_path / "outbox")
            yield engine, Settings(database_url=url, mail_backend="file", mail_file_dir=outbox)
        finally:
            engine.dispose()
    finally:
        drop_database(url)


def at_once(count: int, work: Callable[[int], None]) -> list[BaseException]:
    """Runs `work(0)` … `work(count - 1)` in threads let go together; what they raised."""
    start = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(n: int) -> None:
        try:
            start.wait()
            work(n)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors
