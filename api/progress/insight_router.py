"""HTTP endpoints for the matrix heat map, peer comparison and map data."""

import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi import Path as PathParam
from pydantic import Field

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.conditional import (
    conditional_versioned,
)
from api.core.data_versions import counters_read_once
from api.core.db import SessionDep
from api.core.opendata import CSV_RESPONSES, CsvFormat, Provenance
from api.core.routing import PERSON, PUBLIC, json_router
from api.core.schemas import ApiModel, CodeName
from api.progress import grid, insight, opendata, policy, regions, versions
from api.progress.schemas import GroupFigures

router = json_router(tags=["Voortgang"], conditional=False)
maps = APIRouter(tags=["Voortgang"])

BOUNDARIES = Path(__file__).resolve().parents[1] / "seed" / "data" / "gemeenten_2025.geojson"
GEOJSON = "application/geo+json"
ATTRIBUTION = "Grenzen: CBS / PDOK (CBS Gebiedsindelingen 2025), CC BY 4.0. Waarden: Spoorboek."


class MatrixRow(ApiModel):
    gemeente: CodeName
    fasen: list[str] = Field(description="Fase per maatregel, in de volgorde van `maatregelen`.")
    verkeerslichten: list[str]


class Matrix(ApiModel):
    peildatum: date
    maatregelen: list[CodeName]
    gemeenten: list[MatrixRow]


class Comparison(ApiModel):
    gemeente: CodeName
    inwoners: int
    vergelijkbaar: list[CodeName] = Field(description="Gemeenten van vergelijkbare omvang.")
    cijfers: list[GroupFigures] = Field(
        description="De gemeente, vergelijkbare gemeenten, provincie, arbeidsmarktregio en land."
    )
    herkomst: Provenance


class MapValue(ApiModel):
    code: str
    naam: str
    waarde: float | None


MapLevel = Literal["gemeente", "provincie", "arbeidsmarktregio"]


class MapValues(ApiModel):
    indicator: str
    niveau: MapLevel = Field(description="Per gemeente, provincie of arbeidsmarktregio.")
    peildatum: date
    waarden: list[MapValue] = Field(
        description="Per gemeente, provincie of arbeidsmarktregio (naar `niveau`); null als er "
        "niets te meten is."
    )
    herkomst: Provenance


@router.get(
    "/voortgang/matrix",
    response_model=Matrix,
    operation_id="voortgangMatrixOpvragen",
    summary="Alle gemeenten × maatregelen, compact voor een heatmap (programmateam)",
    openapi_extra=PERSON,
)
def matrix(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    provincie: Annotated[str | None, Query(pattern=r"^PV\d{2}$")] = None,
    arbeidsmarktregio: Annotated[str | None, Query(pattern=r"^AM\d{2}$")] = None,
    fase: Annotated[int | None, Query(ge=1, le=99)] = None,
    thema: Annotated[str | None, Query(pattern=r"^[a-z0-9-]{1,80}$")] = None,
) -> Matrix:
    policy.ensure_programme_team(principal)
    cells = grid.current(session, clock.today(), request.app.state)
    measures, rows = insight.matrix(cells, provincie, arbeidsmarktregio, fase, thema)
    return Matrix(
        peildatum=cells.today,
        maatregelen=[CodeName(code=m.code, naam=m.title) for m in measures],
        gemeenten=[
            MatrixRow(gemeente=CodeName(code=m.code, naam=m.name), fasen=f, verkeerslichten=lights)
            for m, f, lights in rows
        ],
    )


@router.get(
    "/gemeenten/{code}/vergelijking",
    response_model=Comparison,
    operation_id="gemeenteVergelijken",
    summary="Een gemeente naast vergelijkbare gemeenten, provincie, regio en land (openbaar)",
    openapi_extra=PUBLIC,
    responses={304: {"description": "Niet gewijzigd."}, **CSV_RESPONSES},
)
@counters_read_once
def compare(
    request: Request,
    code: Annotated[str, PathParam(pattern=r"^GM\d{4}$")],
    session: SessionDep,
    fase: Annotated[
        int | None, Query(ge=1, le=99, description="Alleen de maatregelen van deze fase.")
    ] = None,
    formaat: CsvFormat = "json",
) -> Response:
    today = clock.today()

    def build() -> Comparison:
        cells = grid.current(session, today, request.app.state)
        municipality, peers, figures = insight.comparison(cells, code, fase)
        return Comparison(
            gemeente=CodeName(code=municipality.code, naam=municipality.name),
            inwoners=municipality.population,
            vergelijkbaar=[CodeName(code=p.code, naam=p.name) for p in peers],
            cijfers=figures,
            herkomst=opendata.figures_provenance(session, request, today),
        )

    if formaat == "csv":
        name = f"vergelijking-{code}{f'-fase-{fase}' if fase else ''}-{today}"
        return opendata.figures_csv(session, name, build().cijfers)
    return conditional_versioned(
        request, versions.figures(session, today), build, again=versions.figures_now
    )


