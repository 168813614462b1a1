"""Facts about the law: waves, themes, the 23 measures, their impact areas and sources."""

import enum
from datetime import date, datetime

from sqlalchemy import JSON, Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.core import data_versions
from api.core.orm import Base, UTCDateTime, enum_column, utcnow


class Obligation(enum.StrEnum):
    MANDATORY = "verplicht"
    OPTIONAL_POWER = "kan-bepaling"


class Confidence(enum.StrEnum):
    """How firmly a fact is established: read in the law, from secondary sources, or inferred."""

    LAW = "wet"
    SECONDARY = "secundair"
    INFERRED = "afgeleid"


class Wave(Base):
    __tablename__ = "waves"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    legal_effective_date: Mapped[date] = mapped_column(Date)
    may_apply_from: Mapped[date] = mapped_column(Date)
    products_due: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[int | None] = mapped_column(Integer)
    """The share (in %) of the wave's municipality × measure cells the programme wants
    implemented by the legal date; none when it set no target."""
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Raised by every editor's change: what an If-Match names."""
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Theme(Base):
    __tablename__ = "themes"

    code: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer)


class ImpactArea(Base):
    __tablename__ = "impact_areas"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer)


class Source(Base):
    __tablename__ = "sources"

    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    title: Mapped[str] = mapped_column(String(400))
    url: Mapped[str | None] = mapped_column(String(600))


measure_impact_areas = Table(
    "measure_impact_areas",
    Base.metadata,
    Column("measure_code", ForeignKey("measures.code", ondelete="CASCADE"), primary_key=True),
    Column("impact_area_code", ForeignKey("impact_areas.code"), primary_key=True),
)

measure_sources = Table(
    "measure_sources",
    Base.metadata,
    Column("measure_code", ForeignKey("measures.code", ondelete="CASCADE"), primary_key=True),
    Column("source_code", ForeignKey("sources.code"), primary_key=True),
)


class Measure(Base):
    __tablename__ = "measures"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)
    articles: Mapped[list[str]] = mapped_column(JSON)
    wave_number: Mapped[int] = mapped_column(ForeignKey("waves.number"), index=True)
    theme_code: Mapped[str] = mapped_column(ForeignKey("themes.code"), index=True)
    # Null means "the wave's date": a measure follows its wave unless an editor sets its own.
    effective_date_override: Mapped[date | None] = mapped_column(Date)
    may_apply_from_override: Mapped[date | None] = mapped_column(Date)
    obligation: Mapped[Obligation] = mapped_column(enum_column(Obligation, "obligation"))
    confidence: Mapped[Confidence] = mapped_column(enum_column(Confidence, "confidence"))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Raised by every editor's change of the measure or of its roadmap: what an If-Match
    names."""
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    wave: Mapped[Wave] = relationship(lazy="raise")
    theme: Mapped[Theme] = relationship(lazy="raise")
    impact_areas: Mapped[list[ImpactArea]] = relationship(
        secondary=measure_impact_areas, lazy="raise", order_by=ImpactArea.position
    )
    sources: Mapped[list[Source]] = relationship(
        secondary=measure_sources, lazy="raise", order_by=Source.code
    )

    @property
    def effective_date(self) -> date:
        return self.effective_date_override or self.wave.legal_effective_date

    @property
    def may_apply_from(self) -> date:
        return self.may_apply_from_override or min(self.wave.may_apply_from, self.effective_date)


# Every read built from these (reference lists, figures) follows the reference counter.
data_versions.follow(
    [Wave, Theme, ImpactArea, Source, Measure, measure_impact_areas, measure_sources],
    data_versions.REFERENCE,
)
