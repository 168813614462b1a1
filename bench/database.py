"""The database under test: a throwaway SQLite file unless a URL is given, filled with the
same reference and demonstration data an operator loads (`spoorboek migrate`, `seed`, `demo`).

`demo` also stores the demo products' files; they go to a folder in the bench's temporary
directory (`SPOORBOEK_STORAGE_DIR`), never to the checkout's `var/`."""

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    create_engine,
    inspect,
    make_url,
    text,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from bench import forked
from bench import prepare as prepare_commands

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


def prepare(url: str, workdir: Path, progress: Callable[[str], None]) -> None:
    """Run migrate, seed and demo against `url`, in a child forked from this process
    (bench/prepare.py); on failure show its output. Imports the app here first, for the child
    and for any server forked later (bench/forked.py) to share."""
    import api.cli
    import api.main  # noqa: F401

    started = time.perf_counter()
    log = workdir / "prepare.log"
    child = forked.fork(partial(prepare_commands.run, SETUP_COMMANDS, app_env(url, workdir)), log)
    code = child.wait()
    output = log.read_text(errors="replace")
    finished = [
        line.removeprefix(prepare_commands.DONE).split()
        for line in output.splitlines()
        if line.startswith(prepare_commands.DONE)
    ]
    for command, seconds in finished:
        progress(f"database: spoorboek {command} ok ({seconds} s)")
    if code != 0:
        failed = next(iter(SETUP_COMMANDS[len(finished) :]), SETUP_COMMANDS[-1])
        raise RuntimeError(f"spoorboek {failed} failed ({code}):\n{output}")
    progress(f"database: ready ({time.perf_counter() - started:.1f} s)")


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
            _written_past_the_app(connection)
            counts = _progress_counts(connection)
    finally:
        engine.dispose()
    return counts


HISTORY_YEARS = 10
CHANGES_PER_YEAR = 3
"""Changes per written cell per year before the demo's own year: about the demo's pace (2.6
history rows per written cell in its year)."""
DAYS_PER_YEAR = 365


def lengthen_history(url: str, years: int = HISTORY_YEARS) -> tuple[int, int]:
    """Give every written cell (every status row) of the database at `url` (a copy) history
    over the `years` years before today instead of the demo's one: `CHANGES_PER_YEAR` changes
    a year before the demo's year, oldest first, each in a window of its own (so a cell's
    changes keep their order), on a day and at an hour that differ per cell. The earlier path
    is a plausible one that ends where the demo's history starts, not started: notes while the
    measure is not started yet, orienting, preparing, then set back when it was postponed. Each
    row is the full state after its change with the change itself (`changes`), as the app
    writes history; the demo's rows and the status come after them, their versions raised by
    as many rows, so the history still ends in the cell's current status. A cell is not
    started at the end of the earlier path, as it was before the demo's year, so every figure
    of the last year is what it was; reading it means reading ten times the history.

    Plain SQL like multiply_municipalities (a few statements, whatever the size), with the
    data version counters raised and the kept figures emptied the same way. Returns the
    history rows the database then holds and the rows added."""
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            _ready_to_fill(connection, url)
            with connection.begin():
                before = _progress_counts(connection)[2]
                with _keys_set_aside(connection, "progress_history"):
                    _add_earlier_history(connection, years)
                after = _progress_counts(connection)[2]
    finally:
        engine.dispose()
    return after, after - before


_EARLIER_HISTORY = text(
    "INSERT INTO progress_history (municipality_code, measure_code, version, phase, "
    "planned_go_live, note, blockers, blocker_kind, steps_done, changes, source, recorded_by, "
    "recorded_at) "
    "SELECT s.municipality_code, s.measure_code, b.slot, b.phase, s.planned_go_live, b.note, "
    "NULL, NULL, :steps, b.changes, :source, :actor, b.recorded_at "
    "FROM progress_statuses s "
    "JOIN bench_places p ON p.code = s.municipality_code "
    "JOIN bench_subjects m ON m.code = s.measure_code "
    # A cell's day in each window, from its municipality's and measure's place in the lists.
    "JOIN bench_moments b ON b.shift = (p.n * 7 + m.n * 13) % :window"
).bindparams(bindparam("steps", type_=JSON))


def _add_earlier_history(connection: Connection, years: int) -> None:
    # Stamps bound as the app binds them (on SQLite: its text format); imported here, like the
    # other sections import the app, so the harness starts without it.
    from api.core.orm import UTCDateTime

    slots = (years - 1) * CHANGES_PER_YEAR
    window = (years - 1) * DAYS_PER_YEAR // slots
    start = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(
        days=years * DAYS_PER_YEAR
    )
    metadata = MetaData()
    numbered = {
        source: Table(
            name,
            metadata,
            Column("code", String(20), primary_key=True),
            Column("n", Integer),
            prefixes=["TEMPORARY"],
        )
        for source, name in (("municipalities", "bench_places"), ("measures", "bench_subjects"))
    }
    moments = Table(
        "bench_moments",
        metadata,
        Column("slot", Integer, primary_key=True),
        Column("shift", Integer, primary_key=True),
        Column("phase", String(20)),
        Column("note", Text),
        Column("changes", JSON),
        Column("recorded_at", UTCDateTime),
        prefixes=["TEMPORARY"],
    )
    metadata.create_all(connection)
    for source, table in numbered.items():
        codes = connection.execute(text(f"SELECT code FROM {source} ORDER BY code")).scalars()  # noqa: S608
        connection.execute(table.insert(), [{"code": c, "n": n} for n, c in enumerate(codes)])
    connection.execute(
        moments.insert(),
        [
            {
                "slot": slot,
                "shift": shift,
                "phase": phase,
                "note": note,
                "changes": changes,
                # From 8:00 to 17:59, seconds and microseconds past the minute, as the app's
                # clock stamps a write.
                "recorded_at": start
                + timedelta(
                    days=(slot - 1) * window + shift,
                    hours=8 + shift % 10,
                    minutes=shift * 7 % 60,
                    seconds=shift % 60,
                    microseconds=shift * 7919 % 1_000_000,
                ),
            }
            for slot, (phase, note, changes) in enumerate(_earlier_path(slots), start=1)
            for shift in range(window)
        ],
    )
    # Above every version there is (the demo's paths are at most four long), so the unique
    # (municipality, measure, version) never meets two rows with one version while it moves.
    raise_versions = "UPDATE {} SET version = version + :slots"
    connection.execute(text(raise_versions.format("progress_history")), {"slots": slots})
    stamp = _written_past_the_app(connection)
    connection.execute(
        text(raise_versions.format("progress_statuses") + ", data_version = :stamp"),
        {"slots": slots, "stamp": stamp},
    )
    connection.execute(
        _EARLIER_HISTORY,
        {"steps": {}, "source": "persoon", "actor": "user:demo", "window": window},
    )
    metadata.drop_all(connection)


