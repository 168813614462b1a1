"""Satisfaction at the touchpoints: how useful an answer was (asked once, in the answer mail and
on the answer page) and whether a published product version was useful.

A score belongs to a touchpoint, never to a person's profile: an answer's rating is kept with
the asker's own question (a merged duplicate's asker rates the answer for herself), and an
anonymous product vote keeps only a one-way key of the visitor's browser, no personal data."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.core import data_versions
from api.core.orm import Base, UTCDateTime, utcnow


class AnswerRating(Base):
    """The rating of the answer to one asker's question, made when the answer is sent. Its link
    (a single-purpose token, stored hashed) records a score without logging in until
    `changeable_until`; after that the score stays as it is."""

    __tablename__ = "answer_ratings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), unique=True
    )
    answered_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    """The advisor whose answer is rated: she sees her own answers' scores."""
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    changeable_until: Mapped[datetime] = mapped_column(UTCDateTime)
    score: Mapped[int | None] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    comment_cleared: Mapped[bool] = mapped_column(Boolean, default=False)
    """The comment passed the personal-data check and may be shown team-wide."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    rated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_demo: Mapped[bool] = mapped_column(default=False)


class ProductVote(Base):
    """ "Was this useful?" on a published product version: one vote per browser or account per
    version (a new vote from the same voter replaces the old one)."""

    __tablename__ = "product_votes"
    __table_args__ = (UniqueConstraint("version_id", "voter_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    version_id: Mapped[int] = mapped_column(
        ForeignKey("product_versions.id", ondelete="CASCADE"), index=True
    )
    voter_key: Mapped[str] = mapped_column(String(64))
    """A keyed hash of the account, or of a random id the visitor's browser keeps; never an
    address or a name."""
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    useful: Mapped[bool] = mapped_column(Boolean)
    voted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    is_demo: Mapped[bool] = mapped_column(default=False)


# The figures and the public satisfaction are kept per version of the scores.
data_versions.follow([AnswerRating, ProductVote], data_versions.SATISFACTION)
