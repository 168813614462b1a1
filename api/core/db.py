"""Engine and session. The session dependency is the only place that commits or rolls back."""

from collections.abc import Iterator
from functools import lru_cache
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session

from api.core.errors import DomainError
from api.core.settings import get_settings


def _enable_sqlite_integrity(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINTs; let SQLAlchemy
    # emit BEGIN itself (see _begin_sqlite) so transactions and savepoints behave as on PostgreSQL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.close()


READS_ONLY = "spoorboek_reads_only"


def _begin_sqlite(connection: Connection) -> None:
    # A writing transaction takes the write lock up front (IMMEDIATE): a deferred BEGIN that
    # later upgrades from reading to writing fails at once with "database is locked" when
    # another writer is active, whatever the busy timeout. Reads (GET) begin deferred, so
    # they run beside a writer instead of queueing behind it (WAL).
    reads_only = connection.get_execution_options().get(READS_ONLY, False)
    connection.exec_driver_sql("BEGIN" if reads_only else "BEGIN IMMEDIATE")


def build_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _enable_sqlite_integrity)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


@lru_cache
def engine_for(url: str) -> Engine:
    """One engine (and connection pool) per database URL, for the life of the process."""
    return build_engine(url)


def get_engine() -> Engine:
    return engine_for(get_settings().database_url)


def new_session(url: str | None = None) -> Session:
    return Session(bind=engine_for(url or get_settings().database_url), expire_on_commit=False)


def transactional(session: Session) -> Iterator[Session]:
    """Commits when the request succeeds, rolls back when it fails; a domain error may ask to
    keep its changes (the audit record and throttle count of a failed login must survive)."""
    try:
        yield session
    except DomainError as exc:
        if exc.keep_changes:
            session.commit()
        else:
            session.rollback()
        raise
    except BaseException:
        session.rollback()
        raise
    else:
        session.commit()


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_session(request: Request) -> Iterator[Session]:
    """The request's session, on the database of the app that serves it."""
    session = new_session(request.app.state.settings.database_url)
    if request.method in SAFE_METHODS:
        session.connection(execution_options={READS_ONLY: True})
    try:
        yield from transactional(session)
    finally:
        session.close()


# scope="function": commit (or roll back) when the handler returns, before the response is
# sent, so a client that gets 200 can read its own write at once.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
