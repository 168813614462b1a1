"""The forecast: a pace per phase and standing learnt from the history, projected to each
cell's legal date. Deterministic, monotonic where it must be, its backtest counted as a recount
over the history says, and only for the programme team."""

from collections.abc import Callable
from datetime import date, timedelta

import httpx
import pytest
from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.core import clock
from api.progress import forecast, grid, repository
from api.progress.deadlines import DONE_PHASES, Schedule
from api.progress.forecast import PRIOR_DAYS, Event, Model, Turns, tally
from api.progress.models import Phase, RoadmapStep
from tests.auth import EDITOR, UTRECHT, login

URL = "/api/v1/voortgang/prognose"
LEGAL = date(2027, 1, 1)
START = date(2026, 1, 1)


def _schedule() -> Schedule:
    steps = [
        RoadmapStep(
            code="impactanalyse", position=1, start_offset_days=-270, finish_offset_days=-210
        ),
        RoadmapStep(code="werkproces", position=2, start_offset_days=-180, finish_offset_days=-60),
        RoadmapStep(code="livegang", position=3, start_offset_days=-7, finish_offset_days=0),
    ]
    return Schedule(steps, LEGAL, START)


def _history() -> list[tuple[Schedule, date, list[Event], int]]:
    """A fixed history: cells that move on quickly while on schedule and slowly once late, and
    twenty cells nobody wrote."""
    schedule, cells = _schedule(), []
    for n in range(30):
        first = START + timedelta(days=10 + n)
        events: list[Event] = [
            (first, Phase.ORIENTING, {"impactanalyse": first.isoformat()}),
            (first + timedelta(days=40), Phase.PREPARING, {"impactanalyse": "", "werkproces": ""}),
        ]
        if n % 3:
            events.append((first + timedelta(days=150 + 3 * n), Phase.IMPLEMENTED, {}))
        cells.append((schedule, LEGAL, events, 1))
    cells.append((schedule, LEGAL, [], 20))
    return cells


def _model() -> Model:
    return Model.learn(tally(_history(), START, date(2026, 12, 1)))


@pytest.mark.engine_neutral
def test_the_model_is_deterministic_and_monotonic() -> None:
    first, again = _model(), _model()
    assert first.pace == again.pace
    assert first.shares == again.shares
    schedule = _schedule()
    today = date(2026, 10, 1)
    behind = Turns.of(schedule.verdict(Phase.NOT_STARTED, {}), LEGAL)
    ahead = Turns.of(
        schedule.verdict(Phase.PREPARING, {"impactanalyse": "", "werkproces": ""}), LEGAL
    )
    assert behind.standing(today) == 2
    assert ahead.standing(today) == 0
    assert first.not_done(forecast.DONE, ahead, today, LEGAL) == 0.0
    assert first.not_done(0, behind, LEGAL + timedelta(days=1), LEGAL) == 1.0
    chances = {
        (phase, days): first.not_done(phase, behind, LEGAL - timedelta(days=days), LEGAL)
        for phase in range(3)
        for days in (10, 60, 200)
    }
    assert chances == {
        key: again.not_done(key[0], behind, LEGAL - timedelta(days=key[1]), LEGAL)
        for key in chances
    }
    for days in (10, 60, 200):
        assert chances[0, days] > chances[1, days] > chances[2, days], "further behind: higher"
    for phase in range(3):
        assert chances[phase, 10] > chances[phase, 60] > chances[phase, 200], "less time: higher"
    assert 0 < first.not_done(2, ahead, today, LEGAL) < chances[0, 60]
    # The history's cells on schedule moved on faster than late ones: the data speak.
    assert first.stay_days(0, 0) < first.stay_days(0, 2)
    # Without history the prior speaks alone.
    empty = Model.learn(tally([], START, START))
    assert all(abs(1 / pace - PRIOR_DAYS) < 1e-9 for row in empty.pace for pace in row)


