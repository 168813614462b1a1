"""The grid of judged cells is kept per process and patched with only the cells written since:
after any mix of writes it must say exactly what a grid built anew says, and a change of the
reference data or of the day must build it anew."""

from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import delete, update
from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.core import clock
from api.core.figure_cache import CachedFigure
from api.core.schemas import CodeName
from api.dashboard.service import month_ends
from api.measures.models import Measure
from api.progress import aggregates, grid, insight
from api.progress.grid import Grid
from tests.auth import EDITOR, UTRECHT, login
from tests.progress.helpers import move_utrechts_m20

GROUPINGS = ("land", "provincie", "arbeidsmarktregio", "fase", "maatregel", "thema", "gemeente")


def everything(cells: Grid) -> list[object]:
    """Every figure, the matrix and the map values the grid gives."""
    return [
        *(aggregates.overview(cells, g).model_dump() for g in GROUPINGS),
        aggregates.overview(cells, "provincie", wave=1).model_dump(),
        insight.matrix(cells, None, None, None, None)[1],
        insight.indicator_by_municipality(cells, "tekort", None, None),
        [f.model_dump() for f in insight.comparison(cells, "GM0344")[2]],
    ]


@pytest.fixture
def no_new_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts full builds of the grid."""
    built: list[int] = []
    real = grid.build

    def counted(*args: object, **kwargs: object) -> Grid:
        built.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(grid, "build", counted)
    return built


async def test_a_patched_grid_says_what_a_new_one_says(
    clients: Callable[[], httpx.AsyncClient], db: Session, no_new_builds: list[int]
) -> None:
    state, today = State(), clock.today()
    kept = grid.current(db, today, state)
    assert no_new_builds == [1]
    contact, editor = clients(), clients()
    await login(contact, UTRECHT)
    await login(editor, EDITOR)
    await move_utrechts_m20(contact)
    rows = [
        {"gemeente": code, "maatregel": measure, "fase": phase}
        for code, measure, phase in (
            ("GM0363", "M01", "geimplementeerd"),
            ("GM0014", "M20", "voorbereidend"),
            ("GM0344", "M05", "niet-gestart"),
        )
    ]
    bulk = await editor.post("/api/v1/voortgang/bulk", json={"rijen": rows})
    assert bulk.status_code == 200, bulk.text
    db.expire_all()
    patched = grid.current(db, today, state)
    assert no_new_builds == [1], "patched, not built anew"
    assert patched is not kept
    assert patched.progress > kept.progress
    assert everything(patched) != everything(kept), "the writes changed the figures"
    assert everything(patched) == everything(grid.build(db, today))


def test_unchanged_data_gives_the_same_grid(db: Session, no_new_builds: list[int]) -> None:
    state, today = State(), clock.today()
    assert grid.current(db, today, state) is grid.current(db, today, state)
    assert no_new_builds == [1]


def test_a_change_of_reference_data_or_of_the_day_builds_anew(
    db: Session, no_new_builds: list[int]
) -> None:
    state, today = State(), clock.today()
    kept = grid.current(db, today, state)
    db.execute(update(Measure).where(Measure.code == "M20").values(title="Andere titel"))
    renamed = grid.current(db, today, state)
    assert renamed.reference == kept.reference + 1
    assert renamed.subjects["M20"].title == "Andere titel"
    assert grid.current(db, today + timedelta(days=1), state).today == today + timedelta(days=1)
    assert no_new_builds == [1, 1, 1]


async def test_the_grid_of_a_past_day_says_what_the_history_says(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    today = clock.today()
    yesterday = today - timedelta(days=1)
    before = [everything(grid.build(db, day, as_of=day)) for day in (yesterday, today)]
    contact = clients()
    await login(contact, UTRECHT)
    await move_utrechts_m20(contact)
    db.expire_all()
    after = [everything(grid.build(db, day, as_of=day)) for day in (yesterday, today)]
    assert after[0] == before[0], "a write today leaves yesterday as it stood"
    assert after[1] != before[1]
    assert after[1] == everything(grid.build(db, today)), "the end of today is now"


def test_a_past_day_is_computed_once_for_every_worker(
    db: Session, no_new_builds: list[int]
) -> None:
    today = clock.today()
    day = today - timedelta(days=40)
    first = aggregates.overview_on(db, State(), today, "provincie", as_of=day)
    again = aggregates.overview_on(db, State(), today, "provincie", as_of=day)
    assert again == first
    assert no_new_builds == [1], "the second worker read the first one's figures"
    assert first == aggregates.overview(grid.build(db, day, as_of=day), "provincie")
    db.execute(update(Measure).where(Measure.code == "M20").values(title="Andere titel"))
    aggregates.overview_on(db, State(), today, "provincie", as_of=day)
    assert len(no_new_builds) == 3, "a change of reference data computes the past anew"


async def test_the_month_ends_read_in_one_pass_say_what_each_day_alone_says(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    """The trend's months (grid.at_ends_of) against a grid of each day built from its own
    history query, over the demo's year of history and a day with two writes to one cell."""
    contact = clients()
    await login(contact, UTRECHT)
    await move_utrechts_m20(contact)
    await move_utrechts_m20(contact)
    db.expire_all()
    today = clock.today()
    days = [*month_ends(today, 12), today - timedelta(days=3), today]
    days = sorted(set(days))
    alone = [grid.build(db, day, as_of=day) for day in days]
    together = list(grid.at_ends_of(db, days))
    assert [g.today for g in together] == days
    for one, other in zip(alone, together, strict=True):
        assert judged_as(other) == judged_as(one), one.today
        for grouping in ("land", "maatregel", "fase", "thema"):
            assert aggregates.overview(other, grouping) == aggregates.overview(one, grouping)
    assert len({frozenset(judged_as(g).items()) for g in together}) > 3, "the months differ"


