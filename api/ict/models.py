"""Tables of ICT readiness: the suppliers' consent to public figures, their applications, which
application each municipality uses per domain, which measures need software changes, and each
application's readiness per measure. Every change of a use or of a readiness is appended to its
history with its source; nothing there is ever rewritten."""

import enum
from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.core import data_versions
from api.core.orm import Base, UTCDateTime, enum_column, utcnow


class Domain(enum.StrEnum):
    """The parts of the social domain an application serves."""

    INCOME = "inkomen"
    WORK = "werk"
    DEBT = "schulden"
    CHAIN_EXCHANGE = "ketenuitwisseling"


class ReadinessStatus(enum.StrEnum):
    NOT_NEEDED = "niet-nodig"
    """The application needs no change for this measure."""
    ANALYSING = "in-analyse"
    PLANNED = "gepland"
    """A release is planned (name and planned date)."""
    AVAILABLE = "beschikbaar"
    """The release is available (name and date), not yet at every customer."""
    DELIVERED = "geleverd"
    """Delivered to the customers."""


class ChangeSource(enum.StrEnum):
    """Who made a change: the history says which client or person as well."""

    SUPPLIER = "leverancier"
    TEAM = "redactie"
    MUNICIPALITY = "gemeente"
    IMPORT = "import"


class Supplier(Base):
    """What this domain adds to an organisation of kind `leverancier`; a supplier without a row
    has not agreed to public figures."""

    __tablename__ = "ict_suppliers"

    organisation_code: Mapped[str] = mapped_column(
        ForeignKey("organisations.code", ondelete="CASCADE"), primary_key=True
    )
    figures_public: Mapped[bool] = mapped_column(Boolean, default=False)
    """The supplier agreed that the public sees its figures under its own name."""
    version: Mapped[int] = mapped_column(Integer, default=1)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(60))


class Application(Base):
    __tablename__ = "ict_applications"
    __table_args__ = (UniqueConstraint("supplier_code", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_code: Mapped[str] = mapped_column(ForeignKey("organisations.code"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    domains: Mapped[list[str]] = mapped_column(JSON, default=list)
    """The `Domain` values it serves, in `Domain` order."""
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Usage(Base):
    """The application a municipality uses for one domain (at most one per domain)."""

    __tablename__ = "ict_usages"

    municipality_code: Mapped[str] = mapped_column(
        ForeignKey("municipalities.code"), primary_key=True
    )
    domain: Mapped[Domain] = mapped_column(enum_column(Domain, "ict_domain"), primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("ict_applications.id"), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class UsageChange(Base):
    __tablename__ = "ict_usage_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    municipality_code: Mapped[str] = mapped_column(String(6), index=True)
    domain: Mapped[Domain] = mapped_column(enum_column(Domain, "ict_domain"))
    application_id: Mapped[int | None] = mapped_column(Integer)
    """None: the municipality no longer names an application for this domain."""
    source: Mapped[ChangeSource] = mapped_column(enum_column(ChangeSource, "ict_source"))
    actor: Mapped[str] = mapped_column(String(60))
    """The principal's subject: `user:12`, `client:sbc_...`, or `system`."""
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SoftwareMeasure(Base):
    """Whether a measure needs changes in municipal software; a measure without a row does not."""

    __tablename__ = "ict_software_measures"

    measure_code: Mapped[str] = mapped_column(ForeignKey("measures.code"), primary_key=True)
    needs_software: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(60))


class Readiness(Base):
    __tablename__ = "ict_readiness"

    application_id: Mapped[int] = mapped_column(
        ForeignKey("ict_applications.id", ondelete="CASCADE"), primary_key=True
    )
    measure_code: Mapped[str] = mapped_column(ForeignKey("measures.code"), primary_key=True)
    status: Mapped[ReadinessStatus] = mapped_column(
        enum_column(ReadinessStatus, "ict_readiness_status")
    )
    release: Mapped[str | None] = mapped_column(String(100))
    release_date: Mapped[date | None] = mapped_column(Date)
    source: Mapped[ChangeSource] = mapped_column(enum_column(ChangeSource, "ict_source"))
    actor: Mapped[str] = mapped_column(String(60))
    version: Mapped[int] = mapped_column(Integer, default=1)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReadinessChange(Base):
    __tablename__ = "ict_readiness_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("ict_applications.id", ondelete="CASCADE"), index=True
    )
    measure_code: Mapped[str] = mapped_column(String(3))
    status: Mapped[ReadinessStatus] = mapped_column(
        enum_column(ReadinessStatus, "ict_readiness_status")
    )
    release: Mapped[str | None] = mapped_column(String(100))
    release_date: Mapped[date | None] = mapped_column(Date)
    source: Mapped[ChangeSource] = mapped_column(enum_column(ChangeSource, "ict_source"))
    actor: Mapped[str] = mapped_column(String(60))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


data_versions.follow(
    [Supplier, Application, Usage, UsageChange, SoftwareMeasure, Readiness, ReadinessChange],
    data_versions.ICT,
)
