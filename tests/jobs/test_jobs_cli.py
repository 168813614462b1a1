"""`spoorboek jobs list | run | scheduler` as an operator types them, in-process through
Typer's runner, on the jobs' own database."""

import logging
import os
import signal
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner, Result

from api import cli
from api.core.clock import AMSTERDAM, fixed_clock
from api.core.db import engine_for
from api.core.settings import Settings, get_settings
from api.jobs.models import JobRun
from api.jobs.registry import JOBS, Job
from api.jobs.runner import Runner
from api.jobs.schedules import daily

MOMENT = datetime(2026, 12, 7, 7, 2, tzinfo=AMSTERDAM)
runner = CliRunner()


@pytest.fixture
def invoke(
    jobs_database_url: str, sessions: Callable[[], Session], tmp_path: Path
) -> Callable[..., Result]:
    """`DATABASE_URL=... spoorboek ARGS` at MOMENT, Dutch time."""

    def run(*args: str) -> Result:
        with pytest.MonkeyPatch.context() as patch, fixed_clock(MOMENT):
            patch.setenv("DATABASE_URL", jobs_database_url)
            patch.setenv("SPOORBOEK_MAIL_BACKEND", "file")
            patch.setenv("SPOORBOEK_MAIL_FILE_DIR", f"{tmp_path}/outbox")
            patch.setattr(cli.console, "width", 200)
            get_settings.cache_clear()
            try:
                return runner.invoke(cli.app, list(args))
            finally:
                get_settings.cache_clear()
                engine_for(jobs_database_url, None).dispose()

    return run


def table_row(output: str, name: str) -> list[str]:
    for line in output.splitlines():
        cells = [cell.strip() for cell in line.replace("┃", "│").split("│")]
        if len(cells) > 2 and cells[1] == name:
            return cells[2:-1]
    raise AssertionError(f"no row {name!r} in:\n{output}")


def failing(session: Session, settings: Settings, now: datetime) -> str:
    raise RuntimeError("de server antwoordt niet")


def test_jobs_list_shows_each_job_with_its_last_run_and_when_it_is_next_due(
    invoke: Callable[..., Result], sessions: Callable[[], Session], jobs_settings: Settings
) -> None:
    before = invoke("jobs", "list")
    assert before.exit_code == 0, before.output
    assert [table_row(before.output, name)[:2] for name in JOBS] == [
        ["elke minuut", "nog nooit"],
        ["dagelijks om 07:00", "nog nooit"],
        ["elke 5 minuten", "nog nooit"],
        ["dagelijks om 06:30", "nog nooit"],
        ["dagelijks om 06:30", "nog nooit"],
        ["dagelijks om 06:30", "nog nooit"],
        ["dagelijks om 03:30", "nog nooit"],
        ["dagelijks om 06:45", "nog nooit"],
        ["dagelijks om 03:30", "nog nooit"],
        ["dagelijks om 06:45", "nog nooit"],
        ["dagelijks om 06:50", "nog nooit"],
        ["elke minuut", "nog nooit"],
        ["dagelijks om 07:00", "nog nooit"],
        ["dagelijks om 03:20", "nog nooit"],
        ["dagelijks om 03:15", "nog nooit"],
    ]
    # Every job's time has come today and none has run: all are due now.
    assert {table_row(before.output, name)[-1] for name in JOBS} == {"nu"}

    # The scheduler runs the daily summary; someone retries the outbox by hand.
    with fixed_clock(MOMENT):
        Runner(sessions, jobs_settings, {"dagoverzicht": JOBS["dagoverzicht"]}).run_due()
    assert invoke("jobs", "run", "mail-opnieuw").exit_code == 0

    after = invoke("jobs", "list").output
    assert table_row(after, "dagoverzicht") == [
        "dagelijks om 07:00",
        "2026-12-07 07:02",
        "gelukt",
        "0 dagoverzichten verstuurd",
        "2026-12-08 07:00",
    ]
    assert table_row(after, "mail-opnieuw") == [
        "elke 5 minuten",
        "2026-12-07 07:02 (met de hand)",
        "gelukt",
        "verstuurd: 0, mislukt: 0",
        "nu",  # by hand does not count as the scheduled run
    ]


