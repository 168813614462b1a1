"""The one clock of the application: what "now" is, and which day it is in the Netherlands.

Deadlines, waves and service levels are Dutch calendar days. Taking "today" from the server's
zone (often UTC) would make the first hour or two of every Dutch day yesterday, and start a
wave an hour late on 1 January; so every reader of "today" asks this module. Stored moments
stay timezone-aware UTC.

Tests replace the clock with `set_clock(FixedClock(...))` (or the `fixed_clock` context
manager); it is a module-level object rather than a request dependency because services, the
CLI and the demo loader need the same day as the HTTP handlers."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class Clock:
    """The system clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return dutch_date(self.now())


class FixedClock(Clock):
    """A clock standing still at one moment (a timezone-aware datetime)."""

    def __init__(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("A fixed clock needs a timezone-aware moment.")
        self.moment = moment.astimezone(UTC)

    def now(self) -> datetime:
        return self.moment


_clock: Clock = Clock()


def dutch_date(moment: datetime) -> date:
    """The calendar day in the Netherlands at `moment`."""
    return moment.astimezone(AMSTERDAM).date()


def start_of_day(day: date) -> datetime:
    """The moment (in UTC) a calendar day begins in the Netherlands: midnight in Amsterdam,
    which is 23:00 or 22:00 UTC the day before. A period "up to and including day D" ends at
    the start of D + 1."""
    return datetime.combine(day, time.min, AMSTERDAM).astimezone(UTC)


def now() -> datetime:
    return _clock.now()


def today() -> date:
    """Today in the Netherlands."""
    return _clock.today()


def set_clock(clock: Clock) -> Clock:
    """Replaces the clock; returns the previous one, so a caller can put it back."""
    global _clock
    previous, _clock = _clock, clock
    return previous


@contextmanager
def fixed_clock(moment: datetime) -> Iterator[FixedClock]:
    clock = FixedClock(moment)
    previous = set_clock(clock)
    try:
        yield clock
    finally:
        set_clock(previous)
