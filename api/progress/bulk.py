"""Many cells at once, for scripts and spreadsheet uploads: every row is validated first (what
it says on its own by `rows.ProgressRow`, the same for JSON, CSV and XLSX, or for a JSON body
whose rows are all well-formed by `rows.parse_json_rows`, which reads them alike; what the
database knows here); if any row is wrong nothing is written and each wrong row is reported
with all its problems. Rows equal to what is stored change nothing and add no history.

Bulk writes may overlap (two scripts, an upload beside a script). Each one locks its cells in
one global order, (municipality, measure), before reading them, so overlapping writes queue
instead of deadlocking and none of them reads a cell that another is about to change; what is
left (two first writes of the same new cell) is run again, see `import_rows`."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import TypedDict

import orjson
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.core.dutch import part_of
from api.core.errors import ConflictError, DomainError
from api.core.retries import is_transient, with_retries
from api.core.security import Principal
from api.progress import policy, repository
from api.progress.cells import KEEP, CellValues, CellWrite, Changes, Stamp, has_text
from api.progress.models import Phase, Source
from api.progress.rows import COLUMNS, KIND_WITHOUT_BLOCKER, ParsedRow
from api.progress.rows import MAX_ROWS as MAX_ROWS


class InvalidRowsError(DomainError):
    status = 400
    title = "Ongeldige rijen"


class CreatedMeanwhileError(ConflictError):
    """Another request wrote a cell first that this one found missing: worth another attempt,
    which finds the cell stored."""


class RowError(TypedDict):
    """A wrong row as the answer names it (`rijFouten`)."""

    rij: int
    gemeente: str
    maatregel: str
    fouten: list[str]


@dataclass
class Report:
    rows: int = 0
    changed: int = 0
    unchanged: int = 0


def check_rows(
    session: Session, principal: Principal, parsed: Sequence[ParsedRow]
) -> tuple[list[ParsedRow], list[RowError]]:
    """Adds to what each row says on its own what the database knows: whether its
    municipality and measure exist, whether the caller may write it, whether its steps are in
    the roadmap, whether an earlier row named the same cell, whether a kind it sets goes with
    a stored blocker text it keeps. Returns the rows that pass, and every wrong row with all
    its problems, in the order of its columns."""
    if len(parsed) > MAX_ROWS:
        raise InvalidRowsError(f"Hoogstens {MAX_ROWS} rijen per keer.")
    measures = repository.measure_codes(session)
    municipalities = repository.municipality_codes(session)
    roadmaps = repository.step_codes(session)
    without_text = _kinds_beside_no_stored_text(session, parsed)
    no_steps: frozenset[str] = frozenset()
    may_write: dict[str, bool] = {}
    seen: dict[tuple[str, str], int] = {}
    rows: list[ParsedRow] = []
    errors: list[RowError] = []
    for row in parsed:
        municipality, measure = row.municipality, row.measure
        allowed = may_write.get(municipality)
        if allowed is None:
            allowed = may_write[municipality] = municipality in municipalities and _may_write(
                principal, municipality
            )
        key = (municipality, measure)
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = row.number
        # Most rows pass every check: they cost a few lookups, and no list of problems.
        if (
            allowed
            and earlier is None
            and row.change is not None
            and measure in measures
            and roadmaps.get(measure, no_steps).issuperset(row.steps)
            and key not in without_text
        ):
            rows.append(row)
            continue
        found: dict[str, list[str]] = {}
        if municipality not in municipalities:
            found["gemeente"] = [f"gemeente: '{municipality}' is geen gemeentecode."]
        elif not allowed:
            found["gemeente"] = [f"gemeente: u mag de voortgang van {municipality} niet doorgeven."]
        if measure not in measures:
            found["maatregel"] = [f"maatregel: '{measure}' is geen maatregel."]
        unknown = set(row.steps) - roadmaps.get(measure, no_steps)
        if unknown and measure in measures:
            found["stappenGereed"] = [
                f"stappenGereed: {', '.join(sorted(unknown))} staat niet in de routekaart "
                f"van {measure}."
            ]
        if key in without_text and row.change is not None:
            found["knelpuntSoort"] = [KIND_WITHOUT_BLOCKER]
        problems = [
            problem
            for column in COLUMNS
            for problem in (*row.problems.get(column, ()), *found.get(column, ()))
        ]
        if earlier is not None:
            problems.append(f"dubbel: {municipality} {measure} staat ook in rij {earlier}.")
        errors.append(
            {"rij": row.number, "gemeente": municipality, "maatregel": measure, "fouten": problems}
        )
    return rows, errors


def _kinds_beside_no_stored_text(
    session: Session, parsed: Sequence[ParsedRow]
) -> set[tuple[str, str]]:
    """The cells of the rows that set a blocker kind and keep the blocker text, where no text
    is stored: such a kind would describe nothing. Rows that do so are few (a script that
    sorts its blockers afterwards), so only their cells are read."""
    keeping = {
        (row.municipality, row.measure)
        for row in parsed
        if row.change is not None
        and row.change.blockers is KEEP
        and row.change.blocker_kind not in (KEEP, None)
    }
    if not keeping:
        return set()
    stored = repository.blockers_of(session, keeping)
    return {cell for cell in keeping if not has_text(stored.get(cell))}


def _may_write(principal: Principal, municipality: str) -> bool:
    try:
        policy.source_of_write(principal, municipality)
    except DomainError:
        return False
    return True


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


_CELL = itemgetter(1, 2)
"""A parsed row's cell: (municipality, measure)."""


