"""No request waits for ever on the database: every connection carries the configured lock
(and, on PostgreSQL, statement) time limit, and a wait that runs out, a deadlock or a
serialisation failure is a 503 with Retry-After that changed nothing, never a 500."""

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from psycopg import errors as pg
from sqlalchemy import make_url, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from api.core.db import SessionDep, TimeLimits, build_engine
from api.core.settings import Settings
from api.main import create_app
from api.seed.demo_accounts import DEMO_PASSWORD
from tests.auth import EDITOR
from tests.conftest import api_of, http_client, make_settings
from tests.databases import base_url, is_postgres

LOCK_MS = 300
STATEMENT_MS = 300


def test_the_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert TimeLimits.of(Settings()) == TimeLimits(lock_ms=5000, statement_ms=30_000)
    monkeypatch.setenv("SPOORBOEK_DB_LOCK_TIMEOUT_MS", "1234")
    monkeypatch.setenv("SPOORBOEK_DB_STATEMENT_TIMEOUT_MS", "5678")
    assert TimeLimits.of(Settings()) == TimeLimits(lock_ms=1234, statement_ms=5678)


def test_every_connection_carries_the_limits(database_url: str) -> None:
    engine = build_engine(database_url, TimeLimits(lock_ms=1234, statement_ms=5678))
    try:
        with engine.connect() as connection:
            if is_postgres(database_url):
                assert connection.scalar(text("SHOW lock_timeout")) == "1234ms"
                assert connection.scalar(text("SHOW statement_timeout")) == "5678ms"
            else:
                assert connection.scalar(text("PRAGMA busy_timeout")) == 1234
    finally:
        engine.dispose()


@pytest.fixture
def limited_app(database_url: str, tmp_path: Path, storage_dir: Path) -> FastAPI:
    """The app with real sessions on the suite's database (no test transaction) and short
    limits. Only requests that fail may be sent to it, so nothing is committed."""
    return create_app(
        make_settings(
            database_url,
            tmp_path,
            storage_dir=str(storage_dir),
            db_lock_timeout_ms=LOCK_MS,
            db_statement_timeout_ms=STATEMENT_MS,
        )
    )


@contextmanager
def editor_row_locked(database_url: str) -> Iterator[None]:
    """Another connection holds what a login of the editor must write: the editor's row on
    PostgreSQL, the whole database (its one write lock) on SQLite."""
    if is_postgres(database_url):
        engine = build_engine(database_url)
        with engine.connect() as holder:
            holder.execute(
                text("SELECT id FROM users WHERE email = :email FOR UPDATE"), {"email": EDITOR}
            )
            yield
            holder.rollback()
        engine.dispose()
        return
    holder = sqlite3.connect(make_url(database_url).database or "", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.rollback()
        holder.close()


def _last_login(database_url: str) -> object:
    engine = build_engine(database_url)
    with engine.connect() as connection:
        value = connection.scalar(
            text("SELECT last_login_at FROM users WHERE email = :email"), {"email": EDITOR}
        )
    engine.dispose()
    return value


async def test_a_write_waiting_on_a_lock_gets_503_within_the_lock_timeout(
    limited_app: FastAPI, database_url: str
) -> None:
    before = _last_login(database_url)
    async with http_client(limited_app) as client:
        with editor_row_locked(database_url):
            started = time.perf_counter()
            response = await client.post(
                "/api/v1/sessies", json={"email": EDITOR, "wachtwoord": DEMO_PASSWORD}
            )
            waited = time.perf_counter() - started
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) >= 1
    assert response.json()["title"] == "Dienst niet beschikbaar"
    assert LOCK_MS / 1000 <= waited < LOCK_MS / 1000 + 5, f"waited {waited:.2f} s"
    assert _last_login(database_url) == before, "the refused login changed nothing"


@pytest.mark.postgres_only
@pytest.mark.skipif(not is_postgres(base_url()), reason="statement_timeout is PostgreSQL's")
async def test_a_statement_that_runs_too_long_gets_503(limited_app: FastAPI) -> None:
    def slow(session: SessionDep) -> dict[str, str]:
        session.execute(text("SELECT pg_sleep(5)"))
        return {}

    api_of(limited_app).add_api_route("/traag", slow, methods=["GET"])
    async with http_client(limited_app) as client:
        started = time.perf_counter()
        response = await client.get("/api/v1/traag")
        waited = time.perf_counter() - started
    assert response.status_code == 503, response.text
    assert int(response.headers["retry-after"]) >= 1
    assert waited < 3, f"waited {waited:.2f} s"


_CAUSE: list[Exception] = []
"""What the failing route raises: set by each case, so all cases share one app."""


def _failing() -> None:
    cause = _CAUSE[-1]
    if isinstance(cause, PoolTimeoutError):
        raise cause
    raise OperationalError("UPDATE …", {}, cause)


@pytest.fixture(scope="module")
def failing_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """One app for every case: a new app's first request prepares all its routes (about half
    a second of CPU), which eight apps would pay eight times. It reaches no database."""
    app = create_app(make_settings("sqlite://", tmp_path_factory.mktemp("stuk")))
    api_of(app).add_api_route("/stuk", _failing, methods=["POST"])
    return app


@pytest.mark.parametrize(
    ("cause", "status"),
    [
        (pg.LockNotAvailable("canceling statement due to lock timeout"), 503),
        (pg.QueryCanceled("canceling statement due to statement timeout"), 503),
        (pg.DeadlockDetected("deadlock detected"), 503),
        (pg.SerializationFailure("could not serialize access"), 503),
        (sqlite3.OperationalError("database is locked"), 503),
        (PoolTimeoutError("QueuePool limit of size 10 overflow 20 reached"), 503),
        (pg.UndefinedTable('relation "x" does not exist'), 500),
        (sqlite3.OperationalError("no such table: x"), 500),
    ],
)
@pytest.mark.engine_neutral
async def test_which_database_errors_are_worth_a_retry(
    failing_app: FastAPI, cause: Exception, status: int
) -> None:
    _CAUSE.append(cause)
    async with http_client(failing_app) as client:
        response = await client.post("/api/v1/stuk")
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert ("retry-after" in response.headers) == (status == 503)
    assert "UPDATE" not in response.text, "no internals in the answer"
