"""One municipality × measure cell: its state (current or as of a date), its derived
deadlines, and what a write makes of it. Shared by the single reads, the lists, the aggregates,
the help list, the one-cell write and the bulk."""

import enum
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from api.measures.models import Measure
from api.progress.deadlines import Deadlines, derive
from api.progress.models import (
    BlockerKind,
    Phase,
    ProgressSnapshot,
    ProgressStatus,
    RoadmapStep,
    Source,
)


@dataclass(frozen=True)
class CellState:
    phase: Phase
    planned_go_live: date | None
    note: str | None
    blockers: str | None
    steps_done: dict[str, str]
    version: int
    source: Source | None
    updated_by: str | None
    updated_at: datetime | None
    blocker_kind: BlockerKind | None = None


NOT_STARTED = CellState(Phase.NOT_STARTED, None, None, None, {}, 0, None, None, None)


class StoredCell(NamedTuple):
    """A stored cell as a bulk write compares it: only what a row can change, and the version,
    as read (the phase as its text, the steps as their JSON). A whole matrix of these costs
    little to read; `CellState` has timestamps and parsed values nobody compares."""

    phase: str
    planned_go_live: date | None
    note: str | None
    blockers: str | None
    steps_done: str
    version: int
    blocker_kind: str | None


def state_of(row: ProgressStatus | ProgressSnapshot | None) -> CellState:
    if row is None:
        return NOT_STARTED
    if isinstance(row, ProgressSnapshot):
        return CellState(
            row.phase,
            row.planned_go_live,
            row.note,
            row.blockers,
            dict(row.steps_done),
            row.version,
            row.source,
            row.recorded_by,
            row.recorded_at,
            row.blocker_kind,
        )
    return CellState(
        row.phase,
        row.planned_go_live,
        row.note,
        row.blockers,
        dict(row.steps_done),
        row.version,
        row.source,
        row.updated_by,
        row.updated_at,
        row.blocker_kind,
    )


def has_text(blockers: str | None) -> bool:
    """Whether a blocker is described: only then can it have a kind."""
    return blockers is not None and blockers.strip() != ""


def deadlines_of(
    measure: Measure, steps: list[RoadmapStep], state: CellState, today: date
) -> Deadlines:
    return derive(steps, measure.effective_date, state.phase, state.steps_done, today)


class CellChange(BaseModel):
    """What a writer wants a cell to become, as the one-cell write says it (and the detailed
    check of a bulk row, `rows.ProgressRow`, reads it). The phase is always given; an optional
    field left unset keeps what is stored, so a PUT sets them all."""

    model_config = ConfigDict(frozen=True)

    phase: Phase
    planned_go_live: date | None = None
    steps_done: dict[str, date] = Field(default_factory=dict)
    """Step code → the day it was completed."""
    note: str | None = None
    blockers: str | None = None
    blocker_kind: BlockerKind | None = None

    def over(self, state: CellState) -> "CellValues":
        """The whole state this change asks for, the fields it leaves unset taken from
        `state`. A kept kind goes with a blocker text that is cleared; a kind set beside no
        text is left for the caller to refuse."""
        given = self.model_fields_set
        blockers = self.blockers if "blockers" in given else state.blockers
        if "blocker_kind" in given:
            kind = self.blocker_kind
        else:
            kind = state.blocker_kind if has_text(blockers) else None
        return CellValues(
            phase=self.phase,
            planned_go_live=(
                self.planned_go_live if "planned_go_live" in given else state.planned_go_live
            ),
            steps_done=(
                {step: done.isoformat() for step, done in self.steps_done.items()}
                if "steps_done" in given
                else state.steps_done
            ),
            note=self.note if "note" in given else state.note,
            blockers=blockers,
            blocker_kind=kind,
        )


class Keep(enum.Enum):
    KEEP = "keep"


KEEP = Keep.KEEP
"""A field a bulk row does not name: it keeps what is stored."""


class RowChange(NamedTuple):
    """What one bulk row (JSON, CSV, XLSX, a shared service's report) asks its cell to become:
    the phase, and each other field as given (steps as ISO dates, as stored) or KEEP. A plain
    tuple: a bulk of the whole matrix makes thousands, and a model per row cost more than
    writing them."""

    phase: Phase
    planned_go_live: date | Literal[Keep.KEEP] | None = KEEP
    steps_done: dict[str, str] | Literal[Keep.KEEP] = KEEP
    note: str | Literal[Keep.KEEP] | None = KEEP
    blockers: str | Literal[Keep.KEEP] | None = KEEP
    blocker_kind: BlockerKind | Literal[Keep.KEEP] | None = KEEP


class CellValues(NamedTuple):
    """The writable columns of a cell as they are stored (steps as ISO dates, as the JSON
    column keeps them). This and the two below are tuples, cheap to make by the thousand."""

    phase: Phase
    planned_go_live: date | None
    note: str | None
    blockers: str | None
    steps_done: dict[str, str]
    blocker_kind: BlockerKind | str | None
    """A member, or the same value as stored text when a bulk keeps what is stored."""


class Stamp(NamedTuple):
    """Who wrote a change, as which source, and when."""

    source: Source
    by: str
    at: datetime


Changes = dict[str, dict[str, object]]
"""Field (as on the wire) → {van, naar}: what a change did, kept in the history."""


class CellWrite(NamedTuple):
    """One change of one cell on its way to the database: the current row becomes `values`
    at `version` (if it is still at `version - 1`), and the history gets an entry."""

    municipality: str
    measure: str
    version: int
    values: CellValues
    changes: Changes
    stamp: Stamp


def changes_between(before: CellState, after: CellValues) -> Changes:
    """Field → {van, naar} for what a write changes; empty when it changes nothing."""
    pairs: dict[str, tuple[object, object]] = {
        "fase": (before.phase.value, after.phase.value),
        "geplandLivegang": (
            before.planned_go_live.isoformat() if before.planned_go_live else None,
            after.planned_go_live.isoformat() if after.planned_go_live else None,
        ),
        "stappenGereed": (before.steps_done, after.steps_done),
        "notitie": (before.note, after.note),
        "knelpunten": (before.blockers, after.blockers),
        "knelpuntSoort": (before.blocker_kind, after.blocker_kind),
    }
    return {name: {"van": old, "naar": new} for name, (old, new) in pairs.items() if old != new}
