"""The forecast: the chance that a municipality will not have implemented a measure by its
legal date."""

from typing import Annotated

from fastapi import Path, Query, Request

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.routing import PERSON, json_router
from api.progress import forecast, grid
from api.progress.forecast_schemas import Backtest, CellForecastRead, ForecastList
from api.progress.router import MunicipalityCode

router = json_router(tags=["Voortgang"], conditional=False)


@router.get(
    "/voortgang/prognose",
    response_model=ForecastList,
    operation_id="prognoseOpvragen",
    summary="Per gemeente en maatregel de kans dat die niet op tijd geïmplementeerd is",
    description=(
        "De kans dat een gemeente een maatregel aan het eind van de ingangsdatum nog niet "
        "geïmplementeerd heeft, uit de geschiedenis van alle combinaties en de routekaart, met "
        "een toelichting; de hoogste kans eerst. Met het tempo per fase waar de kansen op rusten "
        "(`tempo`). Alleen voor het programmateam."
    ),
    openapi_extra=PERSON,
)
def forecast_list(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
    provincie: Annotated[str | None, Query(pattern=r"^PV\d{2}$", examples=["PV26"])] = None,
    arbeidsmarktregio: Annotated[str | None, Query(pattern=r"^AM\d{2}$", examples=["AM19"])] = None,
    fase: Annotated[int | None, Query(ge=1, le=99, description="Fase van de maatregel.")] = None,
    maatregel: Annotated[str | None, Query(pattern=r"^M\d{2}$")] = None,
) -> ForecastList:
    cells = grid.current(session, clock.today(), request.app.state)
    criteria = forecast.ForecastFilter(
        province=provincie, region=arbeidsmarktregio, wave=fase, measure=maatregel
    )
    rows, total, paces = forecast.forecast_list(
        session, principal, request.app.state, cells, criteria, page
    )
    info, links = page_envelope(request, page, total)
    return ForecastList(
        peildatum=cells.today, resultaten=rows, tempo=paces, paginering=info, _links=links
    )


@router.get(
    "/voortgang/prognose/toetsing",
    response_model=Backtest,
    operation_id="prognoseToetsingOpvragen",
    summary="Hoe goed de prognose klopte: voorspeld vanuit drie maanden geleden, vergeleken",
    description=(
        "De prognose gemaakt met de stand en de geschiedenis van drie maanden geleden, naast wat "
        "er daarna gebeurde: per tiende van de kans hoeveel combinaties, hun gemiddelde kans en "
        "het deel dat inderdaad niet geïmplementeerd was, en de Brier-score. Alleen voor het "
        "programmateam."
    ),
    openapi_extra=PERSON,
)
def forecast_backtest(
    request: Request, principal: CurrentPrincipal, session: SessionDep
) -> Backtest:
    cells = grid.current(session, clock.today(), request.app.state)
    return forecast.backtest(session, principal, request.app.state, cells)


@router.get(
    "/gemeenten/{code}/voortgang/{maatregel}/prognose",
    response_model=CellForecastRead,
    operation_id="prognoseVoortgangOpvragen",
    summary="De kans dat deze gemeente deze maatregel niet op tijd geïmplementeerd heeft",
    description="Met de toelichting in gewone taal. Alleen voor het programmateam.",
    openapi_extra=PERSON,
)
def cell_forecast(
    request: Request,
    code: MunicipalityCode,
    maatregel: Annotated[str, Path(pattern=r"^M\d{2}$")],
    principal: CurrentPrincipal,
    session: SessionDep,
) -> CellForecastRead:
    cells = grid.current(session, clock.today(), request.app.state)
    return forecast.cell_forecast(session, principal, request.app.state, cells, code, maatregel)
