"""With real sessions (no test transaction): a client that got its 200 reads its own write
at once, because the session commits before the response is sent."""

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from api.seed.demo_accounts import DEMO_CLIENTS, DEMO_PASSWORD
from tests.auth import EDITOR
from tests.databases import clone_database, drop_database
from tests.live_server import LOOPBACK_TLS
from tests.live_server import live_server as serve


@pytest.fixture(scope="module")
def demo_database(demo_template: str, storage_dir: Path) -> tuple[str, Path]:
    """The run's demo data (tests/conftest.py); each test serves a copy of it."""
    return demo_template, storage_dir


@pytest.fixture(scope="module")
def live_server(
    demo_database: tuple[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A real server over a fresh copy of the demo database, shared by this module's tests (each
    checks only what it wrote itself); yields its base URL."""
    template, files = demo_database
    url = clone_database(template, "ryw")
    try:
        folder = tmp_path_factory.mktemp("ryw")
        with serve(url, folder, SPOORBOEK_STORAGE_DIR=str(files)) as server:
            yield server.base_url
    finally:
        drop_database(url)


def test_a_write_is_visible_to_the_next_request(live_server: str) -> None:
    """Over real HTTP: in-process transports wait for the whole app, which would hide a commit
    that happens after the response was sent."""
    with httpx.Client(base_url=f"{live_server}/api/v1") as client:
        session = client.post("/sessies", json={"email": EDITOR, "wachtwoord": DEMO_PASSWORD})
        assert session.status_code == 201
        client.headers["X-CSRF-Token"] = session.json()["csrfToken"]
        for n in range(30):
            written = client.patch("/mijn-account", json={"naam": f"Redacteur {n}"})
            assert written.status_code == 200
            assert client.get("/mijn-account").json()["naam"] == f"Redacteur {n}"


def test_simultaneous_logins_all_succeed(live_server: str) -> None:
    """Several threads writing at once must wait their turn, not fail (SQLite)."""

    def log_in(_: int) -> int:
        with httpx.Client(
            base_url=f"{live_server}/api/v1", timeout=30, verify=LOOPBACK_TLS
        ) as client:
            body = {"email": EDITOR, "wachtwoord": DEMO_PASSWORD}
            return client.post("/sessies", json=body).status_code

    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(log_in, range(12)))
    assert statuses == [201] * 12


def test_the_example_script_for_information_teams(live_server: str, tmp_path: Path) -> None:
    script = Path(__file__).parents[1] / "examples" / "voortgang_doorgeven.py"
    credentials = {
        "SPOORBOEK_URL": live_server,
        "SPOORBOEK_CLIENT_ID": DEMO_CLIENTS[1].client_id,
        "SPOORBOEK_CLIENT_SECRET": DEMO_CLIENTS[1].secret,
    }
    good = tmp_path / "goed.csv"
    good.write_text(
        "gemeente;maatregel;fase;stappenGereed\nGM0344;M16;voorbereidend;impactanalyse=2026-04-01\n"
    )
    bad = tmp_path / "fout.csv"
    bad.write_text("gemeente;maatregel;fase\nGM0344;M16;klaar\nGM0363;M16;orienterend\n")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(script), *args],
            env={**os.environ, **credentials},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    checked = run(str(good), "--controleren")
    assert checked.returncode == 0, checked.stderr
    assert "Niets opgeslagen" in checked.stdout
    assert "1 gewijzigd" in run(str(good)).stdout
    assert "0 gewijzigd, 1 ongewijzigd" in run(str(good)).stdout
    refused = run(str(bad))
    assert refused.returncode == 1
    assert "rij 2 (GM0344 M16): fase" in refused.stderr
    assert "rij 3 (GM0363 M16): gemeente" in refused.stderr