def judged_as(cells: Grid) -> dict[tuple[str, str], tuple[object, ...]]:
    """Each cell's phase and verdict, its next step by id (each grid loads its own steps)."""
    return {
        key: (
            fact.phase,
            fact.verdict.light,
            fact.verdict.must_start_by,
            fact.verdict.slack_days,
            fact.verdict.next_step and fact.verdict.next_step.step.id,
            fact.verdict.next_step and fact.verdict.next_step.latest_finish,
        )
        for key, fact in cells.facts.items()
    }


def test_one_past_day_is_read_once_for_every_grouping(
    db: Session, no_new_builds: list[int]
) -> None:
    """A cold start asks for each grouping's change since last month one after another; the
    first reads that day's history and keeps every grouping of it."""
    day = clock.today() - timedelta(days=40)
    db.execute(delete(CachedFigure))
    first = aggregates.overview_on(db, State(), clock.today(), "provincie", as_of=day)
    assert no_new_builds == [1]
    others = {
        grouping: aggregates.overview_on(db, State(), clock.today(), grouping, as_of=day)
        for grouping in aggregates.GROUPINGS
    }
    assert no_new_builds == [1], "the other groupings of that day were kept with the first"
    assert others["provincie"] == first
    built = grid.build(db, day, as_of=day)
    for grouping, kept in others.items():
        assert kept == aggregates.overview(built, grouping), grouping
    # A filter is a figure of its own, computed on demand.
    aggregates.overview_on(db, State(), clock.today(), "provincie", measure="M01", as_of=day)
    assert no_new_builds == [1, 1, 1]


def test_a_tally_keeps_its_figures_only_until_it_counts_again(db: Session) -> None:
    cells = grid.current(db, clock.today(), State())
    place = next(iter(cells.places.values()))
    subject = next(iter(cells.subjects.values()))
    tally = cells.place_totals[place.code].copy()
    label = aggregates.place_label(place)
    first = tally.figures(label)
    assert tally.figures(label) is first
    tally.count(cells.facts[place.code, subject.code], subject, cells.today, -1)
    assert tally.figures(label).cellen == first.cellen - 1
    assert cells.place_totals[place.code].figures(label) == first
    other = CodeName(code="GM9999", naam="Elders")
    assert tally.figures(other).groep == other
