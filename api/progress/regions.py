"""Provinces and labour-market regions as views of their own: a region's figures with its
municipalities ranked, and the map's values per province or region. Read from the grid of
judged cells (grid.py), like every public figure: a region's figures are its kept tallies, a
municipality's its own totals."""

from dataclasses import dataclass

from api.core.errors import NotFoundError
from api.core.schemas import CodeName
from api.core.validation import InvalidParams
from api.progress.aggregates import geography_tally, place_tally
from api.progress.grid import MUNICIPALITY, PROVINCE, REGION, Grid, Place, Subject, Tally
from api.progress.schemas import GroupFigures

LEVELS = (MUNICIPALITY, PROVINCE, REGION)
"""The levels the map can be drawn at."""

KIND_LABELS = {MUNICIPALITY: "Gemeente", PROVINCE: "Provincie", REGION: "Arbeidsmarktregio"}


def labelled(grouping: str, name: str) -> str:
    """A group's name with what kind of group it is: three places are called "Groningen"."""
    return f"{KIND_LABELS[grouping]} {name}"


@dataclass(frozen=True, slots=True)
class Ranked:
    rank: int
    """1 for the highest share implemented; equal shares share a rank (1, 2, 2, 4)."""
    place: Place
    tally: Tally


def _share(tally: Tally) -> float:
    return round(tally.done / tally.cells, 4) if tally.cells else 0.0


def region(grid: Grid, grouping: str, code: str) -> tuple[str, GroupFigures, list[Ranked]]:
    """A province's or region's figures over every measure, and its municipalities from the
    highest share implemented down (on a tie, by name), with its name. 404 for a code that
    names none."""
    name = grid.names[grouping].get(code)
    members = [p for p in grid.places.values() if p.group(grouping) == code]
    if name is None or not members:
        raise NotFoundError(f"{KIND_LABELS[grouping]} {code} bestaat niet.")
    subjects = list(grid.subjects.values())
    tallies = {p.code: place_tally(grid, p, subjects) for p in members}
    members.sort(key=lambda p: (-_share(tallies[p.code]), p.sort_name))
    ranked: list[Ranked] = []
    for index, place in enumerate(members):
        share = _share(tallies[place.code])
        tied = ranked and _share(ranked[-1].tally) == share
        ranked.append(Ranked(ranked[-1].rank if tied else index + 1, place, tallies[place.code]))
    figures = geography_tally(grid, grouping, code, subjects).figures(
        CodeName(code=code, naam=labelled(grouping, name))
    )
    return name, figures, ranked


def _subjects(grid: Grid, wave: int | None, measure: str | None) -> list[Subject]:
    invalid = InvalidParams()
    subjects = grid.subjects.values()
    invalid.unknown("fase", wave, lambda: {s.wave for s in subjects})
    invalid.unknown("maatregel", measure, lambda: {s.code for s in subjects})
    invalid.raise_if_any()
    return [
        s
        for s in subjects
        if (wave is None or s.wave == wave) and (measure is None or s.code == measure)
    ]


def indicator_by_group(
    grid: Grid, grouping: str, indicator: str, wave: int | None, measure: str | None
) -> dict[str, tuple[str, float | None]]:
    """Per province or region (by code) its name and the indicator's value over the selected
    measures: the share implemented and the deficit of all its cells, and for `te-laat` the
    average number of late measures per municipality (one decimal), so a large province and a
    small one are coloured on the same scale as a municipality."""
    subjects = _subjects(grid, wave, measure)
    sizes: dict[str, int] = {}
    for place in grid.places.values():
        group = place.group(grouping)
        sizes[group] = sizes.get(group, 0) + 1
    values: dict[str, tuple[str, float | None]] = {}
    for code in sorted(sizes):
        tally = geography_tally(grid, grouping, code, subjects)
        value: float | None
        if indicator == "aandeel-geimplementeerd":
            value = _share(tally)
        elif indicator == "te-laat":
            value = round(tally.late / sizes[code], 1)
        else:
            value = tally.figures(CodeName(code=code, naam=code)).tekort
        values[code] = (grid.names[grouping].get(code, code), value)
    return values
