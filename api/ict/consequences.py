"""What software readiness means for each municipality and measure: a pure function of the
cells' dates, the applications each municipality uses and the suppliers' reports. Nothing of it
is stored, so a supplier's moved date changes every affected municipality's answer at once.

The rule, for a measure that needs software and a municipality that has not implemented it yet,
per application the municipality uses (whatever the domain):

- no wait when the supplier says the application needs no change (`niet-nodig`), or the release
  is available (`beschikbaar`) or delivered (`geleverd`);
- `te-laat-door-ict` when the planned release (`gepland`) falls after the measure's legal date;
- else `risico-door-ict` when it falls after the cell's must-start-by date (the latest start of
  its earliest open roadmap step, progress/deadlines.py);
- else `op-tijd`: it waits, but the release comes in time;
- `onbekend` when the supplier is still analysing or has reported nothing: it waits without a
  date, so no judgement is made.

A cell's verdict is the worst of its waits, in the order above (late first)."""

import enum
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from api.ict.models import ReadinessStatus


class IctVerdict(enum.StrEnum):
    LATE = "te-laat-door-ict"
    AT_RISK = "risico-door-ict"
    UNKNOWN = "onbekend"
    IN_TIME = "op-tijd"


SEVERITY = {
    IctVerdict.LATE: 0,
    IctVerdict.AT_RISK: 1,
    IctVerdict.UNKNOWN: 2,
    IctVerdict.IN_TIME: 3,
}
NO_WAIT = frozenset(
    {ReadinessStatus.NOT_NEEDED, ReadinessStatus.AVAILABLE, ReadinessStatus.DELIVERED}
)


@dataclass(frozen=True, slots=True)
class Cell:
    """One municipality × measure, as the progress grid judges it today."""

    municipality: str
    measure: str
    must_start_by: date | None
    legal_date: date
    done: bool


@dataclass(frozen=True, slots=True)
class Report:
    """A supplier's readiness of one application for one measure."""

    status: ReadinessStatus
    release: str | None
    release_date: date | None


@dataclass(frozen=True, slots=True)
class Wait:
    """A municipality waits for this application's release for this measure."""

    municipality: str
    measure: str
    application: int
    supplier: str
    report: Report | None
    verdict: IctVerdict


def judge(report: Report | None, must_start_by: date | None, legal_date: date) -> IctVerdict | None:
    """The verdict of one application for one cell; None when nothing is waited for."""
    if report is None or report.status == ReadinessStatus.ANALYSING:
        return IctVerdict.UNKNOWN
    if report.status in NO_WAIT:
        return None
    planned = report.release_date
    if planned is None:
        return IctVerdict.UNKNOWN
    if planned > legal_date:
        return IctVerdict.LATE
    if must_start_by is not None and planned > must_start_by:
        return IctVerdict.AT_RISK
    return IctVerdict.IN_TIME


def waits(
    cells: Iterable[Cell],
    uses: Mapping[str, Collection[int]],
    suppliers: Mapping[int, str],
    reports: Mapping[tuple[int, str], Report],
    needing: Collection[str],
) -> list[Wait]:
    """Every wait of every cell of a measure that needs software, in the cells' order and per
    cell in application id order. `uses`: the applications of each municipality; `suppliers`:
    each application's supplier."""
    found = []
    for cell in cells:
        if cell.done or cell.measure not in needing:
            continue
        for application in sorted(uses.get(cell.municipality, ())):
            report = reports.get((application, cell.measure))
            verdict = judge(report, cell.must_start_by, cell.legal_date)
            if verdict is not None:
                found.append(
                    Wait(
                        cell.municipality,
                        cell.measure,
                        application,
                        suppliers[application],
                        report,
                        verdict,
                    )
                )
    return found


def worst(verdicts: Iterable[IctVerdict]) -> IctVerdict | None:
    return min(verdicts, key=SEVERITY.__getitem__, default=None)
