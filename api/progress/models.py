"""Implementation progress: each measure's roadmap, each municipality's status per measure, the
steps it completed, and the appended history from which any past state can be shown."""

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.core import data_versions
from api.core.orm import Base, UTCDateTime, enum_column, utcnow


class Phase(enum.StrEnum):
    NOT_STARTED = "niet-gestart"
    ORIENTING = "orienterend"
    PREPARING = "voorbereidend"
    IMPLEMENTED = "geimplementeerd"
    EVALUATED = "geevalueerd"


PHASE_ORDER = list(Phase)


# What kind of thing holds a municipality up, beside the blocker in its own words, so that
# blockers from practice can be counted and taken up by kind. One list for the progress cells
# and the signals register; the Dutch labels are in api/progress/vocabulary.py. (A comment, not
# a docstring: the contract would publish that as the enum's description.)
class BlockerKind(enum.StrEnum):
    LAW = "wet-en-regelgeving"
    ICT = "ict-en-leveranciers"
    FINANCE = "financien"
    EXECUTION = "uitvoering-en-capaciteit"
    CHAIN_PARTNERS = "ketenpartners"
    PRODUCTS = "implementatieproducten"


class Source(enum.StrEnum):
    """Who set a value: a person, a script (machine client) or the programme team."""

    PERSON = "persoon"
    SCRIPT = "script"
    PROGRAMME = "programma"


class RoadmapStep(Base):
    """A step of a measure's roadmap; its deadlines are offsets from the measure's effective
    date, so moving that date moves every deadline."""

    __tablename__ = "roadmap_steps"
    __table_args__ = (UniqueConstraint("measure_code", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure_code: Mapped[str] = mapped_column(
        ForeignKey("measures.code", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    start_offset_days: Mapped[int] = mapped_column(Integer)
    """Latest start, in days relative to the effective date (negative: before it)."""
    finish_offset_days: Mapped[int] = mapped_column(Integer)
    depends_on: Mapped[list[str]] = mapped_column(JSON, default=list)
    """Codes of steps of the same roadmap that must be done first."""
    council_decision: Mapped[bool] = mapped_column(default=False)


class ProgressStatus(Base):
    """Where a municipality stands with a measure. No row means: not started."""

    __tablename__ = "progress_statuses"

    municipality_code: Mapped[str] = mapped_column(
        ForeignKey("municipalities.code"), primary_key=True
    )
    measure_code: Mapped[str] = mapped_column(
        ForeignKey("measures.code"), primary_key=True, index=True
    )
    phase: Mapped[Phase] = mapped_column(
        enum_column(Phase, "phase"), default=Phase.NOT_STARTED, index=True
    )
    planned_go_live: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    """Private to the municipality and the programme team."""
    blockers: Mapped[str | None] = mapped_column(Text)
    blocker_kind: Mapped[BlockerKind | None] = mapped_column(
        enum_column(BlockerKind, "blocker_kind", length=40)
    )
    """Only beside a blocker text; a text written before kinds existed has none."""
    steps_done: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    """Step code → ISO date it was completed."""
    version: Mapped[int] = mapped_column(Integer, default=1)
    """Incremented on every change: the ETag, checked against If-Match."""
    source: Mapped[Source] = mapped_column(
        enum_column(Source, "progress_source"), default=Source.PERSON
    )
    updated_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    """Indexed: the figures name the newest change as their moment (opendata.figures_provenance),
    one look-up in the index instead of a pass over every cell on each build."""
    data_version: Mapped[int] = mapped_column(BigInteger, server_default="0", index=True)
    """The progress counter of the transaction that wrote it (core/data_versions.py): the
    figures read back only the cells changed since the version they were built from."""


class ProgressSnapshot(Base):
    """Appended on every change: the full state after it, so any date can be reconstructed."""

    __tablename__ = "progress_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    municipality_code: Mapped[str] = mapped_column(ForeignKey("municipalities.code"), index=True)
    measure_code: Mapped[str] = mapped_column(ForeignKey("measures.code"))
    version: Mapped[int] = mapped_column(Integer)
    phase: Mapped[Phase] = mapped_column(enum_column(Phase, "phase"))
    planned_go_live: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    blockers: Mapped[str | None] = mapped_column(Text)
    blocker_kind: Mapped[BlockerKind | None] = mapped_column(
        enum_column(BlockerKind, "blocker_kind", length=40)
    )
    steps_done: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """Field → {van, naar}: what this change did."""
    source: Mapped[Source] = mapped_column(enum_column(Source, "progress_source"))
    recorded_by: Mapped[str] = mapped_column(String(80))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    __table_args__ = (UniqueConstraint("municipality_code", "measure_code", "version"),)


# A roadmap's steps date every cell's deadlines: reference data, like the measures.
data_versions.follow([RoadmapStep], data_versions.REFERENCE)
data_versions.follow([ProgressStatus, ProgressSnapshot], data_versions.PROGRESS)
