"""The steering report (stuurrapportage) of the register, for the programme team: per period the
signals raised, passed on, answered and closed, how old the open and the closed ones are, what
is open per body, and the kinds and measures raised most; as figures and as a workbook.

A period is Dutch calendar days, both ends included. The report reads a signal's latest
milestones: one passed on twice counts at its latest passing. Ages are whole days, measured at
the end of the period, or now when the period has not ended yet; a signal is open then when it
was raised before and not fed back or rejected by then."""

import io
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from openpyxl import Workbook
from sqlalchemy.orm import Session

from api.core import clock
from api.core.clock import dutch_date
from api.core.security import Principal
from api.core.text import spreadsheet_cell
from api.core.validation import InvalidParams
from api.signals import repository
from api.signals.models import Body, SignalKind
from api.signals.policy import require_team
from api.signals.repository import Milestones

TOP_MEASURES = 10
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    """Included."""

    def bounds(self) -> tuple[datetime, datetime]:
        """The period as moments in UTC: from the start of its first Dutch day up to (not
        including) the start of the day after its last."""
        return clock.start_of_day(self.start), clock.start_of_day(self.end + timedelta(days=1))


def quarter_of(day: date) -> Period:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    following = (
        date(day.year + 1, 1, 1) if first_month == 10 else date(day.year, first_month + 3, 1)
    )
    return Period(start, following - timedelta(days=1))


def period(start: date | None, end: date | None, today: date) -> Period:
    """The period asked for: without either end the quarter of today; with one end, the rest
    of that end's quarter. 400 when it starts after it ends."""
    if start is None:
        if end is None:
            return quarter_of(today)
        start = quarter_of(end).start
    elif end is None:
        end = quarter_of(start).end
    if start > end:
        invalid = InvalidParams()
        invalid.add("van", "after_end", "'van' ligt na 'tot'.")
        invalid.raise_if_any()
    return Period(start, end)


@dataclass(frozen=True)
class Ages:
    count: int
    median_days: float | None
    longest_days: int | None


def _ages(days: list[int]) -> Ages:
    if not days:
        return Ages(0, None, None)
    return Ages(len(days), float(statistics.median(days)), max(days))


def _days(start: datetime, end: datetime) -> int:
    return max(0, (end - start).days)


@dataclass(frozen=True)
class SteeringReport:
    period: Period
    measured_at: datetime
    """The moment the ages and the open signals are measured at."""
    raised: int
    passed_on: int
    responded: int
    closed: int
    open_ages: Ages
    closed_ages: Ages
    open_per_body: list[tuple[Body | None, int]]
    """Every body, then (None) those not passed on yet."""
    kinds: list[tuple[SignalKind, int]]
    """Of the signals raised in the period, the most first."""
    measures: list[tuple[str, str, int]]
    """Code, title and count, of the signals raised in the period, the most first."""


def figures(
    signals: list[Milestones],
    measures: list[tuple[str, str, int]],
    chosen: Period,
    now: datetime,
) -> SteeringReport:
    start, end = chosen.bounds()
    measured_at = min(end, now)

    def within(moment: datetime | None) -> bool:
        return moment is not None and start <= moment < end

    raised = [s for s in signals if within(s.created_at)]
    closed = [s for s in signals if within(s.closed_at)]
    still_open = [
        s
        for s in signals
        if s.created_at < measured_at and (s.closed_at is None or s.closed_at >= measured_at)
    ]
    per_body = Counter(
        s.passed_to if s.passed_on_at is not None and s.passed_on_at < measured_at else None
        for s in still_open
    )
    kinds = Counter(s.kind for s in raised)
    return SteeringReport(
        period=chosen,
        measured_at=measured_at,
        raised=len(raised),
        passed_on=sum(within(s.passed_on_at) for s in signals),
        responded=sum(within(s.responded_at) for s in signals),
        closed=len(closed),
        open_ages=_ages([_days(s.created_at, measured_at) for s in still_open]),
        closed_ages=_ages([_days(s.created_at, s.closed_at) for s in closed if s.closed_at]),
        open_per_body=[(body, per_body[body]) for body in (*Body, None)],
        kinds=sorted(kinds.items(), key=lambda item: (-item[1], item[0].value)),
        measures=measures[:TOP_MEASURES],
    )


def steering_report(
    session: Session,
    principal: Principal,
    start_day: date | None,
    end_day: date | None,
    now: datetime,
) -> SteeringReport:
    require_team(principal, "De stuurrapportage inzien")
    chosen = period(start_day, end_day, dutch_date(now))
    start, end = chosen.bounds()
    return figures(
        repository.milestones(session, end),
        repository.measures_raised(session, start, end),
        chosen,
        now,
    )


NOT_PASSED_ON = "nog niet doorgezet"


def to_xlsx(report: SteeringReport) -> bytes:
    """The same figures as the JSON, one sheet per table, for whoever keeps the programme's
    own reports in a spreadsheet."""
    book = Workbook(write_only=True)
    summary = book.create_sheet("Stuurrapportage")
    summary.append(["onderdeel", "waarde"])
    for label, value in (
        ("van", report.period.start),
        ("tot en met", report.period.end),
        ("gemeten op", report.measured_at.astimezone(clock.AMSTERDAM).replace(tzinfo=None)),
        ("gemeld", report.raised),
        ("doorgezet", report.passed_on),
        ("beantwoord", report.responded),
        ("afgesloten", report.closed),
        ("open", report.open_ages.count),
        ("open: mediaan leeftijd (dagen)", report.open_ages.median_days),
        ("open: langste leeftijd (dagen)", report.open_ages.longest_days),
        ("afgesloten: mediaan leeftijd (dagen)", report.closed_ages.median_days),
        ("afgesloten: langste leeftijd (dagen)", report.closed_ages.longest_days),
    ):
        summary.append([label, value])
    bodies = book.create_sheet("Open per instantie")
    bodies.append(["aan", "open"])
    for body, count in report.open_per_body:
        bodies.append([body.value if body else NOT_PASSED_ON, count])
    kinds = book.create_sheet("Soorten")
    kinds.append(["soort", "gemeld"])
    for kind, count in report.kinds:
        kinds.append([kind.value, count])
    measures = book.create_sheet("Maatregelen")
    measures.append(["maatregel", "naam", "gemeld"])
    for code, title, count in report.measures:
        measures.append([code, spreadsheet_cell(title), count])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
