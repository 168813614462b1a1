"""Running the jobs: each job once per period, however many schedulers run, on however many
machines (decision 0013).

To run a job for a period a scheduler first claims it, in a transaction of its own: it inserts
the job's row for that period, and the unique (job, period) constraint lets one insert in and
turns the others away. The winner commits the claim with a lease (a moment by which the run
should be over), runs the work, and records the outcome. A run still `bezig` when its lease
has passed lost its holder (a crash, a killed container): the next scheduler takes it over
with an UPDATE that only one taker can win, and runs the work again, which picks up where the
first stopped because the work commits as it goes. A failed run is tried again once its wait
(`Job.retry_after`) is over, within its period.

After a restart nothing is replayed but the current period of each job: a minute job runs
once, not once per minute missed; a daily job whose time today has passed and that has not
run today runs once."""

import logging
import os
import signal
import socket
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import FrameType

from sqlalchemy.orm import Session

from api.core import clock
from api.core.settings import Settings
from api.jobs import repository
from api.jobs.models import JobRun
from api.jobs.registry import JOBS, Job

logger = logging.getLogger("spoorboek.jobs")

DETAIL_LENGTH = 500
POLL = timedelta(seconds=15)
"""The longest a scheduler sleeps: it also wakes at the next fire time, whichever is first."""
LATE_WAKE = timedelta(milliseconds=200)
"""Waking just after a fire time rather than on it, so the period has certainly begun."""
BY_HAND = "hand"


@dataclass(frozen=True)
class Ran:
    """One run this scheduler did."""

    job: str
    period: str
    outcome: str
    detail: str


@dataclass(frozen=True)
class JobState:
    job: Job
    last: JobRun | None
    due: datetime
    """Now, when it is due (or overdue); else its next fire time."""


def new_holder() -> str:
    """Who claims: the machine, the process and a token of this scheduler."""
    return f"{socket.gethostname()[:80]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _shortened(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}".strip()
    return text if len(text) <= DETAIL_LENGTH else text[: DETAIL_LENGTH - 1] + "…"


class Runner:
    def __init__(
        self,
        sessions: Callable[[], Session],
        settings: Settings,
        jobs: Mapping[str, Job] = JOBS,
        holder: str | None = None,
    ) -> None:
        self.sessions = sessions
        self.settings = settings
        self.jobs = jobs
        self.holder = holder or new_holder()

    def run_due(self) -> list[Ran]:
        """Runs every job whose current period nobody has claimed (or whose claim ran out). A
        failing job is recorded and the next one runs all the same."""
        done = []
        for job in self.jobs.values():
            # Read again for each job: the one before may have taken minutes.
            now = clock.now()
            fire = job.schedule.latest(now)
            if fire is None:
                continue
            try:
                ran = self.run(job, job.schedule.period(fire), now)
            except Exception:
                # The database itself failed (claiming or recording): the claim, if any, runs
                # out and is taken over; this scheduler goes on with the next job.
                logger.exception("job %s could not be run", job.name, extra={"job": job.name})
                continue
            if ran is not None:
                done.append(ran)
        return done

    def run_by_hand(self, name: str) -> Ran:
        """Runs a job now, in a period of its own, so the scheduled run still runs."""
        now = clock.now()
        period = f"{BY_HAND} {now:%Y-%m-%dT%H:%M:%SZ} {uuid.uuid4().hex[:8]}"
        ran = self.run(self.jobs[name], period, now)
        if ran is None:
            raise RuntimeError(f"period {period} was claimed already")  # a new key: never
        return ran

    def run(self, job: Job, period: str, now: datetime) -> Ran | None:
        """Claims (job, period) and runs it; None when another scheduler has it."""
        with self.sessions() as session:
            run_id = self._claim(session, job, period, now)
            if run_id is None:
                return None
            logger.info(
                "job %s (%s) started", job.name, period, extra={"job": job.name, "period": period}
            )
            try:
                detail = job.work(session, self.settings, now)
                session.commit()
            except Exception as exc:
                session.rollback()
                logger.exception(
                    "job %s (%s) failed",
                    job.name,
                    period,
                    extra={"job": job.name, "period": period},
                )
                outcome, detail = repository.FAILED, _shortened(exc)
                retry_at = clock.now() + job.retry_after
            else:
                outcome, retry_at = repository.SUCCEEDED, clock.now()
                detail = detail[:DETAIL_LENGTH]
            recorded = repository.finish(
                session,
                run_id,
                self.holder,
                now,
                outcome=outcome,
                detail=detail,
                now=clock.now(),
                lease_until=retry_at,
            )
            session.commit()
        if not recorded:
            logger.warning(
                "job %s (%s) outlived its lease and was taken over",
                job.name,
                period,
                extra={"job": job.name, "period": period},
            )
        logger.info(
            "job %s (%s): %s, %s",
            job.name,
            period,
            outcome,
            detail,
            extra={"job": job.name, "period": period, "outcome": outcome, "detail": detail},
        )
        return Ran(job.name, period, outcome, detail)

    def _claim(self, session: Session, job: Job, period: str, now: datetime) -> int | None:
        lease_until = now + job.lease
        run_id = repository.insert_claim(session, job.name, period, self.holder, now, lease_until)
        if run_id is None:
            run_id = repository.take_over(session, job.name, period, self.holder, now, lease_until)
        if run_id is not None:
            repository.give_up_abandoned(session, job.name, period, now)
        # Committed before the work starts: from here on the others see the claim.
        session.commit()
        return run_id

    def next_fire(self, now: datetime) -> datetime:
        """The first fire time of any job after `now`. (A retry or a lease running out is
        noticed at the next poll.)"""
        return min(job.schedule.following(now) for job in self.jobs.values())

    def overview(self, session: Session) -> list[JobState]:
        """Each job with its last run and when it is next due, for `spoorboek jobs list`."""
        now = clock.now()
        last = repository.last_runs(session, self.jobs)
        states = []
        for job in self.jobs.values():
            due = job.schedule.following(now)
            fire = job.schedule.latest(now)
            if fire is not None:
                current = repository.run_of(session, job.name, job.schedule.period(fire))
                if current is None:
                    due = now
                elif current.outcome == repository.FAILED or current.lease_until < now:
                    # A retry after a failure, or a run whose holder is gone.
                    due = min(due, max(now, current.lease_until))
            states.append(JobState(job, last.get(job.name), due))
        return states


@contextmanager
def stop_on_signals() -> Iterator[threading.Event]:
    """An event set by SIGTERM or SIGINT, so the loop stops between runs; the previous
    handlers are put back afterwards."""
    stop = threading.Event()

    def handle(signum: int, _frame: FrameType | None) -> None:
        logger.info("scheduler stopping on %s", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def serve(runner: Runner, stop: threading.Event, poll: timedelta = POLL) -> None:
    """The scheduler: runs what is due, sleeps until the next fire time or `poll`, whichever
    comes first, until `stop` is set. A run in progress is finished first."""
    logger.info("scheduler %s started", runner.holder, extra={"holder": runner.holder})
    while not stop.is_set():
        runner.run_due()
        now = clock.now()
        wake = min(runner.next_fire(now) + LATE_WAKE, now + poll)
        stop.wait(max((wake - now).total_seconds(), 0.0))
    logger.info("scheduler %s stopped", runner.holder, extra={"holder": runner.holder})
