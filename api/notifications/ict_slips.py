"""Which municipalities a supplier's new readiness report puts in trouble: the cells of the
measure whose ICT verdict got worse, comparing the consequence rule (api/ict/consequences.py)
with the old report and with the new one, over the situation of today (api/ict/views.py).

A cell got worse when its verdict is now late or at risk because of ICT and was better before
(no wait, in time, or waiting without a date): a supplier's date moved past the cell's
must-start-by date or the legal date, or a first planned date falls there. A release that
moves earlier, is delivered, or goes back to analysis (no date to judge) makes nobody worse."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.ict import views
from api.ict.consequences import SEVERITY, Cell, IctVerdict, Report, waits, worst
from api.ict.models import ReadinessStatus
from api.progress.deadlines import DONE_PHASES

TROUBLE = frozenset({IctVerdict.LATE, IctVerdict.AT_RISK})


@dataclass(frozen=True, slots=True)
class Worsened:
    municipality: str
    name: str
    before: IctVerdict | None
    after: IctVerdict


@dataclass(frozen=True)
class Slip:
    application: int
    application_name: str
    supplier_name: str
    measure: str
    measure_title: str
    new_date: date | None
    worsened: list[Worsened]
    """In municipality code order."""


def _rank(verdict: IctVerdict | None) -> int:
    return SEVERITY[verdict] if verdict is not None else len(SEVERITY)


def _report(status: str | None, day: date | None) -> Report | None:
    return Report(ReadinessStatus(status), None, day) if status is not None else None


def could_worsen(event: dict[str, Any]) -> bool:
    """Only a planned date can make a cell late or at risk, and only one later than before
    (the verdict of a planned release never gets worse as its date comes earlier): the cheap
    test before the situation of every municipality is computed."""
    if event["new_status"] != ReadinessStatus.PLANNED or event["new_date"] is None:
        return False
    return not (
        event["old_status"] == ReadinessStatus.PLANNED
        and event["old_date"] is not None
        and event["old_date"] >= event["new_date"]
    )


def slip(session: Session, event: dict[str, Any]) -> Slip:
    """The situation after the report (it is written already) against the same situation with
    the old report of this application and measure; every other wait is the same in both."""
    application, measure = event["application"], event["measure"]
    # A situation of its own: the event carries no app state, and a report is rare enough to
    # build the grid for (the app's kept grid is patched by the next figure as usual).
    now = views.situation(session, State())
    subject = now.cells.subjects[measure]
    mine = [w for w in now.waits if (w.application, w.measure) == (application, measure)]
    others: dict[str, list[IctVerdict]] = {}
    for wait in now.waits:
        if wait.measure == measure and wait.application != application:
            others.setdefault(wait.municipality, []).append(wait.verdict)
    cells = []
    for wait in mine:
        fact = now.cells.facts[wait.municipality, measure]
        cells.append(
            Cell(
                wait.municipality,
                measure,
                fact.verdict.must_start_by,
                subject.effective,
                fact.phase in DONE_PHASES,
            )
        )
    old = _report(event["old_status"], event["old_date"])
    before = {
        w.municipality: w.verdict
        for w in waits(
            cells,
            {c.municipality: {application} for c in cells},
            {application: event["supplier"]},
            {(application, measure): old} if old is not None else {},
            {measure},
        )
    }
    worsened = []
    for wait in sorted(mine, key=lambda w: w.municipality):
        rest = others.get(wait.municipality, [])
        was = worst([*rest, *([before[wait.municipality]] if wait.municipality in before else [])])
        is_now = worst([*rest, wait.verdict])
        if is_now is not None and is_now in TROUBLE and _rank(is_now) < _rank(was):
            place = now.cells.places[wait.municipality]
            worsened.append(Worsened(wait.municipality, place.name, was, is_now))
    return Slip(
        application,
        event["application_name"],
        now.suppliers.get(event["supplier"], event["supplier"]),
        measure,
        subject.title,
        event["new_date"],
        worsened,
    )
