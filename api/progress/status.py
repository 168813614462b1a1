"""Reading and changing a municipality's progress: current, as of a date, with If-Match."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.core import clock
from api.core.conditional import PreconditionFailedError, version_etag
from api.core.errors import NotFoundError
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.progress import policy, repository
from api.progress.cells import (
    CellChange,
    CellState,
    CellWrite,
    Stamp,
    changes_between,
    deadlines_of,
    has_text,
    state_of,
)
from api.progress.deadlines import Deadlines
from api.progress.models import ProgressSnapshot


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
    end_of_day = clock.start_of_day(moment + timedelta(days=1))
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
    change: CellChange,
) -> None:
    """Makes the cell what `change` says if nobody changed it since `expected_version`;
    appends history."""
    source = policy.source_of_write(principal, code)
    _municipality(session, code)
    measure = _measure(session, measure_code)
    step_codes = {s.code for s in repository.roadmap(session, measure_code)}
    invalid = InvalidParams()
    for step in change.steps_done:
        if step not in step_codes:
            invalid.add(
                "stappenGereed",
                "unknown_step",
                f"Stap '{step}' staat niet in de routekaart van {measure.code}.",
                "body",
            )
    current = repository.status(session, code, measure_code)
    before = state_of(current)
    values = change.over(before)
    if values.blocker_kind is not None and not has_text(values.blockers):
        invalid.add(
            "knelpuntSoort",
            "kind_without_blocker",
            "Een soort knelpunt hoort bij een knelpunt: beschrijf het in knelpunten, of laat "
            "de soort leeg.",
            "body",
        )
    invalid.raise_if_any()
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
    write = CellWrite(
        code,
        measure_code,
        expected_version + 1,
        values,
        changes,
        Stamp(source, principal.subject, datetime.now(UTC)),
    )
    if current is None:
        try:
            with session.begin_nested():
                repository.insert_states(session, [write])
        except IntegrityError as exc:
            raise stale from exc
    elif not repository.compare_and_set(session, write):
        raise stale
    repository.append_history(session, [write])
    session.flush()
    session.expire_all()


def history_of_cell(
    session: Session, principal: Principal, code: str, measure_code: str
) -> list[ProgressSnapshot]:
    policy.ensure_can_read(principal, code)
    _municipality(session, code)
    _measure(session, measure_code)
    return repository.history(session, code, measure_code)
