"""Every cell's phase and verdict for today, kept per process and brought up to date by reading
only the cells written since it was built, with running tallies per country, province and
labour-market region for each measure.

A figure then adds up at most groups × measures tallies instead of judging every cell, and a
write costs what it wrote: the progress counter (core/data_versions.py) says whether anything
changed, and each progress row carries the counter of the write that made it, so "what changed
since version n" is one indexed query. A change of reference data (a measure's date, a
roadmap, the municipalities) or a new day rebuilds the whole grid, as deadlines move with them.

The grid is a copy of what the database says at a version, like a kept representation: every
worker builds its own and they agree, because the versions come from the database."""

import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.core import clock, data_versions
from api.core.kept import per_app
from api.core.schemas import CodeName
from api.progress import repository
from api.progress.deadlines import DONE_PHASES, Schedule, TrafficLight, Verdict
from api.progress.models import Phase, RoadmapStep
from api.progress.schemas import GroupFigures

COUNTRY = "land"
PROVINCE = "provincie"
REGION = "arbeidsmarktregio"
GEOGRAPHY = (COUNTRY, PROVINCE, REGION)
MUNICIPALITY = "gemeente"
NETHERLANDS = CodeName(code="NL", naam="Nederland")
_PHASES = list(Phase)
_INDEX = {phase: i for i, phase in enumerate(_PHASES)}


@dataclass(frozen=True, slots=True)
class Place:
    code: str
    name: str
    sort_name: str
    population: int
    province: str
    region: str

    def group(self, grouping: str) -> str:
        if grouping == PROVINCE:
            return self.province
        if grouping == REGION:
            return self.region
        return NETHERLANDS.code


@dataclass(frozen=True, slots=True)
class Subject:
    """A measure, as the figures need it."""

    code: str
    title: str
    wave: int
    wave_name: str
    theme: str
    theme_name: str
    effective: date


@dataclass(frozen=True, slots=True)
class Fact:
    phase: Phase
    verdict: Verdict


class Tally:
    """What a group's figures add up, for some cells; one can be added to another."""

    __slots__ = (
        "_made",
        "at_risk",
        "behind",
        "behind_days",
        "cells",
        "done",
        "in_force",
        "late",
        "phases",
    )

    def __init__(self) -> None:
        self.cells = self.done = self.at_risk = self.late = 0
        self.in_force = self.behind = self.behind_days = 0
        self.phases = [0] * len(_PHASES)
        self._made: tuple[tuple[str, str], GroupFigures] | None = None

    def copy(self) -> "Tally":
        twin = Tally()
        twin.add(self)
        return twin

    def add(self, other: "Tally") -> None:
        self._made = None
        self.cells += other.cells
        self.done += other.done
        self.at_risk += other.at_risk
        self.late += other.late
        self.in_force += other.in_force
        self.behind += other.behind
        self.behind_days += other.behind_days
        self.phases = [a + b for a, b in zip(self.phases, other.phases, strict=True)]

    def count(self, fact: Fact, subject: Subject, today: date, sign: int = 1) -> None:
        """Adds one cell (or, with sign -1, takes it away)."""
        self._made = None
        self.cells += sign
        self.phases[_INDEX[fact.phase]] += sign
        done = fact.phase in DONE_PHASES
        self.done += sign * done
        self.at_risk += sign * (fact.verdict.light is TrafficLight.AT_RISK)
        self.late += sign * (fact.verdict.light is TrafficLight.LATE)
        if subject.effective <= today:
            self.in_force += sign
            if not done:
                self.behind += sign
                self.behind_days += sign * (today - subject.effective).days

    def figures(self, group: CodeName) -> GroupFigures:
        """The same figures as `aggregates.figures` of the same cells. Kept until the tally
        counts again: a patched grid copies only the tallies a change touched (`Grid.patched`),
        so after one change the overview per municipality makes the figures of one municipality
        instead of all of them. The figures are shared, and read only."""
        label = (group.code, group.naam)
        if self._made is not None and self._made[0] == label:
            return self._made[1]
        made = self._figures(group)
        self._made = (label, made)
        return made

    def _figures(self, group: CodeName) -> GroupFigures:
        return GroupFigures(
            groep=group,
            cellen=self.cells,
            per_fase={p.value: n for p, n in zip(_PHASES, self.phases, strict=True)},
            aandeel_geimplementeerd=round(self.done / self.cells, 4),
            risico=self.at_risk,
            te_laat=self.late,
            tekort=round(self.behind / self.in_force, 4) if self.in_force else None,
            gemiddelde_achterstand_dagen=(
                round(self.behind_days / self.behind, 1)
                if self.behind
                else (0.0 if self.in_force else None)
            ),
        )