def apply_rows(session: Session, principal: Principal, rows: list[ParsedRow]) -> Report:
    """Writes validated rows in one go; a cell changed meanwhile by someone else is a 409.

    One query locks the rows' cells and reads their stored state, and the changes go out as
    one batch per kind (new cells, changed cells, history), all in the order of the locks: a
    statement per row cost more than everything else together. A row is compared with what is
    stored as plain values (the phase as text, the steps as parsed JSON), so a row that
    changes nothing costs a few comparisons."""
    report = Report(rows=len(rows))
    rows = sorted(rows, key=_CELL)
    stored = repository.cells_to_write(
        session, {row.municipality for row in rows}, {row.measure for row in rows}
    )
    now = datetime.now(UTC)
    stamps: dict[Source, Stamp] = {}
    sources: dict[str, Stamp] = {}
    loads = orjson.loads
    not_started = Phase.NOT_STARTED.value
    writes: list[CellWrite] = []
    new_cells: list[CellWrite] = []
    updates: list[CellWrite] = []
    for row in rows:
        _, municipality, measure, _, _, change, _ = row
        if change is None:  # not a row that passed check_rows
            raise ValueError(f"row {row.number} has problems, not a change")
        before = stored.get((municipality, measure))
        if before is None:
            was_phase, was_planned, was_note, was_blockers = not_started, None, None, None
            was_kind: str | None = None
            was_steps: dict[str, str] = {}
            version = 0
        else:
            was_phase, was_planned, was_note, was_blockers, steps_text, version, was_kind = before
            was_steps = loads(steps_text)
        phase, planned, steps, note, blockers, given_kind = change
        if planned is KEEP:
            planned = was_planned
        if steps is KEEP:
            steps = was_steps
        if note is KEEP:
            note = was_note
        if blockers is KEEP:
            blockers = was_blockers
        # A kind goes with its text: clearing the text clears it.
        kind = None if blockers is None else was_kind if given_kind is KEEP else given_kind
        changes: Changes = {}
        if phase != was_phase:
            changes["fase"] = {"van": was_phase, "naar": phase}
        if planned != was_planned:
            changes["geplandLivegang"] = {"van": _iso(was_planned), "naar": _iso(planned)}
        if steps != was_steps:
            changes["stappenGereed"] = {"van": was_steps, "naar": steps}
        if note != was_note:
            changes["notitie"] = {"van": was_note, "naar": note}
        if blockers != was_blockers:
            changes["knelpunten"] = {"van": was_blockers, "naar": blockers}
        if kind != was_kind:
            changes["knelpuntSoort"] = {"van": was_kind, "naar": kind}
        if not changes:
            report.unchanged += 1
            continue
        stamp = sources.get(municipality)
        if stamp is None:
            source = policy.source_of_write(principal, municipality)
            stamp = stamps.get(source)
            if stamp is None:
                stamp = stamps[source] = Stamp(source, principal.subject, now)
            sources[municipality] = stamp
        write = CellWrite(
            municipality,
            measure,
            version + 1,
            CellValues(phase, planned, note, blockers, steps, kind),
            changes,
            stamp,
        )
        writes.append(write)
        (new_cells if before is None else updates).append(write)
    report.changed = len(writes)
    if updates and repository.compare_and_set_many(session, updates) != len(updates):
        # Name a cell that moved, as before; the session rolls every write of this request back.
        now_stored = repository.states(session, {write.municipality for write in updates})
        stale = next(
            (
                f"{write.municipality} {write.measure}"
                for write in updates
                if (found := now_stored.get((write.municipality, write.measure))) is None
                or (found.version, found.updated_at) != (write.version, now)
            ),
            "Een van deze standen",
        )
        raise ConflictError(f"{stale} werd intussen door iemand anders gewijzigd; probeer opnieuw.")
    if new_cells:
        try:
            repository.insert_states(session, new_cells)
        except IntegrityError as exc:
            raise CreatedMeanwhileError(
                "Een van deze standen werd intussen door iemand anders aangemaakt; probeer opnieuw."
            ) from exc
    if writes:
        repository.append_history(session, writes)
    session.expire_all()
    return report


def import_rows(
    session: Session, principal: Principal, parsed: Sequence[ParsedRow], *, dry_run: bool = False
) -> Report:
    rows, errors = check_rows(session, principal, parsed)
    if errors:
        raise InvalidRowsError(
            f"{part_of(len(errors), len(parsed), 'rij', 'rijen', 'is', 'zijn')} ongeldig; er is "
            "niets gewijzigd.",
            extra={"rijFouten": errors},
        )
    if dry_run:
        return Report(rows=len(rows))
    # Each attempt runs in a savepoint of its own, so a lost race undoes only its writes.
    return with_retries(
        session,
        lambda: apply_rows(session, principal, rows),
        retry_if=lambda exc: isinstance(exc, CreatedMeanwhileError) or is_transient(exc),
        busy="Andere verzoeken wijzigen nu dezelfde standen; er is niets gewijzigd. "
        "Probeer het over een moment opnieuw.",
    )
