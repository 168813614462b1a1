"""Questions from municipalities and the public FAQ that grows out of their answers.

A question keeps who asked it (possibly several people, once duplicates are merged), its
workflow history, internal notes kept apart from the answer, and attachments. An FAQ entry is
an edited, anonymised text with its own versions; it remembers which questions it came from so
their askers can hear about changes, but never shows them."""

import enum
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.core import data_versions
from api.core.orm import Base, UTCDateTime, enum_column, utcnow
from api.measures.models import Measure


class Channel(enum.StrEnum):
    PHONE = "telefoon"
    EMAIL = "e-mail"
    EVENT = "bijeenkomst"
    CONSULTATION_HOUR = "spreekuur"
    WEB_FORM = "webformulier"


class QuestionStatus(enum.StrEnum):
    NEW = "nieuw"
    TRIAGED = "beoordeeld"
    ASSIGNED = "toegewezen"
    WAITING_FOR_EXPERT = "wacht-op-expert"
    ANSWERED = "beantwoord"
    CLOSED = "gesloten"


class FaqStatus(enum.StrEnum):
    PUBLISHED = "gepubliceerd"
    WITHDRAWN = "ingetrokken"


question_measures = Table(
    "question_measures",
    Base.metadata,
    Column("question_id", ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True),
    Column("measure_code", ForeignKey("measures.code"), primary_key=True, index=True),
)

faq_measures = Table(
    "faq_measures",
    Base.metadata,
    Column("faq_id", ForeignKey("faq_entries.id", ondelete="CASCADE"), primary_key=True),
    Column("measure_code", ForeignKey("measures.code"), primary_key=True, index=True),
)


class Question(Base):
    __tablename__ = "questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel, "question_channel"), index=True)
    subject: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    theme_code: Mapped[str | None] = mapped_column(ForeignKey("themes.code"), index=True)
    status: Mapped[QuestionStatus] = mapped_column(
        enum_column(QuestionStatus, "question_status"), default=QuestionStatus.NEW, index=True
    )
    # The asker. A signed-in municipal contact files their own; for a phone call or an e-mail
    # an editor records the asker's name and address. Erasure on request empties these.
    asker_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    asker_name: Mapped[str | None] = mapped_column(String(200))
    asker_email: Mapped[str | None] = mapped_column(String(254), index=True)
    asker_organisation: Mapped[str | None] = mapped_column(String(200))
    municipality_code: Mapped[str | None] = mapped_column(
        ForeignKey("municipalities.code"), index=True
    )
    filed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    due_date: Mapped[date] = mapped_column(Date, index=True)
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    expert_organisation: Mapped[str | None] = mapped_column(ForeignKey("organisations.code"))
    expert_due_date: Mapped[date | None] = mapped_column(Date)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL"), index=True
    )
    faq_id: Mapped[int | None] = mapped_column(
        ForeignKey("faq_entries.id", ondelete="SET NULL"), index=True
    )
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_demo: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    """Raised on every change; the ETag, so a stale edit can be refused."""

    measures: Mapped[list[Measure]] = relationship(
        secondary=question_measures, lazy="raise", order_by=Measure.code
    )
    merged: Mapped[list["Question"]] = relationship(
        lazy="raise", order_by="Question.id", foreign_keys=[merged_into_id]
    )
    attachments: Mapped[list["QuestionAttachment"]] = relationship(
        lazy="raise", order_by="QuestionAttachment.id", cascade="all, delete-orphan"
    )


class QuestionEvent(Base):
    """The workflow history of a question: every transition, merge and erasure appended."""

    __tablename__ = "question_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(80))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    details: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


class ExpertRequest(Base):
    """A question put to a partner organisation (the status "waiting for expert"): its
    experts see it in their inbox and answer it to the advisor, who stays responsible for
    the reply to the asker. A question may be put to experts more than once."""

    __tablename__ = "question_expert_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    organisation_code: Mapped[str] = mapped_column(ForeignKey("organisations.code"), index=True)
    asked_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    due_date: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    """What the advisor asks of the experts, beside the question itself."""
    share_contact: Mapped[bool] = mapped_column(default=False)
    """Whether the experts may see the asker's name and contact details."""
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """Answered, or taken back by the advisor: no longer in the experts' inbox."""


class QuestionNote(Base):
    """An internal note: for the programme team only, never sent to the asker."""

    __tablename__ = "question_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class QuestionAttachment(Base):
    __tablename__ = "question_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FaqEntry(Base):
    __tablename__ = "faq_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[FaqStatus] = mapped_column(
        enum_column(FaqStatus, "faq_status"), default=FaqStatus.PUBLISHED, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    withdrawal_note: Mapped[str | None] = mapped_column(Text)
    is_demo: Mapped[bool] = mapped_column(default=False)

    measures: Mapped[list[Measure]] = relationship(
        secondary=faq_measures, lazy="raise", order_by=Measure.code
    )
    versions: Mapped[list["FaqVersion"]] = relationship(
        lazy="raise", order_by="FaqVersion.number", cascade="all, delete-orphan"
    )

    @property
    def current(self) -> "FaqVersion":
        return self.versions[-1]


class FaqVersion(Base):
    """One published text of an entry; never changed afterwards."""

    __tablename__ = "faq_versions"
    __table_args__ = (UniqueConstraint("faq_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    faq_id: Mapped[int] = mapped_column(ForeignKey("faq_entries.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    legal_articles: Mapped[list[str]] = mapped_column(JSON, default=list)
    change_note: Mapped[str] = mapped_column(Text, default="")
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class FaqProduct(Base):
    """The Q&A product in the catalogue that carries a measure's FAQ."""

    __tablename__ = "faq_products"

    measure_code: Mapped[str] = mapped_column(ForeignKey("measures.code"), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))


# The public FAQ lists and the dashboard's newest entries are keyed by this counter. The Q&A
# products (faq_products) are not shown there: the products' feed numbers their changes.
data_versions.follow([FaqEntry, FaqVersion, faq_measures], data_versions.FAQ)