def total(tallies: Iterable[Tally]) -> Tally:
    summed = Tally()
    for tally in tallies:
        summed.add(tally)
    return summed


Key = tuple[str, str]
"""(municipality code, measure code)"""
TallyKey = tuple[str, str, str]
"""(grouping, group code, measure code)"""


@dataclass(frozen=True)
class Grid:
    reference: int
    progress: int
    today: date
    places: dict[str, Place]
    """By code, in code order."""
    subjects: dict[str, Subject]
    """By code, in code order."""
    names: dict[str, dict[str, str]]
    """Names of provinces and regions by code, per grouping."""
    facts: dict[Key, Fact]
    tallies: dict[TallyKey, Tally]
    schedules: dict[str, Schedule] = field(repr=False)
    place_totals: dict[str, Tally] = field(default_factory=dict, repr=False)
    """Per municipality, over every measure: the figures per municipality and the map
    without a filter add nothing up."""
    as_of: date | None = None
    """Built from the history as it stood at the end of this day (never kept)."""

    def patched(self, rows: list[tuple[str, str, Phase, dict[str, str]]], progress: int) -> "Grid":
        """A new grid with these cells as they are now. Copies only what they touch (and the
        index of facts): readers of this grid are never disturbed."""
        facts = dict(self.facts)
        tallies = dict(self.tallies)
        place_totals = dict(self.place_totals)
        copied: set[TallyKey] = set()
        for municipality, measure, phase, steps in rows:
            place, subject = self.places[municipality], self.subjects[measure]
            old = facts[municipality, measure]
            new = Fact(phase, self.schedules[measure].verdict(phase, steps))
            facts[municipality, measure] = new
            for grouping in GEOGRAPHY:
                key = (grouping, place.group(grouping), measure)
                if key not in copied:
                    tallies[key] = tallies[key].copy()
                    copied.add(key)
                tallies[key].count(old, subject, self.today, -1)
                tallies[key].count(new, subject, self.today)
            own = (MUNICIPALITY, municipality, "")
            if own not in copied:
                place_totals[municipality] = place_totals[municipality].copy()
                copied.add(own)
            place_totals[municipality].count(old, subject, self.today, -1)
            place_totals[municipality].count(new, subject, self.today)
        return Grid(
            self.reference,
            progress,
            self.today,
            self.places,
            self.subjects,
            self.names,
            facts,
            tallies,
            self.schedules,
            place_totals,
        )


@dataclass(frozen=True)
class Reference:
    """What every cell is judged against, read once for any number of days."""

    roadmaps: dict[str, list[RoadmapStep]]
    subjects: dict[str, Subject]
    places: dict[str, Place]
    names: dict[str, dict[str, str]]


def load_reference(session: Session) -> Reference:
    roadmaps = repository.roadmaps(session)
    # Kept beyond this session: detached, with their columns loaded, they are plain values.
    for steps in roadmaps.values():
        for step in steps:
            session.expunge(step)
    subjects = {
        m.code: Subject(
            m.code,
            m.title,
            m.wave_number,
            m.wave.name,
            m.theme_code,
            m.theme.name,
            m.effective_date,
        )
        for m in repository.measures(session)
    }
    places = {
        m.code: Place(
            m.code, m.name, m.sort_name, m.population, m.province_code, m.labour_market_region_code
        )
        for m in repository.municipalities(session)
    }
    names = {grouping: repository.group_names(session, grouping) for grouping in (PROVINCE, REGION)}
    return Reference(roadmaps, subjects, places, names)


