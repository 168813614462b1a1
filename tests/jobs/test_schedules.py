"""When a job is due, as pure rules: the next fire time, the period due now, and their keys,
through both changes of the clock in Europe/Amsterdam (29 March and 25 October 2026)."""

from datetime import UTC, datetime, timedelta

import pytest

from api.core.clock import AMSTERDAM
from api.jobs.registry import JOBS
from api.jobs.schedules import daily, every

pytestmark = pytest.mark.engine_neutral


def local(text: str) -> datetime:
    """A Dutch wall-clock time, "2026-03-29 06:30" (the first of a repeated hour)."""
    return datetime.fromisoformat(text).replace(tzinfo=AMSTERDAM)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("at", "now", "following"),
    [
        # An ordinary winter day: 06:30 CET is 05:30 UTC.
        ("06:30", local("2026-12-07 05:00"), utc("2026-12-07 05:30")),
        ("06:30", local("2026-12-07 06:30"), utc("2026-12-08 05:30")),
        # Spring forward (02:00 CET becomes 03:00 CEST): the next 06:30 is 06:30 CEST, 23
        # hours after the one before.
        ("06:30", local("2026-03-28 06:30"), utc("2026-03-29 04:30")),
        # Fall back (03:00 CEST becomes 02:00 CET): 25 hours after the one before.
        ("06:30", local("2026-10-24 06:30"), utc("2026-10-25 05:30")),
        ("07:00", local("2026-10-24 23:59"), utc("2026-10-25 06:00")),
        # A time the clock skips runs right after the skip, as Debian's cron does ...
        ("02:30", local("2026-03-29 00:00"), utc("2026-03-29 01:00")),
        # ... and a time the clock repeats runs once, the first time round.
        ("02:30", local("2026-10-25 00:00"), utc("2026-10-25 00:30")),
        ("02:30", utc("2026-10-25 00:30"), utc("2026-10-26 01:30")),
    ],
)
def test_a_daily_job_fires_at_its_dutch_time_through_the_changes_of_clock(
    at: str, now: datetime, following: datetime
) -> None:
    assert daily(at).following(now) == following


@pytest.mark.parametrize(
    ("now", "latest", "period"),
    [
        (local("2026-12-07 06:29"), None, None),  # not yet today; yesterday's is not replayed
        (local("2026-12-07 06:30"), local("2026-12-07 06:30"), "2026-12-07"),
        (local("2026-12-07 23:59"), local("2026-12-07 06:30"), "2026-12-07"),
        (local("2026-03-29 09:00"), local("2026-03-29 06:30"), "2026-03-29"),
        (local("2026-10-25 06:31"), local("2026-10-25 06:30"), "2026-10-25"),
        # Midnight in the Netherlands, 23:00 UTC the day before: a new day, nothing due yet.
        (utc("2026-12-07 23:00"), None, None),
    ],
)
def test_a_daily_job_is_due_once_its_time_has_passed_that_day(
    now: datetime, latest: datetime | None, period: str | None
) -> None:
    schedule = daily("06:30")
    fire = schedule.latest(now)
    assert fire == latest
    assert (schedule.period(fire) if fire else None) == period


def test_a_skipped_time_is_due_right_after_the_skip() -> None:
    schedule = daily("02:30")
    assert schedule.latest(local("2026-03-29 02:59")) is None  # 01:59 UTC: before the change
    assert schedule.latest(utc("2026-03-29 01:00")) == utc("2026-03-29 01:00")  # 03:00 CEST


def test_minute_jobs_keep_their_pace_through_the_repeated_hour() -> None:
    """From 00:00 to 02:00 UTC on 25 October the Dutch clock shows 02:00-02:59 twice; every
    quarter of an hour still fires, each with a period of its own."""
    schedule = every(15)
    moment, fires = utc("2026-10-25 00:00"), []
    while (moment := schedule.following(moment)) <= utc("2026-10-25 02:00"):
        fires.append(moment)
    assert fires == [utc("2026-10-25 00:00") + timedelta(minutes=15 * n) for n in range(1, 9)]
    periods = [schedule.period(fire) for fire in fires]
    assert len(set(periods)) == 8
    assert periods[0] == "2026-10-25T00:15Z"
    shown = [fire.astimezone(AMSTERDAM).strftime("%H:%M") for fire in fires]
    assert shown == ["02:15", "02:30", "02:45", "02:00", "02:15", "02:30", "02:45", "03:00"]


@pytest.mark.parametrize(
    ("minutes", "now", "latest", "following"),
    [
        (1, utc("2026-12-07 08:05:59.9"), utc("2026-12-07 08:05"), utc("2026-12-07 08:06")),
        (5, utc("2026-12-07 08:05"), utc("2026-12-07 08:05"), utc("2026-12-07 08:10")),
        # A scheduler back after two hours runs the last period only, not every one missed.
        (5, utc("2026-12-07 10:04:30"), utc("2026-12-07 10:00"), utc("2026-12-07 10:05")),
        (60, utc("2026-12-07 10:59"), utc("2026-12-07 10:00"), utc("2026-12-07 11:00")),
    ],
)
def test_a_minute_job_is_due_for_its_last_fire_time(
    minutes: int, now: datetime, latest: datetime, following: datetime
) -> None:
    schedule = every(minutes)
    assert schedule.latest(now) == latest
    assert schedule.following(now) == following


@pytest.mark.parametrize("minutes", [0, 7, 45, 90])
def test_a_minute_schedule_divides_the_hour(minutes: int) -> None:
    with pytest.raises(ValueError, match="does not divide an hour"):
        every(minutes)


@pytest.mark.parametrize("at", ["24:00", "07:60", "-1:00"])
def test_a_daily_schedule_is_a_time_of_day(at: str) -> None:
    with pytest.raises(ValueError, match="no time of day"):
        daily(at)


def test_the_jobs_and_their_schedules() -> None:
    assert {name: job.schedule.label for name, job in JOBS.items()} == {
        "meldingen-mailen": "elke minuut",
        "dagoverzicht": "dagelijks om 07:00",
        "mail-opnieuw": "elke 5 minuten",
        "herinneringen-vragen": "dagelijks om 06:30",
        "herinneringen-producten": "dagelijks om 06:30",
        "herinneringen-gemeenten": "dagelijks om 06:30",
        "beoordelingen-toelichtingen-opruimen": "dagelijks om 03:30",
        "peiling-rondes": "dagelijks om 06:45",
        "peiling-bewaartermijn": "dagelijks om 03:30",
        "bijeenkomsten-herinneringen": "dagelijks om 06:45",
        "bijeenkomsten-evaluatie": "dagelijks om 06:50",
        "nieuwsbrief-verzenden": "elke minuut",
        "persoonlijk-overzicht-verzenden": "dagelijks om 07:00",
        "nieuwsbrief-opruimen": "dagelijks om 03:20",
        "uitvoeringen-opruimen": "dagelijks om 03:15",
    }
    for job in JOBS.values():
        assert job.lease > timedelta(minutes=5), job.name
