"""The consequence rule as a table: each status and date against a cell's dates."""

from datetime import date

import pytest

from api.ict.consequences import Cell, IctVerdict, Report, judge, waits, worst
from api.ict.models import ReadinessStatus as S

pytestmark = pytest.mark.engine_neutral

LEGAL = date(2027, 1, 1)
START = date(2026, 10, 1)


@pytest.mark.parametrize(
    ("report", "must_start_by", "expected"),
    [
        (None, START, IctVerdict.UNKNOWN),
        (Report(S.ANALYSING, None, None), START, IctVerdict.UNKNOWN),
        (Report(S.NOT_NEEDED, None, None), START, None),
        (Report(S.AVAILABLE, "1.0", date(2026, 9, 1)), START, None),
        (Report(S.DELIVERED, "1.0", None), START, None),
        (Report(S.PLANNED, "2.0", START), START, IctVerdict.IN_TIME),
        (Report(S.PLANNED, "2.0", date(2026, 10, 2)), START, IctVerdict.AT_RISK),
        (Report(S.PLANNED, "2.0", LEGAL), START, IctVerdict.AT_RISK),
        (Report(S.PLANNED, "2.0", date(2027, 1, 2)), START, IctVerdict.LATE),
        # Nothing open to start: only the legal date counts.
        (Report(S.PLANNED, "2.0", date(2026, 12, 1)), None, IctVerdict.IN_TIME),
        (Report(S.PLANNED, "2.0", date(2027, 1, 2)), None, IctVerdict.LATE),
    ],
)
def test_judge(report: Report | None, must_start_by: date | None, expected: IctVerdict) -> None:
    assert judge(report, must_start_by, LEGAL) == expected


def test_waits_skip_done_cells_and_measures_without_software() -> None:
    cells = [
        Cell("GM0001", "M15", START, LEGAL, done=False),
        Cell("GM0002", "M15", START, LEGAL, done=True),
        Cell("GM0001", "M01", START, LEGAL, done=False),
    ]
    reports = {
        (1, "M15"): Report(S.PLANNED, "2.0", date(2027, 2, 1)),
        (2, "M15"): Report(S.NOT_NEEDED, None, None),
    }
    found = waits(
        cells, {"GM0001": {1, 2, 3}, "GM0002": {1}}, {1: "a", 2: "b", 3: "c"}, reports, {"M15"}
    )
    assert [(w.municipality, w.application, w.supplier, w.verdict) for w in found] == [
        ("GM0001", 1, "a", IctVerdict.LATE),
        ("GM0001", 3, "c", IctVerdict.UNKNOWN),
    ]
    assert worst(w.verdict for w in found) == IctVerdict.LATE
    assert worst([]) is None
