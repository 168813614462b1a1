"""Reading and changing a municipality's progress: current, as of a date, with If-Match."""

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.core.conditional import PreconditionFailedError, version_etag
from api.core.errors import NotFoundError
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.progress import policy, repository
from api.progress.cells import CellState, changes_between, deadlines_of, state_of
from api.progress.deadlines import Deadlines
from api.progress.models import ProgressSnapshot, ProgressStatus


def _municipality(session: Session, code: str) -> Municipality:
    municipality = session.get(Municipality, code)
    if municipality is None:
        raise NotFoundError(f"Geen voortgang gevonden voor gemeente {code}.")
    return municipality


def _measure(session: Session, code: str) -> Measure:
    found = [m for m in repository.measures(session) if m.code == code]
    if not found:
        raise NotFoundError(f"Maatregel {code} bestaat niet.")
    return found[0]


def _as_of(session: Session, municipality: str, moment: date) -> dict[str, CellState]:
    end_of_day = datetime.combine(moment + timedelta(days=1), time.min, tzinfo=UTC)
    states = repository.states_until(session, end_of_day, municipality)
    return {measure: state for (_, measure), state in states.items()}


def progress_of_municipality(
    session: Session, principal: Principal, code: str, today: date, as_of: date | None
) -> tuple[Municipality, list[tuple[Measure, CellState, Deadlines]]]:
    policy.ensure_can_read(principal, code)
    municipality = _municipality(session, code)
    roadmaps = repository.roadmaps(session)
    if as_of is None:
        states = {m: state for (_, m), state in repository.states(session, [code]).items()}
    else:
        states = _as_of(session, code, as_of)
    cells = []
    for measure in repository.measures(session):
        state = states.get(measure.code, state_of(None))
        cells.append(
            (
                measure,
                state,
                deadlines_of(measure, roadmaps.get(measure.code, []), state, as_of or today),
            )
        )
    return municipality, cells


def progress_cell(
    session: Session,
    principal: Principal,
    code: str,
    measure_code: str,
    today: date,
    as_of: date | None,
) -> tuple[Municipality, Measure, CellState, Deadlines]:
    policy.ensure_can_read(principal, code)
    municipality = _municipality(session, code)
    measure = _measure(session, measure_code)
    if as_of is None:
        state = state_of(repository.status(session, code, measure_code))
    else:
        state = _as_of(session, code, as_of).get(measure_code, state_of(None))
    steps = repository.roadmap(session, measure_code)
    return municipality, measure, state, deadlines_of(measure, steps, state, as_of or today)


def update_cell(
    session: Session,
    principal: Principal,
    code: str,
    measure_code: str,
    expected_version: int,
    values: dict[str, Any],
) -> None:
    """Replaces the cell's state if nobody changed it since `expected_version`; appends history."""
    source = policy.source_of_write(principal, code)
    _municipality(session, code)
    measure = _measure(session, measure_code)
    step_codes = {s.code for s in repository.roadmap(session, measure_code)}
    invalid = InvalidParams()
    for step in values["steps_done"]:
        if step not in step_codes:
            invalid.add(
                "stappenGereed",
                "unknown_step",
                f"Stap '{step}' staat niet in de routekaart van {measure.code}.",
                "body",
            )
    invalid.raise_if_any()
    current = repository.status(session, code, measure_code)
    before = state_of(current)
    now = datetime.now(UTC)
    stored = {
        "phase": values["phase"],
        "planned_go_live": values["planned_go_live"],
        "note": values["note"],
        "blockers": values["blockers"],
        "steps_done": values["steps_done"],
        "source": source,
        "updated_by": principal.subject,
        "updated_at": now,
    }
    stale = PreconditionFailedError(
        "Iemand anders heeft deze stand intussen gewijzigd. Haal hem opnieuw op en probeer "
        "het nog eens.",
        extra={"huidigeVersie": before.version},
        headers={"ETag": version_etag(before.version)},
    )
    if before.version != expected_version:
        raise stale
    changes = changes_between(before, values)
    if not changes:
        return  # nothing to write: no new version, no history entry
    if current is None:
        try:
            with session.begin_nested():
                session.add(
                    ProgressStatus(
                        municipality_code=code, measure_code=measure_code, version=1, **stored
                    )
                )
        except IntegrityError as exc:
            raise stale from exc
    elif not repository.compare_and_set(session, code, measure_code, expected_version, stored):
        raise stale
    session.add(
        ProgressSnapshot(
            municipality_code=code,
            measure_code=measure_code,
            version=expected_version + 1,
            phase=values["phase"],
            planned_go_live=values["planned_go_live"],
            note=values["note"],
            blockers=values["blockers"],
            steps_done=values["steps_done"],
            changes=changes,
            source=source,
            recorded_by=principal.subject,
            recorded_at=now,
        )
    )
    session.flush()
    session.expire_all()


def history_of_cell(
    session: Session, principal: Principal, code: str, measure_code: str
) -> list[ProgressSnapshot]:
    policy.ensure_can_read(principal, code)
    _municipality(session, code)
    _measure(session, measure_code)
    return repository.history(session, code, measure_code)
