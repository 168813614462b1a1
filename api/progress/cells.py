"""One municipality × measure cell: its state (current or as of a date) and its derived
deadlines. Shared by the single reads, the lists, the aggregates and the help list."""

from dataclasses import dataclass
from datetime import date, datetime

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
