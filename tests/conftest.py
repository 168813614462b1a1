"""Test fixtures: one migrated and seeded database per session (SQLite by default, PostgreSQL
when TEST_DATABASE_URL is set), each test inside a transaction that is rolled back, and an
httpx client over the ASGI app."""

import functools
import gc
import os
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Connection, Engine, event
from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.accounts import passwords
from api.accounts.keys import signing_key
from api.core import clock
from api.core.db import build_engine, get_session, transactional
from api.core.settings import Settings
from api.dashboard import service as dashboard
from api.main import create_app
from api.progress import grid
from api.seed.demo import load_demo_data
from api.seed.reference import load_reference_data
from tests.databases import (
    base_url,
    clone_database,
    drop_database,
    drop_templates,
    is_postgres,
    migrated_copy,
)

# Logins are tested for what they decide, not for how long argon2 takes: the lowest cost keeps
# hundreds of them from costing minutes. The application never lowers it.
passwords.use_cheap_hashing_in_tests()


def pytest_sessionstart(session: pytest.Session) -> None:
    """The suite holds a large heap of long-lived objects (the app with its routes and schemas,
    SQLAlchemy's mappers, the imported modules) that Python's cycle collector, at its default
    thresholds, walks again after every few thousand allocations. Frozen out of its way, and
    with young objects collected less often, the suite takes about a sixth less CPU time
    (progress, questions and signals on SQLite: 47 s to 39 s). The application keeps Python's
    defaults."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On PostgreSQL, leave out what reaches no database: it ran on the SQLite run."""
    if not is_postgres(base_url()):
        return
    neutral = [item for item in items if item.get_closest_marker("engine_neutral")]
    if neutral:
        config.hook.pytest_deselected(items=neutral)
        items[:] = [item for item in items if not item.get_closest_marker("engine_neutral")]


def pytest_report_header() -> str:
    url = os.environ.get("TEST_DATABASE_URL", "sqlite (temporary file)")
    return f"database: {url.split('://')[0] if '://' in url else url}"


@pytest.fixture(scope="session", autouse=True)
def templates() -> Iterator[None]:
    """The databases that fixtures copy instead of migrating their own (tests/databases.py),
    dropped at the end of the run."""
    yield
    drop_templates()


@pytest.fixture(scope="session")
def storage_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the suite's files live (the demo catalogue's PDFs among them)."""
    return tmp_path_factory.mktemp("bestanden")


@pytest.fixture(scope="session")
def demo_template(storage_dir: Path) -> Iterator[str]:
    """A migrated database with the reference and demo data, made once per run and never
    connected to afterwards (PostgreSQL copies a template only then): the suite's database, and
    the databases of live servers that need the demo data, are copies of it. Loading the demo
    data takes seconds; a copy, a fraction of one."""
    url = migrated_copy("demo")
    engine = build_engine(url)
    with Session(engine) as session:
        load_reference_data(session)
        load_demo_data(session, Settings(database_url=url, storage_dir=str(storage_dir)))
        # One signing key for the whole run: making an RSA key in every test costs seconds.
        signing_key(session, Settings(database_url=url))
        # The figures of the past months, cached as a running service has them.
        dashboard.trend(session, grid.build(session, clock.today()))
        session.commit()
    engine.dispose()
    yield url
    drop_database(url)


@pytest.fixture(scope="session")
def database_url(demo_template: str) -> Iterator[str]:
    url = clone_database(demo_template, "suite")
    yield url
    drop_database(url)


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = build_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as connection:
        transaction = connection.begin()
        yield connection
        transaction.rollback()


@pytest.fixture
def db(connection: Connection) -> Iterator[Session]:
    """A session whose commits only release savepoints: the test's transaction is rolled back."""
    session = Session(bind=connection, join_transaction_mode="create_savepoint")
    yield session
    session.close()


_FOLDERS = ("storage_dir", "spa_dist", "mail_file_dir")


