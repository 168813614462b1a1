"""The `spoorboek` command as an operator types it: migrate, seed, demo, serve, openapi.

The commands run in-process through Typer's runner (a subprocess pays the app's import, the
dummy password hash among it, every time); one test starts the installed entry point for real.
The migrated and the seeded database are built once per module and copied for each test."""

import csv
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import Result
from sqlalchemy import select, text
from typer.testing import CliRunner

from api import cli
from api.core.db import build_engine, engine_for
from api.core.settings import get_settings
from api.model_registry import Base
from api.seed.reference import DATA_DIR
from tests.databases import clone_database, create_database, drop_database

SPOORBOEK = str(Path(sys.executable).parent / "spoorboek")
EDIT_M02_TITLE = text("UPDATE measures SET title = 'Titel van de redactie' WHERE code = 'M02'")
TITLES = text("SELECT code, title FROM measures WHERE code IN ('M01', 'M02')")

runner = CliRunner()


def invoke(database_url: str, *args: str, stdin: str | None = None, **env: str) -> Result:
    """The command as `DATABASE_URL=... spoorboek ARGS` would run it, with `env` set too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", database_url)
        for name, value in env.items():
            patch.setenv(name, value)
        # The tables are parsed by their cells: wide enough that none wraps.
        patch.setattr(cli.console, "width", 200)
        # The settings (and the database they name) are read once per process; here every
        # command is a process of its own.
        get_settings.cache_clear()
        try:
            return runner.invoke(cli.app, list(args), input=stdin)
        finally:
            get_settings.cache_clear()
            # No connection stays open: a template must have none, and a test's copy is dropped.
            engine_for(database_url, None).dispose()


def run(database_url: str, *args: str) -> str:
    result = invoke(database_url, *args)
    assert result.exit_code == 0, (result.output, result.exc_info)
    return result.output


def dump(database_url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = build_engine(database_url)
    tables: dict[str, list[tuple[object, ...]]] = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            rows = connection.execute(select(table).order_by(*table.primary_key.columns))
            tables[table.name] = [tuple(row) for row in rows]
    engine.dispose()
    return tables


def table_row(output: str, name: str) -> list[str]:
    for line in output.splitlines():
        cells = [cell.strip() for cell in line.replace("┃", "│").split("│")]
        if len(cells) > 2 and cells[1] == name:
            return cells[2:-1]
    raise AssertionError(f"no row {name!r} in:\n{output}")


@pytest.fixture(autouse=True)
def _files_in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The demo's catalogue files would otherwise land in var/ of the working directory.
    monkeypatch.setenv("SPOORBOEK_STORAGE_DIR", str(tmp_path / "bestanden"))


@pytest.fixture(scope="module")
def migrated_template() -> Iterator[str]:
    url = create_database("cli_migrated")
    run(url, "migrate")
    yield url
    drop_database(url)


@pytest.fixture(scope="module")
def seeded_template(migrated_template: str) -> Iterator[str]:
    url = clone_database(migrated_template, "cli_seeded")
    run(url, "seed")
    yield url
    drop_database(url)


@pytest.fixture
def database(migrated_template: str) -> Iterator[str]:
    """A migrated database of the test's own."""
    url = clone_database(migrated_template, "cli")
    yield url
    drop_database(url)


@pytest.fixture
def seeded(seeded_template: str) -> Iterator[str]:
    """A migrated database of the test's own, with the reference data (`spoorboek seed`)."""
    url = clone_database(seeded_template, "cli")
    yield url
    drop_database(url)


def test_seed_twice_changes_nothing(database: str) -> None:
    first = run(database, "seed")
    assert table_row(first, "measures") == ["23", "0", "0", "0"]
    assert table_row(first, "municipalities") == ["342", "0", "0", "0"]
    before = dump(database)
    second = run(database, "seed")
    assert table_row(second, "measures") == ["0", "0", "23", "0"]
    assert dump(database) == before


def _edit_seed_files(folder: Path) -> None:
    path = folder / "measures.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["code"] == "M01":
            row["summary"] = "Nieuwe samenvatting uit het seedbestand."
        if row["code"] == "M02":
            row["title"] = "Titel uit het seedbestand"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_seed_follows_new_files_but_never_overwrites_an_editor(seeded: str, tmp_path: Path) -> None:
    engine = build_engine(seeded)
    with engine.begin() as connection:
        # What an editor's change through the API amounts to in the database.
        connection.execute(EDIT_M02_TITLE)
    changed = tmp_path / "data"
    shutil.copytree(DATA_DIR, changed)
    _edit_seed_files(changed)

    output = run(seeded, "seed", "--data-dir", str(changed))
    assert table_row(output, "measures") == ["0", "1", "22", "1"]
    assert "M02.title" in output
    with engine.connect() as connection:
        rows = dict(connection.execute(TITLES).all())
        summary = connection.scalar(text("SELECT summary FROM measures WHERE code = 'M01'"))
    assert rows["M02"] == "Titel van de redactie"
    assert summary == "Nieuwe samenvatting uit het seedbestand."

    before = dump(seeded)
    again = run(seeded, "seed", "--data-dir", str(changed))
    assert table_row(again, "measures") == ["0", "0", "23", "1"]
    assert dump(seeded) == before
    engine.dispose()


