"""The runner: each job once per period however many schedulers run it, a dead holder's run
taken over once, failures recorded without stopping the rest, catching up after a restart.

Schedulers are Runners of their own (each its own holder and sessions, so its own database
connections); a race is two of them in two threads let go at the same moment."""

import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from api.core import clock
from api.core.clock import AMSTERDAM, FixedClock, fixed_clock
from api.core.settings import Settings
from api.jobs import repository
from api.jobs.models import JobRun
from api.jobs.registry import JOBS, Job
from api.jobs.runner import Ran, Runner
from api.jobs.schedules import Schedule, daily, every

Sessions = Callable[[], Session]
MOMENT = datetime(2026, 12, 7, 7, 0, tzinfo=AMSTERDAM)


def at(text: str) -> datetime:
    """A Dutch wall-clock time on or after 7 December 2026."""
    return datetime.fromisoformat(text).replace(tzinfo=AMSTERDAM)


class Work:
    """A job's work that counts its calls; `during` runs inside the first call."""

    def __init__(
        self, result: str = "klaar", during: Callable[[], None] | None = None, fail: bool = False
    ) -> None:
        self.calls: list[str] = []
        self.result, self.during, self.fail = result, during, fail
        self.lock = threading.Lock()

    def __call__(self, session: Session, settings: Settings, now: datetime) -> str:
        with self.lock:
            self.calls.append(now.isoformat())
            first = len(self.calls) == 1
        if first and self.during is not None:
            self.during()
        if self.fail:
            # Written, then undone: a failed run leaves nothing half done of its own.
            session.add(JobRun(job="spoor", period="x", holder="x", lease_until=now))
            session.flush()
            raise ValueError("kapot " * 200)
        return self.result


def one_job(work: Work, schedule: Schedule | None = None, name: str = "taak") -> dict[str, Job]:
    return {name: Job(name, "een taak", schedule or daily("06:30"), work)}


def rows(sessions: Sessions) -> list[JobRun]:
    with sessions() as session:
        return list(session.scalars(select(JobRun).order_by(JobRun.id)))