Indicator = Annotated[
    Literal["aandeel-geimplementeerd", "tekort", "te-laat"],
    Query(description="Welke waarde per gemeente."),
]


@router.get(
    "/kaart/waarden",
    response_model=MapValues,
    operation_id="kaartWaardenOpvragen",
    summary="Per gemeente, provincie of arbeidsmarktregio de waarde van een indicator, compact "
    "voor kaart en tabel (openbaar)",
    openapi_extra=PUBLIC,
    responses={304: {"description": "Niet gewijzigd."}, **CSV_RESPONSES},
)
@counters_read_once
def map_values(
    request: Request,
    session: SessionDep,
    indicator: Indicator = "aandeel-geimplementeerd",
    fase: Annotated[int | None, Query(ge=1, le=99)] = None,
    maatregel: Annotated[str | None, Query(pattern=r"^M\d{2}$")] = None,
    niveau: Annotated[
        MapLevel,
        Query(
            description="Per gemeente (standaard), provincie of arbeidsmarktregio. Per provincie "
            "of regio is `te-laat` het gemiddelde aantal maatregelen te laat per gemeente."
        ),
    ] = "gemeente",
    formaat: CsvFormat = "json",
) -> Response:
    today = clock.today()

    def build() -> MapValues:
        cells = grid.current(session, today, request.app.state)
        if niveau == "gemeente":
            values = insight.indicator_by_municipality(cells, indicator, fase, maatregel)
            names = {
                f["properties"]["code"]: f["properties"]["name"] for f in _boundaries()["features"]
            }
            waarden = [
                MapValue(code=code, naam=names.get(code, code), waarde=values.get(code))
                for code in sorted(values)
            ]
        else:
            groups = regions.indicator_by_group(cells, niveau, indicator, fase, maatregel)
            waarden = [
                MapValue(code=code, naam=name, waarde=value)
                for code, (name, value) in groups.items()
            ]
        return MapValues(
            indicator=indicator,
            niveau=niveau,
            peildatum=today,
            waarden=waarden,
            herkomst=opendata.figures_provenance(session, request, today),
        )

    if formaat == "csv":
        rows = ([v.code, v.naam, v.waarde] for v in build().waarden)
        level = "" if niveau == "gemeente" else f"{niveau}-"
        return opendata.values_csv(session, f"kaart-{level}{indicator}-{today}", rows, indicator)
    return conditional_versioned(
        request, versions.figures(session, today), build, again=versions.figures_now
    )


@lru_cache
def _boundaries() -> dict[str, Any]:
    # Read-only reference data shipped with the code; every worker reads the same file.
    return json.loads(BOUNDARIES.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@lru_cache
def _features() -> list[tuple[str, str, dict[str, Any]]]:
    """Per municipality its code, its feature as JSON up to its properties (the geometry is
    nearly all of the map's bytes and never changes: written once), and its own properties."""
    return [
        (
            feature["properties"]["code"],
            _compact({k: v for k, v in feature.items() if k != "properties"})[:-1]
            + ',"properties":',
            feature["properties"],
        )
        for feature in _boundaries()["features"]
    ]


@maps.get(
    "/kaart/gemeenten",
    operation_id="kaartGemeentenOpvragen",
    summary="Gemeentegrenzen (GeoJSON) met per gemeente de waarde van een indicator (openbaar)",
    openapi_extra=PUBLIC,
    responses={
        200: {
            "description": "GeoJSON FeatureCollection.",
            "content": {GEOJSON: {"schema": {"type": "object"}}},
        },
        304: {"description": "Niet gewijzigd."},
    },
)
@counters_read_once
def map_data(
    request: Request,
    session: SessionDep,
    indicator: Indicator = "aandeel-geimplementeerd",
    fase: Annotated[int | None, Query(ge=1, le=99)] = None,
    maatregel: Annotated[str | None, Query(pattern=r"^M\d{2}$")] = None,
) -> Response:
    today = clock.today()

    def build() -> bytes:
        cells = grid.current(session, today, request.app.state)
        values = insight.indicator_by_municipality(cells, indicator, fase, maatregel)
        features = []
        for code, before_properties, properties in _features():
            place = cells.places.get(code)
            located = {
                # Grouping on the map (zoom to a province or region) needs no extra request.
                "provincie": place.province if place else None,
                "arbeidsmarktregio": place.region if place else None,
                "waarde": values.get(code),
            }
            features.append(before_properties + _compact({**properties, **located}) + "}")
        head = _compact({"type": "FeatureCollection", "indicator": indicator, "bron": ATTRIBUTION})
        return (head[:-1] + ',"features":[' + ",".join(features) + "]}").encode()

    return conditional_versioned(
        request,
        versions.figures(session, today),
        build,
        media_type=GEOJSON,
        again=versions.figures_now,
    )
