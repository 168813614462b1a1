"""The one row check every way of sending progress shares (bulk JSON, CSV, XLSX, a shared
service's report): what a row says on its own, its messages, and the change it becomes."""

import json
from datetime import date, datetime

import pytest

from api.progress.cells import NOT_STARTED, CellChange, CellState, RowChange
from api.progress.models import BlockerKind, Phase, Source
from api.progress.rows import (
    KIND_WITHOUT_BLOCKER,
    MAX_ROWS,
    MAX_TEXT,
    ParsedRow,
    parse_json_rows,
    parse_row,
)

pytestmark = pytest.mark.engine_neutral

BASE = {"gemeente": "GM0344", "maatregel": "M15", "fase": "voorbereidend"}
PHASES = "niet-gestart, orienterend, voorbereidend, geimplementeerd, geevalueerd"
KINDS = (
    "wet-en-regelgeving, ict-en-leveranciers, financien, uitvoering-en-capaciteit, "
    "ketenpartners, implementatieproducten"
)

VALID = [
    pytest.param({}, {}, id="only the required columns"),
    pytest.param(
        {"gemeente": " gm0344 ", "maatregel": "m15", "fase": " voorbereidend "},
        {},
        id="codes and phase trimmed, codes upper case",
    ),
    pytest.param(
        {"geplandLivegang": "2026-12-01"},
        {"planned_go_live": date(2026, 12, 1)},
        id="ISO date",
    ),
    pytest.param(
        {"geplandLivegang": " 2026-12-01 "},
        {"planned_go_live": date(2026, 12, 1)},
        id="ISO date with spaces",
    ),
    pytest.param(
        {"geplandLivegang": datetime(2026, 12, 1, 9, 30)},
        {"planned_go_live": date(2026, 12, 1)},
        id="XLSX date cell",
    ),
    pytest.param(
        {"geplandLivegang": date(2026, 12, 1)}, {"planned_go_live": date(2026, 12, 1)}, id="date"
    ),
    pytest.param({"geplandLivegang": ""}, {"planned_go_live": None}, id="empty date clears"),
    pytest.param(
        {"stappenGereed": [{"stap": "plan", "gereedOp": "2026-04-01"}]},
        {"steps_done": {"plan": "2026-04-01"}},
        id="steps as JSON",
    ),
    pytest.param(
        {"stappenGereed": "plan=2026-04-01; ict = 2026-05-01 ;"},
        {"steps_done": {"plan": "2026-04-01", "ict": "2026-05-01"}},
        id="steps as text",
    ),
    pytest.param({"stappenGereed": ""}, {"steps_done": {}}, id="no steps clears"),
    pytest.param(
        {"knelpunten": "  geen budget  ", "notitie": ""},
        {"blockers": "geen budget", "note": None},
        id="texts trimmed, empty is none",
    ),
    pytest.param({"notitie": "x" * MAX_TEXT}, {"note": "x" * MAX_TEXT}, id="longest text"),
    pytest.param({"knelpunten": 12}, {"blockers": "12"}, id="XLSX number as text"),
    pytest.param(
        {"knelpunten": "Geen geld", "knelpuntSoort": " financien "},
        {"blockers": "Geen geld", "blocker_kind": BlockerKind.FINANCE},
        id="blocker kind, trimmed",
    ),
    pytest.param(
        {"knelpuntSoort": "ketenpartners"},
        {"blocker_kind": BlockerKind.CHAIN_PARTNERS},
        id="blocker kind for the stored text",
    ),
    pytest.param(
        {"knelpunten": "Oud", "knelpuntSoort": ""},
        {"blockers": "Oud", "blocker_kind": None},
        id="empty kind clears",
    ),
    pytest.param(
        {"knelpunten": "", "knelpuntSoort": None},
        {"blockers": None, "blocker_kind": None},
        id="no blocker, no kind",
    ),
]


