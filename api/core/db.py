"""Engine and session. The session dependency is the only place that commits or rolls back."""

from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.core.admission import SAFE_METHODS, Admission
from api.core.errors import DomainError
from api.core.settings import Settings, get_settings

POOL_SIZE = 10
MAX_OVERFLOW = 20
CONNECTIONS = POOL_SIZE + MAX_OVERFLOW
"""Connections one process holds at most; fewer than the thread pool's 40 threads, so whoever
holds a connection always finds a thread to finish with (core/admission.py)."""


@dataclass(frozen=True)
class TimeLimits:
    """How long a statement may wait for a lock, and run, in milliseconds (0: no limit)."""

    lock_ms: int
    statement_ms: int

    @classmethod
    def of(cls, settings: Settings) -> "TimeLimits":
        return cls(settings.db_lock_timeout_ms, settings.db_statement_timeout_ms)


def _sqlite_connection_setup(limits: TimeLimits) -> Callable[[Any, Any], None]:
    def setup(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINTs; let
        # SQLAlchemy emit BEGIN itself (see _begin_sqlite) so transactions and savepoints
        # behave as on PostgreSQL.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # Within a process writers take turns before they touch the lock (core/admission.py);
        # this is the wait for a writer of another process.
        cursor.execute(f"PRAGMA busy_timeout={int(limits.lock_ms)}")
        cursor.close()

    return setup


READS_ONLY = "spoorboek_reads_only"


def _begin_sqlite(connection: Connection) -> None:
    # A writing transaction takes the write lock up front (IMMEDIATE): a deferred BEGIN that
    # later upgrades from reading to writing fails at once with "database is locked" when
    # another writer is active, whatever the busy timeout. Reads (GET) begin deferred, so
    # they run beside a writer instead of queueing behind it (WAL).
    reads_only = connection.get_execution_options().get(READS_ONLY, False)
    connection.exec_driver_sql("BEGIN" if reads_only else "BEGIN IMMEDIATE")


def build_engine(url: str, limits: TimeLimits | None = None) -> Engine:
    """An engine whose every connection carries the time limits (by default the settings')."""
    limits = limits or TimeLimits.of(get_settings())
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False},
            **({} if ":memory:" in url or url == "sqlite://" else _pool()),
        )
        event.listen(engine, "connect", _sqlite_connection_setup(limits))
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    # Set when the connection starts (libpq options), so they hold for every statement on
    # it, pool checks included, without a round trip per request. No JIT: the app's queries
    # take milliseconds, and compiling one whose estimate crossed the JIT's threshold cost more
    # than running it (12 of 43 ms for a similarity search over 50,000 questions).
    options = (
        f"-c lock_timeout={int(limits.lock_ms)} -c statement_timeout={int(limits.statement_ms)} "
        "-c jit=off"
    )
    return create_engine(url, pool_pre_ping=True, connect_args={"options": options}, **_pool())


def _pool() -> dict[str, int]:
    return {"pool_size": POOL_SIZE, "max_overflow": MAX_OVERFLOW}


@lru_cache
def engine_for(url: str, limits: TimeLimits | None = None) -> Engine:
    """One engine (and connection pool) per database URL and limits, for the life of the
    process."""
    return build_engine(url, limits)


def new_session(url: str | None = None, limits: TimeLimits | None = None) -> Session:
    return Session(
        bind=engine_for(url or get_settings().database_url, limits), expire_on_commit=False
    )


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


def admission_of(state: State) -> Admission:
    """The app's turns (core/admission.py). One per app (one app per process), made inside the
    event loop that uses it; no await between looking and setting."""
    admission: Admission | None = getattr(state, "admission", None)
    if admission is None:
        settings: Settings = state.settings
        admission = state.admission = Admission(
            CONNECTIONS, settings.is_sqlite, settings.db_queue_timeout_ms / 1000
        )
    return admission


async def database_turn(request: Request) -> AsyncIterator[None]:
    """Waits, on the event loop, until this request may use the database (core/admission.py)."""
    async with admission_of(request.app.state).turn(request.method):
        yield


def get_session(
    request: Request,
    # Function scope like the session's: the turn ends after the commit, before the response.
    _turn: Annotated[None, Depends(database_turn, scope="function")],
) -> Iterator[Session]:
    """The request's session, on the database of the app that serves it, once its turn has
    come."""
    settings: Settings = request.app.state.settings
    session = new_session(settings.database_url, TimeLimits.of(settings))
    if request.method in SAFE_METHODS:
        session.connection(execution_options={READS_ONLY: True})
    try:
        yield from transactional(session)
    finally:
        session.close()


# scope="function": commit (or roll back) when the handler returns, before the response is
# sent, so a client that gets 200 can read its own write at once.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
