#!/usr/bin/env python3
"""The stages of `make test`, run two at a time: the machine has two cores. Whenever one of the
two lanes is free it takes the first stage of STAGES whose prerequisites have passed (the browser
tests use the SPA that the spa stage built), so the lanes balance themselves as the stages grow,
without a table of measured times to keep up to date. Each stage writes to
var/test-logs/<stage>.log; the console shows when a stage starts and ends, and the log's tail when
one fails. The first failure stops both lanes. At the end, a table of each stage's wall time and
the total. (Coverage is `make coverage`: tracing costs more than this run can spend.)

    python scripts/test_stages.py            # two lanes, side by side
    python scripts/test_stages.py --serial   # one stage after another, output on the console
"""

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

# In the order the lanes take them: the two halves of `make install` side by side (both mostly
# download), then the long stages first, so that none is left to start when the other lane is
# nearly done; a stage that needs only the Python half starts while the other is still going.
# ESLint comes early, being the check that fails most often. ESLint reads the typed client that
# the spa stage generates, and the budget and the browser tests read its build: they wait for it.
# Two lanes, as the machine has two cores: a run on a fresh clone with three lanes (`make test
# LANES=3`) took as long (851 s against 736-878 s with two), every stage slower by as much as the
# third lane gained; the stages keep both cores busy between them (the table at the end of each
# run gives every stage's wall and CPU time; the database server and the browser tests' app
# server add to it unseen).
STAGES = [
    "install-python",
    "install-node",
    "spa",
    "test-postgres",
    "lint",
    "test-e2e",
    "test-sqlite",
    "test-postgres-properties",
    "test-sqlite-properties",
    "test-frontend",
    "bench-smoke",
    "typecheck",
    "contract",
]
PYTHON, NODE = {"install-python"}, {"install-node"}
AFTER = {
    "spa": NODE,
    "test-postgres": PYTHON,
    "lint": {"spa"} | PYTHON,
    "test-e2e": {"spa"} | PYTHON,
    "test-sqlite": PYTHON,
    "test-postgres-properties": PYTHON,
    "test-sqlite-properties": PYTHON,
    "test-frontend": {"spa"},
    "bench-smoke": PYTHON,
    "typecheck": PYTHON,
    "contract": PYTHON | NODE,
}
LANES = 2
LOGS = Path("var/test-logs")
WIDTH = max(len(name) for name in STAGES)
TAIL_LINES = 120


def _descendants(pid: int) -> list[int]:
    """Every process below `pid`, from the kernel's table (/proc/*/stat: the parent is field 4);
    on a system without /proc, none."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # a process that just ended
        parents.setdefault(parent, []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _wait(process: subprocess.Popen[bytes]) -> tuple[int, float]:
    """The exit code, and the CPU time of the process and of every descendant it waited for."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_utime + usage.ru_stime


@dataclass
class Outcome:
    stage: str
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    """User and system time of the stage's processes (those it waited for; a database server
    started as a daemon is not among them)."""
    status: str = "not run"


@dataclass
class Run:
    serial: bool
    lanes: int = LANES
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    failed: threading.Event = field(default_factory=threading.Event)
    running: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    started: float = field(default_factory=time.monotonic)
    pending: list[str] = field(default_factory=lambda: list(STAGES))
    passed: set[str] = field(default_factory=set)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def say(self, text: str) -> None:
        with self.lock:
            minutes, seconds = divmod(int(time.monotonic() - self.started), 60)
            print(f"[{minutes:2d}:{seconds:02d}] {text}", flush=True)

    def stage(self, name: str) -> bool:
        outcome = self.outcomes[name]
        if self.failed.is_set():
            return False
        log = LOGS / f"{name}.log"
        self.say(f"{name}: started" + ("" if self.serial else f" (log: {log})"))
        command = ["make", "--no-print-directory", name, "WITHIN_TEST=1"]
        begin = time.monotonic()
        with open(os.devnull if self.serial else log, "wb") as out:
            process = subprocess.Popen(
                command,
                stdout=None if self.serial else out,
                stderr=None if self.serial else subprocess.STDOUT,
                start_new_session=True,  # its own process group, so a failure elsewhere stops it
            )
            with self.lock:
                self.running[name] = process
            code, outcome.cpu_seconds = _wait(process)
            with self.lock:
                del self.running[name]
        outcome.seconds = time.monotonic() - begin
        if self.failed.is_set() and code != 0:
            outcome.status = "stopped"
            return False
        outcome.status = "ok" if code == 0 else "FAILED"
        self.say(f"{name}: {outcome.status} in {outcome.seconds:.0f} s")
        if code != 0:
            self.fail(name, log)
            return False
        return True

    def fail(self, name: str, log: Path) -> None:
        if not self.serial:
            lines = log.read_text(errors="replace").splitlines()[-TAIL_LINES:]
            with self.lock:
                print(f"\n---- last {len(lines)} lines of {log} ----", flush=True)
                print("\n".join(lines), flush=True)
                print(f"---- end of {log} ----\n", flush=True)
        self.failed.set()
        with self.lock:
            others = list(self.running.values())
        for process in others:
            # A stage's own servers may live in process groups of their own (Playwright starts
            # its web server detached): stop every descendant, not only the stage's group, or
            # the next run finds the port taken.
            for pid in _descendants(process.pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
            with contextlib.suppress(ProcessLookupError):  # it may have ended meanwhile
                os.killpg(process.pid, signal.SIGTERM)

    def next_stage(self) -> str | None:
        """The first pending stage whose prerequisites have passed; waits while the other lane
        runs a prerequisite. None when nothing is left to start, or after a failure."""
        with self.changed:
            while not self.failed.is_set() and self.pending:
                for name in self.pending:
                    if AFTER.get(name, set()) <= self.passed:
                        self.pending.remove(name)
                        return name
                self.changed.wait()
            return None

    def lane(self) -> None:
        while (name := self.next_stage()) is not None:
            ok = self.stage(name)
            with self.changed:
                if ok:
                    self.passed.add(name)
                self.changed.notify_all()
            if not ok:
                return

    def table(self) -> str:
        rows = [
            f"  {o.stage:<{WIDTH}} {o.seconds:6.0f}s {o.cpu_seconds:6.0f}s  {o.status}"
            for o in self.outcomes.values()
        ]
        total = time.monotonic() - self.started
        cpu = sum(o.cpu_seconds for o in self.outcomes.values())
        title = f"== make test: per stage, wall and CPU time ({self.lanes} lanes) =="
        return "\n".join(["", title, *rows, f"  {'total':<{WIDTH}} {total:6.0f}s {cpu:6.0f}s"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serial", action="store_true", help="one stage after another")
    parser.add_argument("--lanes", type=int, default=LANES, help=f"stages at once ({LANES})")
    args = parser.parse_args()
    LOGS.mkdir(parents=True, exist_ok=True)
    run = Run(serial=args.serial, lanes=1 if args.serial else args.lanes)
    for name in STAGES:
        run.outcomes[name] = Outcome(name)
    if args.serial:
        run.lane()
    else:
        threads = [threading.Thread(target=run.lane) for _ in range(run.lanes)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    print(run.table(), flush=True)
    return 1 if run.failed.is_set() else 0


if __name__ == "__main__":
    sys.exit(main())
