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


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in connection.execute(f"PRAGMA table_info({table})")]


def multiply_municipalities(source: Path, target: Path, factor: int) -> tuple[int, int, int]:
    """Copy the SQLite database `source` to `target` (a consistent snapshot, even while servers
    read it), then give it `factor` times as many municipalities: every municipality is copied
    `factor - 1` times, with a new code (GM5000 and up), its name plus " 2", " 3"…, the same
    province, region and population, and a copy of its progress and its history, so every
    copy has the demo's statuses and year of history. Returns the municipalities, statuses and
    history rows the target then holds."""
    original = sqlite3.connect(source)
    copy = sqlite3.connect(target)
    try:
        original.backup(copy)
        original.close()
        codes = [str(r[0]) for r in copy.execute("SELECT code FROM municipalities ORDER BY code")]
        last = FIRST_COPY_CODE + (factor - 1) * len(codes) - 1
        if last > 9999 or any(code >= f"GM{FIRST_COPY_CODE}" for code in codes):
            raise RuntimeError(
                f"cannot copy {len(codes)} municipalities {factor - 1} times into "
                f"GM{FIRST_COPY_CODE}..GM9999"
            )
        mapping = [
            (old, f"GM{FIRST_COPY_CODE + (number - 1) * len(codes) + index:04d}", f" {number + 1}")
            for number in range(1, factor)
            for index, old in enumerate(codes)
        ]
        with copy:
            copy.execute(
                "CREATE TEMP TABLE bench_copies (old TEXT, new TEXT PRIMARY KEY, tag TEXT)"
            )
            copy.executemany("INSERT INTO bench_copies VALUES (?, ?, ?)", mapping)
            changed = {
                "code": "c.new",
                "name": "t.name || c.tag",
                "search_name": "t.search_name || c.tag",
                "sort_name": "t.sort_name || c.tag",
                "municipality_code": "c.new",
            }
            for table, key in (
                ("municipalities", "code"),
                ("progress_statuses", "municipality_code"),
                ("progress_history", "municipality_code"),
            ):
                columns = [c for c in _columns(copy, table) if c != "id"]
                values = ", ".join(changed.get(c, f"t.{c}") for c in columns)
                copy.execute(
                    f"INSERT INTO {table} ({', '.join(columns)}) SELECT {values} "  # noqa: S608
                    f"FROM {table} t JOIN bench_copies c ON c.old = t.{key}"
                )
            copy.execute("DROP TABLE bench_copies")
        counts = [
            int(copy.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608
            for table in ("municipalities", "progress_statuses", "progress_history")
        ]
    finally:
        original.close()
        copy.close()
    return counts[0], counts[1], counts[2]