def make_settings(database_url: str, tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "storage_dir": str(tmp_path / "bestanden"),
        "spa_dist": str(tmp_path / "no-spa"),
        "mail_file_dir": str(tmp_path / "outbox"),
        **overrides,
    }
    if set(overrides) <= set(_FOLDERS):
        # Only folders differ from test to test: a copy of settings read once (reading and
        # validating them costs 2 ms, as much as many a test).
        return _settings_of(database_url).model_copy(update=values)
    return _read_settings(database_url, **values)


@functools.cache
def _settings_of(database_url: str) -> Settings:
    return _read_settings(database_url)


def _read_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "environment": "test",
        "log_format": "console",
        "log_level": "WARNING",
        "mail_backend": "file",
        # Enforcement of the second factor has tests of its own; elsewhere it is off.
        "second_factor_roles": "",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def api_of(app: FastAPI) -> FastAPI:
    return app.state.api  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def shared_app(
    database_url: str, storage_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> FastAPI:
    """One app for the tests that take the default settings. FastAPI prepares every route of a
    new app on its first request (about 0.1 s); once per run instead of once per test."""
    folder = tmp_path_factory.mktemp("app")
    return create_app(make_settings(database_url, folder, storage_dir=str(storage_dir)))


@pytest.fixture(scope="session")
def untouched_grid(engine: Engine) -> grid.Grid:
    """The grid of figures of the suite's database as every test finds it, built once. Each test's
    app starts from it instead of building its own: most tests that read figures change nothing
    first, and a test that writes gets a patched copy (`Grid.patched` leaves the grid it starts
    from as it was). A test on another day, or after a change of reference data, builds anew."""
    with Session(engine) as session:
        return grid.current(session, clock.today(), State())


@pytest.fixture
def app(
    shared_app: FastAPI,
    database_url: str,
    db: Session,
    tmp_path: Path,
    storage_dir: Path,
    untouched_grid: grid.Grid,
) -> Iterator[FastAPI]:
    """The shared app, as new for this test: its own settings (mail goes to this test's folder),
    no state left by an earlier test, and its sessions inside this test's transaction."""
    api = api_of(shared_app)
    settings = make_settings(database_url, tmp_path, storage_dir=str(storage_dir))
    shared_app.state.settings = api.state.settings = settings
    # The admission turns belong to one event loop, and each test has its own; the kept
    # representations and grid of figures were built from another test's data, which was
    # rolled back (so the data versions they are keyed by came round again); the grid starts
    # as the untouched database's.
    api.state.admission = None
    api.state.representations = None
    api.state.kept_answers = None
    api.state.key_reads = None
    api.state.figures_grid = grid.Keeper()
    api.state.figures_grid.grid = untouched_grid

    def session_in_test_transaction() -> Iterator[Session]:
        yield from transactional(db)

    api.dependency_overrides = {get_session: session_in_test_transaction}
    yield shared_app
    api.dependency_overrides = {}


def http_client(app: FastAPI) -> httpx.AsyncClient:
    """A client of its own (own cookie jar) over the app; https, so Secure cookies travel."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=("10.1.2.3", 50000))
    return httpx.AsyncClient(transport=transport, base_url="https://spoorboek.test")


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(app) as c:
        yield c


@pytest.fixture
async def clients(app: FastAPI) -> AsyncIterator[Callable[[], httpx.AsyncClient]]:
    """Makes extra clients, e.g. one per logged-in person; all are closed after the test."""
    made: list[httpx.AsyncClient] = []

    def make() -> httpx.AsyncClient:
        made.append(http_client(app))
        return made[-1]

    yield make
    for c in made:
        await c.aclose()


class QueryCounter:
    """The statements run on the test's connection: how many, and which."""

    def __init__(self) -> None:
        self.count = 0
        self.statements: list[str] = []

    def __call__(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        self.count += 1
        self.statements.append(statement)

    def reset(self) -> None:
        self.count = 0
        self.statements.clear()


@pytest.fixture
def count_queries(connection: Connection) -> Iterator[QueryCounter]:
    counter = QueryCounter()
    event.listen(connection, "before_cursor_execute", counter)
    yield counter
    event.remove(connection, "before_cursor_execute", counter)
