"""The periods of the digest, in Dutch calendar days: a week from Monday, a month from the 1st.
A contact gets at most one digest per period; the period's key names it ("2026-W50",
"2026-12")."""

from datetime import date, timedelta

from api.digests.models import DigestFrequency


def start(frequency: DigestFrequency, day: date) -> date:
    """The first day of the period `day` is in."""
    if frequency is DigestFrequency.MONTHLY:
        return day.replace(day=1)
    return day - timedelta(days=day.weekday())


def following_start(frequency: DigestFrequency, day: date) -> date:
    """The first day of the period after the one `day` is in."""
    if frequency is DigestFrequency.MONTHLY:
        first = day.replace(day=1)
        return (first + timedelta(days=32)).replace(day=1)
    return start(frequency, day) + timedelta(weeks=1)


def previous_start(frequency: DigestFrequency, day: date) -> date:
    """The first day of the period before the one `day` is in."""
    return start(frequency, start(frequency, day) - timedelta(days=1))


def key(frequency: DigestFrequency, day: date) -> str:
    if frequency is DigestFrequency.MONTHLY:
        return f"{day.year}-{day.month:02}"
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02}"
