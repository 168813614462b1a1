"""One municipality × measure cell: its state (current or as of a date) and its derived
deadlines. Shared by the single reads, the lists, the aggregates and the help list."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from api.measures.models import Measure
from api.progress.deadlines import Deadlines, derive
from api.progress.models import Phase, ProgressSnapshot, ProgressStatus, RoadmapStep, Source


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


NOT_STARTED = CellState(Phase.NOT_STARTED, None, None, None, {}, 0, None, None, None)


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
    )


def deadlines_of(
    measure: Measure, steps: list[RoadmapStep], state: CellState, today: date
) -> Deadlines:
    return derive(steps, measure.effective_date, state.phase, state.steps_done, today)


def changes_between(before: CellState, values: dict[str, Any]) -> dict[str, Any]:
    """Field → {van, naar} for what a write changes; empty when it changes nothing."""
    pairs = {
        "fase": (before.phase.value, values["phase"].value),
        "geplandLivegang": (
            before.planned_go_live.isoformat() if before.planned_go_live else None,
            values["planned_go_live"].isoformat() if values["planned_go_live"] else None,
        ),
        "stappenGereed": (before.steps_done, values["steps_done"]),
        "notitie": (before.note, values["note"]),
        "knelpunten": (before.blockers, values["blockers"]),
    }
    return {name: {"van": old, "naar": new} for name, (old, new) in pairs.items() if old != new}
