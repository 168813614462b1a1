"""HTTP endpoints of readiness: which measures need software, and each application's readiness
per measure, reported by its supplier's client or an editor, with its history."""

from typing import Annotated

from fastapi import Header, Path, Query, Response

from api.accounts.principal import CurrentPrincipal
from api.core.conditional import private_versioned
from api.core.db import SessionDep
from api.core.requests import ContextDep
from api.core.routing import PERSON, VERSIONED, errors, json_router
from api.core.schemas import CodeName
from api.ict import catalogue, presenters, readiness
from api.ict.schemas import (
    ReadinessHistory,
    ReadinessList,
    ReadinessRead,
    ReadinessReport,
    SoftwareMeasureChange,
    SoftwareMeasureList,
    SoftwareMeasureRead,
)

router = json_router(tags=["ICT-gereedheid"], conditional=False)

SUPPLIER_CLIENT = {
    "security": [{"sessieCookie": []}, {"clientCredentials": ["gereedheid:schrijven"]}]
}
ApplicationId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van de applicatie.")
]
MeasureCode = Annotated[str, Path(pattern=r"^M\d{2}$", examples=["M15"])]
IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description="De gelezen ETag; 412 als die verouderd is."),
]
READ = errors(e401="Niet ingelogd.", e403="Geen toegang.", e404="Bestaat niet.")
STALE = errors(e412="Iemand anders wijzigde dit intussen.", e428="If-Match ontbreekt.")


def _flag(flag: readiness.MeasureFlag) -> SoftwareMeasureRead:
    return SoftwareMeasureRead(
        maatregel=CodeName(code=flag.code, naam=flag.title),
        software_nodig=flag.needs_software,
        versie=flag.version,
    )


@router.get(
    "/ict/maatregelen",
    response_model=SoftwareMeasureList,
    operation_id="ictMaatregelenOpvragen",
    summary="Elke maatregel, en of zij wijzigingen in gemeentelijke software vraagt",
    responses=READ,
    openapi_extra=SUPPLIER_CLIENT,
)
def list_measures(
    principal: CurrentPrincipal,
    session: SessionDep,
    software_nodig: Annotated[
        bool | None,
        Query(alias="softwareNodig", description="true: alleen maatregelen die software vragen."),
    ] = None,
) -> SoftwareMeasureList:
    flags = readiness.measure_flags(session, principal)
    return SoftwareMeasureList(
        resultaten=[
            _flag(f) for f in flags if software_nodig is None or f.needs_software == software_nodig
        ]
    )


@router.put(
    "/ict/maatregelen/{maatregel}",
    response_model=SoftwareMeasureRead,
    operation_id="ictMaatregelWijzigen",
    summary="Aangeven of een maatregel software vraagt (redactie; If-Match zodra er een versie is)",
    responses={**VERSIONED, **READ, **STALE},
    openapi_extra=PERSON,
)
def change_measure(
    maatregel: MeasureCode,
    body: SoftwareMeasureChange,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    if_match: IfMatch = None,
) -> Response:
    flag = readiness.set_needs_software(
        session, principal, ctx, maatregel, body.software_nodig, if_match
    )
    return private_versioned(_flag(flag), flag.version)


@router.get(
    "/ict/applicaties/{id}/gereedheid",
    response_model=ReadinessList,
    operation_id="ictGereedheidOpvragen",
    summary="De gereedheid van een applicatie voor elke maatregel die software vraagt",
    responses=READ,
    openapi_extra=SUPPLIER_CLIENT,
)
def list_readiness(
    application_id: ApplicationId, principal: CurrentPrincipal, session: SessionDep
) -> ReadinessList:
    application, found = readiness.readiness_of(session, principal, application_id)
    names = catalogue.supplier_names(session)
    return ReadinessList(
        applicatie=presenters.application_ref(application, names),
        resultaten=[presenters.view_read(v, names) for v in found],
    )


def _readiness(session: SessionDep, view: readiness.ReadinessView) -> Response:
    body = presenters.view_read(view, catalogue.supplier_names(session))
    return private_versioned(body, view.row.version if view.row else 0)


@router.get(
    "/ict/applicaties/{id}/gereedheid/{maatregel}",
    response_model=ReadinessRead,
    operation_id="ictGereedheidMaatregelOpvragen",
    summary="De gereedheid van een applicatie voor één maatregel, met haar ETag",
    responses={**VERSIONED, **READ},
    openapi_extra=SUPPLIER_CLIENT,
)
def get_readiness(
    application_id: ApplicationId,
    maatregel: MeasureCode,
    principal: CurrentPrincipal,
    session: SessionDep,
) -> Response:
    return _readiness(
        session, readiness.get_readiness(session, principal, application_id, maatregel)
    )


@router.put(
    "/ict/applicaties/{id}/gereedheid/{maatregel}",
    response_model=ReadinessRead,
    operation_id="ictGereedheidMelden",
    summary="De gereedheid melden: de leverancierskoppeling voor eigen applicaties, of de "
    "redactie; If-Match verplicht zodra er iets gemeld is",
    responses={**VERSIONED, **READ, **STALE},
    openapi_extra=SUPPLIER_CLIENT,
)
def report_readiness(
    application_id: ApplicationId,
    maatregel: MeasureCode,
    body: ReadinessReport,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    if_match: IfMatch = None,
) -> Response:
    view = readiness.report_readiness(
        session,
        principal,
        ctx,
        application_id,
        maatregel,
        if_match,
        body.status,
        body.release,
        body.datum,
    )
    return _readiness(session, view)


@router.get(
    "/ict/applicaties/{id}/gereedheid/{maatregel}/historie",
    response_model=ReadinessHistory,
    operation_id="ictGereedheidHistorie",
    summary="Elke melding van de gereedheid, nieuwste eerst, met haar bron",
    responses=READ,
    openapi_extra=SUPPLIER_CLIENT,
)
def readiness_history(
    application_id: ApplicationId,
    maatregel: MeasureCode,
    principal: CurrentPrincipal,
    session: SessionDep,
) -> ReadinessHistory:
    view, changes = readiness.history(session, principal, application_id, maatregel)
    names = catalogue.supplier_names(session)
    return ReadinessHistory(
        applicatie=presenters.application_ref(view.application, names),
        maatregel=CodeName(code=view.measure_code, naam=view.measure_title),
        resultaten=[presenters.change_read(c) for c in changes],
    )
