"""The help list's contact moments: an advisor notes that she contacted a municipality about a
measure, so the team shares who is being helped. Appended, never changed: the latest is shown,
the earlier ones stay as the history."""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from api.core.orm import Base, UTCDateTime, utcnow

NOTE_LENGTH = 500


class ContactMoment(Base):
    __tablename__ = "help_contact_moments"
    __table_args__ = (
        # The latest per cell, for a page of the help list or the whole of it.
        Index("ix_help_contact_moments_cell", "municipality_code", "measure_code", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    municipality_code: Mapped[str] = mapped_column(ForeignKey("municipalities.code"))
    measure_code: Mapped[str] = mapped_column(ForeignKey("measures.code", ondelete="CASCADE"))
    contacted_on: Mapped[date] = mapped_column(Date)
    """The day the municipality was contacted (never after the day it was noted)."""
    note: Mapped[str] = mapped_column(String(NOTE_LENGTH))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    """Who noted it; kept empty once her account is gone."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
