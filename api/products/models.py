"""Implementation products: the catalogue, their versions and files, reviews by municipal
testers, and the append-only change log that partners sync from."""

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
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

from api.accounts.models import User
from api.core.orm import Base, UTCDateTime, enum_column, utcnow
from api.measures.models import Measure
from api.organisations.models import Organisation


class ProductType(enum.StrEnum):
    IMPACT_ANALYSIS = "impactanalyse"
    GUIDE = "handreiking"
    ROADMAP = "routekaart"
    QA = "vraag-en-antwoord"
    TEMPLATE = "format"
    MODEL_ORDINANCE = "modelverordening"
    MODEL_DECISION = "modelbeschikking"
    FACTSHEET = "factsheet"
    PRESENTATION = "presentatie"
    INFORMATION = "voorlichting"
    RECORDING = "opname"


class Audience(enum.StrEnum):
    POLICY_OFFICER = "beleidsmedewerker"
    CLIENT_MANAGER = "klantmanager"
    APPLICATION_MANAGER = "applicatiebeheerder"
    MANAGEMENT = "management"
    RESIDENTS = "inwoners"


class ProductStatus(enum.StrEnum):
    PLANNED = "gepland"
    IN_DEVELOPMENT = "in-ontwikkeling"
    IN_REVIEW = "in-toetsing"
    PUBLISHED = "gepubliceerd"
    WITHDRAWN = "ingetrokken"


class Verdict(enum.StrEnum):
    APPROVED = "goedgekeurd"
    CHANGES_NEEDED = "aanpassingen-nodig"


product_measures = Table(
    "product_measures",
    Base.metadata,
    Column("product_id", ForeignKey("products.id", ondelete="CASCADE"), primary_key=True),
    Column("measure_code", ForeignKey("measures.code"), primary_key=True, index=True),
)

product_publishers = Table(
    "product_publishers",
    Base.metadata,
    Column("product_id", ForeignKey("products.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation_code", ForeignKey("organisations.code"), primary_key=True),
)


class ProductAudience(Base):
    __tablename__ = "product_audiences"

    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), primary_key=True
    )
    audience: Mapped[Audience] = mapped_column(
        enum_column(Audience, "audience", 30), primary_key=True
    )


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[ProductType] = mapped_column(
        enum_column(ProductType, "product_type", 30), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text)
    language_level: Mapped[str | None] = mapped_column(String(4))
    licence: Mapped[str] = mapped_column(String(40), default="CC-BY-4.0")
    planned_date: Mapped[date | None] = mapped_column(Date)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[ProductStatus] = mapped_column(
        enum_column(ProductStatus, "product_status", 30), default=ProductStatus.PLANNED, index=True
    )
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    """Set when a measure it serves changed after publication, until an editor confirms."""
    needs_review_reason: Mapped[str | None] = mapped_column(Text)
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    change_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    """Sequence number of the latest change; also the version part of its ETag."""

    measures: Mapped[list[Measure]] = relationship(
        secondary=product_measures, lazy="raise", order_by=Measure.code
    )
    audience_rows: Mapped[list[ProductAudience]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by=ProductAudience.audience
    )
    publishers: Mapped[list[Organisation]] = relationship(
        secondary=product_publishers, lazy="raise", order_by=Organisation.code
    )
    owner: Mapped[User | None] = relationship(lazy="raise")
    versions: Mapped[list["ProductVersion"]] = relationship(
        lazy="raise", order_by="ProductVersion.number", cascade="all, delete-orphan"
    )

    @property
    def audiences(self) -> list[Audience]:
        return [row.audience for row in self.audience_rows]

    @property
    def published_version(self) -> "ProductVersion | None":
        published = [v for v in self.versions if v.published_at is not None]
        return published[-1] if published else None

    @property
    def draft_version(self) -> "ProductVersion | None":
        return next((v for v in self.versions if v.published_at is None), None)


class ProductVersion(Base):
    """A state of a product; immutable once published."""

    __tablename__ = "product_versions"
    __table_args__ = (UniqueConstraint("product_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    change_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    files: Mapped[list["ProductFile"]] = relationship(
        lazy="raise", order_by="ProductFile.id", cascade="all, delete-orphan"
    )


class ProductFile(Base):
    """A document of a version: stored by content hash, or an external link."""

    __tablename__ = "product_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("product_versions.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str | None] = mapped_column(String(120))
    size: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    external_url: Mapped[str | None] = mapped_column(String(1000))
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Review(Base):
    """An invitation to a municipal tester to review a draft version, and their verdict."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    version_id: Mapped[int] = mapped_column(ForeignKey("product_versions.id", ondelete="CASCADE"))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    invited_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    invited_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    verdict: Mapped[Verdict | None] = mapped_column(enum_column(Verdict, "verdict", 30))
    comments: Mapped[str | None] = mapped_column(Text)
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    reviewer: Mapped[User] = relationship(lazy="raise", foreign_keys=[reviewer_id])


class ProductFollower(Base):
    """A person who wants to hear when a new version of a product is published."""

    __tablename__ = "product_followers"

    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    since: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ProductChange(Base):
    """Append-only: one row per change to a product, numbered in commit order (see feed.py)."""

    __tablename__ = "product_changes"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40))
    """What happened, e.g. aangemaakt, gewijzigd, status:gepubliceerd, ingetrokken."""
    public: Mapped[bool] = mapped_column(Boolean)
    """Whether the public may see this change (the product was or became published)."""
    actor: Mapped[str] = mapped_column(String(80))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
