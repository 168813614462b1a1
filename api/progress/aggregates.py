"""National, regional and per-measure figures.
Only aggregates leave here for the public: never a municipality's note."""

import functools
from collections.abc import Callable
from datetime import date
from typing import cast

from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.core import data_versions
from api.core.figure_cache import cached, prefetch, store, valid
from api.core.schemas import CodeName
from api.core.validation import InvalidParams
from api.progress import grid
from api.progress.grid import (
    COUNTRY,
    GEOGRAPHY,
    MUNICIPALITY,
    NETHERLANDS,
    Grid,
    Place,
    Subject,
    Tally,
    total,
)
from api.progress.schemas import GroupFigures, Overview


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
GROUPINGS = (*GEOGRAPHY, *_BY_MEASURE, MUNICIPALITY)
"""Every grouping of the overview (`groep`)."""


def place_tally(grid: Grid, place: Place, subjects: list[Subject]) -> Tally:
    if len(subjects) == len(grid.subjects):
        return grid.place_totals[place.code]
    tally = Tally()
    for subject in subjects:
        tally.count(grid.facts[place.code, subject.code], subject, grid.today)
    return tally


def geography_tally(grid: Grid, grouping: str, code: str, subjects: list[Subject]) -> Tally:
    return total(grid.tallies[grouping, code, s.code] for s in subjects)


@functools.lru_cache(maxsize=8192)
def place_label(place: Place) -> CodeName:
    """A municipality's code and name, made once per place (a tenth of the overview per
    municipality was making them again); shared, and read only."""
    return CodeName(code=place.code, naam=place.name)


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
            place_tally(grid, place, subjects).figures(place_label(place))
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

    if wave is None and measure is None and theme is None:
        return past_overviews(session, [grouping], as_of)[grouping]

    def compute() -> str:
        cells = grid.build(session, as_of, as_of=as_of)
        figures = overview(cells, grouping, wave=wave, measure=measure, theme=theme)
        return figures.model_dump_json(by_alias=True)

    key = _past_key(grouping, wave, measure, theme, as_of)
    body = cached(session, key, data_versions.key(session, data_versions.REFERENCE), compute)
    return Overview.model_validate_json(body)


def _past_key(
    grouping: str, wave: int | None, measure: str | None, theme: str | None, as_of: date
) -> str:
    return f"overzicht:{grouping}:{wave}:{measure}:{theme}:{as_of}"


def past_overviews(session: Session, groupings: list[str], as_of: date) -> dict[str, Overview]:
    """The figures of several groupings at the end of a past day, each as `overview_on` gives
    it and kept under the same key. When the history must be read for one of them, every
    grouping of that day is kept at once: the day's state is the costly part, and a cold start
    (the dashboard, then each overview with its change since last month) asks for them one
    after another."""
    version = data_versions.key(session, data_versions.REFERENCE)
    keys = {grouping: _past_key(grouping, None, None, None, as_of) for grouping in GROUPINGS}
    prefetch(session, [keys[grouping] for grouping in groupings])
    bodies = {grouping: valid(session, keys[grouping], version) for grouping in groupings}
    if None in bodies.values():
        cells = grid.build(session, as_of, as_of=as_of)
        prefetch(session, list(keys.values()))
        for grouping, key in keys.items():
            body = valid(session, key, version)
            if body is None:
                body = overview(cells, grouping).model_dump_json(by_alias=True)
                store(session, key, version, body)
            if grouping in bodies:
                bodies[grouping] = body
    return {grouping: _parsed(cast(str, bodies[grouping])) for grouping in groupings}


@functools.lru_cache(maxsize=32)
def _parsed(body: str) -> Overview:
    """A kept past overview, parsed once per process for as long as its text is the same: every
    first read after a change compares with last month, and parsing the overview per
    municipality took a tenth of that read. Keyed by the text itself, so it can never be stale;
    the figures it gives are shared, and read only."""
    return Overview.model_validate_json(body)
