"""Which cells of the grid a list's filters select (province, region, wave, measure), and the
400 for a filter that names nothing: one rule for the help list and the forecast."""

from api.core.validation import InvalidParams
from api.progress.grid import Grid, Place, Subject


def check(
    grid: Grid, province: str | None, region: str | None, wave: int | None, measure: str | None
) -> None:
    """A 400 naming every filter whose value the grid does not know."""
    places, subjects = grid.places.values(), grid.subjects.values()
    invalid = InvalidParams()
    invalid.unknown("provincie", province, lambda: {p.province for p in places})
    invalid.unknown("arbeidsmarktregio", region, lambda: {p.region for p in places})
    invalid.unknown("fase", wave, lambda: {s.wave for s in subjects})
    invalid.unknown("maatregel", measure, lambda: {s.code for s in subjects})
    invalid.raise_if_any()


def places(grid: Grid, province: str | None, region: str | None) -> list[Place]:
    return [
        p
        for p in grid.places.values()
        if (province is None or p.province == province) and (region is None or p.region == region)
    ]


def subjects(grid: Grid, wave: int | None, measure: str | None) -> list[Subject]:
    return [
        s
        for s in grid.subjects.values()
        if (wave is None or s.wave == wave) and (measure is None or s.code == measure)
    ]
