"""The version reads of kept answers (core/kept.py): the counters read once per round, and on
PostgreSQL one connection kept open for them (core/key_connection.py)."""

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from api.core import data_versions
from api.core.db import build_engine
from api.core.key_connection import KeyConnection
from api.progress import versions
from tests.conftest import QueryCounter
from tests.databases import base_url, drop_database, is_postgres, migrated_copy


def test_the_keys_of_one_round_read_the_counters_once(
    connection: Connection, count_queries: QueryCounter
) -> None:
    # Without it every key reads them anew: two queries for these two keys.
    versions.progress(connection)
    data_versions.key(connection, data_versions.NEWSLETTERS)
    assert count_queries.count == 2
    with data_versions.read_once():
        progress = versions.progress(connection)
        newsletters = data_versions.key(connection, data_versions.NEWSLETTERS)
    assert count_queries.count == 3
    assert progress == versions.progress(connection)
    assert newsletters == data_versions.key(connection, data_versions.NEWSLETTERS)


@pytest.fixture
def own_database() -> Iterator[Engine]:
    """A database of its own: the test commits, and ends connections."""
    url = migrated_copy("keys")
    engine = build_engine(url)
    yield engine
    engine.dispose()
    drop_database(url)


def _raise_progress(engine: Engine) -> None:
    with Session(engine) as session:
        data_versions.writing(session, data_versions.PROGRESS)
        session.commit()


@pytest.mark.skipif(
    not is_postgres(base_url()), reason="the kept connection is PostgreSQL's (SQLite: the pool)"
)
def test_the_kept_connection_sees_every_commit_and_a_broken_one_is_replaced(
    own_database: Engine,
) -> None:
    kept = KeyConnection(own_database)
    first = kept.run(versions.progress)
    _raise_progress(own_database)
    second = kept.run(versions.progress)
    assert second != first, "a commit made before the read must be seen: no snapshot is held"
    assert kept.opened == 1, "the connection is kept between reads"

    backend = kept.run(lambda c: c.execute(text("SELECT pg_backend_pid()")).scalar_one())
    with own_database.connect() as other:
        other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
    with pytest.raises(DBAPIError):
        kept.run(versions.progress)
    # The failed round's waiters went to their routes; the next round has a new connection.
    _raise_progress(own_database)
    third = kept.run(versions.progress)
    assert kept.opened == 2
    assert third not in (first, second)
    kept.close()
