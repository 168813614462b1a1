"""Many cells at once, for scripts and spreadsheet uploads: every row is validated first; if
any row is wrong nothing is written and each wrong row is reported with all its problems.
Rows equal to what is stored change nothing and add no history.

Bulk writes may overlap (two scripts, an upload beside a script). Each one locks its cells in
one global order, (municipality, measure), before reading them, so overlapping writes queue
instead of deadlocking and none of them reads a cell that another is about to change; what is
left (two first writes of the same new cell) is run again, see `import_rows`."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.core.errors import ConflictError, DomainError
from api.core.retries import is_transient, with_retries
from api.core.security import Principal
from api.progress import policy, repository
from api.progress.cells import NOT_STARTED, changes_between
from api.progress.models import Phase, Source

MAX_ROWS = 10_000
# Key under which a spreadsheet row carries the line it stood on; never a column name.
LINE = "__regel__"
COLUMNS = (
    "gemeente",
    "maatregel",
    "fase",
    "geplandLivegang",
    "stappenGereed",
    "knelpunten",
    "notitie",
)


class InvalidRowsError(DomainError):
    status = 400
    title = "Ongeldige rijen"


class CreatedMeanwhileError(ConflictError):
    """Another request wrote a cell first that this one found missing: worth another attempt,
    which finds the cell stored."""


MAX_TEXT = 5000
# Optional columns a file or request may leave out; those keep their stored values.
OPTIONAL = {
    "geplandLivegang": "planned_go_live",
    "stappenGereed": "steps_done",
    "knelpunten": "blockers",
    "notitie": "note",
}


@dataclass
class Row:
    number: int
    municipality: str
    measure: str
    phase: Phase
    planned_go_live: date | None
    steps_done: dict[str, str]
    blockers: str | None
    note: str | None
    given: frozenset[str] = frozenset(OPTIONAL)
    """The optional columns this row names; the others keep what is stored."""


@dataclass
class Report:
    rows: int = 0
    changed: int = 0
    unchanged: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _date(value: Any, name: str, problems: list[str]) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        problems.append(f"{name}: '{value}' is geen datum (JJJJ-MM-DD).")
        return None


def _steps(value: Any, problems: list[str]) -> dict[str, str]:
    """A list of {stap, gereedOp} (JSON) or 'stap=datum;stap=datum' (CSV and XLSX)."""
    if value is None or value == "":
        return {}
    pairs: list[tuple[Any, Any]] = []
    if isinstance(value, list):
        for item in value:
            pairs.append(
                (item.get("stap"), item.get("gereedOp")) if isinstance(item, dict) else (item, None)
            )
    else:
        for part in str(value).split(";"):
            if part.strip():
                code, _, done_on = part.partition("=")
                pairs.append((code, done_on or None))
    steps: dict[str, str] = {}
    for code, done_on in pairs:
        parsed = _date(done_on, f"stap {code}", problems)
        if parsed is None and done_on in (None, ""):
            problems.append(f"stappenGereed: stap '{code}' mist een datum (stap=JJJJ-MM-DD).")
        elif parsed is not None:
            steps[str(code).strip()] = parsed.isoformat()
    return steps


def parse_rows(
    session: Session, principal: Principal, raw_rows: list[dict[str, Any]]
) -> tuple[list[Row], list[dict[str, Any]]]:
    if len(raw_rows) > MAX_ROWS:
        raise InvalidRowsError(f"Hoogstens {MAX_ROWS} rijen per keer.")
    measures = {m.code for m in repository.measures(session)}
    municipalities = {m.code for m in repository.municipalities(session)}
    roadmaps = {
        code: {s.code for s in steps} for code, steps in repository.roadmaps(session).items()
    }
    may_write: dict[str, bool] = {}
    seen: dict[tuple[str, str], int] = {}
    rows: list[Row] = []
    errors: list[dict[str, Any]] = []
    for index, raw in enumerate(raw_rows, start=1):
        # A spreadsheet row knows its line; a JSON row is numbered from 1 in the array.
        line = raw.get(LINE)
        number = line if isinstance(line, int) else index
        problems: list[str] = []
        municipality = (_text(raw.get("gemeente")) or "").upper()
        measure = (_text(raw.get("maatregel")) or "").upper()
        if municipality not in municipalities:
            problems.append(f"gemeente: '{municipality}' is geen gemeentecode.")
        else:
            if municipality not in may_write:
                try:
                    policy.source_of_write(principal, municipality)
                    may_write[municipality] = True
                except DomainError:
                    may_write[municipality] = False
            if not may_write[municipality]:
                problems.append(f"gemeente: u mag de voortgang van {municipality} niet doorgeven.")
        if measure not in measures:
            problems.append(f"maatregel: '{measure}' is geen maatregel.")
        phase_text = _text(raw.get("fase")) or ""
        phase = Phase(phase_text) if phase_text in Phase._value2member_map_ else None
        if phase is None:
            problems.append(
                f"fase: '{phase_text}' kan niet; kies uit {', '.join(p.value for p in Phase)}."
            )
        planned = _date(raw.get("geplandLivegang"), "geplandLivegang", problems)
        steps = _steps(raw.get("stappenGereed"), problems)
        unknown = set(steps) - roadmaps.get(measure, set())
        if unknown and measure in measures:
            problems.append(
                f"stappenGereed: {', '.join(sorted(unknown))} staat niet in de routekaart "
                f"van {measure}."
            )
        for name in ("knelpunten", "notitie"):
            if len(_text(raw.get(name)) or "") > MAX_TEXT:
                problems.append(f"{name}: hoogstens {MAX_TEXT} tekens.")
        key = (municipality, measure)
        if key in seen:
            problems.append(f"dubbel: {municipality} {measure} staat ook in rij {seen[key]}.")
        seen.setdefault(key, number)
        if problems:
            errors.append(
                {"rij": number, "gemeente": municipality, "maatregel": measure, "fouten": problems}
            )
        elif phase is not None:
            given = frozenset(name for name in OPTIONAL if name in raw)
            rows.append(
                Row(
                    number,
                    municipality,
                    measure,
                    phase,
                    planned,
                    steps,
                    _text(raw.get("knelpunten")),
                    _text(raw.get("notitie")),
                    given,
                )
            )
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
    new_rows: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    changed_rows: list[Row] = []
    snapshots: list[dict[str, Any]] = []
    for row in rows:
        source = sources.get(row.municipality)
        if source is None:
            source = sources[row.municipality] = policy.source_of_write(principal, row.municipality)
        before = stored.get((row.municipality, row.measure))
        state = before or NOT_STARTED
        stored_values = {
            "planned_go_live": state.planned_go_live,
            "steps_done": state.steps_done,
            "blockers": state.blockers,
            "note": state.note,
        }
        values: dict[str, Any] = {"phase": row.phase}
        for column, attribute in OPTIONAL.items():
            values[attribute] = (
                getattr(row, attribute) if column in row.given else stored_values[attribute]
            )
        changes = changes_between(state, values)
        if not changes:
            report.unchanged += 1
            continue
        stamp = {"source": source, "updated_by": principal.subject, "updated_at": now}
        if before is None:
            new_rows.append(
                {
                    "municipality_code": row.municipality,
                    "measure_code": row.measure,
                    "version": 1,
                    **values,
                    **stamp,
                }
            )
        else:
            updates.append(
                repository.versioned_change(
                    row.municipality, row.measure, state.version, {**values, **stamp}
                )
            )
            changed_rows.append(row)
        snapshots.append(
            {
                "municipality_code": row.municipality,
                "measure_code": row.measure,
                "version": state.version + 1,
                **values,
                "changes": changes,
                "source": source,
                "recorded_by": principal.subject,
                "recorded_at": now,
            }
        )
        report.changed += 1
    if updates and repository.compare_and_set_many(session, updates) != len(updates):
        # Name a cell that moved, as before; the session rolls every write of this request back.
        now_stored = repository.states(session, {row.municipality for row in changed_rows})
        stale = next(
            (
                f"{row.municipality} {row.measure}"
                for row, change in zip(changed_rows, updates, strict=True)
                if (found := now_stored.get((row.municipality, row.measure))) is None
                or (found.version, found.updated_at) != (change["version"], now)
            ),
            "Een van deze standen",
        )
        raise ConflictError(f"{stale} werd intussen door iemand anders gewijzigd; probeer opnieuw.")
    if new_rows:
        try:
            repository.insert_states(session, new_rows)
        except IntegrityError as exc:
            raise CreatedMeanwhileError(
                "Een van deze standen werd intussen door iemand anders aangemaakt; probeer opnieuw."
            ) from exc
    if snapshots:
        repository.append_history(session, snapshots)
    session.expire_all()
    return report


def import_rows(
    session: Session, principal: Principal, raw_rows: list[dict[str, Any]], *, dry_run: bool = False
) -> Report:
    rows, errors = parse_rows(session, principal, raw_rows)
    if errors:
        raise InvalidRowsError(
            f"{len(errors)} van {len(raw_rows)} rijen zijn ongeldig; er is niets gewijzigd.",
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