def race(runners: Sequence[Runner], released: threading.Event) -> dict[str, list[Ran]]:
    """Both runners' `run_due` at the same moment; `released` is set once one of them comes
    back with nothing run, so a winner's work can hold its claim until the other has tried."""
    barrier = threading.Barrier(len(runners))
    results: dict[str, list[Ran]] = {}

    def scheduler(runner: Runner) -> None:
        barrier.wait(timeout=10)
        results[runner.holder] = ran = runner.run_due()
        if not ran:
            released.set()

    threads = [threading.Thread(target=scheduler, args=(runner,)) for runner in runners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def waiting_for(released: threading.Event) -> Callable[[], None]:
    def hold() -> None:
        assert released.wait(timeout=20), "the other scheduler never gave up"

    return hold


def test_two_schedulers_at_the_same_moment_run_a_job_once(
    sessions: Sessions, jobs_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    released = threading.Event()
    work = Work(during=waiting_for(released))
    jobs = one_job(work)
    runners = [Runner(sessions, jobs_settings, jobs, holder=f"planner-{n}") for n in (1, 2)]

    with fixed_clock(MOMENT):
        results = race(runners, released)

    assert len(work.calls) == 1
    assert sorted(len(ran) for ran in results.values()) == [0, 1]
    assert "could not be run" not in caplog.text, "the other was refused, not failed"
    winner = next(holder for holder, ran in results.items() if ran)
    [run] = rows(sessions)
    assert (run.job, run.period, run.holder) == ("taak", "2026-12-07", winner)
    assert (run.outcome, run.detail, run.finished_at) == ("gelukt", "klaar", MOMENT)


def test_a_second_scheduler_after_the_first_finds_the_period_done(
    sessions: Sessions, jobs_settings: Settings
) -> None:
    work = Work()
    first, second = (Runner(sessions, jobs_settings, one_job(work)) for _ in range(2))
    with fixed_clock(MOMENT):
        assert [ran.outcome for ran in first.run_due()] == ["gelukt"]
        assert second.run_due() == []
        assert first.run_due() == []
    assert len(work.calls) == 1
    assert len(rows(sessions)) == 1


def test_a_run_whose_holder_died_is_taken_over_once_its_lease_has_passed(
    sessions: Sessions, jobs_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    released = threading.Event()
    work = Work(during=waiting_for(released))
    jobs = one_job(work)
    # A scheduler claimed today's run and died: the row stays `bezig` with its lease.
    with sessions() as session:
        lease_until = MOMENT + jobs["taak"].lease
        repository.insert_claim(session, "taak", "2026-12-07", "dood", MOMENT, lease_until)
        session.commit()
    runners = [Runner(sessions, jobs_settings, jobs, holder=f"planner-{n}") for n in (1, 2)]

    with fixed_clock(lease_until - timedelta(seconds=1)):
        assert runners[0].run_due() == [], "the lease still holds"
    assert work.calls == []
    with fixed_clock(lease_until + timedelta(seconds=1)):
        results = race(runners, released)

    assert len(work.calls) == 1
    assert sorted(len(ran) for ran in results.values()) == [0, 1]
    assert "could not be run" not in caplog.text, "the other was refused, not failed"
    [run] = rows(sessions)
    assert run.holder in {"planner-1", "planner-2"}
    assert (run.outcome, run.started_at) == ("gelukt", lease_until + timedelta(seconds=1))


def test_a_holder_that_outlived_its_lease_does_not_overwrite_the_run_that_took_over(
    sessions: Sessions, jobs_settings: Settings
) -> None:
    def taken_over_meanwhile() -> None:
        clock.set_clock(FixedClock(MOMENT + timedelta(hours=2)))
        [ran] = Runner(sessions, jobs_settings, jobs, holder="tweede").run_due()
        assert ran.outcome == "gelukt"

    work = Work(result="traag", during=taken_over_meanwhile)
    jobs = one_job(work)
    with fixed_clock(MOMENT):
        [slow] = Runner(sessions, jobs_settings, jobs, holder="eerste").run_due()

    assert len(work.calls) == 2
    assert slow.outcome == "gelukt"
    [run] = rows(sessions)
    assert (run.holder, run.outcome, run.started_at) == (
        "tweede",
        "gelukt",
        MOMENT + timedelta(hours=2),
    )


def test_a_failing_job_is_recorded_and_the_next_job_still_runs(
    sessions: Sessions, jobs_settings: Settings
) -> None:
    broken, fine = Work(fail=True), Work()
    jobs = {**one_job(broken, name="kapot"), **one_job(fine, name="daarna")}
    runner = Runner(sessions, jobs_settings, jobs)

    with fixed_clock(MOMENT):
        ran = runner.run_due()

    assert [(r.job, r.outcome) for r in ran] == [("kapot", "mislukt"), ("daarna", "gelukt")]
    failed, done = rows(sessions)
    assert (failed.job, failed.outcome, failed.finished_at) == ("kapot", "mislukt", MOMENT)
    assert failed.detail is not None
    assert failed.detail.startswith("ValueError: kapot kapot")
    assert len(failed.detail) == 500
    assert (done.job, done.outcome) == ("daarna", "gelukt")
    assert "spoor" not in {run.job for run in rows(sessions)}, "the failed work was undone"

    # Tried again after a wait, within its day, and once.
    retry = MOMENT + jobs["kapot"].retry_after
    with fixed_clock(retry - timedelta(seconds=1)):
        assert runner.run_due() == []
    with fixed_clock(retry + timedelta(seconds=1)):
        assert [(r.job, r.outcome) for r in runner.run_due()] == [("kapot", "mislukt")]
        assert runner.run_due() == []
    assert (len(broken.calls), len(fine.calls)) == (2, 1)


def test_a_database_that_fails_a_claim_does_not_stop_the_other_jobs(
    sessions: Sessions, jobs_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    made = 0

    def failing_once() -> Session:
        nonlocal made
        made += 1
        if made == 1:
            raise OperationalError("INSERT INTO job_runs", {}, Exception("server closed"))
        return sessions()

    first, second = Work(), Work()
    jobs = {**one_job(first, name="eerste"), **one_job(second, name="tweede")}
    with fixed_clock(MOMENT):
        ran = Runner(failing_once, jobs_settings, jobs).run_due()
    assert [(r.job, r.outcome) for r in ran] == [("tweede", "gelukt")]
    assert (first.calls, len(second.calls)) == ([], 1)
    assert "job eerste could not be run" in caplog.text


def test_after_a_restart_each_job_catches_up_its_current_period_once(
    sessions: Sessions, jobs_settings: Settings
) -> None:
    daily_work, minute_work = Work(), Work()
    jobs = {
        **one_job(daily_work, daily("06:30"), name="dagelijks"),
        **one_job(minute_work, every(5), name="vijf-minuten"),
    }
    runner = Runner(sessions, jobs_settings, jobs)

    def ran(moment: str) -> list[tuple[str, str]]:
        with fixed_clock(at(moment)):
            return [(r.job, r.period) for r in runner.run_due()]

    # Down from before 06:30 until 10:04: the daily job once, the minute job once, for its
    # last period only (not the 43 it missed).
    assert ran("2026-12-07 10:04") == [
        ("dagelijks", "2026-12-07"),
        ("vijf-minuten", "2026-12-07T09:00Z"),
    ]
    assert ran("2026-12-07 10:04:59") == []
    assert ran("2026-12-07 10:05") == [("vijf-minuten", "2026-12-07T09:05Z")]
    # Down all of 8 December: its daily run is not made up on the 9th ...
    assert ran("2026-12-09 06:29") == [("vijf-minuten", "2026-12-09T05:25Z")]
    # ... whose own runs when its time comes.
    assert ran("2026-12-09 06:30") == [
        ("dagelijks", "2026-12-09"),
        ("vijf-minuten", "2026-12-09T05:30Z"),
    ]
    assert (len(daily_work.calls), len(minute_work.calls)) == (2, 4)


def test_an_abandoned_run_of_an_earlier_period_is_marked_failed(
    sessions: Sessions, jobs_settings: Settings
) -> None:
    jobs = one_job(Work(), every(1))
    with sessions() as session:
        earlier = MOMENT - timedelta(minutes=30)
        repository.insert_claim(
            session, "taak", "2026-12-07T05:30Z", "dood", earlier, earlier + timedelta(minutes=10)
        )
        session.commit()
    with fixed_clock(MOMENT):
        Runner(sessions, jobs_settings, jobs).run_due()
    abandoned, current = rows(sessions)
    assert (abandoned.outcome, abandoned.finished_at) == ("mislukt", MOMENT)
    assert abandoned.detail == "afgebroken: de uitvoerder stopte"
    assert (current.period, current.outcome) == ("2026-12-07T06:00Z", "gelukt")


def test_a_run_by_hand_does_not_take_the_scheduled_run(
    sessions: Sessions, jobs_settings: Settings
) -> None:
    work = Work()
    runner = Runner(sessions, jobs_settings, one_job(work))
    with fixed_clock(MOMENT):
        by_hand = runner.run_by_hand("taak")
        again = runner.run_by_hand("taak")
        scheduled = runner.run_due()
    assert by_hand.period.startswith("hand 2026-12-07T06:00:00Z ")
    assert again.period != by_hand.period
    assert [ran.period for ran in scheduled] == ["2026-12-07"]
    assert len(work.calls) == 3


def test_old_runs_are_removed_but_not_a_running_one(
    sessions: Sessions, jobs_settings: Settings
) -> None:
    old = MOMENT - timedelta(days=31)
    with sessions() as session:
        for period, started, outcome in [
            ("oud-gelukt", old, "gelukt"),
            ("oud-mislukt", old, "mislukt"),
            ("oud-bezig", old, "bezig"),
            ("recent", MOMENT - timedelta(days=29), "gelukt"),
        ]:
            session.add(
                JobRun(
                    job="taak",
                    period=period,
                    holder="x",
                    started_at=started,
                    lease_until=started,
                    outcome=outcome,
                )
            )
        session.commit()
    with fixed_clock(MOMENT):
        ran = Runner(sessions, jobs_settings).run_by_hand("uitvoeringen-opruimen")
    assert (ran.outcome, ran.detail) == ("gelukt", "2 oude uitvoeringen verwijderd")
    assert {run.period for run in rows(sessions) if run.job == "taak"} == {"oud-bezig", "recent"}


def test_the_registry_runs_the_outbox_retry_on_an_empty_outbox(
    sessions: Sessions, jobs_settings: Settings
) -> None:
    with fixed_clock(MOMENT):
        ran = Runner(sessions, jobs_settings, JOBS).run_by_hand("mail-opnieuw")
    assert (ran.outcome, ran.detail) == ("gelukt", "verstuurd: 0, mislukt: 0")
