"""Derived views over all cells: the matrix, peers of similar size, and map indicators, all
read from the grid of judged cells (grid.py)."""

from api.core.errors import NotFoundError
from api.core.schemas import CodeName
from api.core.validation import InvalidParams
from api.progress.aggregates import geography_tally, group_label, place_tally
from api.progress.grid import (
    COUNTRY,
    MUNICIPALITY,
    NETHERLANDS,
    PROVINCE,
    REGION,
    Grid,
    Place,
    Subject,
    Tally,
)
from api.progress.regions import labelled
from api.progress.schemas import GroupFigures

PEERS = 10


def matrix(
    grid: Grid,
    province: str | None,
    region: str | None,
    wave: int | None,
    theme: str | None,
) -> tuple[list[Subject], list[tuple[Place, list[str], list[str]]]]:
    subjects = [
        s
        for s in grid.subjects.values()
        if (wave is None or s.wave == wave) and (theme is None or s.theme == theme)
    ]
    places = sorted(
        (
            p
            for p in grid.places.values()
            if (province is None or p.province == province)
            and (region is None or p.region == region)
        ),
        key=lambda p: p.sort_name,
    )
    rows = []
    for place in places:
        facts = [grid.facts[place.code, s.code] for s in subjects]
        rows.append((place, [f.phase.value for f in facts], [f.verdict.light.value for f in facts]))
    return subjects, rows


def _selected(grid: Grid, wave: int | None) -> list[Subject]:
    invalid = InvalidParams()
    invalid.unknown("fase", wave, lambda: {s.wave for s in grid.subjects.values()})
    invalid.raise_if_any()
    return [s for s in grid.subjects.values() if wave is None or s.wave == wave]


def comparison(
    grid: Grid, code: str, wave: int | None = None
) -> tuple[Place, list[Place], list[GroupFigures]]:
    """The municipality beside its peers, province, region and country; with `wave`, over the
    measures of that wave only. Each row's name says what kind of group it is ("Gemeente
    Groningen", "Provincie Groningen", "Arbeidsmarktregio Groningen"), for every reader and CSV."""
    subjects = _selected(grid, wave)
    municipality = grid.places.get(code)
    if municipality is None:
        raise NotFoundError(f"Gemeente {code} bestaat niet.")
    peers = sorted(
        (p for p in grid.places.values() if p.code != code),
        key=lambda p: (abs(p.population - municipality.population), p.code),
    )[:PEERS]
    peer_tally = Tally()
    for peer in peers:
        peer_tally.add(place_tally(grid, peer, subjects))
    return (
        municipality,
        peers,
        [
            place_tally(grid, municipality, subjects).figures(
                CodeName(code=code, naam=labelled(MUNICIPALITY, municipality.name))
            ),
            peer_tally.figures(CodeName(code="vergelijkbaar", naam="Vergelijkbare gemeenten")),
            *(
                geography_tally(grid, grouping, group, subjects).figures(
                    CodeName(
                        code=group, naam=labelled(grouping, grid.names[grouping].get(group, ""))
                    )
                )
                for grouping, group in (
                    (PROVINCE, municipality.province),
                    (REGION, municipality.region),
                )
            ),
            geography_tally(grid, COUNTRY, NETHERLANDS.code, subjects).figures(
                group_label(grid, COUNTRY, NETHERLANDS.code)
            ),
        ],
    )


def indicator_by_municipality(
    grid: Grid, indicator: str, wave: int | None, measure: str | None
) -> dict[str, float | None]:
    invalid = InvalidParams()
    subjects = grid.subjects.values()
    invalid.unknown("fase", wave, lambda: {s.wave for s in subjects})
    invalid.unknown("maatregel", measure, lambda: {s.code for s in subjects})
    invalid.raise_if_any()
    selected = [
        s
        for s in subjects
        if (wave is None or s.wave == wave) and (measure is None or s.code == measure)
    ]
    values: dict[str, float | None] = {}
    for place in grid.places.values():
        tally = place_tally(grid, place, selected)
        if indicator == "aandeel-geimplementeerd":
            values[place.code] = round(tally.done / tally.cells, 4)
        elif indicator == "te-laat":
            values[place.code] = float(tally.late)
        else:
            values[place.code] = tally.figures(CodeName(code=place.code, naam=place.code)).tekort
    return values
