"""HTTP endpoints of the advisors' help list."""

from typing import Annotated, Literal

from fastapi import Query, Request

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.routing import PERSON, json_router
from api.progress import causes, grid, help_list
from api.progress.causes import CauseKind
from api.progress.deadlines import TrafficLight
from api.progress.router import ReferenceDate
from api.progress.schemas import HelpList

router = json_router(tags=["Voortgang"], conditional=False)


@router.get(
    "/voortgang/hulp-nodig",
    response_model=HelpList,
    operation_id="hulpNodigOpvragen",
    summary="Wie hulp nodig heeft: elke combinatie te laat of met risico, meest dringend eerst",
    description=(
        "Elke gemeente en maatregel die te laat is of risico loopt, van elke fase, ook van "
        "maatregelen die nog niet gelden: eerst te laat, dan de minste speling, dan de vroegste "
        "ingangsdatum. Per pagina, met de contactpersonen van de gemeente."
    ),
    openapi_extra=PERSON,
)
def help_needed(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
    provincie: Annotated[str | None, Query(pattern=r"^PV\d{2}$", examples=["PV26"])] = None,
    arbeidsmarktregio: Annotated[str | None, Query(pattern=r"^AM\d{2}$", examples=["AM19"])] = None,
    fase: Annotated[int | None, Query(ge=1, le=99, description="Fase van de maatregel.")] = None,
    maatregel: Annotated[str | None, Query(pattern=r"^M\d{2}$")] = None,
    verkeerslicht: Annotated[
        Literal["te-laat", "risico"] | None, Query(description="Alleen te laat of alleen risico.")
    ] = None,
    oorzaak: Annotated[
        CauseKind | None,
        Query(description="Alleen door de eigen voortgang, of alleen door ICT (vandaag)."),
    ] = None,
    binnen_dagen: Annotated[
        int | None,
        Query(
            alias="binnenDagen",
            ge=0,
            le=730,
            description="Alleen maatregelen die binnen zoveel dagen ingaan (of al gelden).",
        ),
    ] = None,
    peildatum: ReferenceDate = None,
) -> HelpList:
    today = clock.today()
    state = request.app.state
    if peildatum is None or peildatum == today:
        cells, others = grid.current(session, today, state), causes.current(session, state)
    else:
        cells, others = grid.build(session, peildatum), {}
    criteria = help_list.HelpFilter(
        province=provincie,
        region=arbeidsmarktregio,
        wave=fase,
        measure=maatregel,
        light=TrafficLight(verkeerslicht) if verkeerslicht else None,
        cause=oorzaak,
        within_days=binnen_dagen,
    )
    rows, total = help_list.help_needed(session, principal, cells, criteria, page, others)
    info, links = page_envelope(request, page, total)
    return HelpList(peildatum=cells.today, resultaten=rows, paginering=info, _links=links)
