"""Months and quarters: the periods the figures and their trend are counted in (Dutch calendar
days, api/core/clock.py)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from api.core import clock

PeriodKind = Literal["maand", "kwartaal"]
DEFAULT_COUNT = {"maand": 12, "kwartaal": 4}
"""Without `van`: a year back, the current period included."""


@dataclass(frozen=True)
class Period:
    code: str
    start: date
    end: date
    """The last day, included."""


def _first_month(day: date, kind: PeriodKind) -> int:
    return day.month if kind == "maand" else 3 * ((day.month - 1) // 3) + 1


def _next(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


@lru_cache(maxsize=8192)
def of(day: date, kind: PeriodKind) -> Period:
    first = _first_month(day, kind)
    start = date(day.year, first, 1)
    year, month = _next(day.year, first, 1 if kind == "maand" else 3)
    end = date(year, month, 1) - timedelta(days=1)
    code = f"{day.year}-{first:02d}" if kind == "maand" else f"{day.year}-Q{(first - 1) // 3 + 1}"
    return Period(code, start, end)


def between(start: date, end: date, kind: PeriodKind) -> list[Period]:
    """Every period that overlaps [start, end], oldest first."""
    found = []
    period = of(start, kind)
    while period.start <= end:
        found.append(period)
        period = of(period.end + timedelta(days=1), kind)
    return found


def default_start(today: date, kind: PeriodKind) -> date:
    period = of(today, kind)
    for _ in range(DEFAULT_COUNT[kind] - 1):
        period = of(period.start - timedelta(days=1), kind)
    return period.start


def moment_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[start, end] as Dutch days, in UTC moments: from the first one's midnight up to (not
    including) the midnight after the last."""
    return clock.start_of_day(start), clock.start_of_day(end + timedelta(days=1))
