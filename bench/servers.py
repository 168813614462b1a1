"""uvicorn subprocesses on free loopback ports, started and stopped the same way for the real
app and the baseline, so any difference between them is the application's."""

import json
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import httpx

from bench import forked

HOST = "127.0.0.1"
APP = "api.main:create_app"


class Process(Protocol):
    """What the bench uses of a server's process: a subprocess.Popen, or a forked.Forked."""

    @property
    def pid(self) -> int: ...

    @property
    def returncode(self) -> int | None: ...

    def poll(self) -> int | None: ...

    def wait(self, timeout: float | None = None) -> int: ...

    def terminate(self) -> None: ...

    def kill(self) -> None: ...


@dataclass
class Server:
    name: str
    process: Process
    port: int
    log: Path
    workers: int = 1

    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def error_summary(server: Server, limit: int = 5) -> list[str]:
    """The errors the server logged (the app logs JSON lines), one line per distinct error with
    how often it occurred: the message, the exception and the deepest frame outside
    site-packages. The log lives in the temporary directory, which is gone after the run."""
    try:
        text = server.log.read_text(errors="replace")
    except OSError:
        return []
    found: Counter[str] = Counter()
    for line in text.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if not isinstance(record, dict) or record.get("level") not in ("error", "critical"):
            continue
        trace = str(record.get("exception") or "").strip().splitlines()
        frames = [t.strip() for t in trace if t.strip().startswith("File ")]
        own = [f for f in frames if "site-packages" not in f]
        where = f" at {own[-1]}" if own else ""
        found[f"{record.get('message', '')}: {trace[-1] if trace else ''}{where}"] += 1
    if not found:
        tail = server.log_tail(15)
        return tail.splitlines() if tail else []
    return [f"{count}x {error}" for error, count in found.most_common(limit)]


def free_port() -> int:
    # The port may in theory be taken between closing and uvicorn binding it; start() then
    # fails fast with uvicorn's own message in the log.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start(
    name: str,
    factory: str,
    env: dict[str, str],
    cwd: Path,
    logdir: Path,
    cpus: set[int] | None,
    workers: int = 1,
) -> Server:
    """Start `uvicorn --factory <factory>` with `workers` worker processes (one by default)
    and no access log."""
    port = free_port()
    log = logdir / f"{name}.log"
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        factory,
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    with log.open("wb") as out:
        # A session of its own: Ctrl-C reaches only the bench, which then stops the server
        # itself, instead of both racing to shut down.
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env={**os.environ, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    if cpus:
        # Set before the interpreter has started any thread; uvicorn's threadpool threads and
        # worker processes are created later and inherit it.
        os.sched_setaffinity(process.pid, cpus)
    return Server(name=name, process=process, port=port, log=log, workers=workers)


def fork_app(name: str, env: dict[str, str], logdir: Path, cpus: set[int] | None) -> Server:
    """The real app, as start() runs it (uvicorn, one worker, no access log), in a child forked
    from this process, which has imported it (see bench/forked.py: before any thread)."""
    port = free_port()
    log = logdir / f"{name}.log"

    def serve() -> int:
        import uvicorn

        if cpus:
            os.sched_setaffinity(0, cpus)
        os.environ.update(env)
        uvicorn.run(
            APP,
            factory=True,
            host=HOST,
            port=port,
            workers=1,
            access_log=False,
            log_level="warning",
        )
        return 0

    return Server(name=name, process=forked.fork(serve, log), port=port, log=log)


def wait_ready(server: Server, path: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2.0) as client:
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                raise RuntimeError(
                    f"{server.name} exited with {server.process.returncode}:\n{server.log_tail()}"
                )
            try:
                if client.get(server.url(path)).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
    raise RuntimeError(f"{server.name} not ready after {timeout:.0f} s:\n{server.log_tail()}")


def stop(server: Server) -> None:
    if server.process.poll() is not None:
        return
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=10)


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc/*/stat: the kernel's per-task
    `children` files are not always there)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # a process that just ended
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _own_cpu_seconds(pid: int) -> float:
    stat = Path(f"/proc/{pid}/stat").read_text()
    # Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(server: Server) -> float | None:
    """CPU time (user + system, all threads) the server has used, its worker processes
    included (with `--workers N` uvicorn runs the app in children of the process started);
    Linux only."""
    try:
        total = _own_cpu_seconds(server.process.pid)
    except OSError:
        return None
    if server.workers > 1:
        for child in _children(server.process.pid):
            try:
                total += _own_cpu_seconds(child)
            except OSError:
                continue  # a worker that just ended
    return total


def _pids(server: Server) -> list[int]:
    pids = [server.process.pid]
    if server.workers > 1:
        pids += _children(server.process.pid)
    return pids


def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise OSError(f"no {field} for {pid}")


def start_peak_memory(server: Server) -> int | None:
    """Forget the server's peak resident memory (Linux: `5` to /proc/PID/clear_refs) and return
    what it holds now, in KiB, so `peak_memory_growth` can tell what a request added."""
    try:
        for pid in _pids(server):
            Path(f"/proc/{pid}/clear_refs").write_text("5")
        return sum(_status_kib(pid, "VmRSS") for pid in _pids(server))
    except OSError:
        return None


def peak_memory_growth(server: Server, start_kib: int | None) -> int | None:
    """How far the server's resident memory rose above `start_kib` since start_peak_memory,
    in bytes (VmHWM, the peak since it was forgotten); None where Linux does not tell."""
    if start_kib is None:
        return None
    try:
        peak = sum(_status_kib(pid, "VmHWM") for pid in _pids(server))
    except OSError:
        return None
    return max(0, peak - start_kib) * 1024