@contextmanager
def _keys_set_aside(connection: Connection, table: str) -> Iterator[None]:
    """The table's plain indexes, and on PostgreSQL its foreign keys, dropped while millions
    of rows go in and made again afterwards, from their own definitions: one sort per index
    and one join per key instead of a lookup per row (on PostgreSQL the keys' row triggers
    took most of the fill). Unique keys stay: they keep the versions honest. On PostgreSQL the
    table is analysed afterwards, as autovacuum would soon, so the figures' queries are planned
    on what it now holds rather than whenever autovacuum gets to it during the run."""
    postgres = connection.dialect.name == "postgresql"
    if postgres:
        indexes = connection.execute(
            text(
                "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid "
                "WHERE i.indrelid = CAST(:table AS regclass) AND NOT i.indisunique"
            ),
            {"table": table},
        ).all()
        keys = connection.execute(
            text(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = CAST(:table AS regclass) AND contype = 'f'"
            ),
            {"table": table},
        ).all()
    else:
        # SQLite: a unique constraint's own index has no SQL; the bench checks no foreign keys.
        indexes = connection.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :table "
                "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
            ),
            {"table": table},
        ).all()
        keys = []
    for name, _ in keys:
        connection.execute(text(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'))
    for name, _ in indexes:
        connection.execute(text(f'DROP INDEX "{name}"'))
    yield
    for _, definition in indexes:
        connection.execute(text(definition))
    for name, definition in keys:
        connection.execute(text(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'))
    if postgres:
        connection.execute(text(f"ANALYZE {table}"))


def _ready_to_fill(connection: Connection, url: str) -> None:
    """On SQLite, make the connection fit for writing millions of rows into a copy: a large
    page cache (the index on `recorded_at` takes them in no order; with the default 2 MB each
    insert waited for a page) and no journal on disk (the copy is thrown away if the fill
    fails). Set outside a transaction; the app's own connections set WAL again."""
    if sqlite_path(url) is None:
        return
    for pragma in ("journal_mode = MEMORY", "synchronous = OFF", "cache_size = -524288"):
        connection.exec_driver_sql(f"PRAGMA {pragma}")
    connection.commit()


def _earlier_path(slots: int) -> list[tuple[str, str | None, dict[str, Any]]]:
    """The phase, note and change of each of `slots` changes, oldest first: 40 % notes while
    not started, 30 % orienting, 20 % preparing, the rest set back (postponed) and not
    started. Ends not started with no note, where the demo's first change (to orienting)
    starts."""
    phases = ["niet-gestart", "orienterend", "voorbereidend", "niet-gestart"]
    bounds = [0, slots * 4 // 10, slots * 7 // 10, slots * 9 // 10, slots]
    path: list[tuple[str, str | None, dict[str, Any]]] = []
    phase, note = "niet-gestart", None
    for stage, new_phase in enumerate(phases):
        for slot in range(bounds[stage], bounds[stage + 1]):
            last = slot == slots - 1
            new_note = None if last else f"Stand van zaken {slot + 1}: {new_phase}."
            if stage == len(phases) - 1 and slot == bounds[stage]:
                new_note = "Ingangsdatum uitgesteld; voorbereiding stilgelegd."
            changes: dict[str, Any] = {"notitie": {"van": note, "naar": new_note}}
            if new_phase != phase:
                changes = {"fase": {"van": phase, "naar": new_phase}, **changes}
            path.append((new_phase, new_note, changes))
            phase, note = new_phase, new_note
    return path


def _written_past_the_app(connection: Connection) -> int:
    """What the app's bookkeeping does after a write, done by hand after plain SQL: every data
    version counter raised (so no representation or figure built before counts as current)
    and the kept figures emptied. Returns the progress counter's new value, the stamp of
    status rows written now."""
    schema = inspect(connection)
    if schema.has_table("sequence_counters"):
        connection.execute(
            text("UPDATE sequence_counters SET value = value + 1 WHERE name LIKE 'versie:%'")
        )
    if schema.has_table("cached_figures"):
        connection.execute(text("DELETE FROM cached_figures"))
    stamp = connection.execute(
        text("SELECT value FROM sequence_counters WHERE name = 'versie:voortgang'")
    ).scalar()
    return int(stamp or 0)


def _progress_counts(connection: Connection) -> tuple[int, int, int]:
    """The municipalities, statuses and history rows the database holds."""
    counts = [
        int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())  # noqa: S608
        for table in ("municipalities", "progress_statuses", "progress_history")
    ]
    return counts[0], counts[1], counts[2]
