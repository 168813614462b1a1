"""The periodic survey (peiling) among municipal contacts: a configurable list of questions, rounds
sent by period with reminders, one invitation per contact per round (answered in the SPA or from
the mail's link) and the answers. Results per municipality are for the team only; figures are
shown only for groups of at least five respondents (api/surveys/figures.py)."""

import enum
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from api.core import data_versions
from api.core.orm import Base, UTCDateTime, enum_column, utcnow


class AnswerKind(enum.StrEnum):
    SCALE = "schaal"
    """1 (very dissatisfied) to 5 (very satisfied)."""
    OPEN = "open"


class Touchpoint(enum.StrEnum):
    """What a survey question is about: the same touchpoints as the scores elsewhere."""

    OVERALL = "ondersteuning"
    PRODUCTS = "producten"
    EVENTS = "bijeenkomsten"
    ANSWERS = "antwoorden"
    OTHER = "overig"


class RoundStatus(enum.StrEnum):
    DRAFT = "concept"
    OPEN = "open"
    CLOSED = "gesloten"


class SurveyQuestion(Base):
    __tablename__ = "survey_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(String(300))
    kind: Mapped[AnswerKind] = mapped_column(enum_column(AnswerKind, "survey_answer_kind"))
    touchpoint: Mapped[Touchpoint] = mapped_column(enum_column(Touchpoint, "survey_touchpoint"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    """Asked in new rounds; a round keeps the questions it was sent with."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SurveyRound(Base):
    __tablename__ = "survey_rounds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    period: Mapped[str] = mapped_column(String(20), unique=True)
    """The period it asks about, e.g. `2026-H2` or `2026-Q4`."""
    opens_on: Mapped[date] = mapped_column(Date)
    closes_on: Mapped[date] = mapped_column(Date)
    remind_after_days: Mapped[int] = mapped_column(Integer, default=7)
    status: Mapped[RoundStatus] = mapped_column(
        enum_column(RoundStatus, "survey_round_status"), default=RoundStatus.DRAFT, index=True
    )
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    is_demo: Mapped[bool] = mapped_column(default=False)


class RoundQuestion(Base):
    """The questions a round was sent with, in their order (later edits do not change it)."""

    __tablename__ = "survey_round_questions"

    round_id: Mapped[int] = mapped_column(
        ForeignKey("survey_rounds.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_questions.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)


class Invitation(Base):
    __tablename__ = "survey_invitations"
    __table_args__ = (UniqueConstraint("round_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("survey_rounds.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    municipality_code: Mapped[str] = mapped_column(ForeignKey("municipalities.code"), index=True)
    """Kept when the account goes: the figures count the municipality's answer."""
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)


class SurveyAnswer(Base):
    __tablename__ = "survey_answers"
    __table_args__ = (UniqueConstraint("invitation_id", "question_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    invitation_id: Mapped[int] = mapped_column(
        ForeignKey("survey_invitations.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_questions.id"), index=True)
    score: Mapped[int | None] = mapped_column(SmallInteger)
    text: Mapped[str | None] = mapped_column(Text)
    text_cleared: Mapped[bool] = mapped_column(Boolean, default=False)
    """The open answer passed the personal-data check and may be shown team-wide."""


# The satisfaction figures (api/satisfaction/figures.py) are kept per version of the scores.
data_versions.follow(
    [SurveyQuestion, SurveyRound, RoundQuestion, Invitation, SurveyAnswer],
    data_versions.SATISFACTION,
)
