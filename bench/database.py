"""The database under test: a throwaway SQLite file unless a URL is given, filled with the
same reference and demonstration data an operator loads (`spoorboek migrate`, `seed`, `demo`).

`demo` also stores the demo products' files; they go to a folder in the bench's temporary
directory (`SPOORBOEK_STORAGE_DIR`), never to the checkout's `var/`."""

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine, inspect, make_url, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

SETUP_COMMANDS = ("migrate", "seed", "demo")

FIRST_COPY_CODE = 5000
"""Copied municipalities get codes from GM5000 up (GM5000 to GM8077 for nine copies of 342):
valid `^GM\\d{4}$` codes that no real municipality has."""


def temporary_sqlite_url(workdir: Path) -> str:
    # Four slashes: sqlite:/// plus an absolute path.
    return f"sqlite:///{(workdir / 'bench.db').resolve()}"


def app_env(url: str, workdir: Path) -> dict[str, str]:
    """The settings every process of the bench gives the app: its database, a storage folder
    inside the temporary directory, and quiet logging."""
    return {
        "DATABASE_URL": url,
        "SPOORBOEK_STORAGE_DIR": str((workdir / "bestanden").resolve()),
        "SPOORBOEK_LOG_LEVEL": "WARNING",
    }


def describe(url: str) -> str:
    """The URL without credentials, fit for printing and for the JSON report."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    return f"{scheme}://***@{rest.rsplit('@', 1)[1]}"


def _cli() -> list[str]:
    # Prefer the installed console script next to this interpreter; fall back to the module,
    # so the bench also works from a checkout whose package was never installed.
    script = Path(sys.executable).with_name("spoorboek")
    if script.is_file():
        return [str(script)]
    found = shutil.which("spoorboek")
    if found:
        return [found]
    return [sys.executable, "-c", "from api.cli import app; app()"]


def prepare(url: str, cwd: Path, workdir: Path, progress: Callable[[str], None]) -> None:
    """Run migrate, seed and demo against `url`; on failure show the command's output."""
    env = {**os.environ, **app_env(url, workdir)}
    for command in SETUP_COMMANDS:
        started = time.perf_counter()
        done = subprocess.run(
            [*_cli(), command],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"spoorboek {command} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
            )
        progress(f"database: spoorboek {command} ok ({time.perf_counter() - started:.1f} s)")


