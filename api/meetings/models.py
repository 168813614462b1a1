"""Meetings (bijeenkomsten): the programme's work sessions, consultation hours, webinars,
trainings and regional meetings, who registered for them (with a waiting list), the bookable
slots of a consultation hour, who came, the materials, the questions asked there and how useful
the attendees found them.

"Meeting" in the code, "bijeenkomst" in the contract: `api/core/events.py` already means the
hand-overs between domains. Times are stored in UTC and shown in Europe/Amsterdam."""

import enum
from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.core import data_versions
from api.core.orm import Base, UTCDateTime, enum_column, utcnow
from api.measures.models import Measure


class MeetingKind(enum.StrEnum):
    WORK_SESSION = "werksessie"
    CONSULTATION_HOUR = "spreekuur"
    WEBINAR = "webinar"
    TRAINING = "training"
    REGIONAL = "regiobijeenkomst"
    ELSEWHERE = "presentatie-elders"
    """A presentation at someone else's event."""


class MeetingAudience(enum.StrEnum):
    MUNICIPALITIES = "gemeenten"
    CHAIN_PARTNERS = "ketenpartners"
    EVERYONE = "iedereen"


Audience = MeetingAudience
"""The contract names the enum after its class: the products' audiences are `Audience`."""


class MeetingStatus(enum.StrEnum):
    """Stored: planned, open, full or cancelled. "afgelopen" is never stored: a meeting whose
    end has passed reads as such (api/meetings/service.py decides the status shown)."""

    PLANNED = "gepland"
    OPEN = "open"
    FULL = "vol"
    CANCELLED = "geannuleerd"
    PAST = "afgelopen"


class HostRole(enum.StrEnum):
    ORGANISER = "organisator"
    CO_HOST = "medeorganisator"


class RegistrationStatus(enum.StrEnum):
    REGISTERED = "aangemeld"
    WAITING = "wachtlijst"
    CANCELLED = "afgemeld"


class Attendance(enum.StrEnum):
    PRESENT = "aanwezig"
    ABSENT = "afwezig"
    CANCELLED_LATE = "laat-afgemeld"


