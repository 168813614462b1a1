"""What each municipality should hear about its own progress on a day: a measure it must start
on within some weeks, a measure it is late on, and on which measures it is behind (so a new
product or FAQ answer for such a measure can be pointed out). Judged from the grid of figures
(grid.py), built for the day."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session

from api.progress import grid
from api.progress.deadlines import TrafficLight


@dataclass(frozen=True, slots=True)
class CellNotice:
    municipality: str
    measure: str
    measure_title: str
    must_start_by: date
    """For a late cell too: the earliest latest start of its open steps."""
    late: bool


@dataclass(frozen=True)
class Standing:
    notices: list[CellNotice]
    behind: dict[str, set[str]] = field(default_factory=dict)
    """Per measure, the municipalities at risk or late on it."""


def standing(session: Session, today: date, weeks: int) -> Standing:
    return standing_in(grid.build(session, today), today, weeks)


def standing_in(built: grid.Grid, today: date, weeks: int) -> Standing:
    """What `standing` says of a grid already judged on `today` (the what-if preview judges
    one as it would be after a change)."""
    horizon = today + timedelta(weeks=weeks)
    notices = []
    behind: dict[str, set[str]] = {}
    for (municipality, measure), fact in built.facts.items():
        verdict = fact.verdict
        if verdict.light is not TrafficLight.ON_TRACK:
            behind.setdefault(measure, set()).add(municipality)
        start = verdict.must_start_by
        late = verdict.light is TrafficLight.LATE
        if start is not None and (late or today <= start <= horizon):
            title = built.subjects[measure].title
            notices.append(CellNotice(municipality, measure, title, start, late))
    return Standing(notices, behind)
