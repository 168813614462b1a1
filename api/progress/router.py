"""HTTP endpoints for roadmaps, a municipality's progress, history and aggregates."""

from datetime import date
from typing import Annotated, Literal

from fastapi import Header, Path, Query, Request, Response

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.conditional import (
    conditional_reference,
    conditional_versioned,
    parse_if_match,
    private_versioned,
)
from api.core.data_versions import counters_read_once
from api.core.dates import BoundedDate
from api.core.db import SessionDep
from api.core.opendata import CSV_RESPONSES, CsvFormat
from api.core.requests import ContextDep
from api.core.routing import PERSON, PUBLIC, VERSIONED, errors, json_router
from api.measures.router import MeasureCode, MeasureIfMatch
from api.progress import aggregates, opendata, roadmaps, status, versions
from api.progress.change import overview_with_change, previous_period_end
from api.progress.presenters import progress_read, roadmap_read
from api.progress.schemas import (
    CellHistoryEntry,
    CellHistoryList,
    Overview,
    OverviewWithChange,
    ProgressList,
    ProgressRead,
    ProgressWrite,
    Roadmap,
    RoadmapWrite,
)

router = json_router(tags=["Voortgang"], conditional=False)

MunicipalityCode = Annotated[str, Path(pattern=r"^GM\d{4}$", examples=["GM0344"])]
ReferenceDate = Annotated[
    BoundedDate | None,
    Query(description="Peildatum (standaard vandaag): toont de stand zoals die toen was."),
]
PROGRESS_SECURITY = {"security": [{"sessieCookie": []}, {"clientCredentials": ["voortgang:lezen"]}]}


@router.get(
    "/maatregelen/{code}/routekaart",
    response_model=Roadmap,
    operation_id="routekaartOpvragen",
    summary="De routekaart van een maatregel, met uiterste data uit de huidige ingangsdatum",
    openapi_extra=PUBLIC,
    responses={304: {"description": "Niet gewijzigd."}},
)
def get_roadmap(request: Request, code: MeasureCode, session: SessionDep) -> Response:
    return conditional_reference(
        request, session, lambda: roadmap_read(*roadmaps.roadmap_of(session, code))
    )


@router.put(
    "/maatregelen/{code}/routekaart",
    response_model=Roadmap,
    operation_id="routekaartVervangen",
    summary="De stappen van een routekaart vervangen (redactie)",
    responses={
        **VERSIONED,
        **errors(e412="Iemand anders wijzigde de maatregel of haar routekaart intussen."),
    },
    openapi_extra=PERSON,
)
def replace_roadmap(
    code: MeasureCode,
    body: RoadmapWrite,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    if_match: MeasureIfMatch = None,
) -> Response:
    measure, steps = roadmaps.replace_roadmap(session, principal, ctx, code, body.stappen, if_match)
    return private_versioned(roadmap_read(measure, steps), measure.version)


@router.get(
    "/gemeenten/{code}/voortgang",
    response_model=ProgressList,
    operation_id="voortgangGemeenteOpvragen",
    summary="De stand van alle maatregelen van een gemeente, met termijnen en verkeerslicht",
    openapi_extra=PROGRESS_SECURITY,
)
def municipality_progress(
    code: MunicipalityCode,
    principal: CurrentPrincipal,
    session: SessionDep,
    peildatum: ReferenceDate = None,
) -> ProgressList:
    today = clock.today()
    municipality, cells = status.progress_of_municipality(
        session, principal, code, today, peildatum
    )
    return ProgressList(
        resultaten=[progress_read(municipality, m, s, d, peildatum or today) for m, s, d in cells]
    )


@router.get(
    "/gemeenten/{code}/voortgang/{maatregel}",
    response_model=ProgressRead,
    operation_id="voortgangOpvragen",
    summary="De stand van één maatregel bij één gemeente; de ETag is nodig om te wijzigen",
    openapi_extra=PROGRESS_SECURITY,
    responses=VERSIONED,
)
def cell_progress(
    code: MunicipalityCode,
    maatregel: Annotated[str, Path(pattern=r"^M\d{2}$")],
    principal: CurrentPrincipal,
    session: SessionDep,
    peildatum: ReferenceDate = None,
) -> Response:
    today = clock.today()
    municipality, measure, state, deadlines = status.progress_cell(
        session, principal, code, maatregel, today, peildatum
    )
    body = progress_read(municipality, measure, state, deadlines, peildatum or today)
    return Response(
        body.model_dump_json(by_alias=True),
        media_type="application/json",
        headers={"ETag": f'"v{state.version}"', "Cache-Control": "private, no-cache"},
    )


