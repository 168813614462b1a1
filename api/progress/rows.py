"""One row of progress, however it came in: a row of the bulk JSON, a line of a CSV file, a row
of an XLSX sheet, a shared service's report. `ProgressRow` checks what a row says on its own
(the phase, the dates, the steps, the length of the texts, a blocker kind beside a cleared
blocker), and gives the `RowChange` it asks for; what depends on the database (which
municipalities and measures exist, who may write them, which steps a roadmap has, rows named
twice, a blocker kind beside a stored blocker that is empty) is checked by the bulk, on the
parsed rows.

A row is not refused field by field at the door (as a request body would be, 400 with
invalidParams): every problem of every row is collected and reported at once with the row's
number, so that a script or a spreadsheet of thousands of rows is corrected in one round.

A bulk JSON body whose every row is well-formed as sent (the usual case: a script's own
export) takes a shorter way, `parse_json_rows`: one compiled check of the whole body, which
accepts only what the detailed checks would accept unchanged, and no model per row. Anything
else, however small, goes the detailed way, so every problem is still named as before."""

import re
from collections.abc import Collection, Mapping
from datetime import date, datetime
from typing import Annotated, Any, NamedTuple, cast

from pydantic import ConfigDict, PlainValidator, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError, SchemaValidator
from pydantic_core import core_schema as cs

from api.progress.cells import KEEP, CellChange, RowChange
from api.progress.models import BlockerKind, Phase

COLUMNS = (
    "gemeente",
    "maatregel",
    "fase",
    "geplandLivegang",
    "stappenGereed",
    "knelpunten",
    "knelpuntSoort",
    "notitie",
)
"""The fields of a row as named on the wire and in a file's header, in the order problems are
reported."""
MAX_TEXT = 5000
MAX_ROWS = 10_000
"""Rows per bulk request or file."""
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
BlockerKindText = Annotated[str, PlainValidator(_lenient_text, json_schema_input_type=BlockerKind)]
"""A blocker kind in a request body, taken as the phase is."""


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
    "blocker_kind": "knelpuntSoort",
    "note": "notitie",
}


class ProgressRow(CellChange):
    """One row, checked: the change it asks for, and the cell it names. Read by the wire (and
    column) names; an optional field the row does not name is not set (`model_fields_set`),
    and keeps what is stored."""

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

    @field_validator("blocker_kind", mode="before")
    @classmethod
    def _blocker_kind(cls, value: object) -> BlockerKind | None:
        text = _text(value)
        if text is None:
            return None
        kind = BlockerKind._value2member_map_.get(text)
        if kind is None:
            raise _problem(
                f"knelpuntSoort: '{text}' kan niet; kies uit "
                f"{', '.join(k.value for k in BlockerKind)}, of laat het leeg."
            )
        return cast(BlockerKind, kind)

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
    steps: Collection[str]
    """The codes of the steps read, also of a row whose other steps could not be read."""
    change: RowChange | None
    problems: Mapping[str, tuple[str, ...]] = {}
    """Column → its problems."""


def _change_of(row: ProgressRow) -> RowChange:
    given = row.model_fields_set
    return RowChange(
        row.phase,
        row.planned_go_live if "planned_go_live" in given else KEEP,
        {step: done.isoformat() for step, done in row.steps_done.items()}
        if "steps_done" in given
        else KEEP,
        row.note if "note" in given else KEEP,
        row.blockers if "blockers" in given else KEEP,
        row.blocker_kind if "blocker_kind" in given else KEEP,
    )


KIND_WITHOUT_BLOCKER = (
    "knelpuntSoort: een soort hoort bij een knelpunt; beschrijf het in knelpunten, of laat de "
    "soort leeg."
)


def _kind_without_blocker(cells: Mapping[str, object]) -> bool:
    """A kind in a row that clears its blocker text. (A kind beside a text the row does not
    name depends on the stored text: the bulk checks that.)"""
    return (
        "knelpunten" in cells
        and _text(cells["knelpunten"]) is None
        and _text(cells.get("knelpuntSoort")) is not None
    )


