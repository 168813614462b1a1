"""Service levels in working days: weekends and Dutch public holidays do not count.

The holidays come from the maintained `holidays` package (its Dutch calendar), never from
rules of our own. Its "public" category is the default; adding "optional" also skips
Liberation Day (5 May) in the years it is not a national day off."""

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

import holidays

SATURDAY = 5


@lru_cache(maxsize=64)
def _holidays(year: int, categories: tuple[str, ...]) -> frozenset[date]:
    calendar = holidays.country_holidays("NL", years=year, categories=categories)
    return frozenset(calendar.keys())


class WorkingDays:
    def __init__(self, categories: Iterable[str] = ("public",)) -> None:
        self.categories = tuple(sorted(categories))

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < SATURDAY and day not in _holidays(day.year, self.categories)

    def holiday_name(self, day: date) -> str | None:
        calendar = holidays.country_holidays(
            "NL", years=day.year, categories=self.categories, language="nl"
        )
        return calendar.get(day)

    def add(self, start: date, days: int) -> date:
        """The working day `days` working days after `start` (start itself does not count)."""
        if days < 0:
            raise ValueError("days must not be negative")
        current = start
        remaining = days
        while remaining:
            current += timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        if days == 0:
            while not self.is_working_day(current):
                current += timedelta(days=1)
        return current

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; negative if end is earlier."""
        if end < start:
            return -self.between(end, start)
        count = 0
        current = start
        while current < end:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count