def sqlite_path(url: str) -> Path | None:
    """The file of a `sqlite:///` URL; None for another database (or an in-memory one)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url == prefix or ":memory:" in url:
        return None
    return Path(url[len(prefix) :])


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql", "postgres:"))


def _engine(url: str) -> Engine:
    # No pool: every connection of the bench is closed when it is done with, so a PostgreSQL
    # database can be copied (CREATE DATABASE ... TEMPLATE wants it unused) right after.
    return create_engine(url, poolclass=NullPool)


def _postgres_admin(url: str) -> Engine:
    """An engine on `template1` of the same server, for CREATE and DROP DATABASE: they cannot
    run inside a transaction, nor from a connection to the database they copy or drop."""
    return create_engine(
        make_url(url).set(database="template1"), poolclass=NullPool, isolation_level="AUTOCOMMIT"
    )


def copy_database(url: str, name: str, workdir: Path) -> str:
    """A copy of the database at `url` to change at will; returns its URL. SQLite: a file
    `<name>.db` in `workdir` (the backup API: a consistent snapshot, even while servers read
    the original). PostgreSQL: a database `<name>` on the same server, made from the original
    as a template; it needs the original unused for a moment, so every server on it must have
    stopped (tried for a few seconds while their connections close)."""
    source = sqlite_path(url)
    if source is not None:
        target = workdir / f"{name}.db"
        original, copy = sqlite3.connect(source), sqlite3.connect(target)
        try:
            original.backup(copy)
        finally:
            original.close()
            copy.close()
        return f"sqlite:///{target.resolve()}"
    if not is_postgres(url):
        raise RuntimeError(f"cannot copy a database of this kind: {describe(url)}")
    template = make_url(url).database
    admin = _postgres_admin(url)
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            deadline = time.monotonic() + 15
            while True:
                try:
                    connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
                    break
                except OperationalError:
                    # "source database is being accessed by other users": a server's
                    # connections outlive its process by a moment.
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.3)
    finally:
        admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def drop_copy(url: str, original: str) -> None:
    """Remove a copy made by copy_database (a SQLite file goes with the temporary directory)."""
    if not is_postgres(url) or make_url(url).database == make_url(original).database:
        return
    admin = _postgres_admin(url)
    try:
        with admin.connect() as connection:
            connection.execute(
                text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
            )
    finally:
        admin.dispose()


def count_rows(url: str, table: str) -> int:
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())  # noqa: S608
    finally:
        engine.dispose()


def forget_figures(url: str) -> None:
    """Empty the figures the app keeps in the database (`cached_figures`), as on a database
    where nothing was ever asked: the next read of each computes it in full."""
    engine = _engine(url)
    try:
        with engine.begin() as connection:
            if inspect(connection).has_table("cached_figures"):
                connection.execute(text("DELETE FROM cached_figures"))
    finally:
        engine.dispose()


def multiply_municipalities(url: str, factor: int) -> tuple[int, int, int]:
    """Give the database at `url` (a copy: see copy_database) `factor` times as many
    municipalities: every municipality is copied `factor - 1` times, with a new code (GM5000
    and up), its name plus " 2", " 3"…, the same province, region and population, and a copy
    of its progress and its history, so every copy has the demo's statuses and year of
    history. Returns the municipalities, statuses and history rows it then holds.

    The rows are written with plain SQL, past the app's own bookkeeping, so the data version
    counters are raised and the kept figures emptied by hand: otherwise a figure built from the
    1× data would still count as current."""
    engine = _engine(url)
    try:
        with engine.begin() as connection:
            codes = [
                str(code)
                for code in connection.execute(
                    text("SELECT code FROM municipalities ORDER BY code")
                ).scalars()
            ]
            last = FIRST_COPY_CODE + (factor - 1) * len(codes) - 1
            if last > 9999 or any(code >= f"GM{FIRST_COPY_CODE}" for code in codes):
                raise RuntimeError(
                    f"cannot copy {len(codes)} municipalities {factor - 1} times into "
                    f"GM{FIRST_COPY_CODE}..GM9999"
                )
            mapping = [
                {
                    "old": old,
                    "new": f"GM{FIRST_COPY_CODE + (number - 1) * len(codes) + index:04d}",
                    "tag": f" {number + 1}",
                }
                for number in range(1, factor)
                for index, old in enumerate(codes)
            ]
            connection.execute(
                text(
                    "CREATE TEMPORARY TABLE bench_copies (old TEXT, new TEXT PRIMARY KEY, tag TEXT)"
                )
            )
            connection.execute(text("INSERT INTO bench_copies VALUES (:old, :new, :tag)"), mapping)
            changed = {
                "code": "c.new",
                "name": "t.name || c.tag",
                "search_name": "t.search_name || c.tag",
                "sort_name": "t.sort_name || c.tag",
                "municipality_code": "c.new",
            }
            schema = inspect(connection)
            for table, key in (
                ("municipalities", "code"),
                ("progress_statuses", "municipality_code"),
                ("progress_history", "municipality_code"),
            ):
                columns = [c["name"] for c in schema.get_columns(table) if c["name"] != "id"]
                values = ", ".join(changed.get(c, f"t.{c}") for c in columns)
                connection.execute(
                    text(
                        f"INSERT INTO {table} ({', '.join(columns)}) SELECT {values} "  # noqa: S608
                        f"FROM {table} t JOIN bench_copies c ON c.old = t.{key}"
                    )
                )
            connection.execute(text("DROP TABLE bench_copies"))
            if schema.has_table("data_versions"):
                connection.execute(text("UPDATE data_versions SET version = version + 1"))
            if schema.has_table("cached_figures"):
                connection.execute(text("DELETE FROM cached_figures"))
            counts = [
                int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())  # noqa: S608
                for table in ("municipalities", "progress_statuses", "progress_history")
            ]
    finally:
        engine.dispose()
    return counts[0], counts[1], counts[2]