def build(
    session: Session, today: date, reference: int = 0, progress: int = 0, as_of: date | None = None
) -> Grid:
    """Every cell judged once (see `Schedule`) on `today`, as it is now or as it was at the end
    of `as_of`, and the tallies added up."""
    end = None if as_of is None else clock.start_of_day(as_of + timedelta(days=1))
    stored = repository.phases_and_steps(session, end)
    return judged(load_reference(session), today, stored, reference, progress, as_of)


def at_ends_of(session: Session, days: list[date]) -> Iterator[Grid]:
    """For each of these days (oldest first), the grid as it stood at the end of that day and
    judged on it, as `build(session, day, as_of=day)` gives it, with the country's tallies only
    (the national figures): the reference data read once, the history in one pass instead of
    one query per day. A figure that needs no verdict, such as the trend's, is counted without
    judging (done_counts)."""
    if not days:
        return
    reference = load_reference(session)
    moments = [clock.start_of_day(day + timedelta(days=1)) for day in days]
    for day, stored in zip(days, repository.phases_and_steps_at(session, moments), strict=True):
        yield judged(reference, day, stored, as_of=day, groupings=(COUNTRY,))


def judged(
    reference: Reference,
    today: date,
    stored: Mapping[Key, tuple[Phase, dict[str, str]]],
    reference_version: int = 0,
    progress: int = 0,
    as_of: date | None = None,
    groupings: tuple[str, ...] = GEOGRAPHY,
) -> Grid:
    """Every cell judged on `today`, as `stored` has it, with the tallies of these groupings."""
    subjects, places = reference.subjects, reference.places
    schedules = {
        code: Schedule(reference.roadmaps.get(code, []), s.effective, today)
        for code, s in subjects.items()
    }
    # A cell never written has the same fact in every municipality: judged once per measure
    # (before a wave most cells are).
    never_written = {
        code: Fact(Phase.NOT_STARTED, schedule.verdict(Phase.NOT_STARTED, {}))
        for code, schedule in schedules.items()
    }
    facts: dict[Key, Fact] = {}
    tallies: dict[TallyKey, Tally] = {}
    place_totals: dict[str, Tally] = {}
    for place in places.values():
        groups = [(grouping, place.group(grouping)) for grouping in groupings]
        own = place_totals[place.code] = Tally()
        for code, subject in subjects.items():
            written = stored.get((place.code, code))
            fact = facts[place.code, code] = (
                never_written[code]
                if written is None
                else Fact(written[0], schedules[code].verdict(*written))
            )
            for grouping, group in groups:
                tally = tallies.get((grouping, group, code))
                if tally is None:
                    tally = tallies[grouping, group, code] = Tally()
                tally.count(fact, subject, today)
            own.count(fact, subject, today)
    return Grid(
        reference_version,
        progress,
        today,
        places,
        subjects,
        reference.names,
        facts,
        tallies,
        schedules,
        place_totals,
        as_of,
    )


class Keeper:
    """The grid of one process; a lock so that one thread builds or patches it at a time."""

    def __init__(self) -> None:
        self.grid: Grid | None = None
        self.lock = threading.Lock()


def _keeper(state: State) -> Keeper:
    return per_app(state, "figures_grid", Keeper)


def current(session: Session, today: date, state: State) -> Grid:
    """The grid as the database stands now: the kept one, patched with what changed since, or
    built anew when the reference data or the day changed."""
    versions = data_versions.current(session)
    reference = versions.get(data_versions.REFERENCE, 0)
    progress = versions.get(data_versions.PROGRESS, 0)
    keeper = _keeper(state)
    with keeper.lock:
        grid = keeper.grid
        if grid is not None and (grid.reference, grid.today) == (reference, today):
            if grid.progress == progress:
                return grid
            if grid.progress < progress:
                changed = repository.changed_since(session, grid.progress)
                keeper.grid = grid.patched(changed, progress)
                return keeper.grid
        keeper.grid = build(session, today, reference, progress)
        return keeper.grid
