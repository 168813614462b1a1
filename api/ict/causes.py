"""ICT as a cause in the progress help list: a cell whose worst wait is late or at risk because
of a supplier's release. Registered with progress at start-up (`api/main.py`), which asks
without importing this domain."""

from collections.abc import Mapping

from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.ict import views
from api.ict.consequences import IctVerdict, Wait
from api.mail.wording import day_text
from api.progress import causes
from api.progress.causes import Cause, CauseKind, CellKey
from api.progress.deadlines import TrafficLight

LIGHTS = {IctVerdict.LATE: TrafficLight.LATE, IctVerdict.AT_RISK: TrafficLight.AT_RISK}


def _waiting_for(wait: Wait, now: views.Situation) -> str:
    application = now.applications[wait.application]
    supplier = now.suppliers.get(wait.supplier, wait.supplier)
    report = wait.report
    planned = (
        f" gepland op {day_text(report.release_date)}" if report and report.release_date else ""
    )
    release = report.release if report else None
    return f"{application.name} van {supplier}: release {release}{planned}"


def ict_causes(session: Session, state: State) -> Mapping[CellKey, Cause]:
    """Per cell late or at risk because of ICT: its light and the releases it waits for, the
    worst first (late before at risk)."""
    now = views.situation(session, state)
    per_cell: dict[CellKey, list[Wait]] = {}
    for wait in now.waits:
        if wait.verdict in LIGHTS:
            per_cell.setdefault((wait.municipality, wait.measure), []).append(wait)
    found = {}
    for key, cell_waits in per_cell.items():
        cell_waits.sort(key=lambda w: (w.verdict is not IctVerdict.LATE, w.application))
        light = LIGHTS[cell_waits[0].verdict]
        text = "; ".join(_waiting_for(w, now) for w in cell_waits)
        found[key] = Cause(CauseKind.ICT, light, f"Wacht op {text}.")
    return found


def register() -> None:
    causes.register(CauseKind.ICT, ict_causes)
