"""HTTP endpoints of ICT readiness: suppliers, applications, the applications each municipality
uses and the catalogue import. Readiness and the consequences have routers of their own,
included at the end so that each domain's paths stay in one place."""

import os
from typing import Annotated

from fastapi import File, Header, Path, Query, Request, Response, UploadFile, status
from sqlalchemy.orm import Session

from api.accounts.principal import CurrentPrincipal
from api.core.conditional import private_versioned
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.requests import ContextDep
from api.core.routing import PERSON, VERSIONED, errors, json_router
from api.core.schemas import CodeName
from api.core.urls import api_path
from api.ict import catalogue, importing, presenters, readiness_router, views_router
from api.ict.catalogue import Domain
from api.ict.schemas import (
    ApplicationChange,
    ApplicationCreate,
    ApplicationPage,
    ApplicationRead,
    ImportReport,
    MunicipalApplications,
    SupplierChange,
    SupplierList,
    SupplierRead,
    UsageChoice,
    UsageHistory,
)
from api.signals import of_supplier

router = json_router(tags=["ICT-gereedheid"], conditional=False)

SUPPLIER_CLIENT = {
    "security": [{"sessieCookie": []}, {"clientCredentials": ["gereedheid:schrijven"]}]
}
SupplierCode = Annotated[str, Path(pattern=r"^[a-z0-9-]{2,60}$", examples=["demo-rekenwerk"])]
ApplicationId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van de applicatie.")
]
MunicipalityCode = Annotated[str, Path(pattern=r"^GM\d{4}$", examples=["GM0344"])]
IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description="De gelezen ETag; 412 als die verouderd is."),
]
TEAM = errors(e401="Niet ingelogd.", e403="Alleen de redactie.")
STALE = errors(e412="Iemand anders wijzigde dit intussen.", e428="If-Match ontbreekt.")


@router.get(
    "/ict/leveranciers",
    response_model=SupplierList,
    operation_id="ictLeveranciersOpvragen",
    summary="De softwareleveranciers, met hun instemming met openbare cijfers (redactie)",
    responses=TEAM,
    openapi_extra=PERSON,
)
def list_suppliers(principal: CurrentPrincipal, session: SessionDep) -> SupplierList:
    found = catalogue.find_suppliers(session, principal)
    signals = of_supplier.open_counts(session)
    return SupplierList(resultaten=[presenters.supplier_list_item(v, signals) for v in found])


def _supplier(view: catalogue.SupplierView) -> Response:
    return private_versioned(presenters.supplier_read(view), view.version)


@router.get(
    "/ict/leveranciers/{code}",
    response_model=SupplierRead,
    operation_id="ictLeverancierOpvragen",
    summary="Eén leverancier (redactie, of de eigen leverancierskoppeling)",
    responses={**VERSIONED, **TEAM, **errors(e404="Geen leverancier met deze code.")},
    openapi_extra=SUPPLIER_CLIENT,
)
def get_supplier(code: SupplierCode, principal: CurrentPrincipal, session: SessionDep) -> Response:
    return _supplier(catalogue.get_supplier(session, principal, code))


@router.patch(
    "/ict/leveranciers/{code}",
    response_model=SupplierRead,
    operation_id="ictLeverancierWijzigen",
    summary="De instemming van de leverancier met openbare cijfers vastleggen (redactie; "
    "If-Match zodra er een versie is)",
    responses={**VERSIONED, **TEAM, **STALE, **errors(e404="Geen leverancier met deze code.")},
    openapi_extra=PERSON,
)
def change_supplier(
    code: SupplierCode,
    body: SupplierChange,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    if_match: IfMatch = None,
) -> Response:
    view = catalogue.set_figures_public(
        session, principal, ctx, code, body.cijfers_openbaar, if_match
    )
    return _supplier(view)


@router.get(
    "/ict/applicaties",
    response_model=ApplicationPage,
    operation_id="ictApplicatiesOpvragen",
    summary="Applicaties van leveranciers; een leverancierskoppeling ziet alleen de eigen",
    responses=errors(e401="Niet ingelogd.", e403="Geen toegang."),
    openapi_extra=SUPPLIER_CLIENT,
)
def list_applications(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
    leverancier: Annotated[
        str | None, Query(pattern=r"^[a-z0-9-]{2,60}$", description="Code van de leverancier.")
    ] = None,
    domein: Annotated[
        Domain | None, Query(description="Alleen applicaties voor dit domein.")
    ] = None,
) -> ApplicationPage:
    found, total = catalogue.find_applications(session, principal, leverancier, domein, page)
    names = catalogue.supplier_names(session)
    users = catalogue.users_of(session, [a.id for a in found])
    info, links = page_envelope(request, page, total)
    return ApplicationPage(
        resultaten=[presenters.application_read(a, names, users) for a in found],
        paginering=info,
        _links=links,
    )


def _application(
    session: Session, application: catalogue.Application, code: int = status.HTTP_200_OK
) -> Response:
    body = presenters.application_read(
        application,
        catalogue.supplier_names(session),
        catalogue.users_of(session, [application.id]),
    )
    created = code == status.HTTP_201_CREATED
    return private_versioned(
        body,
        application.version,
        status_code=code,
        location=api_path("ict", "applicaties", application.id) if created else None,
    )


@router.post(
    "/ict/applicaties",
    status_code=status.HTTP_201_CREATED,
    response_model=ApplicationRead,
    operation_id="ictApplicatieAanmaken",
    summary="Een applicatie van een leverancier toevoegen (redactie)",
    responses={**TEAM, **errors(e409="De leverancier heeft al een applicatie met deze naam.")},
    openapi_extra=PERSON,
)
def create_application(
    body: ApplicationCreate, principal: CurrentPrincipal, session: SessionDep, ctx: ContextDep
) -> Response:
    application = catalogue.create_application(
        session, principal, ctx, body.naam, body.leverancier, body.domeinen
    )
    return _application(session, application, status.HTTP_201_CREATED)


