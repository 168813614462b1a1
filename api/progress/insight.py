"""Derived views over all cells: the matrix, peers of similar size, and map indicators."""

from datetime import date

from sqlalchemy.orm import Session

from api.core.errors import NotFoundError
from api.core.schemas import CodeName
from api.core.validation import InvalidParams
from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.progress import repository
from api.progress.aggregates import Cell, cells, figures
from api.progress.deadlines import DONE_PHASES, TrafficLight
from api.progress.schemas import GroupFigures

PEERS = 10


def matrix(
    session: Session,
    today: date,
    province: str | None,
    region: str | None,
    wave: int | None,
    theme: str | None,
) -> tuple[list[Measure], list[tuple[Municipality, list[str], list[str]]]]:
    measures = [
        m
        for m in repository.measures(session)
        if (wave is None or m.wave_number == wave) and (theme is None or m.theme_code == theme)
    ]
    wanted = {m.code for m in measures}
    rows: dict[str, tuple[Municipality, list[str], list[str]]] = {}
    for cell in cells(session, today):
        m = cell.municipality
        if cell.measure.code not in wanted:
            continue
        if (province and m.province_code != province) or (
            region and m.labour_market_region_code != region
        ):
            continue
        row = rows.setdefault(m.code, (m, [], []))
        row[1].append(cell.phase.value)
        row[2].append(cell.deadlines.light.value)
    return measures, sorted(rows.values(), key=lambda r: r[0].sort_name)


def comparison(
    session: Session, code: str, today: date, wave: int | None = None
) -> tuple[Municipality, list[Municipality], list[GroupFigures]]:
    """The municipality beside its peers, province, region and country; with `wave`, over the
    measures of that wave only."""
    invalid = InvalidParams()
    invalid.unknown("fase", wave, lambda: {m.wave_number for m in repository.measures(session)})
    invalid.raise_if_any()
    every_cell = cells(session, today)
    municipalities = {c.municipality.code: c.municipality for c in every_cell}
    all_cells = [c for c in every_cell if wave is None or c.measure.wave_number == wave]
    municipality = municipalities.get(code)
    if municipality is None:
        raise NotFoundError(f"Gemeente {code} bestaat niet.")
    peers = sorted(
        (m for m in municipalities.values() if m.code != code),
        key=lambda m: (abs(m.population - municipality.population), m.code),
    )[:PEERS]
    peer_codes = {p.code for p in peers}
    names = repository.group_names(session, "provincie") | repository.group_names(
        session, "arbeidsmarktregio"
    )

    def group(label: CodeName, keep: object) -> GroupFigures:
        return figures(label, [c for c in all_cells if keep(c)], today)  # type: ignore[operator]

    return (
        municipality,
        peers,
        [
            group(
                CodeName(code=code, naam=municipality.name), lambda c: c.municipality.code == code
            ),
            group(
                CodeName(code="vergelijkbaar", naam=f"{PEERS} gemeenten van vergelijkbare omvang"),
                lambda c: c.municipality.code in peer_codes,
            ),
            group(
                CodeName(
                    code=municipality.province_code, naam=names.get(municipality.province_code, "")
                ),
                lambda c: c.municipality.province_code == municipality.province_code,
            ),
            group(
                CodeName(
                    code=municipality.labour_market_region_code,
                    naam=names.get(municipality.labour_market_region_code, ""),
                ),
                lambda c: (
                    c.municipality.labour_market_region_code
                    == municipality.labour_market_region_code
                ),
            ),
            group(CodeName(code="NL", naam="Nederland"), lambda c: True),
        ],
    )


def indicator_by_municipality(
    session: Session, today: date, indicator: str, wave: int | None, measure: str | None
) -> dict[str, float | None]:
    invalid = InvalidParams()
    measures = repository.measures(session)
    invalid.unknown("fase", wave, lambda: {m.wave_number for m in measures})
    invalid.unknown("maatregel", measure, lambda: {m.code for m in measures})
    invalid.raise_if_any()
    by_municipality: dict[str, list[Cell]] = {}
    for cell in cells(session, today):
        if (wave is None or cell.measure.wave_number == wave) and (
            measure is None or cell.measure.code == measure
        ):
            by_municipality.setdefault(cell.municipality.code, []).append(cell)
    values: dict[str, float | None] = {}
    for code, members in by_municipality.items():
        if indicator == "aandeel-geimplementeerd":
            values[code] = round(sum(c.phase in DONE_PHASES for c in members) / len(members), 4)
        elif indicator == "te-laat":
            values[code] = float(sum(c.deadlines.light is TrafficLight.LATE for c in members))
        else:
            values[code] = figures(CodeName(code=code, naam=code), members, today).tekort
    return values