def test_jobs_list_shows_a_failure_and_when_it_is_tried_again(
    invoke: Callable[..., Result], sessions: Callable[[], Session], jobs_settings: Settings
) -> None:
    job = Job("kapot", "faalt", daily("06:30"), failing)
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(JOBS, "kapot", job)
        with fixed_clock(MOMENT):
            Runner(sessions, jobs_settings, {"kapot": job}).run_due()
        output = invoke("jobs", "list").output
    assert table_row(output, "kapot") == [
        "dagelijks om 06:30",
        "2026-12-07 07:02",
        "mislukt",
        "RuntimeError: de server antwoordt niet",
        "2026-12-07 07:17",
    ]


def test_jobs_run_runs_a_job_now_and_says_how_it_went(
    invoke: Callable[..., Result], sessions: Callable[[], Session]
) -> None:
    result = invoke("jobs", "run", "mail-opnieuw")
    assert result.exit_code == 0, result.output
    assert "mail-opnieuw: gelukt (verstuurd: 0, mislukt: 0)" in result.output

    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(JOBS, "kapot", Job("kapot", "faalt", daily("06:30"), failing))
        failed = invoke("jobs", "run", "kapot")
    assert failed.exit_code == 1
    assert "kapot: mislukt (RuntimeError: de server antwoordt niet)" in failed.output

    with sessions() as session:
        runs = session.execute(select(JobRun.job, JobRun.period, JobRun.outcome)).all()
    assert sorted((job, outcome) for job, _period, outcome in runs) == [
        ("kapot", "mislukt"),
        ("mail-opnieuw", "gelukt"),
    ]
    assert all(period.startswith("hand 2026-12-07T06:02:00Z ") for _job, period, _ in runs)


def test_jobs_run_of_an_unknown_job_names_the_known_ones(
    invoke: Callable[..., Result], sessions: Callable[[], Session]
) -> None:
    result = invoke("jobs", "run", "bestaat-niet")
    assert result.exit_code == 2
    assert "Onbekende taak: bestaat-niet" in result.output
    assert "dagoverzicht" in result.output
    with sessions() as session:
        assert session.scalars(select(JobRun)).all() == []


def test_jobs_scheduler_runs_what_is_due_and_stops_on_sigterm(
    invoke: Callable[..., Result], sessions: Callable[[], Session]
) -> None:
    def stopped_meanwhile(session: Session, settings: Settings, now: datetime) -> str:
        os.kill(os.getpid(), signal.SIGTERM)
        return "gestopt gevraagd"

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    previous = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.MonkeyPatch.context() as patch:
            for name in list(JOBS):
                patch.delitem(JOBS, name)
            patch.setitem(JOBS, "stop", Job("stop", "stopt", daily("06:30"), stopped_meanwhile))
            result = invoke("jobs", "scheduler")
    finally:
        # The command sets up logging for a process of its own.
        root.handlers[:], root.level = handlers, level
    assert result.exit_code == 0, (result.output, result.exc_info)
    assert "Planner gestart" in result.output
    assert result.output.rstrip().endswith("Planner gestopt.")
    assert signal.getsignal(signal.SIGTERM) is previous, "the handler is put back"
    with sessions() as session:
        [run] = session.scalars(select(JobRun)).all()
    assert (run.job, run.period, run.outcome) == ("stop", "2026-12-07", "gelukt")


def test_jobs_scheduler_once_runs_what_is_due_once_however_often_cron_calls_it(
    invoke: Callable[..., Result], sessions: Callable[[], Session]
) -> None:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        with pytest.MonkeyPatch.context() as patch:
            for name in list(JOBS):
                if name not in {"dagoverzicht", "mail-opnieuw"}:
                    patch.delitem(JOBS, name)
            first = invoke("jobs", "scheduler", "--once")
            second = invoke("jobs", "scheduler", "--once")
            patch.setitem(JOBS, "kapot", Job("kapot", "faalt", daily("06:30"), failing))
            third = invoke("jobs", "scheduler", "--once")
    finally:
        root.handlers[:], root.level = handlers, level
    assert first.exit_code == 0, first.output
    assert "dagoverzicht (2026-12-07): gelukt (0 dagoverzichten verstuurd)" in first.output
    assert "mail-opnieuw (2026-12-07T06:00Z): gelukt (verstuurd: 0, mislukt: 0)" in first.output
    assert second.exit_code == 0
    assert "Niets aan de beurt." in second.output
    assert third.exit_code == 1
    assert "kapot (2026-12-07): mislukt (RuntimeError: de server antwoordt niet)" in third.output
    assert "dagoverzicht" not in third.output
