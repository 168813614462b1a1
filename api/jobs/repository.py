"""Every query of the jobs domain: claiming a (job, period) row, finishing it, reading the last
runs. The database decides who runs a job: the unique (job, period) constraint for a new
period, a conditional UPDATE for a run whose holder is gone."""

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from api.jobs.models import JobRun

RUNNING = "bezig"
SUCCEEDED = "gelukt"
FAILED = "mislukt"


def insert_claim(
    session: Session, job: str, period: str, holder: str, now: datetime, lease_until: datetime
) -> int | None:
    """Inserts the run of (job, period) unless it exists; the id when this caller inserted it.
    A second scheduler inserting the same row at the same moment gets nothing back: on
    PostgreSQL its INSERT waits for the first to commit and then does nothing, on SQLite the
    writers take turns."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(JobRun)
        .values(
            job=job,
            period=period,
            holder=holder,
            started_at=now,
            lease_until=lease_until,
            outcome=RUNNING,
        )
        .on_conflict_do_nothing(index_elements=["job", "period"])
        .returning(JobRun.id)
    )
    run_id: int | None = session.scalar(statement)
    return run_id


def take_over(
    session: Session, job: str, period: str, holder: str, now: datetime, lease_until: datetime
) -> int | None:
    """Takes the run of (job, period) over if its lease ran out: a holder that died while it
    was `bezig`, or a failed run whose wait before a retry is over. The WHERE is evaluated
    again on the row as the first taker left it, so of two takers only one gets the id."""
    statement = (
        update(JobRun)
        .where(
            JobRun.job == job,
            JobRun.period == period,
            JobRun.outcome.in_((RUNNING, FAILED)),
            JobRun.lease_until < now,
        )
        .values(
            holder=holder,
            started_at=now,
            lease_until=lease_until,
            finished_at=None,
            outcome=RUNNING,
            detail=None,
        )
        .returning(JobRun.id)
        .execution_options(synchronize_session=False)
    )
    run_id: int | None = session.scalar(statement)
    return run_id


def finish(
    session: Session,
    run_id: int,
    holder: str,
    started_at: datetime,
    *,
    outcome: str,
    detail: str,
    now: datetime,
    lease_until: datetime,
) -> bool:
    """Records the outcome, if the run is still this holder's (it is not if another took it
    over after the lease ran out). A failed run keeps a lease: the moment it may be retried."""
    statement = (
        update(JobRun)
        .where(JobRun.id == run_id, JobRun.holder == holder, JobRun.started_at == started_at)
        .values(outcome=outcome, detail=detail, finished_at=now, lease_until=lease_until)
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).rowcount == 1  # type: ignore[attr-defined,no-any-return]


def give_up_abandoned(session: Session, job: str, before_period: str, now: datetime) -> int:
    """Marks as failed the runs of earlier periods still `bezig` past their lease: their
    holder died, and their period will not come back to be taken over."""
    statement = (
        update(JobRun)
        .where(
            JobRun.job == job,
            JobRun.period != before_period,
            JobRun.outcome == RUNNING,
            JobRun.lease_until < now,
        )
        .values(outcome=FAILED, finished_at=now, detail="afgebroken: de uitvoerder stopte")
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).rowcount  # type: ignore[attr-defined,no-any-return]


def run_of(session: Session, job: str, period: str) -> JobRun | None:
    return session.scalar(select(JobRun).where(JobRun.job == job, JobRun.period == period))


def last_runs(session: Session, jobs: Iterable[str]) -> dict[str, JobRun]:
    """The most recent run of each job (by hand or scheduled)."""
    runs: dict[str, JobRun] = {}
    for job in jobs:
        query = (
            select(JobRun)
            .where(JobRun.job == job)
            .order_by(JobRun.started_at.desc(), JobRun.id.desc())
            .limit(1)
        )
        run = session.scalar(query)
        if run is not None:
            runs[job] = run
    return runs


def delete_finished_before(session: Session, moment: datetime) -> int:
    statement = delete(JobRun).where(JobRun.started_at < moment, JobRun.outcome != RUNNING)
    return session.execute(statement).rowcount  # type: ignore[attr-defined,no-any-return]
