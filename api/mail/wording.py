"""Words every mail of the programme shares: its signature, and dates written out in Dutch
("maandag 7 december 2026"), the same in every mail and newsletter."""

from datetime import date

SIGNATURE = "\n\nMet vriendelijke groet,\nHet implementatieteam Participatiewet in balans"
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip


def day_text(day: date) -> str:
    """ "7 december 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_text(day: date) -> str:
    """ "maandag 7 december 2026"."""
    return f"{WEEKDAYS[day.weekday()]} {day_text(day)}"
