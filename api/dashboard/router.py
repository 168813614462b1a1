"""HTTP endpoints of the public dashboard and the deficit trend (JSON, or CSV as open data)."""

from typing import Annotated

from fastapi import Path, Request, Response

from api.core import clock
from api.core.conditional import conditional_versioned
from api.core.data_versions import counters_read_once
from api.core.db import SessionDep
from api.core.opendata import (
    CSV_RESPONSES,
    PROGRESS_SOURCE,
    CsvFormat,
    csv_response,
    provenance,
)
from api.core.routing import PUBLIC, json_router
from api.core.schemas import CodeName
from api.dashboard import service
from api.dashboard.schemas import Dashboard, MunicipalityTrend, Trend
from api.progress import grid, versions

router = json_router(tags=["Dashboard"])


@router.get(
    "/dashboard",
    response_model=Dashboard,
    operation_id="dashboardOpvragen",
    summary="Het landelijk beeld: fasen, voortgang per maatregel, tekort, nieuwste publicaties",
    openapi_extra=PUBLIC,
)
@counters_read_once
def dashboard(request: Request, session: SessionDep) -> Response:
    today = clock.today()
    state = request.app.state

    def build() -> Dashboard:
        cells = grid.current(session, today, state)
        moments = service.with_wave_figures(
            session, cells, service.kept_waves(session, state, today)
        )
        upcoming = service.next_effective_date(moments, today)
        country, measures = service.with_changes(session, cells)
        products, faq = service.kept_newest(session, state)
        return Dashboard(
            peildatum=today,
            fasen=moments,
            volgende_ingangsdatum=upcoming,
            dagen_tot_volgende=(upcoming - today).days if upcoming else None,
            landelijk=country,
            per_maatregel=measures,
            nieuwste_producten=products,
            nieuwste_faq=faq,
            herkomst=provenance(
                request, PROGRESS_SOURCE, service.latest_progress_change(session), today
            ).model_copy(update={"csv": "/api/v1/voortgang/overzicht?groep=maatregel&formaat=csv"}),
        )

    version = service.version(session, today)
    return conditional_versioned(request, version, build, again=service.version_now)


@router.get(
    "/voortgang/trend",
    response_model=Trend,
    operation_id="voortgangTrendOpvragen",
    summary="Het landelijk implementatietekort aan het eind van elke maand (openbaar)",
    openapi_extra=PUBLIC,
    responses=CSV_RESPONSES,
)
@counters_read_once
def trend(request: Request, session: SessionDep, formaat: CsvFormat = "json") -> Response:
    today = clock.today()
    if formaat == "csv":
        points = service.trend(session, grid.current(session, today, request.app.state))
        return csv_response(
            f"tekort-trend-{today}",
            ["peildatum", "tekort", "aandeel_geimplementeerd", "gemiddelde_achterstand_dagen"],
            (
                [p.peildatum, p.tekort, p.aandeel_geimplementeerd, p.gemiddelde_achterstand_dagen]
                for p in points
            ),
            moment=service.latest_progress_change(session),
        )
    return conditional_versioned(
        request,
        service.trend_version(session, today),
        lambda: Trend(
            peildatum=today,
            punten=service.trend(session, grid.current(session, today, request.app.state)),
            herkomst=provenance(
                request, PROGRESS_SOURCE, service.latest_progress_change(session), today
            ),
        ),
        again=service.trend_version_now,
    )


@router.get(
    "/gemeenten/{code}/verloop",
    response_model=MunicipalityTrend,
    operation_id="gemeenteVerloopOpvragen",
    summary="Het aandeel geïmplementeerd van één gemeente aan het eind van elke maand, en wanneer "
    "zij haar voortgang voor het laatst doorgaf (openbaar)",
    openapi_extra=PUBLIC,
    responses={404: {"description": "Onbekende gemeente."}, **CSV_RESPONSES},
)
@counters_read_once
def municipality_trend(
    request: Request,
    session: SessionDep,
    code: Annotated[str, Path(pattern=r"^GM\d{4}$", examples=["GM0344"])],
    formaat: CsvFormat = "json",
) -> Response:
    today = clock.today()

    def build() -> MunicipalityTrend:
        cells = grid.current(session, today, request.app.state)
        points = service.municipality_trend(session, cells, code)
        place = cells.places[code]
        return MunicipalityTrend(
            gemeente=CodeName(code=place.code, naam=place.name),
            peildatum=today,
            laatst_bijgewerkt=service.last_reported(session, code),
            punten=points,
            herkomst=provenance(
                request, PROGRESS_SOURCE, service.latest_progress_change(session), today
            ),
        )

    if formaat == "csv":
        trend = build()
        return csv_response(
            f"verloop-{code}-{today}",
            ["peildatum", "cellen", "geimplementeerd", "aandeel_geimplementeerd", "tekort"],
            (
                [p.peildatum, p.cellen, p.geimplementeerd, p.aandeel_geimplementeerd, p.tekort]
                for p in trend.punten
            ),
            moment=trend.herkomst.peilmoment,
        )
    return conditional_versioned(
        request, versions.figures(session, today), build, again=versions.figures_now
    )
