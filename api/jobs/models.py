"""One row per job and period: claiming it is what lets exactly one scheduler run the job for
that period, and it keeps the outcome for `spoorboek jobs list`."""

from datetime import datetime

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.core.orm import Base, UTCDateTime, utcnow


class JobRun(Base):
    __tablename__ = "job_runs"
    __table_args__ = (UniqueConstraint("job", "period", name="uq_job_runs_job_period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job: Mapped[str] = mapped_column(String(60))
    period: Mapped[str] = mapped_column(String(40))
    """The period this run is for, e.g. 2026-12-07 (daily) or 2026-12-07T08:05 (each minute)."""
    holder: Mapped[str] = mapped_column(String(120))
    """Which scheduler (host and process) claimed it."""
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    lease_until: Mapped[datetime] = mapped_column(UTCDateTime)
    """A run whose holder died is taken over after this moment."""
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(String(20), default="bezig")
    """bezig, gelukt or mislukt."""
    detail: Mapped[str | None] = mapped_column(Text)