@pytest.mark.parametrize(("cells", "expected"), VALID)
def test_valid_rows_become_their_change(
    cells: dict[str, object], expected: dict[str, object]
) -> None:
    row = parse_row(7, {**BASE, **cells})
    assert row.problems == {}
    assert (row.number, row.municipality, row.measure) == (7, "GM0344", "M15")
    assert row.change == RowChange(Phase.PREPARING, **expected), (  # type: ignore[arg-type]
        "the named fields as read (steps as ISO dates, as stored), the others kept"
    )
    assert set(row.steps) == set(expected.get("steps_done") or ())


INVALID = [
    pytest.param({"fase": "klaar"}, "fase", [f"fase: 'klaar' kan niet; kies uit {PHASES}."]),
    pytest.param({"fase": " "}, "fase", [f"fase: '' kan niet; kies uit {PHASES}."]),
    pytest.param({"fase": None}, "fase", [f"fase: '' kan niet; kies uit {PHASES}."]),
    pytest.param({"fase": 3}, "fase", [f"fase: '3' kan niet; kies uit {PHASES}."]),
    pytest.param(
        {"geplandLivegang": "morgen"},
        "geplandLivegang",
        ["geplandLivegang: 'morgen' is geen datum (JJJJ-MM-DD)."],
    ),
    pytest.param(
        {"geplandLivegang": "2026-02-31"},
        "geplandLivegang",
        ["geplandLivegang: '2026-02-31' is geen datum (JJJJ-MM-DD)."],
    ),
    pytest.param(
        {"geplandLivegang": 46000.0},
        "geplandLivegang",
        ["geplandLivegang: '46000.0' is geen datum (JJJJ-MM-DD)."],
    ),
    pytest.param(
        {"stappenGereed": "plan"},
        "stappenGereed",
        ["stappenGereed: stap 'plan' mist een datum (stap=JJJJ-MM-DD)."],
    ),
    pytest.param(
        {"stappenGereed": [{"stap": "plan"}]},
        "stappenGereed",
        ["stappenGereed: stap 'plan' mist een datum (stap=JJJJ-MM-DD)."],
    ),
    pytest.param(
        {"stappenGereed": "plan=1-4-26;ict=;review=2026-01-01"},
        "stappenGereed",
        [
            "stap plan: '1-4-26' is geen datum (JJJJ-MM-DD).",
            "stappenGereed: stap 'ict' mist een datum (stap=JJJJ-MM-DD).",
        ],
    ),
    pytest.param(
        {"knelpunten": "x" * (MAX_TEXT + 1)},
        "knelpunten",
        [f"knelpunten: hoogstens {MAX_TEXT} tekens."],
    ),
    pytest.param(
        {"notitie": "x" * (MAX_TEXT + 1)}, "notitie", [f"notitie: hoogstens {MAX_TEXT} tekens."]
    ),
    pytest.param(
        {"knelpunten": "Iets", "knelpuntSoort": "Financiën"},
        "knelpuntSoort",
        [f"knelpuntSoort: 'Financiën' kan niet; kies uit {KINDS}, of laat het leeg."],
    ),
    pytest.param(
        {"knelpunten": " ", "knelpuntSoort": "financien"},
        "knelpuntSoort",
        [KIND_WITHOUT_BLOCKER],
        id="kind beside a cleared text",
    ),
    pytest.param(
        {"knelpunten": None, "knelpuntSoort": "weer"},
        "knelpuntSoort",
        [f"knelpuntSoort: 'weer' kan niet; kies uit {KINDS}, of laat het leeg."],
        id="an unknown kind is named rather than its missing text",
    ),
]


@pytest.mark.parametrize(("cells", "column", "messages"), INVALID)
def test_each_kind_of_invalid_value_is_named(
    cells: dict[str, object], column: str, messages: list[str]
) -> None:
    row = parse_row(3, {**BASE, **cells})
    assert row.change is None
    assert row.problems == {column: tuple(messages)}
    assert (row.number, row.municipality, row.measure) == (3, "GM0344", "M15")