@router.post(
    "/ict/applicaties/import",
    response_model=ImportReport,
    operation_id="ictCatalogusImporteren",
    summary="Welke gemeente welke applicatie gebruikt, uit een CSV-export van een "
    "softwarecatalogus: alles of niets, fouten per rij (redactie)",
    responses={
        **TEAM,
        **errors(
            e413="Het bestand is te groot, of voorbij een leesgrens (rijen, regels).",
            e415="Geen leesbare CSV (UTF-8).",
        ),
    },
    openapi_extra=PERSON,
)
def import_catalogue(
    bestand: Annotated[
        UploadFile,
        File(description="CSV: gemeentecode;gemeentenaam;pakket;leverancier;domein."),
    ],
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    controleren: Annotated[bool, Query(description="Alleen controleren, niets opslaan.")] = False,
) -> ImportReport:
    # The right first: a caller who may not import costs no parsing.
    importing.ensure_may_import(principal)
    size = bestand.file.seek(0, os.SEEK_END)
    bestand.file.seek(0)
    # On SQLite a POST's first query took the write lock; reading the file must not hold it.
    session.commit()
    rows = importing.read(bestand.file, size)
    outcome = importing.apply(session, principal, ctx, rows, dry_run=controleren)
    return ImportReport(
        rijen=outcome.rows,
        nieuwe_applicaties=outcome.new_applications,
        gewijzigd=outcome.changed,
        ongewijzigd=outcome.unchanged,
        gecontroleerd=controleren,
    )


@router.get(
    "/ict/applicaties/{id}",
    response_model=ApplicationRead,
    operation_id="ictApplicatieOpvragen",
    summary="Eén applicatie, met haar ETag om te wijzigen",
    responses={
        **VERSIONED,
        **errors(e401="Niet ingelogd.", e403="Geen toegang.", e404="Bestaat niet."),
    },
    openapi_extra=SUPPLIER_CLIENT,
)
def get_application(
    application_id: ApplicationId, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    return _application(session, catalogue.get_application(session, principal, application_id))


@router.patch(
    "/ict/applicaties/{id}",
    response_model=ApplicationRead,
    operation_id="ictApplicatieWijzigen",
    summary="Naam of domeinen van een applicatie wijzigen; If-Match is verplicht (redactie)",
    responses={**VERSIONED, **TEAM, **STALE, **errors(e404="Bestaat niet.", e409="Naam bezet.")},
    openapi_extra=PERSON,
)
def change_application(
    application_id: ApplicationId,
    body: ApplicationChange,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    if_match: IfMatch = None,
) -> Response:
    application = catalogue.change_application(
        session, principal, ctx, application_id, if_match, body.naam, body.domeinen
    )
    return _application(session, application)


@router.get(
    "/gemeenten/{code}/applicaties",
    response_model=MunicipalApplications,
    operation_id="gemeenteApplicatiesOpvragen",
    summary="De applicatie die een gemeente per domein gebruikt (eigen gemeente of redactie)",
    responses=errors(e401="Niet ingelogd.", e404="Geen gemeente, of niet de uwe."),
    openapi_extra=PERSON,
)
def municipal_applications(
    code: MunicipalityCode, principal: CurrentPrincipal, session: SessionDep
) -> MunicipalApplications:
    (municipality, name), used = catalogue.municipal_applications(session, principal, code)
    return MunicipalApplications(
        gemeente=CodeName(code=municipality, naam=name),
        domeinen=presenters.usages_read(used, catalogue.supplier_names(session)),
    )


@router.put(
    "/gemeenten/{code}/applicaties/{domein}",
    response_model=MunicipalApplications,
    operation_id="gemeenteApplicatieKiezen",
    summary="De applicatie voor één domein opgeven of weghalen (eigen gemeente of redactie; "
    "If-Match optioneel: de ETag van het domein is v<versie>)",
    responses={
        **errors(e401="Niet ingelogd.", e404="Geen gemeente, of niet de uwe."),
        **errors(e412="Iemand anders wijzigde dit domein intussen."),
    },
    openapi_extra=PERSON,
)
def choose_application(
    code: MunicipalityCode,
    domein: Annotated[Domain, Path(description="inkomen, werk, schulden of ketenuitwisseling.")],
    body: UsageChoice,
    principal: CurrentPrincipal,
    session: SessionDep,
    if_match: IfMatch = None,
) -> MunicipalApplications:
    catalogue.set_usage(session, principal, code, domein, body.applicatie, if_match)
    return municipal_applications(code, principal, session)


@router.get(
    "/gemeenten/{code}/applicaties/historie",
    response_model=UsageHistory,
    operation_id="gemeenteApplicatiesHistorie",
    summary="Elke wijziging van de applicaties van een gemeente, nieuwste eerst, met de bron",
    responses=errors(e401="Niet ingelogd.", e404="Geen gemeente, of niet de uwe."),
    openapi_extra=PERSON,
)
def usage_history(
    request: Request,
    code: MunicipalityCode,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
) -> UsageHistory:
    (municipality, name), changes, total, applications = catalogue.usage_history(
        session, principal, code, page
    )
    names = catalogue.supplier_names(session)
    info, links = page_envelope(request, page, total)
    return UsageHistory(
        gemeente=CodeName(code=municipality, naam=name),
        resultaten=[presenters.usage_change_read(c, applications, names) for c in changes],
        paginering=info,
        _links=links,
    )


router.include_router(readiness_router.router)
router.include_router(views_router.router)
