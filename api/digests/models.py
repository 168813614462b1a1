"""Tables of this domain: each contact's choice of how often she gets her persoonlijk overzicht,
and one row per digest she got (or was due and had nothing to say), with the traffic lights it
reported, so the next one can tell which cells turned late or at risk since."""

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.core.orm import Base, UTCDateTime, enum_column, utcnow


class DigestFrequency(enum.StrEnum):
    NEVER = "nooit"
    WEEKLY = "wekelijks"
    MONTHLY = "maandelijks"


class DigestPreference(Base):
    """A contact without a row gets no digest (`nooit`): she chooses one in "mijn account"."""

    __tablename__ = "digest_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    frequency: Mapped[DigestFrequency] = mapped_column(
        enum_column(DigestFrequency, "digest_frequency")
    )
    chosen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    """When the frequency was last changed: a period that began before it is not hers yet."""


class Digest(Base):
    """One contact's digest of one period, written in the same transaction as its outbox
    message: a run that stops halfway goes on with whoever has no row for the period yet, so
    nobody gets it twice and nobody is skipped (the unique pair stands behind that)."""

    __tablename__ = "digests"
    __table_args__ = (UniqueConstraint("user_id", "period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(20))
    """"2026-W50" for a weekly digest, "2026-12" for a monthly one."""
    frequency: Mapped[DigestFrequency] = mapped_column(
        enum_column(DigestFrequency, "digest_frequency")
    )
    made_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    """The moment it covers up to: the next digest says what happened since."""
    lights: Mapped[dict[str, dict[str, str]]] = mapped_column(JSON, default=dict)
    """Per municipality, the measures late or at risk then and their light (on schedule is
    left out)."""
    outbox_message_id: Mapped[int | None] = mapped_column(Integer)
    """None: nothing to say, so no mail went out."""
    link_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    """The secret of this mail's one-click unsubscribe: who holds the mail may use it."""
