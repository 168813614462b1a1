"""Notifications, each person's choices per kind, and the single-use links that unsubscribe
from mail without logging in."""

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.core.orm import Base, UTCDateTime, enum_column, utcnow
from api.notifications.kinds import Delivery, Kind


class MailState(enum.StrEnum):
    """What mail a notification owes. It is made in the transaction of what happened; its
    mail is composed afterwards by a job (api/jobs), so a slow or failing mail server never
    holds up or undoes the change, and a crash in the middle of sending resumes where it
    stopped: each state change and the mail it stands for commit together."""

    NONE = "geen"
    """In the app only."""
    DUE = "te-verzenden"
    """Its own mail, at the next run of the mailing job (within a minute)."""
    IN_NEXT_SUMMARY = "dagoverzicht"
    SENT = "verzonden"


class Notification(Base):
    __tablename__ = "notifications"
    __table_args__ = (
        # A scheduled reminder is made once per person and occasion, whoever runs the job.
        UniqueConstraint("user_id", "occasion", name="uq_notifications_user_occasion"),
        Index("ix_notifications_user_unread", "user_id", "read_at"),
        Index("ix_notifications_summary", "mail_state", "user_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[Kind] = mapped_column(enum_column(Kind, "notification_kind", length=40))
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    link: Mapped[str] = mapped_column(String(300))
    """A path of the SPA, e.g. /vragen/12: the thing itself."""
    occasion: Mapped[str | None] = mapped_column(String(120))
    """What made it, for reminders that must be made once (e.g. vraag:12:termijn:2026-12-07)."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    mail_state: Mapped[MailState] = mapped_column(
        enum_column(MailState, "notification_mail_state"), default=MailState.NONE
    )


class NotificationPreference(Base):
    """A person's choice for one kind; without a row the kind's default holds."""

    __tablename__ = "notification_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[Kind] = mapped_column(
        enum_column(Kind, "notification_kind", length=40), primary_key=True
    )
    delivery: Mapped[Delivery] = mapped_column(enum_column(Delivery, "notification_delivery"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class UnsubscribeLink(Base):
    """The link in one mail: it stops mail of its kind (or the daily summary) for its person
    only, once. Only the token's hash is kept."""

    __tablename__ = "notification_unsubscribe_links"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[Kind | None] = mapped_column(enum_column(Kind, "notification_kind", length=40))
    """None: the daily summary."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