def test_a_wrong_row_keeps_what_it_names_for_the_further_checks() -> None:
    row = parse_row(
        2,
        {
            "gemeente": "gm0344",
            "maatregel": "m15",
            "fase": "orienterend",
            "geplandLivegang": "nooit",
            "stappenGereed": "plan=2026-01-01;vliegen=2026-02-01;ict=",
            "notitie": "x" * (MAX_TEXT + 1),
        },
    )
    assert row.change is None
    assert list(row.problems) == ["geplandLivegang", "stappenGereed", "notitie"], "column order"
    assert (row.municipality, row.measure, row.phase) == ("GM0344", "M15", Phase.ORIENTING)
    assert set(row.steps) == {"plan", "vliegen"}, (
        "the steps that could be read are still checked against the roadmap"
    )


def test_a_kind_beside_no_text_is_named_with_the_rows_other_problems() -> None:
    row = parse_row(4, {**BASE, "fase": "klaar", "knelpunten": "", "knelpuntSoort": "financien"})
    assert row.change is None
    assert row.problems == {
        "fase": (f"fase: 'klaar' kan niet; kies uit {PHASES}.",),
        "knelpuntSoort": (KIND_WITHOUT_BLOCKER,),
    }
    assert (row.municipality, row.measure) == ("GM0344", "M15")


def test_a_line_shorter_than_its_header_has_an_empty_phase() -> None:
    row = parse_row(5, {"gemeente": "GM0344", "maatregel": "M15"})
    assert row.problems == {"fase": (f"fase: '' kan niet; kies uit {PHASES}.",)}
    assert row.phase is None


STORED = CellState(
    Phase.ORIENTING,
    date(2027, 1, 1),
    "notitie",
    "knelpunt",
    {"plan": "2026-01-01"},
    4,
    Source.PERSON,
    "user:1",
    None,
    BlockerKind.ICT,
)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            CellChange(phase=Phase.PREPARING),
            (
                Phase.PREPARING,
                date(2027, 1, 1),
                "notitie",
                "knelpunt",
                {"plan": "2026-01-01"},
                BlockerKind.ICT,
            ),
            id="unset fields keep what is stored",
        ),
        pytest.param(
            CellChange(
                phase=Phase.PREPARING,
                planned_go_live=None,
                steps_done={},
                note=None,
                blockers=None,
                blocker_kind=None,
            ),
            (Phase.PREPARING, None, None, None, {}, None),
            id="fields set to nothing clear it",
        ),
        pytest.param(
            CellChange(phase=Phase.IMPLEMENTED, steps_done={"ict": date(2026, 3, 2)}),
            (
                Phase.IMPLEMENTED,
                date(2027, 1, 1),
                "notitie",
                "knelpunt",
                {"ict": "2026-03-02"},
                BlockerKind.ICT,
            ),
            id="steps replace the stored ones, as ISO dates",
        ),
        pytest.param(
            CellChange(phase=Phase.PREPARING, blockers=None),
            (Phase.PREPARING, date(2027, 1, 1), "notitie", None, {"plan": "2026-01-01"}, None),
            id="a cleared text takes its kept kind along",
        ),
        pytest.param(
            CellChange(phase=Phase.PREPARING, blockers="Ander knelpunt"),
            (
                Phase.PREPARING,
                date(2027, 1, 1),
                "notitie",
                "Ander knelpunt",
                {"plan": "2026-01-01"},
                BlockerKind.ICT,
            ),
            id="a new text keeps the kind it is not given",
        ),
        pytest.param(
            CellChange(phase=Phase.PREPARING, blockers=None, blocker_kind=BlockerKind.LAW),
            (
                Phase.PREPARING,
                date(2027, 1, 1),
                "notitie",
                None,
                {"plan": "2026-01-01"},
                BlockerKind.LAW,
            ),
            id="a kind given beside no text is left for the write to refuse",
        ),
    ],
)
def test_a_change_over_the_stored_state(change: CellChange, expected: tuple[object, ...]) -> None:
    values = change.over(STORED)
    assert (
        values.phase,
        values.planned_go_live,
        values.note,
        values.blockers,
        values.steps_done,
        values.blocker_kind,
    ) == expected


