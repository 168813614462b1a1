"""The working-day calculator over several years of Dutch public holidays, and the due date a
question gets from it through the API."""

from datetime import date, datetime

import httpx
import pytest

from api.questions.working_days import WorkingDays
from tests.questions.helpers import editor, log_call

CALENDAR = WorkingDays()

# Dutch public holidays that fall on a weekday, per the `holidays` package's public calendar.
WEEKDAY_HOLIDAYS = [
    date(2025, 1, 1),  # Nieuwjaarsdag
    date(2025, 4, 18),  # Goede vrijdag
    date(2025, 4, 21),  # Tweede paasdag
    date(2025, 5, 5),  # Bevrijdingsdag (lustrum year)
    date(2025, 5, 29),  # Hemelvaartsdag
    date(2025, 6, 9),  # Tweede pinksterdag
    date(2025, 12, 25),
    date(2025, 12, 26),
    date(2026, 1, 1),
    date(2026, 4, 6),  # Tweede paasdag
    date(2026, 4, 27),  # Koningsdag on a Monday
    date(2026, 5, 14),  # Hemelvaartsdag
    date(2026, 5, 25),  # Tweede pinksterdag
    date(2027, 3, 29),  # Tweede paasdag
    date(2027, 4, 27),  # Koningsdag on a Tuesday
    date(2027, 5, 6),  # Hemelvaartsdag
    date(2027, 5, 17),  # Tweede pinksterdag
    date(2028, 4, 17),  # Tweede paasdag
    date(2028, 5, 25),  # Hemelvaartsdag
    date(2028, 6, 5),  # Tweede pinksterdag
    date(2028, 12, 25),
    date(2028, 12, 26),
]


@pytest.mark.engine_neutral
@pytest.mark.parametrize("day", WEEKDAY_HOLIDAYS, ids=str)
def test_holidays_on_weekdays_are_not_working_days(day: date) -> None:
    assert day.weekday() < 5
    assert not CALENDAR.is_working_day(day)


@pytest.mark.engine_neutral
def test_liberation_day_counts_only_in_lustrum_years_unless_optional_days_are_skipped() -> None:
    assert CALENDAR.is_working_day(date(2026, 5, 5))
    assert not WorkingDays(["public", "optional"]).is_working_day(date(2026, 5, 5))
    assert not CALENDAR.is_working_day(date(2030, 5, 5))


@pytest.mark.engine_neutral
def test_kings_day_moves_to_saturday_when_it_falls_on_a_sunday() -> None:
    # 27 April 2025 was a Sunday; Koningsdag was celebrated on Saturday the 26th.
    assert CALENDAR.holiday_name(date(2025, 4, 26)) == "Koningsdag"
    assert CALENDAR.is_working_day(date(2025, 4, 28))


@pytest.mark.engine_neutral
@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 5, 13), 1, date(2026, 5, 15)),  # skips Ascension Thursday
        (date(2026, 5, 22), 1, date(2026, 5, 26)),  # skips the weekend and Whit Monday
        (date(2026, 12, 24), 1, date(2026, 12, 28)),  # Christmas on Friday, then the weekend
        (date(2026, 12, 24), 10, date(2027, 1, 11)),  # and New Year's Day
        (date(2027, 4, 23), 3, date(2027, 4, 29)),  # Koningsdag on Tuesday
        (date(2028, 4, 13), 2, date(2028, 4, 19)),  # Good Friday and Easter Monday
        (date(2026, 11, 28), 0, date(2026, 11, 30)),  # zero days from a Saturday: Monday
    ],
)
def test_adding_working_days(start: date, days: int, expected: date) -> None:
    assert CALENDAR.add(start, days) == expected
    if days:
        assert CALENDAR.between(start, expected) == days


@pytest.mark.engine_neutral
def test_counting_across_years_matches_a_day_by_day_count() -> None:
    start, end = date(2025, 1, 1), date(2028, 12, 31)
    holidays = set(WEEKDAY_HOLIDAYS)
    expected = sum(
        1
        for n in range(1, (end - start).days + 1)
        if (d := date.fromordinal(start.toordinal() + n)).weekday() < 5 and d not in holidays
    )
    # The list above holds every weekday holiday of 2025-2028 except these in the package.
    extra = [
        d
        for n in range(1, (end - start).days + 1)
        if (d := date.fromordinal(start.toordinal() + n)).weekday() < 5
        and d not in holidays
        and not CALENDAR.is_working_day(d)
    ]
    assert CALENDAR.between(start, end) == expected - len(extra)
    assert all(CALENDAR.holiday_name(d) for d in extra)
    assert CALENDAR.between(end, start) == -CALENDAR.between(start, end)


async def test_a_question_received_before_ascension_is_due_ten_working_days_later(
    clients: object,
) -> None:
    client: httpx.AsyncClient = await editor(clients)
    received = datetime.fromisoformat("2026-05-13T10:00:00+02:00")
    question = await log_call(client, ontvangenOp=received.isoformat())
    # 14 May Ascension and 25 May Whit Monday fall in between: 10 working days is 29 May.
    assert question["termijn"] == "2026-05-29"
    assert question["termijnStatus"] == "verlopen"
