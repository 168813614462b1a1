"""The bench's forked children (`bench.forked`, used by the smoke run's setup and servers): what
the child returns or raises is its exit code and its output is in its log, it can be stopped as
a server is, and a setup command that fails says which and shows what it printed."""

import os
import signal
import time
from pathlib import Path

import pytest

from bench import database, forked


def test_the_child_exits_with_what_it_returns_and_writes_to_its_log(tmp_path: Path) -> None:
    log = tmp_path / "child.log"

    def child() -> int:
        print(f"child {os.getpid()}")
        return 3

    process = forked.fork(child, log)

    assert process.wait(timeout=30) == 3
    assert process.poll() == 3
    assert log.read_text() == f"child {process.pid}\n"
    assert process.pid != os.getpid()


def test_a_child_that_raises_exits_1_with_its_traceback_in_the_log(tmp_path: Path) -> None:
    log = tmp_path / "child.log"

    def child() -> int:
        raise ValueError("kapot")

    assert forked.fork(child, log).wait(timeout=30) == 1
    assert "ValueError: kapot" in log.read_text()


def test_a_running_child_is_stopped_by_terminate(tmp_path: Path) -> None:
    def child() -> int:
        time.sleep(60)
        return 0

    process = forked.fork(child, tmp_path / "child.log")
    assert process.poll() is None
    started = time.monotonic()
    process.terminate()

    assert process.wait(timeout=30) == -signal.SIGTERM
    assert time.monotonic() - started < 30


def test_a_setup_command_that_fails_says_which_and_shows_its_output(tmp_path: Path) -> None:
    # A database file in a folder that cannot exist: `spoorboek migrate` itself fails.
    url = "sqlite:////proc/no-such-folder/bench.db"
    messages: list[str] = []

    with pytest.raises(RuntimeError, match="spoorboek migrate failed") as failure:
        database.prepare(url, tmp_path, messages.append)

    assert "Traceback" in str(failure.value)
    assert not any("ok" in message for message in messages)