def test_a_change_over_a_cell_never_written() -> None:
    values = CellChange(phase=Phase.ORIENTING, note="begonnen").over(NOT_STARTED)
    assert (values.phase, values.note, values.planned_go_live, values.steps_done) == (
        Phase.ORIENTING,
        "begonnen",
        None,
        {},
    )


def _body(*rows: dict[str, object]) -> bytes:
    return json.dumps({"rijen": rows}, ensure_ascii=False).encode()


WELL_FORMED = [
    {**BASE},
    {
        **BASE,
        "maatregel": "M16",
        "geplandLivegang": "2026-12-01",
        "stappenGereed": [
            {"stap": "impactanalyse", "gereedOp": "2026-04-01"},
            {"stap": "ict", "gereedOp": "2024-02-28"},
            {"stap": "ict", "gereedOp": "2026-05-01"},
        ],
        "knelpunten": "  geen budget\nnog niet  ",
        "knelpuntSoort": "financien",
        "notitie": "Één regel, met é, ‘quotes’ en 😀",
    },
    {**BASE, "maatregel": "M17", "geplandLivegang": None, "stappenGereed": [], "notitie": None},
    {**BASE, "maatregel": "M18", "knelpunten": "   ", "notitie": "x" * MAX_TEXT},
    {**BASE, "maatregel": "M19", "fase": "geevalueerd", "notitie": "tab\tenter\r\n"},
    {**BASE, "maatregel": "M20", "knelpuntSoort": "ketenpartners"},
    {**BASE, "maatregel": "M21", "knelpunten": None, "knelpuntSoort": None},
]


def _as_parse_row_reads_it(row: ParsedRow) -> tuple[object, ...]:
    return (*row._replace(steps=()), set(row.steps))


def test_a_well_formed_json_body_reads_as_each_row_would() -> None:
    body = _body(*WELL_FORMED)
    sent = json.loads(body)["rijen"]
    read = parse_json_rows(body)
    assert read is not None, "takes the short way"
    assert [_as_parse_row_reads_it(row) for row in read.rows] == [
        _as_parse_row_reads_it(parse_row(number, cells))
        for number, cells in enumerate(sent, start=1)
    ]
    assert read.rows[1].change == RowChange(
        Phase.PREPARING,
        date(2026, 12, 1),
        {"impactanalyse": "2026-04-01", "ict": "2026-05-01"},
        "Één regel, met é, ‘quotes’ en 😀",
        "geen budget\nnog niet",
        BlockerKind.FINANCE,
    )
    assert read.rows[5].change == RowChange(
        Phase.PREPARING, blocker_kind=BlockerKind.CHAIN_PARTNERS
    ), "a kind for the stored text"
    assert read.rows[0].change == RowChange(Phase.PREPARING), "fields not sent are kept"
    again = [
        {k: v.isoformat() if isinstance(v, date) else v for k, v in r.items()} for r in read.sent()
    ]
    assert again == sent, "the rows as sent, read again for a fingerprint"
    empty = parse_json_rows(b'{"rijen": []}')
    assert empty is not None
    assert empty.rows == []


