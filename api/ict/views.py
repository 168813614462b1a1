"""What municipalities wait for: the consequences (consequences.py) computed for today from the
progress grid (each cell's must-start-by date and the measure's legal date), the applications
each municipality uses and the suppliers' readiness, and shown per measure, per supplier, per
municipality and, for the public, per supplier that agreed to it. Nothing is stored: a moved
release date is in the next answer."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.core import clock, data_versions
from api.core.data_versions import Reader
from api.core.errors import NotFoundError
from api.core.security import Principal
from api.ict import catalogue, policy, repository
from api.ict.consequences import Cell, IctVerdict, Report, Wait, waits, worst
from api.ict.models import Application, Readiness
from api.progress import grid
from api.progress.deadlines import DONE_PHASES


@dataclass(frozen=True)
class Situation:
    today: date
    cells: grid.Grid
    applications: dict[int, Application]
    suppliers: dict[str, str]
    """Names by code."""
    needing: list[str]
    """The measures that need software, in code order."""
    readiness: dict[tuple[int, str], Readiness]
    waits: list[Wait]


def situation(session: Session, state: State) -> Situation:
    today = clock.today()
    cells = grid.current(session, today, state)
    needing = sorted(repository.needing_software(session))
    applications = {a.id: a for a in repository.all_applications(session)}
    uses: dict[str, set[int]] = {}
    for municipality, _, application in repository.all_usages(session):
        uses.setdefault(municipality, set()).add(application)
    rows = {
        (r.application_id, r.measure_code): r for r in repository.all_readiness(session, needing)
    }
    reports = {key: Report(r.status, r.release, r.release_date) for key, r in rows.items()}
    judged = [
        Cell(
            municipality,
            measure,
            fact.verdict.must_start_by,
            cells.subjects[measure].effective,
            fact.phase in DONE_PHASES,
        )
        for municipality in sorted(uses)
        for measure in needing
        if (fact := cells.facts.get((municipality, measure))) is not None
    ]
    found = waits(
        judged,
        uses,
        {a.id: a.supplier_code for a in applications.values()},
        reports,
        set(needing),
    )
    return Situation(
        today, cells, applications, repository.supplier_names(session), needing, rows, found
    )


@dataclass(frozen=True)
class Counts:
    municipalities: int
    inhabitants: int
    late: int
    at_risk: int
    unknown: int


def counted(found: Iterable[Wait], cells: grid.Grid) -> Counts:
    """Cells counted once each, by their worst verdict among these waits."""
    per_cell: dict[tuple[str, str], list[IctVerdict]] = {}
    for wait in found:
        per_cell.setdefault((wait.municipality, wait.measure), []).append(wait.verdict)
    verdicts = [worst(v) for v in per_cell.values()]
    places = {municipality for municipality, _ in per_cell}
    return Counts(
        len(places),
        sum(cells.places[p].population for p in places),
        verdicts.count(IctVerdict.LATE),
        verdicts.count(IctVerdict.AT_RISK),
        verdicts.count(IctVerdict.UNKNOWN),
    )


# Per measure: which municipalities wait on which supplier


@dataclass(frozen=True)
class MeasureWaits:
    code: str
    title: str
    effective: date
    needs_software: bool
    by_supplier: dict[str, list[Wait]]
    """Per supplier code, in supplier name order; the waits in municipality order."""
    situation: Situation


def measure_waits(session: Session, state: State, principal: Principal, code: str) -> MeasureWaits:
    policy.ensure_team_view(principal)
    now = situation(session, state)
    subject = now.cells.subjects.get(code)
    if subject is None:
        raise NotFoundError(f"Maatregel {code} bestaat niet.")
    by_supplier: dict[str, list[Wait]] = {}
    for wait in now.waits:
        if wait.measure == code:
            by_supplier.setdefault(wait.supplier, []).append(wait)
    ordered = dict(
        sorted(by_supplier.items(), key=lambda kv: (now.suppliers.get(kv[0], ""), kv[0]))
    )
    return MeasureWaits(code, subject.title, subject.effective, code in now.needing, ordered, now)


# Per supplier: readiness over all measures, and who waits on it


def supplier_overview(
    session: Session, state: State, principal: Principal, code: str
) -> tuple[catalogue.SupplierView, Situation, list[Application]]:
    """The supplier, the situation, and its applications (in name order)."""
    view = catalogue.get_supplier(session, principal, code)
    now = situation(session, state)
    own = sorted(
        (a for a in now.applications.values() if a.supplier_code == code),
        key=lambda a: (a.name, a.id),
    )
    return view, now, own


# Per municipality: its applications and what it waits for


def municipal_waits(
    session: Session, state: State, principal: Principal, code: str
) -> tuple[tuple[str, str], dict[str, list[Wait]], Situation]:
    """Per measure (code order) this municipality's waits."""
    policy.ensure_can_read_municipality(principal, code)
    now = situation(session, state)
    place = now.cells.places.get(code)
    if place is None:
        raise NotFoundError(f"Geen applicaties gevonden voor gemeente {code}.")
    per_measure: dict[str, list[Wait]] = {}
    for wait in now.waits:
        if wait.municipality == code:
            per_measure.setdefault(wait.measure, []).append(wait)
    return (place.code, place.name), per_measure, now


# For the public: per supplier that agreed, the others together


@dataclass(frozen=True)
class PublicLine:
    supplier: tuple[str, str] | None
    """None: the suppliers that did not agree, together."""
    suppliers: int
    counts: Counts


def public_figures(session: Session, state: State) -> tuple[date, list[PublicLine], Counts]:
    now = situation(session, state)
    agreed = repository.public_suppliers(session)
    lines = []
    for code, name in sorted(now.suppliers.items(), key=lambda kv: (kv[1], kv[0])):
        if code in agreed:
            own = [w for w in now.waits if w.supplier == code]
            lines.append(PublicLine((code, name), 1, counted(own, now.cells)))
    others = set(now.suppliers) - agreed
    if others:
        rest = [w for w in now.waits if w.supplier in others]
        lines.append(PublicLine(None, len(others), counted(rest, now.cells)))
    return now.today, lines, counted(now.waits, now.cells)


def public_key(reader: Reader, today: date) -> str:
    """What the public figures depend on: reference data and progress (the cells' dates), the
    ICT data, and the day (deadlines are counted from today)."""
    kinds = (data_versions.REFERENCE, data_versions.PROGRESS, data_versions.ICT)
    return f"{data_versions.key(reader, *kinds)}|{today}"


def public_key_now(reader: Reader) -> str:
    return public_key(reader, clock.today())
