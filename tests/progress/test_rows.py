"""The one row check every way of sending progress shares (bulk JSON, CSV, XLSX, a shared
service's report): what a row says on its own, its messages, and the change it becomes."""

from datetime import date, datetime

import pytest

from api.progress.cells import NOT_STARTED, CellChange, CellState
from api.progress.models import Phase, Source
from api.progress.rows import MAX_TEXT, parse_row

pytestmark = pytest.mark.engine_neutral

BASE = {"gemeente": "GM0344", "maatregel": "M15", "fase": "voorbereidend"}
PHASES = "niet-gestart, orienterend, voorbereidend, geimplementeerd, geevalueerd"

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
        {"steps_done": {"plan": date(2026, 4, 1)}},
        id="steps as JSON",
    ),
    pytest.param(
        {"stappenGereed": "plan=2026-04-01; ict = 2026-05-01 ;"},
        {"steps_done": {"plan": date(2026, 4, 1), "ict": date(2026, 5, 1)}},
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
]


@pytest.mark.parametrize(("cells", "expected"), VALID)
def test_valid_rows_become_their_change(
    cells: dict[str, object], expected: dict[str, object]
) -> None:
    row = parse_row(7, {**BASE, **cells})
    assert row.problems == {}
    assert (row.number, row.municipality, row.measure) == (7, "GM0344", "M15")
    assert row.change is not None
    wanted = CellChange(phase=Phase.PREPARING, **expected)  # type: ignore[arg-type]
    assert {name: getattr(row.change, name) for name in CellChange.model_fields} == dict(wanted)
    assert row.change.model_fields_set - {"municipality", "measure"} == {"phase", *expected}, (
        "only the named fields are set"
    )


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
    assert row.steps == {"plan": date(2026, 1, 1), "vliegen": date(2026, 2, 1)}, (
        "the steps that could be read are still checked against the roadmap"
    )


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
)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            CellChange(phase=Phase.PREPARING),
            (Phase.PREPARING, date(2027, 1, 1), "notitie", "knelpunt", {"plan": "2026-01-01"}),
            id="unset fields keep what is stored",
        ),
        pytest.param(
            CellChange(
                phase=Phase.PREPARING, planned_go_live=None, steps_done={}, note=None, blockers=None
            ),
            (Phase.PREPARING, None, None, None, {}),
            id="fields set to nothing clear it",
        ),
        pytest.param(
            CellChange(phase=Phase.IMPLEMENTED, steps_done={"ict": date(2026, 3, 2)}),
            (Phase.IMPLEMENTED, date(2027, 1, 1), "notitie", "knelpunt", {"ict": "2026-03-02"}),
            id="steps replace the stored ones, as ISO dates",
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
    ) == expected


def test_a_change_over_a_cell_never_written() -> None:
    values = CellChange(phase=Phase.ORIENTING, note="begonnen").over(NOT_STARTED)
    assert (values.phase, values.note, values.planned_go_live, values.steps_done) == (
        Phase.ORIENTING,
        "begonnen",
        None,
        {},
    )
