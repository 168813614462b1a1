"""One row of progress, however it came in: a row of the bulk JSON, a line of a CSV file, a row
of an XLSX sheet, a shared service's report. `ProgressRow` checks what a row says on its own
(the phase, the dates, the steps, the length of the texts), and is the `CellChange` it asks
for; what depends on the database (which municipalities and measures exist, who may write them,
which steps a roadmap has, rows named twice) is checked by the bulk, on the parsed rows.

A row is not refused field by field at the door (as a request body would be, 400 with
invalidParams): every problem of every row is collected and reported at once with the row's
number, so that a script or a spreadsheet of thousands of rows is corrected in one round."""

from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, NamedTuple, cast

from pydantic import ConfigDict, PlainValidator, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from api.progress.cells import CellChange
from api.progress.models import Phase

COLUMNS = (
    "gemeente",
    "maatregel",
    "fase",
    "geplandLivegang",
    "stappenGereed",
    "knelpunten",
    "notitie",
)
"""The fields of a row as named on the wire and in a file's header, in the order problems are
reported."""
MAX_TEXT = 5000
_PROBLEM = "rij_ongeldig"


def _lenient_text(value: object) -> str:
    # The same refusal of a non-text value as pydantic's own `str` (type and message), so a
    # request body's answer stays what it was; which texts are valid is the row's check.
    if isinstance(value, str):
        return value
    raise PydanticCustomError("string_type", "Input should be a valid string")


PhaseText = Annotated[str, PlainValidator(_lenient_text, json_schema_input_type=Phase)]
"""A phase in a request body: documented as the `Phase` enum, taken as any text, so that a
wrong phase is reported among the row's problems instead of refusing the request."""


def _problem(*messages: str, steps: Mapping[str, date] | None = None) -> PydanticCustomError:
    # Every problem is raised with its Dutch message(s) ready in the context: a field may have
    # several (two steps without a date), and the steps read so far are still checked against
    # the roadmap.
    return PydanticCustomError(
        _PROBLEM, "Ongeldige waarde.", {"problems": messages, "steps": dict(steps or {})}
    )


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def code_of(value: object) -> str:
    """A municipality or measure code as compared: trimmed, upper case, "" when missing."""
    return (_text(value) or "").upper()


def _date(value: object, name: str, problems: list[str]) -> date | None:
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


def _steps(value: object, problems: list[str]) -> dict[str, date]:
    """A list of {stap, gereedOp} (JSON) or 'stap=datum;stap=datum' (CSV and XLSX)."""
    if value is None or value == "":
        return {}
    pairs: list[tuple[object, object]] = []
    if isinstance(value, list):
        for item in value:
            pairs.append(
                (item.get("stap"), item.get("gereedOp")) if isinstance(item, dict) else (item, None)
            )
    else:
        for part in str(value).split(";"):
            if part.strip():
                step, _, done_text = part.partition("=")
                pairs.append((step, done_text or None))
    steps: dict[str, date] = {}
    for code, done_on in pairs:
        parsed = _date(done_on, f"stap {code}", problems)
        if parsed is None and done_on in (None, ""):
            problems.append(f"stappenGereed: stap '{code}' mist een datum (stap=JJJJ-MM-DD).")
        elif parsed is not None:
            steps[str(code).strip()] = parsed
    return steps


_WIRE = {
    "municipality": "gemeente",
    "measure": "maatregel",
    "phase": "fase",
    "planned_go_live": "geplandLivegang",
    "steps_done": "stappenGereed",
    "blockers": "knelpunten",
    "note": "notitie",
}


class ProgressRow(CellChange):
    """One row, checked: the change it asks for, and the cell it names. Read by the wire (and
    column) names; an optional field the row does not name is not set (`model_fields_set`),
    and keeps what is stored. Being a `CellChange` itself, a row is written as it is read:
    a bulk of the whole matrix builds no second object per row."""

    model_config = ConfigDict(frozen=True, alias_generator=_WIRE.__getitem__)

    municipality: str = ""
    measure: str = ""

    @field_validator("municipality", "measure", mode="before")
    @classmethod
    def _code(cls, value: object) -> str:
        return code_of(value)

    @field_validator("phase", mode="before")
    @classmethod
    def _phase(cls, value: object) -> Phase:
        text = _text(value) or ""
        phase = Phase._value2member_map_.get(text)
        if phase is None:
            raise _problem(
                f"fase: '{text}' kan niet; kies uit {', '.join(p.value for p in Phase)}."
            )
        return cast(Phase, phase)

    @field_validator("planned_go_live", mode="before")
    @classmethod
    def _planned(cls, value: object) -> date | None:
        problems: list[str] = []
        planned = _date(value, "geplandLivegang", problems)
        if problems:
            raise _problem(*problems)
        return planned

    @field_validator("steps_done", mode="before")
    @classmethod
    def _steps_done(cls, value: object) -> dict[str, date]:
        problems: list[str] = []
        steps = _steps(value, problems)
        if problems:
            raise _problem(*problems, steps=steps)
        return steps

    @field_validator("blockers", "note", mode="before")
    @classmethod
    def _free_text(cls, value: object, info: ValidationInfo) -> str | None:
        text = _text(value)
        if text is not None and len(text) > MAX_TEXT:
            raise _problem(f"{_WIRE[info.field_name or '']}: hoogstens {MAX_TEXT} tekens.")
        return text


class ParsedRow(NamedTuple):
    """A row as read: its number (the line of a file, the place in a JSON array, from 1), what
    it names, and either its change or its problems per field. What it names is kept even
    when the row is wrong, so the checks against the database can add their problems. (A
    tuple: a frozen dataclass cost a bulk of the whole matrix a tenth of its checking.)"""

    number: int
    municipality: str
    measure: str
    phase: Phase | None
    steps: Mapping[str, date]
    """The steps read, also those of a row whose other steps could not be read."""
    change: CellChange | None
    problems: Mapping[str, tuple[str, ...]] = {}
    """Column → its problems."""


def parse_row(number: int, cells: Mapping[str, object]) -> ParsedRow:
    """Checks one row, given by its column (wire) names, with pydantic; never raises for what
    the row says, but reports it."""
    if "fase" not in cells:  # a line shorter than the header: its phase is empty, and wrong
        cells = {**cells, "fase": None}
    try:
        row = ProgressRow.model_validate(cells)
    except ValidationError as exc:
        municipality = code_of(cells.get("gemeente"))
        measure = code_of(cells.get("maatregel"))
        problems: dict[str, tuple[str, ...]] = {}
        steps: Mapping[str, date] = {}
        phase: Phase | None = None
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else ""
            context = error.get("ctx") or {}
            if error["type"] == _PROBLEM:
                messages = tuple(context["problems"])
                if name == "stappenGereed":
                    steps = context["steps"]
            else:  # every field converts its input above; named rather than lost if not
                messages = (f"{name}: {error['msg']}.",)
            problems[name] = problems.get(name, ()) + messages
        if "fase" not in problems:
            phase = cast(Phase | None, Phase._value2member_map_.get(_text(cells["fase"]) or ""))
        if "stappenGereed" not in problems:
            steps = _steps(cells.get("stappenGereed"), [])
        ordered = {column: problems[column] for column in COLUMNS if column in problems}
        return ParsedRow(number, municipality, measure, phase, steps, None, ordered)
    return ParsedRow(number, row.municipality, row.measure, row.phase, row.steps_done, row)
