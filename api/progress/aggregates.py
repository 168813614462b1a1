"""National, regional and per-measure figures, and the advisors' 'who needs help now' list.
Only aggregates leave here for the public: never a municipality's note."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.core import data_versions
from api.core.figure_cache import cached
from api.core.pagination import PageParams
from api.core.schemas import CodeName
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.progress import grid, policy, repository
from api.progress.deadlines import TrafficLight
from api.progress.grid import (
    COUNTRY,
    GEOGRAPHY,
    NETHERLANDS,
    Fact,
    Grid,
    Place,
    Subject,
    Tally,
    total,
)
from api.progress.presenters import next_step
from api.progress.schemas import GroupFigures, HelpNeeded, Overview


def _check_measures(
    grid: Grid, wave: int | None, measure: str | None, theme: str | None
) -> list[Subject]:
    """The measures the filters select; 400 for a filter that names none."""
    subjects = list(grid.subjects.values())
    invalid = InvalidParams()
    invalid.unknown("fase", wave, lambda: {s.wave for s in subjects})
    invalid.unknown("maatregel", measure, lambda: {s.code for s in subjects})
    invalid.unknown("thema", theme, lambda: {s.theme for s in subjects})
    invalid.raise_if_any()
    return [
        s
        for s in subjects
        if (wave is None or s.wave == wave)
        and (measure is None or s.code == measure)
        and (theme is None or s.theme == theme)
    ]


_BY_MEASURE: dict[str, Callable[[Subject], tuple[str, str]]] = {
    "fase": lambda s: (str(s.wave), s.wave_name),
    "maatregel": lambda s: (s.code, s.title),
    "thema": lambda s: (s.theme, s.theme_name),
}


def place_tally(grid: Grid, place: Place, subjects: list[Subject]) -> Tally:
    if len(subjects) == len(grid.subjects):
        return grid.place_totals[place.code]
    tally = Tally()
    for subject in subjects:
        tally.count(grid.facts[place.code, subject.code], subject, grid.today)
    return tally


def geography_tally(grid: Grid, grouping: str, code: str, subjects: list[Subject]) -> Tally:
    return total(grid.tallies[grouping, code, s.code] for s in subjects)


def group_label(grid: Grid, grouping: str, code: str) -> CodeName:
    if grouping == COUNTRY:
        return NETHERLANDS
    return CodeName(code=code, naam=grid.names[grouping].get(code, code))


def overview(
    grid: Grid,
    grouping: str,
    *,
    wave: int | None = None,
    measure: str | None = None,
    theme: str | None = None,
) -> Overview:
    """The figures per group, from the grid's tallies: per province, region or the country a
    sum over the selected measures; per wave, measure or theme a sum of the national tallies;
    per municipality its own cells."""
    subjects = _check_measures(grid, wave, measure, theme)
    groups: list[GroupFigures] = []
    if grouping in GEOGRAPHY:
        codes = sorted({place.group(grouping) for place in grid.places.values()})
        groups = [
            geography_tally(grid, grouping, code, subjects).figures(
                group_label(grid, grouping, code)
            )
            for code in codes
        ]
    elif grouping == "gemeente":
        groups = [
            place_tally(grid, place, subjects).figures(CodeName(code=place.code, naam=place.name))
            for place in grid.places.values()
        ]
    else:
        label = _BY_MEASURE[grouping]
        members: dict[str, tuple[str, list[Subject]]] = {}
        for subject in subjects:
            code, name = label(subject)
            members.setdefault(code, (name, []))[1].append(subject)
        groups = [
            geography_tally(grid, COUNTRY, NETHERLANDS.code, chosen).figures(
                CodeName(code=code, naam=name)
            )
            for code, (name, chosen) in sorted(members.items())
        ]
    return Overview(peildatum=grid.as_of or grid.today, groepering=grouping, groepen=groups)


def overview_on(
    session: Session,
    state: State,
    today: date,
    grouping: str,
    *,
    wave: int | None = None,
    measure: str | None = None,
    theme: str | None = None,
    as_of: date | None = None,
) -> Overview:
    """The figures now (the kept grid), or at the end of a day. A past day's history never
    changes, so its figures are computed once per version of the reference data and shared by
    every worker (`cached_figures`): asking for day after day costs each day once, not once
    per request."""
    if as_of is None:
        cells = grid.current(session, today, state)
        return overview(cells, grouping, wave=wave, measure=measure, theme=theme)
    if as_of >= today:
        cells = grid.build(session, as_of, as_of=as_of)
        return overview(cells, grouping, wave=wave, measure=measure, theme=theme)

    def compute() -> str:
        cells = grid.build(session, as_of, as_of=as_of)
        figures = overview(cells, grouping, wave=wave, measure=measure, theme=theme)
        return figures.model_dump_json(by_alias=True)

    key = f"overzicht:{grouping}:{wave}:{measure}:{theme}:{as_of}"
    body = cached(session, key, data_versions.key(session, data_versions.REFERENCE), compute)
    return Overview.model_validate_json(body)


@dataclass(frozen=True, slots=True)
class HelpFilter:
    province: str | None = None
    region: str | None = None
    wave: int | None = None
    measure: str | None = None
    light: TrafficLight | None = None
    within_days: int | None = None
    """Only measures that take effect within so many days (or already apply)."""


def _urgency(item: tuple[Place, Subject, Fact]) -> tuple[bool, int, date, str, str]:
    """Late before at risk, then the least slack, then the earliest effective date."""
    place, subject, fact = item
    slack = fact.verdict.slack_days
    return (
        fact.verdict.light is not TrafficLight.LATE,
        slack if slack is not None else 0,
        subject.effective,
        place.code,
        subject.code,
    )


def _check(grid: Grid, criteria: HelpFilter) -> None:
    places, subjects = grid.places.values(), grid.subjects.values()
    invalid = InvalidParams()
    invalid.unknown("provincie", criteria.province, lambda: {p.province for p in places})
    invalid.unknown("arbeidsmarktregio", criteria.region, lambda: {p.region for p in places})
    invalid.unknown("fase", criteria.wave, lambda: {s.wave for s in subjects})
    invalid.unknown("maatregel", criteria.measure, lambda: {s.code for s in subjects})
    invalid.raise_if_any()


def help_needed(
    session: Session, principal: Principal, grid: Grid, criteria: HelpFilter, page: PageParams
) -> tuple[list[HelpNeeded], int]:
    """One page of every late or at-risk cell, of any wave, past or future, most urgent first;
    and how many there are. Contacts are looked up for the page's municipalities only."""
    policy.ensure_programme_team(principal)
    _check(grid, criteria)
    today = grid.today
    horizon = None if criteria.within_days is None else today + timedelta(criteria.within_days)
    places = [
        p
        for p in grid.places.values()
        if (criteria.province is None or p.province == criteria.province)
        and (criteria.region is None or p.region == criteria.region)
    ]
    subjects = [
        s
        for s in grid.subjects.values()
        if (criteria.wave is None or s.wave == criteria.wave)
        and (criteria.measure is None or s.code == criteria.measure)
        and (horizon is None or s.effective <= horizon)
    ]
    urgent = [
        (place, subject, fact)
        for place in places
        for subject in subjects
        if (fact := grid.facts[place.code, subject.code]).verdict.light is not TrafficLight.ON_TRACK
        and (criteria.light is None or fact.verdict.light is criteria.light)
    ]
    urgent.sort(key=_urgency)
    shown = urgent[page.offset : page.offset + page.size]
    contacts = repository.contacts_by_municipality(session, sorted({p.code for p, _, _ in shown}))
    return [
        HelpNeeded(
            gemeente=CodeName(code=place.code, naam=place.name),
            maatregel=CodeName(code=subject.code, naam=subject.title),
            ingangsdatum=subject.effective,
            fase=fact.phase,
            verkeerslicht=fact.verdict.light,
            speling=fact.verdict.slack_days,
            volgende_stap=next_step(fact.verdict.next_step),
            contactpersonen=[
                CodeName(code=u.email, naam=u.name) for u in contacts.get(place.code, [])
            ],
        )
        for place, subject, fact in shown
    ], len(urgent)
