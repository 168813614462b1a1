"""The `spoorboek` command as an operator types it: migrate, seed, demo, serve, openapi."""

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
from sqlalchemy import select, text

from api.core.db import build_engine
from api.model_registry import Base
from api.seed.reference import DATA_DIR
from tests.databases import create_database, drop_database

SPOORBOEK = str(Path(sys.executable).parent / "spoorboek")
EDIT_M02_TITLE = text("UPDATE measures SET title = 'Titel van de redactie' WHERE code = 'M02'")
TITLES = text("SELECT code, title FROM measures WHERE code IN ('M01', 'M02')")


def run(database_url: str, *args: str) -> str:
    result = subprocess.run(
        [SPOORBOEK, *args],
        env={**os.environ, "DATABASE_URL": database_url, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


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


@pytest.fixture
def database() -> Iterator[str]:
    url = create_database("cli")
    run(url, "migrate")
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


def test_seed_follows_new_files_but_never_overwrites_an_editor(
    database: str, tmp_path: Path
) -> None:
    run(database, "seed")
    engine = build_engine(database)
    with engine.begin() as connection:
        # What an editor's change through the API amounts to in the database.
        connection.execute(EDIT_M02_TITLE)
    changed = tmp_path / "data"
    shutil.copytree(DATA_DIR, changed)
    _edit_seed_files(changed)

    output = run(database, "seed", "--data-dir", str(changed))
    assert table_row(output, "measures") == ["0", "1", "22", "1"]
    assert "M02.title" in output
    with engine.connect() as connection:
        rows = dict(connection.execute(TITLES).all())
        summary = connection.scalar(text("SELECT summary FROM measures WHERE code = 'M01'"))
    assert rows["M02"] == "Titel van de redactie"
    assert summary == "Nieuwe samenvatting uit het seedbestand."

    before = dump(database)
    again = run(database, "seed", "--data-dir", str(changed))
    assert table_row(again, "measures") == ["0", "0", "23", "1"]
    assert dump(database) == before
    engine.dispose()


def test_demo_is_repeatable_and_deterministic(database: str) -> None:
    run(database, "seed")
    first = run(database, "demo")
    assert table_row(first, "samenwerkingsverbanden") == ["3", "0"]
    snapshot = dump(database)
    second = run(database, "demo")
    assert table_row(second, "samenwerkingsverbanden") == ["0", "3"]
    assert dump(database) == snapshot


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_answers_http(database: str, tmp_path: Path) -> None:
    run(database, "seed")
    port = _free_port()
    server = subprocess.Popen(
        [SPOORBOEK, "serve", "--port", str(port)],
        env={**os.environ, "DATABASE_URL": database, "SPOORBOEK_SPA_DIST": str(tmp_path)},
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


def run_with_input(database_url: str, stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SPOORBOEK, *args],
        input=stdin,
        env={**os.environ, "DATABASE_URL": database_url, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_create_admin_then_log_in(database: str, tmp_path: Path) -> None:
    run(database, "seed")
    weak = run_with_input(
        database,
        "kort\n",
        "create-admin",
        "--email",
        "a@gemeente.nl",
        "--name",
        "A",
        "--password-stdin",
    )
    assert weak.returncode == 2
    assert "minstens 12 tekens" in weak.stdout + weak.stderr
    made = run_with_input(
        database,
        "Lange-Zin-Voor-Ons-Team-9\n",
        "create-admin",
        "--email",
        "Beheer@Gemeente.nl",
        "--name",
        "Eerste Beheerder",
        "--password-stdin",
    )
    assert made.returncode == 0, made.stderr
    engine = build_engine(database)
    with engine.connect() as connection:
        email, role = connection.execute(
            text("SELECT u.email, r.role FROM users u JOIN user_roles r ON r.user_id = u.id")
        ).one()
    engine.dispose()
    assert (email, role) == ("beheer@gemeente.nl", "beheerder")
    twice = run_with_input(
        database,
        "Lange-Zin-Voor-Ons-Team-9\n",
        "create-admin",
        "--email",
        "beheer@gemeente.nl",
        "--name",
        "X",
        "--password-stdin",
    )
    assert twice.returncode == 2


def test_create_client_prints_a_working_secret(database: str) -> None:
    run(database, "seed")
    output = run(
        database,
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
    engine = build_engine(database)
    with engine.connect() as connection:
        stored = connection.scalar(text("SELECT secret_hash FROM client_secrets"))
    engine.dispose()
    assert values["client_secret"] not in str(stored)
    bad = run_with_input(
        database,
        "",
        "create-client",
        "--name",
        "S",
        "--kind",
        "script",
        "--scope",
        "producten:lezen",
    )
    assert bad.returncode == 2
    assert "gemeente" in bad.stdout + bad.stderr


def test_demo_prints_the_demo_accounts(database: str) -> None:
    run(database, "seed")
    output = run(database, "demo")
    assert "beheerder@demo.spoorboek.example" in output
    assert "sbc_demo_partner_divosa" in output
    production = subprocess.run(
        [SPOORBOEK, "demo"],
        env={**os.environ, "DATABASE_URL": database, "SPOORBOEK_ENVIRONMENT": "production"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert production.returncode == 2


def test_seed_respects_steps_an_editor_removed(database: str) -> None:
    run(database, "seed")
    engine = build_engine(database)
    with engine.begin() as connection:
        # What replacing a roadmap through the API does to the seeded steps of M12.
        connection.execute(
            text("DELETE FROM roadmap_steps WHERE measure_code = 'M12' AND code <> 'impactanalyse'")
        )
    output = run(database, "seed")
    assert "roadmap_steps" in output
    with engine.connect() as connection:
        left = connection.scalars(
            text("SELECT code FROM roadmap_steps WHERE measure_code = 'M12'")
        ).all()
    engine.dispose()
    assert left == ["impactanalyse"], "removed steps stay removed"
    before = dump(database)
    run(database, "seed")
    assert dump(database) == before