def parse_row(number: int, cells: Mapping[str, object]) -> ParsedRow:
    """Checks one row, given by its column (wire) names, with pydantic; never raises for what
    the row says, but reports it."""
    if "fase" not in cells:  # a line shorter than the header: its phase is empty, and wrong
        cells = {**cells, "fase": None}
    problems: dict[str, tuple[str, ...]] = {}
    if _kind_without_blocker(cells):
        problems["knelpuntSoort"] = (KIND_WITHOUT_BLOCKER,)
    try:
        row = ProgressRow.model_validate(cells)
    except ValidationError as exc:
        municipality = code_of(cells.get("gemeente"))
        measure = code_of(cells.get("maatregel"))
        steps: Collection[str] = ()
        phase: Phase | None = None
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else ""
            context = error.get("ctx") or {}
            if error["type"] == _PROBLEM:
                messages = tuple(context["problems"])
                if name == "stappenGereed":
                    steps = context["steps"].keys()
            else:  # every field converts its input above; named rather than lost if not
                messages = (f"{name}: {error['msg']}.",)
            if name == "knelpuntSoort":  # an unknown kind says more than a kind without text
                problems.pop(name, None)
            problems[name] = problems.get(name, ()) + messages
        if "fase" not in problems:
            phase = cast(Phase | None, Phase._value2member_map_.get(_text(cells["fase"]) or ""))
        if "stappenGereed" not in problems:
            steps = _steps(cells.get("stappenGereed"), []).keys()
        ordered = {column: problems[column] for column in COLUMNS if column in problems}
        return ParsedRow(number, municipality, measure, phase, steps, None, ordered)
    if problems:
        return ParsedRow(
            number, row.municipality, row.measure, row.phase, row.steps_done.keys(), None, problems
        )
    return ParsedRow(
        number, row.municipality, row.measure, row.phase, row.steps_done.keys(), _change_of(row)
    )


# The shorter way for a bulk JSON body. It accepts a value only in the form the detailed checks
# would keep unchanged: codes already trimmed and in capitals, a phase exactly as written, dates
# as JJJJ-MM-DD, step codes as a roadmap writes them, no field under its Python name; a text is
# trimmed below, as the detailed check does. A value outside that form is not wrong, it merely
# goes the detailed way.
_CODE = cs.str_schema(pattern=r"^[A-Z0-9]+$", strict=True)
_DATE = cs.date_schema(strict=True)
"""pydantic's strict date from JSON takes JJJJ-MM-DD and nothing else."""
_DAY_AS_STORED = cs.str_schema(
    pattern=r"^[1-9][0-9]{3}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    r"|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)$",
    strict=True,
)
"""A day that exists, written as the steps are stored (its own isoformat()), kept as text: a
matrix has some 60,000 step dates, and making each a date and back cost a tenth of the check.
Leap days and years before 1000 go the detailed way."""
_TEXT = cs.nullable_schema(cs.str_schema(max_length=MAX_TEXT, strict=True))
_KIND = cs.nullable_schema(cs.literal_schema([kind.value for kind in BlockerKind]))
_STEP = cs.typed_dict_schema(
    {
        "stap": cs.typed_dict_field(cs.str_schema(pattern=r"^[a-z0-9-]+$", strict=True)),
        "gereedOp": cs.typed_dict_field(_DAY_AS_STORED),
    },
    extra_behavior="forbid",
)
_ROW = cs.typed_dict_schema(
    {
        "gemeente": cs.typed_dict_field(_CODE),
        "maatregel": cs.typed_dict_field(_CODE),
        "fase": cs.typed_dict_field(cs.literal_schema([phase.value for phase in Phase])),
        "geplandLivegang": cs.typed_dict_field(cs.nullable_schema(_DATE), required=False),
        "stappenGereed": cs.typed_dict_field(cs.list_schema(_STEP), required=False),
        "knelpunten": cs.typed_dict_field(_TEXT, required=False),
        "knelpuntSoort": cs.typed_dict_field(_KIND, required=False),
        "notitie": cs.typed_dict_field(_TEXT, required=False),
    },
    extra_behavior="forbid",
)
_WELL_FORMED_BODY = SchemaValidator(
    cs.typed_dict_schema(
        {"rijen": cs.typed_dict_field(cs.list_schema(_ROW, max_length=MAX_ROWS))},
        extra_behavior="forbid",
    )
)
# Text no field may hold (api/core/text.py) as it can stand in JSON: an escape of a refused
# character (or of a surrogate, even one of a valid pair), or the UTF-8 of U+007F-U+009F, U+FFFE
# and U+FFFF. Raw C0 controls and lone surrogates are no valid JSON, which the check refuses.
# A match means only "take the detailed way", so an escaped backslash before `u0001` may match.
_ESCAPED_UNSAFE = re.compile(
    rb"\\(?:[bf]|u(?:00[01][0-9a-fA-F]|007[fF]|00[89][0-9a-fA-F]|[dD][89a-fA-F]|[fF]{3}[eEfF]))"
)
_C1_CONTROL = re.compile(rb"\xc2[\x80-\x9f]")
_NON_CHARACTERS = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")


