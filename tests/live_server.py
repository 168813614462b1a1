"""A real Spoorboek server for tests that need real concurrency: uvicorn in a subprocess on a
loopback port, over a database of its own (migrated, seeded, demo data), on SQLite or on the
PostgreSQL of TEST_DATABASE_URL. In-process transports serialise what a real server runs side
by side (threads, the event loop, the connection pool), so locking and load need this."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy.orm import Session

from api.accounts.admin_cli import create_admin
from api.accounts.keys import signing_key
from api.core.db import build_engine
from api.core.settings import Settings
from tests.databases import drop_database, reference_copy

HOST = "127.0.0.1"
LOOPBACK_TLS = httpx.create_ssl_context()
"""For clients of these plain-HTTP servers: httpx loads the CA bundle for every client it makes
(tens of milliseconds, more with threads side by side), though no request here uses TLS."""
ADMIN = "beheer@live.spoorboek.example"
ADMIN_PASSWORD = "Kwartel-Magnolia-Trechter-1987"


@dataclass(frozen=True)
class LiveServer:
    base_url: str
    database_url: str
    process: subprocess.Popen[bytes]
    log: Path

    def rss_bytes(self) -> int:
        """Resident memory of the server process now (Linux /proc)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise AssertionError("no VmRSS in /proc")

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@contextmanager
def seeded_database(label: str) -> Iterator[str]:
    """A migrated database with the reference data and one admin (ADMIN), without the demo
    data, which takes many times longer to load."""
    url = reference_copy(label)
    try:
        engine = build_engine(url)
        with Session(engine) as session:
            problems = create_admin(session, email=ADMIN, name="Beheer", password=ADMIN_PASSWORD)
            assert problems == [], problems
            # Made here once: generating an RSA key under load would be measured too.
            signing_key(session, Settings(database_url=url))
            session.commit()
        engine.dispose()
        yield url
    finally:
        drop_database(url)


@contextmanager
def live_server(database_url: str, folder: Path, **env: str) -> Iterator[LiveServer]:
    """uvicorn with one worker; `env` adds or overrides SPOORBOEK_* settings."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # The socket is bound here and handed over (--fd), so no other process can take the port
    # between choosing and binding it.
    listener.bind((HOST, 0))
    listener.listen(128)
    port = listener.getsockname()[1]
    log = folder / "server.log"
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SPOORBOEK_STORAGE_DIR": str(folder / "bestanden"),
        "SPOORBOEK_SPA_DIST": str(folder / "no-spa"),
        "SPOORBOEK_ENVIRONMENT": "demo",
        "SPOORBOEK_LOG_LEVEL": "WARNING",
        "SPOORBOEK_LOG_FORMAT": "console",
        "SPOORBOEK_MAIL_BACKEND": "file",
        "SPOORBOEK_MAIL_FILE_DIR": str(folder / "outbox"),
        # Plain-HTTP clients (unlike browsers on loopback) do not send Secure cookies back.
        # The demo environment asks no second factor of the admin.
        "SPOORBOEK_COOKIE_SECURE": "false",
        **env,
    }
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "api.main:create_app",
        "--fd",
        str(listener.fileno()),
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
            pass_fds=(listener.fileno(),),
        )
    listener.close()
    server = LiveServer(f"http://{HOST}:{port}", database_url, process, log)
    try:
        _wait_until_ready(server)
        yield server
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Ends a server: politely first, then for sure."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _wait_until_ready(server: LiveServer, timeout: float = 30.0) -> None:
    wait_until_healthy(server.base_url, server.process, server.log_tail, timeout)


def wait_until_healthy(
    base_url: str,
    process: subprocess.Popen[bytes],
    what_it_said: Callable[[], str],
    timeout: float = 30.0,
) -> None:
    """Until the health endpoint behind `base_url` answers 200; fails with what the process
    said when it exits first or the time is up."""
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2.0, verify=LOOPBACK_TLS) as client:
        while time.monotonic() < deadline:
            assert process.poll() is None, f"exited:\n{what_it_said()}"
            try:
                if client.get(f"{base_url}/api/v1/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
    raise AssertionError(f"not ready after {timeout:.0f} s:\n{what_it_said()}")