def test_chances_on_the_demo_history(db: Session) -> None:
    today = clock.today()
    cells = grid.build(db, today, 1, 1)
    state = State()
    found = forecast.chances(db, state, cells)
    assert forecast.chances(db, state, cells) is found, "kept for the grid's versions"
    assert forecast.chances(db, State(), cells) == found, "the same history, the same chances"
    assert set(found) == set(cells.facts)
    for key, fact in cells.facts.items():
        chance = found[key].chance
        assert 0 <= chance <= 1
        effective = cells.subjects[key[1]].effective
        if fact.phase in DONE_PHASES:
            assert chance == 0, key
        elif effective < today:
            assert chance == 1, key
            assert "voorbij" in found[key].basis
    assert any(0 < f.chance < 1 for f in found.values())


def _done_at(db: Session, moment: date | None) -> dict[tuple[str, str], bool]:
    end = None if moment is None else clock.start_of_day(moment + timedelta(days=1))
    return {
        k: phase in DONE_PHASES for k, (phase, _) in repository.phases_and_steps(db, end).items()
    }


def test_the_backtest_counts_what_happened(db: Session) -> None:
    today = clock.today()
    result = forecast.backtest_of(db, grid.build(db, today, 1, 1))
    then = forecast.months_before(today, 3)
    assert result.voorspeld_op == then
    # Brute force: every municipality × measure, its state then and at the target day.
    places = repository.municipality_codes(db)
    measures = {m.code: m.effective_date for m in repository.measures(db)}
    done_then, done_now = _done_at(db, then), _done_at(db, None)
    open_then = [(p, m) for p in places for m in measures if not done_then.get((p, m), False)]
    if result.doel == "ingangsdatum":
        chosen = [(p, m) for p, m in open_then if then < measures[m] <= today]
        late = sum(not _done_at(db, measures[m]).get((p, m), False) for p, m in chosen)
    else:
        chosen = open_then
        late = sum(not done_now.get(key, False) for key in chosen)
    assert result.cellen == len(chosen) > 0
    assert result.niet_gereed == late
    buckets = result.kalibratie
    assert len(buckets) == 10
    assert sum(b.cellen for b in buckets) == result.cellen
    assert sum(round(b.waargenomen * b.cellen) for b in buckets if b.cellen) == late
    assert result.brier is not None
    assert 0 <= result.brier <= 1


async def test_the_team_reads_the_forecast_and_nobody_else(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor, contact, anonymous = clients(), clients(), clients()
    await login(editor, EDITOR)
    await login(contact, UTRECHT)
    response = await editor.get(f"{URL}?provincie=PV26&maatregel=M17&paginaGrootte=100")
    assert response.status_code == 200, response.text
    body = response.json()
    rows = body["resultaten"]
    assert body["paginering"]["totaal"] == len(rows) > 1
    assert {r["maatregel"]["code"] for r in rows} == {"M17"}
    chances = [r["kans"] for r in rows]
    assert chances == sorted(chances, reverse=True)
    assert len(body["tempo"]) == 12
    utrecht = next(r for r in rows if r["gemeente"]["code"] == "GM0344")
    cell = await editor.get("/api/v1/gemeenten/GM0344/voortgang/M17/prognose")
    assert cell.status_code == 200, cell.text
    assert cell.json() == utrecht
    assert utrecht["toelichting"]

    backtest = await editor.get(f"{URL}/toetsing")
    assert backtest.status_code == 200, backtest.text
    assert len(backtest.json()["kalibratie"]) == 10

    wrong = await editor.get(f"{URL}?provincie=PV99&fase=9")
    assert wrong.status_code == 400
    assert {p["name"] for p in wrong.json()["invalidParams"]} == {"provincie", "fase"}
    assert (await editor.get("/api/v1/gemeenten/GM9999/voortgang/M17/prognose")).status_code == 404
    for path in (URL, f"{URL}/toetsing", "/api/v1/gemeenten/GM0344/voortgang/M17/prognose"):
        assert (await contact.get(path)).status_code == 403, path
        assert (await anonymous.get(path)).status_code == 401, path