@router.put(
    "/gemeenten/{code}/voortgang/{maatregel}",
    response_model=ProgressRead,
    operation_id="voortgangWijzigen",
    summary="De stand doorgeven; If-Match met de gelezen ETag is verplicht (anders 428 of 412)",
    openapi_extra={
        "security": [{"sessieCookie": []}, {"clientCredentials": ["voortgang:schrijven"]}]
    },
    responses={
        **VERSIONED,
        **errors(e412="Iemand anders wijzigde de stand intussen.", e428="If-Match ontbreekt."),
    },
)
def update_progress(
    code: MunicipalityCode,
    maatregel: Annotated[str, Path(pattern=r"^M\d{2}$")],
    body: ProgressWrite,
    principal: CurrentPrincipal,
    session: SessionDep,
    if_match: Annotated[
        str | None, Header(alias="If-Match", description="ETag van de gelezen stand.")
    ] = None,
) -> Response:
    status.update_cell(session, principal, code, maatregel, parse_if_match(if_match), body.change())
    today = clock.today()
    municipality, measure, state, deadlines = status.progress_cell(
        session, principal, code, maatregel, today, None
    )
    read = progress_read(municipality, measure, state, deadlines, today)
    return Response(
        read.model_dump_json(by_alias=True),
        media_type="application/json",
        headers={"ETag": f'"v{state.version}"', "Cache-Control": "no-store"},
    )


@router.get(
    "/gemeenten/{code}/voortgang/{maatregel}/geschiedenis",
    response_model=CellHistoryList,
    operation_id="voortgangGeschiedenisOpvragen",
    summary="Elke wijziging van de stand: wie, wanneer, van wat naar wat",
    openapi_extra=PROGRESS_SECURITY,
)
def cell_history(
    code: MunicipalityCode,
    maatregel: Annotated[str, Path(pattern=r"^M\d{2}$")],
    principal: CurrentPrincipal,
    session: SessionDep,
) -> CellHistoryList:
    return CellHistoryList(
        resultaten=[
            CellHistoryEntry(
                versie=s.version,
                fase=s.phase,
                gepland_livegang=s.planned_go_live,
                stappen_gereed=s.steps_done,
                wijzigingen=s.changes,
                bron=s.source,
                door=s.recorded_by,
                tijdstip=s.recorded_at,
            )
            for s in status.history_of_cell(session, principal, code, maatregel)
        ]
    )


@router.get(
    "/voortgang/overzicht",
    response_model=OverviewWithChange,
    operation_id="voortgangOverzichtOpvragen",
    summary="Cijfers per land, provincie, arbeidsmarktregio, fase, maatregel, thema of gemeente",
    openapi_extra=PUBLIC,
    responses={304: {"description": "Niet gewijzigd."}, **CSV_RESPONSES},
)
@counters_read_once
def overview(
    request: Request,
    session: SessionDep,
    groep: Annotated[
        Literal["land", "provincie", "arbeidsmarktregio", "fase", "maatregel", "thema", "gemeente"],
        Query(description="Hoe de cijfers gegroepeerd worden."),
    ] = "land",
    fase: Annotated[int | None, Query(ge=1, le=99)] = None,
    maatregel: Annotated[str | None, Query(pattern=r"^M\d{2}$")] = None,
    thema: Annotated[str | None, Query(pattern=r"^[a-z0-9-]{1,80}$")] = None,
    peildatum: ReferenceDate = None,
    formaat: CsvFormat = "json",
) -> Response:
    today = clock.today()
    day = peildatum or today

    def figures(as_of: date | None) -> Overview:
        return aggregates.overview_on(
            session,
            request.app.state,
            today,
            groep,
            wave=fase,
            measure=maatregel,
            theme=thema,
            as_of=as_of,
        )

    def changed() -> OverviewWithChange:
        # The previous month's figures depend on the reference data and the day only, both in
        # the kept answer's key (versions.figures); they are kept per reference version too.
        before = previous_period_end(day)
        return overview_with_change(figures(peildatum), figures(before), before)

    def build() -> OverviewWithChange:
        return changed().model_copy(
            update={"herkomst": opendata.figures_provenance(session, request, day)}
        )

    if formaat == "csv":
        name = f"voortgang-per-{groep}-{peildatum or today}"
        return opendata.overview_csv(session, name, changed().groepen)
    return conditional_versioned(
        request, versions.figures(session, today), build, again=versions.figures_now
    )
