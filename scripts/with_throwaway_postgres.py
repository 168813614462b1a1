#!/usr/bin/env python3
"""Run a command against a throwaway PostgreSQL cluster started from the installed server.

    python scripts/with_throwaway_postgres.py -- pytest -q

The cluster lives in a temporary folder, listens only on a Unix socket, and is removed when the
command ends. The command gets TEST_DATABASE_URL pointing at it. PostgreSQL refuses to run as
root, so as root the cluster is owned and run by the `postgres` user. A missing server is an
error, never a silent skip."""

import glob
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _find_bindir() -> Path:
    candidates = []
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(out.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    if shutil.which("initdb"):
        candidates.append(str(Path(shutil.which("initdb") or "").resolve().parent))
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    sys.exit(
        "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them (Debian: "
        "apt-get install postgresql) or set TEST_DATABASE_URL to an existing server."
    )


def _as_owner(command: list[str], owner: str | None) -> list[str]:
    return ["runuser", "-u", owner, "--", *command] if owner else command


def main() -> int:
    if "--" not in sys.argv:
        sys.exit("usage: with_throwaway_postgres.py -- COMMAND [ARGS...]")
    command = sys.argv[sys.argv.index("--") + 1 :]
    # Stopped from outside (`make test` stops the other lane when a stage fails): still stop
    # the cluster and remove its folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    bindir = _find_bindir()
    owner = "postgres" if os.geteuid() == 0 else None
    workdir = Path(tempfile.mkdtemp(prefix="spoorboek-pg-"))
    data, socket_dir = workdir / "data", workdir / "socket"
    socket_dir.mkdir()
    if owner:
        entry = pwd.getpwnam(owner)
        for path in (workdir, socket_dir):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    try:
        subprocess.run(
            _as_owner(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "-E",
                    "UTF8",
                    "--no-sync",
                ],
                owner,
            ),
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        # Durability is pointless for a throwaway cluster; these settings make tests faster.
        options = (
            f"-k {socket_dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=200"
        )
        subprocess.run(
            _as_owner(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(workdir / "server.log"),
                    "-o",
                    options,
                    "-w",
                    "start",
                ],
                owner,
            ),
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        url = f"postgresql+psycopg://postgres@/postgres?host={socket_dir}"
        print(f"throwaway PostgreSQL started ({bindir})", flush=True)
        started = time.monotonic()
        result = subprocess.run(command, env={**os.environ, "TEST_DATABASE_URL": url}, check=False)
        print(f"command finished in {time.monotonic() - started:.0f} s", flush=True)
        return result.returncode
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                _as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"], owner),
                check=False,
                stdout=subprocess.DEVNULL,
            )
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
