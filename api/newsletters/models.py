"""The nieuwsbrief: who subscribed (double opt-in, a choice of measures, themes and waves), the
editions an editor composes from what happened, and which subscriber got which edition.

"Newsletter" in the code, "nieuwsbrief" in the contract. Minimal personal data: an address, its
choices and the moments it was confirmed or left; the secret links in the mails are stored
hashed, never as they were sent."""

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.core import data_versions
from api.core.orm import Base, UTCDateTime, enum_column, utcnow


class SubscriberStatus(enum.StrEnum):
    UNCONFIRMED = "onbevestigd"
    """Signed up, the confirmation link not followed yet: nothing is sent but that link."""
    ACTIVE = "actief"
    UNSUBSCRIBED = "afgemeld"


class EditionStatus(enum.StrEnum):
    DRAFT = "concept"
    SCHEDULED = "gepland"
    SENDING = "verzenden"
    """Being sent: the job takes the next subscribers without a delivery of it."""
    SENT = "verzonden"


class Subscriber(Base):
    __tablename__ = "newsletter_subscribers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    """Lower case: one subscription per address."""
    status: Mapped[SubscriberStatus] = mapped_column(
        enum_column(SubscriberStatus, "newsletter_subscriber_status")
    )
    confirm_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    confirm_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    manage_token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    """The secret of the link in every mail: manage the choices, export, erase, leave."""
    everything: Mapped[bool] = mapped_column(Boolean, default=True)
    """Every section; otherwise only those about the chosen measures, themes and waves."""
    measures: Mapped[list[str]] = mapped_column(JSON, default=list)
    themes: Mapped[list[str]] = mapped_column(JSON, default=list)
    waves: Mapped[list[int]] = mapped_column(JSON, default=list)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    """Subscribed from "mijn account" (no confirmation link needed: the account's address is
    known to be hers)."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    unsubscribed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Edition(Base):
    __tablename__ = "newsletter_editions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    introduction: Mapped[str] = mapped_column(Text, default="")
    """Markdown, rendered and sanitised when shown or sent."""
    sections: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    """In the editor's order; each with its kind, title, items and the measures it is about."""
    status: Mapped[EditionStatus] = mapped_column(
        enum_column(EditionStatus, "newsletter_edition_status")
    )
    covers_from: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """What happened since this moment (the previous edition's sending) fills the draft."""
    scheduled_for: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Delivery(Base):
    """One edition to one subscriber, written in the same transaction as its outbox message: a
    send that stops halfway goes on with whoever has no delivery yet, so nobody gets it twice and
    nobody is skipped."""

    __tablename__ = "newsletter_deliveries"
    __table_args__ = (UniqueConstraint("edition_id", "subscriber_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    edition_id: Mapped[int] = mapped_column(
        ForeignKey("newsletter_editions.id", ondelete="CASCADE"), index=True
    )
    subscriber_id: Mapped[int] = mapped_column(
        ForeignKey("newsletter_subscribers.id", ondelete="CASCADE"), index=True
    )
    outbox_message_id: Mapped[int | None] = mapped_column(Integer)
    link_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    """The secret of the links in this one mail (manage, leave in one click): who holds the
    mail may use them, nobody else."""
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    bounced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    bounce_reason: Mapped[str | None] = mapped_column(Text)


class SignupThrottle(Base):
    """Sign-ups per address and per client in a window, so the form cannot be used to flood
    someone's mailbox with confirmation mail. Keys are hashed."""

    __tablename__ = "newsletter_signup_throttle"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    window_started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    count: Mapped[int] = mapped_column(Integer, default=0)


data_versions.follow([Edition], data_versions.NEWSLETTERS)
