"""Improvement proposals (verbetervoorstellen) for a product version: work for the product's
owner, from `nieuw` to `overgenomen` (in a next version) or `afgewezen` (with a reason), and
to `verwerkt` when the version that carries it is published. Each step is kept in the history."""

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.core.orm import Base, UTCDateTime, enum_column, utcnow


class ProposalStatus(enum.StrEnum):
    NEW = "nieuw"
    ADOPTED = "overgenomen"
    REJECTED = "afgewezen"
    PROCESSED = "verwerkt"


class Proposal(Base):
    __tablename__ = "improvement_proposals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    version_id: Mapped[int] = mapped_column(
        ForeignKey("product_versions.id", ondelete="CASCADE"), index=True
    )
    """The version the proposal is about."""
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[ProposalStatus] = mapped_column(
        enum_column(ProposalStatus, "proposal_status"), default=ProposalStatus.NEW, index=True
    )
    # Who proposed it: an account, or a visitor who left a name and an address to hear back.
    # Erasure on request empties these.
    proposer_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    proposer_name: Mapped[str | None] = mapped_column(String(200))
    proposer_email: Mapped[str | None] = mapped_column(String(254))
    municipality_code: Mapped[str | None] = mapped_column(ForeignKey("municipalities.code"))
    adopted_into_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("product_versions.id", ondelete="SET NULL"), index=True
    )
    """The (draft) version that will carry it: published, the proposal is `verwerkt`."""
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    is_demo: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    """Raised on every change; the ETag, so a stale decision can be refused."""


class ProposalEvent(Base):
    """One step of a proposal's history: appended, never rewritten."""

    __tablename__ = "improvement_proposal_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("improvement_proposals.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    from_status: Mapped[ProposalStatus | None] = mapped_column(
        enum_column(ProposalStatus, "proposal_status")
    )
    to_status: Mapped[ProposalStatus] = mapped_column(
        enum_column(ProposalStatus, "proposal_status")
    )
    text: Mapped[str | None] = mapped_column(Text)