def _may_hold_refused_text(body: bytes) -> bool:
    # Each pattern is looked for only where its first byte occurs: one fast scan each.
    return (
        (b"\\" in body and _ESCAPED_UNSAFE.search(body) is not None)
        or b"\x7f" in body
        or (b"\xc2" in body and _C1_CONTROL.search(body) is not None)
        or (b"\xef" in body and any(code in body for code in _NON_CHARACTERS))
    )


class JsonRows(NamedTuple):
    rows: list[ParsedRow]
    body: bytes

    def sent(self) -> list[dict[str, Any]]:
        """The rows as sent (`geplandLivegang` as a date), read again: only a request with an
        Idempotency-Key needs them (its fingerprint), and keeping them for every request took
        a third of its memory."""
        return cast(list[dict[str, Any]], _WELL_FORMED_BODY.validate_json(self.body)["rijen"])


def parse_json_rows(body: bytes) -> JsonRows | None:
    """The rows of a bulk JSON body (`{"rijen": [...]}`) when every one is well-formed as sent,
    each as `parse_row` would read it; None when anything would need a closer look (invalid
    JSON, an unknown field, a value in another form, text with a refused character, a blocker
    kind beside a cleared text): then the detailed checks must read the body and name the
    problems."""
    if _may_hold_refused_text(body):
        return None
    try:
        sent: list[dict[str, Any]] = _WELL_FORMED_BODY.validate_json(body)["rijen"]
    except ValidationError:
        return None
    phases = Phase._value2member_map_
    kinds = BlockerKind._value2member_map_
    rows: list[ParsedRow] = []
    append = rows.append
    for number, row in enumerate(sent, start=1):
        phase = cast(Phase, phases[row["fase"]])
        steps = row.get("stappenGereed", KEEP)
        if steps is not KEEP:
            steps = {step["stap"]: step["gereedOp"] for step in steps}
        note = row.get("notitie", KEEP)
        if note is not KEEP and note is not None:
            note = note.strip() or None
        blockers = row.get("knelpunten", KEEP)
        if blockers is not KEEP and blockers is not None:
            blockers = blockers.strip() or None
        kind = row.get("knelpuntSoort", KEEP)
        if kind is not KEEP and kind is not None:
            if blockers is None:
                return None
            kind = cast(BlockerKind, kinds[kind])
        append(
            ParsedRow(
                number,
                row["gemeente"],
                row["maatregel"],
                phase,
                () if steps is KEEP else steps,
                RowChange(phase, row.get("geplandLivegang", KEEP), steps, note, blockers, kind),
            )
        )
    return JsonRows(rows, body)
