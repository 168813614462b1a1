"""One clock: "today" is the Dutch day everywhere, whatever the server's zone; tests set it."""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone

import httpx
import pytest

from api.core import clock
from tests.auth import EDITOR, login

# 31 December 23:30 UTC is already 00:30 on 1 January in Amsterdam: the day wave 3 starts.
NEW_YEAR_IN_AMSTERDAM = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
NEW_YEAR = date(2027, 1, 1)


@pytest.mark.engine_neutral
def test_today_is_the_dutch_day_in_winter_and_summer() -> None:
    with clock.fixed_clock(NEW_YEAR_IN_AMSTERDAM):
        assert clock.today() == NEW_YEAR
        assert clock.now() == NEW_YEAR_IN_AMSTERDAM
    # Summer time: two hours ahead of UTC.
    with clock.fixed_clock(datetime(2026, 6, 30, 22, 15, tzinfo=UTC)):
        assert clock.today() == date(2026, 7, 1)
    with clock.fixed_clock(datetime(2026, 6, 30, 21, 59, tzinfo=UTC)):
        assert clock.today() == date(2026, 6, 30)
    # A moment given in another zone means the same instant.
    with clock.fixed_clock(datetime(2027, 1, 1, 7, 59, tzinfo=timezone(timedelta(hours=9)))):
        assert clock.today() == date(2026, 12, 31)


@pytest.mark.engine_neutral
def test_a_dutch_day_starts_at_midnight_in_amsterdam() -> None:
    assert clock.start_of_day(NEW_YEAR) == datetime(2026, 12, 31, 23, 0, tzinfo=UTC)
    assert clock.start_of_day(date(2026, 7, 1)) == datetime(2026, 6, 30, 22, 0, tzinfo=UTC)
    assert clock.dutch_date(clock.start_of_day(NEW_YEAR)) == NEW_YEAR
    assert clock.dutch_date(clock.start_of_day(NEW_YEAR) - timedelta(microseconds=1)) == date(
        2026, 12, 31
    )


@pytest.mark.engine_neutral
def test_the_clock_is_put_back_and_needs_a_zone() -> None:
    before = clock.today()
    with clock.fixed_clock(NEW_YEAR_IN_AMSTERDAM):
        pass
    assert clock.today() == before
    with pytest.raises(ValueError, match="timezone-aware"):
        clock.FixedClock(datetime(2027, 1, 1))


async def test_every_screen_agrees_wave_3_started_at_midnight_in_amsterdam(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    public = clients()
    editor = clients()
    await login(editor, EDITOR)
    with clock.fixed_clock(NEW_YEAR_IN_AMSTERDAM):
        overview = (await public.get("/api/v1/voortgang/overzicht?groep=fase")).json()
        dashboard = (await public.get("/api/v1/dashboard")).json()
        plan = (await editor.get("/api/v1/leveringsplan?fase=3")).json()
        workload = (await editor.get("/api/v1/vragen/werkvoorraad")).json()

    assert overview["peildatum"] == NEW_YEAR.isoformat()
    assert dashboard["peildatum"] == NEW_YEAR.isoformat()
    assert plan["peildatum"] == NEW_YEAR.isoformat()
    assert workload["peildatum"] == NEW_YEAR.isoformat()

    # Wave 3 is in force: its cells count towards the deficit ...
    wave_3 = next(g for g in overview["groepen"] if g["groep"]["code"] == "3")
    assert wave_3["tekort"] is not None
    # ... the dashboard counts its days from today, and the next date is no longer 1 January ...
    moment = next(w for w in dashboard["fasen"] if w["nummer"] == 3)
    assert moment["ingangsdatum"] == NEW_YEAR.isoformat()
    assert moment["dagenTotIngang"] == 0
    assert dashboard["volgendeIngangsdatum"] != NEW_YEAR.isoformat()
    # ... and products due on 31 December that are not published are late, not due soon.
    assert all(p["uitersteLeverdatum"] > "2026-12-31" for p in plan["binnenkort"])
