"""Signals (signalen): a bottleneck or improvement proposal, the evidence behind it (questions,
blockers of progress cells, municipalities that said "this applies to us too"), its history,
and the suggestions an advisor dismissed.

The municipalities (and inhabitants) a signal concerns are never stored: they follow from the
evidence (api/signals/evidence.py)."""

import enum
from datetime import datetime

from sqlalchemy import JSON, Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.core import data_versions
from api.core.orm import Base, UTCDateTime, enum_column, utcnow
from api.measures.models import Measure
from api.progress.models import BlockerKind

# A signal's kind is the same list as a cell blocker's kind, so a group of blockers becomes a
# signal of its own kind.
SignalKind = BlockerKind


class SignalStatus(enum.StrEnum):
    REPORTED = "gemeld"
    IN_PROGRESS = "in-behandeling"
    PASSED_ON = "doorgezet"
    RESPONDED = "reactie-ontvangen"
    FED_BACK = "teruggekoppeld"
    REJECTED = "afgewezen"


class Body(enum.StrEnum):
    """Who a signal is passed on to: the people who can change what it is about."""

    TRACK_2 = "spoor-2"
    TRACK_3 = "spoor-3"
    MINISTRY = "szw"
    DIVOSA = "divosa"
    SUPPLIER = "leverancier"
    PROGRAMME = "programma"


class Outcome(enum.StrEnum):
    """What the response changes."""

    LAW_AMENDMENT = "wetswijziging"
    GUIDE = "handreiking"
    PRODUCT = "product"
    NOTHING = "geen"


class ReporterKind(enum.StrEnum):
    MUNICIPALITY = "gemeente"
    ADVISOR = "adviseur"
    EXPERT = "expert"
    DERIVED = "afgeleid"
    """Made from a suggestion: the data showed it."""


signal_measures = Table(
    "signal_measures",
    Base.metadata,
    Column("signal_id", ForeignKey("signals.id", ondelete="CASCADE"), primary_key=True),
    Column("measure_code", ForeignKey("measures.code"), primary_key=True, index=True),
)

signal_themes = Table(
    "signal_themes",
    Base.metadata,
    Column("signal_id", ForeignKey("signals.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_code", ForeignKey("themes.code"), primary_key=True, index=True),
)


class Signal(Base):
    __tablename__ = "signals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    kind: Mapped[SignalKind] = mapped_column(enum_column(SignalKind, "signal_kind", 40), index=True)
    status: Mapped[SignalStatus] = mapped_column(
        enum_column(SignalStatus, "signal_status", 40), default=SignalStatus.REPORTED, index=True
    )
    reporter_kind: Mapped[ReporterKind] = mapped_column(enum_column(ReporterKind, "reporter_kind"))
    reported_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    reporter_municipality_code: Mapped[str | None] = mapped_column(
        ForeignKey("municipalities.code"), index=True
    )
    is_public: Mapped[bool] = mapped_column(default=False, index=True)
    """Shown on the public register; only after an advisor's check for personal data."""
    passed_to: Mapped[Body | None] = mapped_column(enum_column(Body, "signal_body"), index=True)
    passed_on_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    passed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    passed_text: Mapped[str | None] = mapped_column(Text)
    response: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[Outcome | None] = mapped_column(enum_column(Outcome, "signal_outcome"))
    outcome_explanation: Mapped[str | None] = mapped_column(Text)
    """What changes, or why nothing does."""
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    fed_back_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """Fed back or rejected: the end of its age."""
    supplier_code: Mapped[str | None] = mapped_column(
        String(60), ForeignKey("organisations.code"), index=True
    )
    """The software supplier a signal of kind ict-en-leveranciers concerns (an organisation of
    kind leverancier)."""
    suggestion_key: Mapped[str | None] = mapped_column(String(200), index=True)
    """The suggestion it was made from, so that suggestion is not proposed again."""
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    """Raised on every change; the ETag, so a stale edit can be refused."""

    measures: Mapped[list[Measure]] = relationship(
        secondary=signal_measures, lazy="raise", order_by=Measure.code
    )


class SignalQuestion(Base):
    """A question that shows the signal's problem."""

    __tablename__ = "signal_questions"

    signal_id: Mapped[int] = mapped_column(
        ForeignKey("signals.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SignalBlocker(Base):
    """A progress cell's blocker that shows the signal's problem, with its text as it was when
    it was linked (the cell may change since)."""

    __tablename__ = "signal_blockers"

    signal_id: Mapped[int] = mapped_column(
        ForeignKey("signals.id", ondelete="CASCADE"), primary_key=True
    )
    municipality_code: Mapped[str] = mapped_column(
        ForeignKey("municipalities.code"), primary_key=True, index=True
    )
    measure_code: Mapped[str] = mapped_column(ForeignKey("measures.code"), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    blocker_kind: Mapped[str | None] = mapped_column(String(40))
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SignalSupport(Base):
    """A municipality that says "this applies to us too", once per signal."""

    __tablename__ = "signal_supports"

    signal_id: Mapped[int] = mapped_column(
        ForeignKey("signals.id", ondelete="CASCADE"), primary_key=True
    )
    municipality_code: Mapped[str] = mapped_column(
        ForeignKey("municipalities.code"), primary_key=True, index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str | None] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SignalEvent(Base):
    """The history of a signal: every change of status, of its text and of its evidence."""

    __tablename__ = "signal_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    signal_id: Mapped[int] = mapped_column(ForeignKey("signals.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(40))
    to_status: Mapped[str | None] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(80))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    details: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


class DismissedSuggestion(Base):
    """A suggestion an advisor dismissed, with the evidence it had then: it comes back only
    when its evidence grows beyond that."""

    __tablename__ = "signal_dismissed_suggestions"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    evidence: Mapped[int] = mapped_column(Integer)
    dismissed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    dismissed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# Every table of the register raises its counter, so the public CSV and Atom feed are built once
# per version. The dismissed suggestions show nowhere public; they follow as well, as one rule
# for the whole register stays right where a list of what the public sees would drift.
data_versions.follow(
    [
        Signal,
        signal_measures,
        signal_themes,
        SignalQuestion,
        SignalBlocker,
        SignalSupport,
        SignalEvent,
        DismissedSuggestion,
    ],
    data_versions.SIGNALS,
)