meeting_measures = Table(
    "meeting_measures",
    Base.metadata,
    Column("meeting_id", ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column("measure_code", ForeignKey("measures.code"), primary_key=True, index=True),
)

meeting_themes = Table(
    "meeting_themes",
    Base.metadata,
    Column("meeting_id", ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_code", ForeignKey("themes.code"), primary_key=True, index=True),
)


class Meeting(Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[MeetingKind] = mapped_column(
        enum_column(MeetingKind, "meeting_kind", 40), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[Audience] = mapped_column(enum_column(Audience, "meeting_audience"))
    is_online: Mapped[bool] = mapped_column(Boolean, default=False)
    join_url: Mapped[str | None] = mapped_column(String(500))
    """Shown only to people registered (and the team)."""
    venue: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    province_code: Mapped[str | None] = mapped_column(ForeignKey("provinces.code"), index=True)
    labour_market_region_code: Mapped[str | None] = mapped_column(
        ForeignKey("labour_market_regions.code"), index=True
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    capacity: Mapped[int | None] = mapped_column(Integer)
    """Places; none: no limit. A consultation hour's places are its slots."""
    registration_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[MeetingStatus] = mapped_column(
        enum_column(MeetingStatus, "meeting_status", 20), default=MeetingStatus.PLANNED, index=True
    )
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    slot_minutes: Mapped[int | None] = mapped_column(SmallInteger)
    """A consultation hour's slot length; its slots are rows of meeting_slots."""
    uid: Mapped[str] = mapped_column(String(120), unique=True)
    """The iCalendar UID: the same in every .ics of this meeting."""
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    """The iCalendar SEQUENCE: raised when the time or the place changes (or on cancelling)."""
    organiser_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    """The advisor or editor responsible: records attendance, gets the questions."""
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    """Raised on every change; the ETag, so a stale edit can be refused."""
    is_demo: Mapped[bool] = mapped_column(default=False)

    measures: Mapped[list[Measure]] = relationship(
        secondary=meeting_measures, lazy="raise", order_by=Measure.code
    )


class MeetingHost(Base):
    """An organisation that organises or co-hosts a meeting."""

    __tablename__ = "meeting_hosts"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_code: Mapped[str] = mapped_column(
        ForeignKey("organisations.code", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[HostRole] = mapped_column(enum_column(HostRole, "meeting_host_role"))


class Registration(Base):
    """One person's place (or place on the waiting list): a contact herself, or a colleague she
    registered by name and address (no account needed)."""

    __tablename__ = "meeting_registrations"
    __table_args__ = (UniqueConstraint("meeting_id", "email"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    """The person's account, when she has one."""
    municipality_code: Mapped[str | None] = mapped_column(
        ForeignKey("municipalities.code"), index=True
    )
    """The municipality she comes for; kept when the account goes (reach counts it)."""
    organisation_code: Mapped[str | None] = mapped_column(
        ForeignKey("organisations.code", ondelete="SET NULL"), index=True
    )
    """A chain partner's organisation."""
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    """Lower-cased: one place per address per meeting."""
    registered_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[RegistrationStatus] = mapped_column(
        enum_column(RegistrationStatus, "meeting_registration_status", 20), index=True
    )
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    """When she asked for a place: the waiting list's order (first come, first promoted)."""
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attendance: Mapped[Attendance | None] = mapped_column(
        enum_column(Attendance, "meeting_attendance", 20), index=True
    )
    attendance_recorded_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    """Of the link in her mails that cancels this place without logging in."""
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """The reminder the day before went out."""
    sent_sequence: Mapped[int | None] = mapped_column(Integer)
    """The meeting's SEQUENCE of the last .ics she was sent."""
    is_demo: Mapped[bool] = mapped_column(default=False)


class Slot(Base):
    """A bookable part of a consultation hour: one municipality, with its topic as a question
    (channel `spreekuur`) so the advisor can prepare and the answer follows the normal flow."""

    __tablename__ = "meeting_slots"
    __table_args__ = (UniqueConstraint("meeting_id", "starts_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    municipality_code: Mapped[str | None] = mapped_column(
        ForeignKey("municipalities.code"), index=True
    )
    booked_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    booked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL"), index=True
    )
    registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_registrations.id", ondelete="SET NULL")
    )
    """The booker's place: she gets the .ics and the reminder as any registered person."""


class Material(Base):
    """A presentation or recording of a meeting, published as a product."""

    __tablename__ = "meeting_materials"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """Mailed to the registered people."""


class MeetingQuestion(Base):
    """A question asked during a meeting (or booked for a consultation hour's slot)."""

    __tablename__ = "meeting_questions"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Invitation(Base):
    """A contact invited to a meeting, e.g. because her municipality is late on its measure;
    once per meeting and person, so inviting again adds only the new ones."""

    __tablename__ = "meeting_invitations"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    municipality_code: Mapped[str] = mapped_column(ForeignKey("municipalities.code"), index=True)
    reason: Mapped[str] = mapped_column(String(40))
    """Why: the cell's traffic light (`te-laat`, `risico`) or `handmatig`."""
    invited_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    invited_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MeetingRating(Base):
    """An attendee's evaluation: how useful the meeting was (1–5) and a comment, from a link in
    the mail after the meeting (a single-purpose token, stored hashed) until `changeable_until`."""

    __tablename__ = "meeting_ratings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_registrations.id", ondelete="CASCADE"), unique=True
    )
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    changeable_until: Mapped[datetime] = mapped_column(UTCDateTime)
    score: Mapped[int | None] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    comment_cleared: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    rated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_demo: Mapped[bool] = mapped_column(default=False)


class CalendarFeed(Base):
    """A person's own calendar feed: a secret URL (its token stored hashed); revoking replaces
    the token, so the old URL stops working at once."""

    __tablename__ = "calendar_feeds"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MeetingEvent(Base):
    """The history of a meeting: created, changed (what), cancelled, registrations, promotions
    from the waiting list, attendance, materials, invitations."""

    __tablename__ = "meeting_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(80))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    details: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


# The public agenda, its iCalendar feed and the figures are built once per version of these.
data_versions.follow(
    [Meeting, meeting_measures, meeting_themes, MeetingHost, Registration, Slot, Material],
    data_versions.MEETINGS,
)
# The evaluation is a satisfaction touchpoint: its figures are kept per version of the scores.
data_versions.follow([MeetingRating], data_versions.SATISFACTION)
