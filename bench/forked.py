"""Children forked from the bench after it imported the app, so that they need not import it
again: about 3 s of CPU that every new Python process running the app spends before it does
anything (more where no bytecode is written), most of what a smoke run's setup and its servers
cost.

A fork copies only the thread that forks: fork before this process starts any thread (the bench
does so before its first request). The child never returns into the bench: it would run the
bench's own cleanup (its temporary directory, its servers) a second time."""

import os
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path


class Forked:
    """A forked child, waited for as a subprocess.Popen is (the parts the bench uses)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while (code := self.poll()) is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"forked process {self.pid}", timeout or 0.0)
            time.sleep(0.05)
        return code

    def terminate(self) -> None:
        if self.poll() is None:
            os.kill(self.pid, signal.SIGTERM)

    def kill(self) -> None:
        if self.poll() is None:
            os.kill(self.pid, signal.SIGKILL)


def fork(run: Callable[[], int], log: Path) -> Forked:
    """Run `run` in a child of this process, in a session of its own (Ctrl-C reaches only the
    bench, which then stops it), its output going to `log`; the child exits with what `run`
    returns (1 if it raised)."""
    out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    # What is still buffered would otherwise be written twice, once by each process.
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        os.close(out)
        return Forked(pid)
    code = 1
    try:
        os.setsid()
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.close(out)
        # New streams on those descriptors: sys.stdout may have been replaced by one that does
        # not write to them (a test runner capturing output, say).
        sys.stdout = open(1, "w", buffering=1, encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", buffering=1, encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
        # The bench turns SIGTERM into KeyboardInterrupt for its own cleanup; not here.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        code = run()
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