NOT_PLAINLY_WELL_FORMED = [
    pytest.param({"gemeente": "gm0344"}, id="code in lower case"),
    pytest.param({"maatregel": " M15"}, id="code with a space"),
    pytest.param({"fase": "voorbereidend "}, id="phase with a space"),
    pytest.param({"fase": "klaar"}, id="unknown phase"),
    pytest.param({"fase": None}, id="no phase"),
    pytest.param({"geplandLivegang": "2026-3-1"}, id="date not zero-padded"),
    pytest.param({"geplandLivegang": "20260301"}, id="date without dashes"),
    pytest.param({"geplandLivegang": "2026-02-31"}, id="day that does not exist"),
    pytest.param({"geplandLivegang": ""}, id="empty date"),
    pytest.param({"geplandLivegang": "2026-03-01T00:00:00"}, id="date and time"),
    pytest.param(
        {"stappenGereed": [{"stap": "plan", "gereedOp": "2024-02-29"}]},
        id="leap day, taken with care",
    ),
    pytest.param({"stappenGereed": [{"stap": "plan", "gereedOp": "0999-01-01"}]}, id="year 999"),
    pytest.param({"gepland_livegang": "2026-03-01"}, id="Python name"),
    pytest.param({"faze": "x"}, id="unknown field"),
    pytest.param({"stappenGereed": [{"stap": "plan"}]}, id="step without date"),
    pytest.param({"stappenGereed": [{"stap": "plan", "gereedOp": None}]}, id="step date null"),
    pytest.param({"stappenGereed": [{"stap": "Plan", "gereedOp": "2026-01-01"}]}, id="step code"),
    pytest.param({"stappenGereed": None}, id="steps null"),
    pytest.param({"stappenGereed": "plan=2026-01-01"}, id="steps as text"),
    pytest.param({"knelpunten": 12}, id="number as text"),
    pytest.param({"notitie": "x" * (MAX_TEXT + 1)}, id="text too long"),
    pytest.param({"notitie": "a\x01b"}, id="control character"),
    pytest.param({"notitie": "a\bb"}, id="backspace"),
    pytest.param({"knelpunten": "a\x0cb"}, id="form feed"),
    pytest.param({"knelpunten": "x", "knelpuntSoort": "Financiën"}, id="unknown kind"),
    pytest.param({"knelpunten": "x", "knelpuntSoort": ""}, id="empty kind"),
    pytest.param({"knelpunten": "x", "knelpuntSoort": " financien"}, id="kind with a space"),
    pytest.param({"knelpunten": None, "knelpuntSoort": "financien"}, id="kind, text cleared"),
    pytest.param({"knelpunten": " ", "knelpuntSoort": "financien"}, id="kind, text blank"),
    pytest.param({"notitie": "a\x85b"}, id="C1 control"),
    pytest.param({"notitie": "a\x7fb"}, id="DEL"),
    pytest.param({"notitie": "a\ufffeb"}, id="non-character"),
    pytest.param({"notitie": "a\ud800b"}, id="lone surrogate"),
]


@pytest.mark.parametrize("escaped", [True, False], ids=["escaped", "as UTF-8"])
@pytest.mark.parametrize("field", NOT_PLAINLY_WELL_FORMED)
def test_anything_else_goes_the_detailed_way(field: dict[str, object], escaped: bool) -> None:
    text = json.dumps({"rijen": [BASE, {**BASE, **field}]}, ensure_ascii=escaped)
    assert parse_json_rows(text.encode("utf-8", "surrogatepass")) is None


def test_an_escaped_surrogate_pair_is_taken_the_careful_way() -> None:
    assert parse_json_rows(_body({**BASE, "notitie": "😀"})) is not None
    assert parse_json_rows(json.dumps({"rijen": [{**BASE, "notitie": "😀"}]}).encode()) is None


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b'{"rijen": [', id="not JSON"),
        pytest.param(b'[{"gemeente": "GM0344"}]', id="not an object"),
        pytest.param(b'{"rijen": [], "extra": 1}', id="unknown field"),
        pytest.param(_body(*[BASE] * (MAX_ROWS + 1)), id="too many rows"),
        pytest.param(b'{"rijen": [{"gemeente": "GM0344", "maatregel": "M15", "fase": "a\x01"}]}'),
    ],
)
def test_a_body_that_is_not_plainly_well_formed_goes_the_detailed_way(body: bytes) -> None:
    assert parse_json_rows(body) is None


@pytest.mark.parametrize("year", [2024, 2026, 2100])
def test_a_step_date_is_taken_as_sent_only_when_it_is_a_day_that_exists(year: int) -> None:
    for month in range(13):
        for day in range(33):
            text = f"{year}-{month:02d}-{day:02d}"
            body = _body({**BASE, "stappenGereed": [{"stap": "plan", "gereedOp": text}]})
            read = parse_json_rows(body)
            try:
                exists = date.fromisoformat(text).isoformat() == text
            except ValueError:
                exists = False
            leap_day = (month, day) == (2, 29)
            assert (read is not None) == (exists and not leap_day), text
            if read is not None:
                assert read.rows[0].change == RowChange(Phase.PREPARING, steps_done={"plan": text})
