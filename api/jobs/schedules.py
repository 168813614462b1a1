"""When a job is due: every N minutes, or daily at a Dutch wall-clock time.

The fire times come from `cronsim` (decision 0013): a daily time is a cron expression in
Europe/Amsterdam, so a job at 06:30 runs at 06:30 Dutch time in winter and in summer, and a
time that a change of clock skips or repeats behaves as Debian's cron does (run once, right
after the skip). Minute schedules run in UTC, where no hour is skipped or repeated, so they
keep their pace through both changes.

A schedule names each of its fire times by a period key; the runner claims a (job, period)
row once (api/jobs/runner.py)."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from cronsim import CronSim

from api.core.clock import AMSTERDAM, dutch_date


@dataclass(frozen=True)
class Schedule:
    cron: str
    """A five-field cron expression, read in `zone`."""
    zone: tzinfo
    daily: bool
    label: str
    """In Dutch, for `spoorboek jobs list` and the docs."""

    def latest(self, now: datetime) -> datetime | None:
        """The fire time whose period is due at `now`, if any: the last one at or before
        `now`, and for a daily job only while it is still that day in the Netherlands. So a
        scheduler that was down runs a missed minute job once (not once per missed minute),
        and a daily job once the same day, but not yesterday's run the next morning."""
        start = now.astimezone(self.zone).replace(microsecond=0) + timedelta(seconds=1)
        fire = next(CronSim(self.cron, start, reverse=True)).astimezone(UTC)
        if self.daily and dutch_date(fire) != dutch_date(now):
            return None
        return fire

    def following(self, now: datetime) -> datetime:
        """The first fire time after `now`."""
        start = now.astimezone(self.zone).replace(microsecond=0)
        return next(CronSim(self.cron, start)).astimezone(UTC)

    def period(self, fire: datetime) -> str:
        """The key of the period a fire time starts: the Dutch date of a daily job, the UTC
        minute of the others (unique through the hour the clock repeats in October)."""
        if self.daily:
            return dutch_date(fire).isoformat()
        return fire.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def every(minutes: int) -> Schedule:
    """Every `minutes` minutes, on the minutes of the hour that are multiples of it."""
    if not 1 <= minutes <= 60 or 60 % minutes:
        raise ValueError(f"{minutes} does not divide an hour")
    if minutes == 60:
        return Schedule("0 * * * *", UTC, daily=False, label="elk uur")
    if minutes == 1:
        return Schedule("* * * * *", UTC, daily=False, label="elke minuut")
    return Schedule(f"*/{minutes} * * * *", UTC, daily=False, label=f"elke {minutes} minuten")


def daily(at: str) -> Schedule:
    """Daily at `at` ("HH:MM"), Dutch time."""
    hour, minute = (int(part) for part in at.split(":"))
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise ValueError(f"no time of day: {at}")
    return Schedule(
        f"{minute} {hour} * * *", AMSTERDAM, daily=True, label=f"dagelijks om {hour:02}:{minute:02}"
    )
