"""Many cells at once, for scripts and spreadsheet uploads: every row is validated first (what
it says on its own by `rows.ProgressRow`, the same for JSON, CSV and XLSX; what the database
knows here); if any row is wrong nothing is written and each wrong row is reported with all
its problems. Rows equal to what is stored change nothing and add no history.

Bulk writes may overlap (two scripts, an upload beside a script). Each one locks its cells in
one global order, (municipality, measure), before reading them, so overlapping writes queue
instead of deadlocking and none of them reads a cell that another is about to change; what is
left (two first writes of the same new cell) is run again, see `import_rows`."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypedDict

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.core.errors import ConflictError, DomainError
from api.core.retries import is_transient, with_retries
from api.core.security import Principal
from api.progress import policy, repository
from api.progress.cells import NOT_STARTED, CellChange, CellWrite, Stamp, changes_between
from api.progress.models import Source
from api.progress.rows import COLUMNS, ParsedRow

MAX_ROWS = 10_000


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


@dataclass(frozen=True, slots=True)
class Row:
    """A row that passed every check: the change for one cell."""

    number: int
    municipality: str
    measure: str
    change: CellChange


@dataclass
class Report:
    rows: int = 0
    changed: int = 0
    unchanged: int = 0


def check_rows(
    session: Session, principal: Principal, parsed: Sequence[ParsedRow]
) -> tuple[list[Row], list[RowError]]:
    """Adds to what each row says on its own what the database knows: whether its
    municipality and measure exist, whether the caller may write it, whether its steps are in
    the roadmap, whether an earlier row named the same cell. All of a row's problems, in the
    order of its columns."""
    if len(parsed) > MAX_ROWS:
        raise InvalidRowsError(f"Hoogstens {MAX_ROWS} rijen per keer.")
    measures = {m.code for m in repository.measures(session)}
    municipalities = {m.code for m in repository.municipalities(session)}
    roadmaps = {
        code: {s.code for s in steps} for code, steps in repository.roadmaps(session).items()
    }
    may_write: dict[str, bool] = {}
    seen: dict[tuple[str, str], int] = {}
    rows: list[Row] = []
    errors: list[RowError] = []
    for row in parsed:
        municipality, measure = row.municipality, row.measure
        found: dict[str, list[str]] = {}
        if municipality not in municipalities:
            found["gemeente"] = [f"gemeente: '{municipality}' is geen gemeentecode."]
        else:
            if municipality not in may_write:
                try:
                    policy.source_of_write(principal, municipality)
                    may_write[municipality] = True
                except DomainError:
                    may_write[municipality] = False
            if not may_write[municipality]:
                found["gemeente"] = [
                    f"gemeente: u mag de voortgang van {municipality} niet doorgeven."
                ]
        if measure not in measures:
            found["maatregel"] = [f"maatregel: '{measure}' is geen maatregel."]
        unknown = set(row.steps) - roadmaps.get(measure, set())
        if unknown and measure in measures:
            found["stappenGereed"] = [
                f"stappenGereed: {', '.join(sorted(unknown))} staat niet in de routekaart "
                f"van {measure}."
            ]
        problems = (
            [
                problem
                for column in COLUMNS
                for problem in (*row.problems.get(column, ()), *found.get(column, ()))
            ]
            if row.problems or found
            else []
        )
        key = (municipality, measure)
        if key in seen:
            problems.append(f"dubbel: {municipality} {measure} staat ook in rij {seen[key]}.")
        seen.setdefault(key, row.number)
        if problems:
            errors.append(
                {
                    "rij": row.number,
                    "gemeente": municipality,
                    "maatregel": measure,
                    "fouten": problems,
                }
            )
        elif row.change is not None:
            rows.append(Row(row.number, municipality, measure, row.change))
    return rows, errors


def apply_rows(session: Session, principal: Principal, rows: list[Row]) -> Report:
    """Writes validated rows in one go; a cell changed meanwhile by someone else is a 409.

    One query locks the rows' cells, one reads the stored state of their municipalities, and
    the changes go out as one batch per kind (new cells, changed cells, history), all in the
    order of the locks: a statement per row cost more than everything else together."""
    report = Report(rows=len(rows))
    rows = sorted(rows, key=lambda row: (row.municipality, row.measure))
    locked = repository.lock_cells(session, [(row.municipality, row.measure) for row in rows])
    stored = repository.states(session, {row.municipality for row in rows})
    if locked is not None:
        # A cell first written after the locks were taken is not locked: treated as new, its
        # insert fails and the next attempt locks it, rather than updating it out of order.
        stored = {key: state for key, state in stored.items() if key in locked}
    now = datetime.now(UTC)
    sources: dict[str, Source] = {}
    writes: list[CellWrite] = []
    new_cells: list[CellWrite] = []
    updates: list[CellWrite] = []
    for row in rows:
        source = sources.get(row.municipality)
        if source is None:
            source = sources[row.municipality] = policy.source_of_write(principal, row.municipality)
        before = stored.get((row.municipality, row.measure))
        state = before or NOT_STARTED
        values = row.change.over(state)
        changes = changes_between(state, values)
        if not changes:
            report.unchanged += 1
            continue
        write = CellWrite(
            row.municipality,
            row.measure,
            state.version + 1,
            values,
            changes,
            Stamp(source, principal.subject, now),
        )
        writes.append(write)
        (new_cells if before is None else updates).append(write)
        report.changed += 1
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
            f"{len(errors)} van {len(parsed)} rijen zijn ongeldig; er is niets gewijzigd.",
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
