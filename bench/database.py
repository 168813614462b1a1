"""The database under test: a throwaway SQLite file unless a URL is given, filled with the
same reference and demonstration data an operator loads (`spoorboek migrate`, `seed`, `demo`).

`demo` also stores the demo products' files; they go to a folder in the bench's temporary
directory (`SPOORBOEK_STORAGE_DIR`), never to the checkout's `var/`."""

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

SETUP_COMMANDS = ("migrate", "seed", "demo")


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