def test_demo_is_repeatable_deterministic_and_prints_the_demo_accounts(seeded: str) -> None:
    # One test for all three: loading the demo is the slowest thing the command does.
    first = run(seeded, "demo")
    assert table_row(first, "samenwerkingsverbanden") == ["3", "0"]
    assert "beheerder@demo.spoorboek.example" in first
    assert "sbc_demo_partner_divosa" in first
    assert "sbc_demo_leverancier_rekenwerk" in first
    snapshot = dump(seeded)
    second = run(seeded, "demo")
    assert table_row(second, "samenwerkingsverbanden") == ["0", "3"]
    assert dump(seeded) == snapshot


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_installed_command_starts_and_serves_http(seeded: str, tmp_path: Path) -> None:
    """The one test of the packaging: the entry point pip installed, in a process of its own."""
    env = {**os.environ, "DATABASE_URL": seeded, "COLUMNS": "200"}
    usage = subprocess.run(
        [SPOORBOEK, "--help"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert usage.returncode == 0, usage.stderr
    assert "migrate" in usage.stdout
    assert "serve" in usage.stdout

    port = _free_port()
    server = subprocess.Popen(
        [SPOORBOEK, "serve", "--port", str(port)],
        env={**env, "SPOORBOEK_SPA_DIST": str(tmp_path)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(
                    f"http://127.0.0.1:{port}/api/v1/maatregelen?paginaGrootte=100"
                )
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert response.status_code == 200
        assert response.json()["paginering"]["totaal"] == 23
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_openapi_command_writes_the_contract(tmp_path: Path) -> None:
    target = tmp_path / "openapi.json"
    run("sqlite://", "openapi", "--output", str(target))
    assert '"/maatregelen"' in target.read_text(encoding="utf-8")


def test_create_admin_then_log_in(seeded: str) -> None:
    weak = invoke(
        seeded,
        "create-admin",
        "--email",
        "a@gemeente.nl",
        "--name",
        "A",
        "--password-stdin",
        stdin="kort\n",
    )
    assert weak.exit_code == 2
    assert "minstens 12 tekens" in weak.output
    made = invoke(
        seeded,
        "create-admin",
        "--email",
        "Beheer@Gemeente.nl",
        "--name",
        "Eerste Beheerder",
        "--password-stdin",
        stdin="Lange-Zin-Voor-Ons-Team-9\n",
    )
    assert made.exit_code == 0, (made.output, made.exc_info)
    engine = build_engine(seeded)
    with engine.connect() as connection:
        email, role = connection.execute(
            text("SELECT u.email, r.role FROM users u JOIN user_roles r ON r.user_id = u.id")
        ).one()
    engine.dispose()
    assert (email, role) == ("beheer@gemeente.nl", "beheerder")
    twice = invoke(
        seeded,
        "create-admin",
        "--email",
        "beheer@gemeente.nl",
        "--name",
        "X",
        "--password-stdin",
        stdin="Lange-Zin-Voor-Ons-Team-9\n",
    )
    assert twice.exit_code == 2


def test_create_client_prints_a_working_secret(seeded: str) -> None:
    output = run(
        seeded,
        "create-client",
        "--name",
        "Stimulansz",
        "--kind",
        "partner",
        "--scope",
        "producten:lezen",
        "--organisation",
        "stimulansz",
    )
    values = dict(line.split("=", 1) for line in output.splitlines() if line.startswith("client_"))
    assert values["client_id"].startswith("sbc_")
    assert values["client_secret"].startswith("sbs_")
    engine = build_engine(seeded)
    with engine.connect() as connection:
        stored = connection.scalar(text("SELECT secret_hash FROM client_secrets"))
    engine.dispose()
    assert values["client_secret"] not in str(stored)
    bad = invoke(
        seeded,
        "create-client",
        "--name",
        "S",
        "--kind",
        "script",
        "--scope",
        "producten:lezen",
        stdin="",
    )
    assert bad.exit_code == 2
    assert "gemeente" in bad.output


def test_demo_is_refused_in_production(seeded: str, seeded_template: str) -> None:
    production = invoke(seeded, "demo", SPOORBOEK_ENVIRONMENT="production")
    assert production.exit_code == 2
    assert "niet in productie" in production.output
    assert dump(seeded) == dump(seeded_template), "nothing is loaded"


def test_seed_respects_steps_an_editor_removed(seeded: str) -> None:
    engine = build_engine(seeded)
    with engine.begin() as connection:
        # What replacing a roadmap through the API does to the seeded steps of M12.
        connection.execute(
            text("DELETE FROM roadmap_steps WHERE measure_code = 'M12' AND code <> 'impactanalyse'")
        )
    output = run(seeded, "seed")
    assert "roadmap_steps" in output
    with engine.connect() as connection:
        left = connection.scalars(
            text("SELECT code FROM roadmap_steps WHERE measure_code = 'M12'")
        ).all()
    engine.dispose()
    assert left == ["impactanalyse"], "removed steps stay removed"
    before = dump(seeded)
    run(seeded, "seed")
    assert dump(seeded) == before
