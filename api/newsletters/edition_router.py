"""HTTP endpoints of the editions, for the editors: list, draft, change (If-Match), preview,
test mail, plan and withdraw."""

from typing import Annotated, Literal

from fastapi import Header, Path, Query, Request, Response, status
from sqlalchemy.orm import Session

from api.accounts.principal import CurrentPrincipal
from api.core.conditional import private_versioned
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.requests import ContextDep, SettingsDep
from api.core.routing import PERSON, VERSIONED, errors, json_router
from api.core.urls import api_path
from api.newsletters import editions
from api.newsletters.edition_schemas import (
    EditionCreate,
    EditionDetail,
    EditionPage,
    EditionUpdate,
    Preview,
    ScheduleBody,
    TestMail,
)

router = json_router(tags=["Nieuwsbrief"], conditional=False)

EditionId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van de editie.")
]
IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description="ETag van de gelezen editie; 412 als die verouderd is."),
]
TEAM = {**errors(e401="Niet ingelogd.", e403="Alleen de redactie.")}
FOUND = {**TEAM, **errors(e404="Editie bestaat niet.")}
STALE = {
    **VERSIONED,
    **FOUND,
    **errors(
        e409="De editie wordt verzonden of is verzonden.",
        e412="Iemand anders wijzigde de editie intussen.",
        e428="Stuur If-Match met de ETag die u las.",
    ),
}


def _detail(
    session: Session, edition: editions.Edition, code: int = status.HTTP_200_OK
) -> Response:
    created = code == status.HTTP_201_CREATED
    return private_versioned(
        editions.detail(session, edition),
        edition.version,
        status_code=code,
        location=api_path("nieuwsbrief", "edities", edition.id) if created else None,
    )


@router.get(
    "/nieuwsbrief/edities",
    response_model=EditionPage,
    operation_id="nieuwsbriefEditiesOpvragen",
    summary="Alle edities van de nieuwsbrief, nieuwste eerst (redactie)",
    responses=TEAM,
    openapi_extra=PERSON,
)
def list_editions(
    request: Request, principal: CurrentPrincipal, session: SessionDep, page: PageDep
) -> EditionPage:
    found, total = editions.find(session, principal, page)
    info, links = page_envelope(request, page, total)
    return EditionPage(
        resultaten=[editions.summary(e) for e in found], paginering=info, _links=links
    )


@router.post(
    "/nieuwsbrief/edities",
    status_code=status.HTTP_201_CREATED,
    response_model=EditionDetail,
    operation_id="nieuwsbriefEditieAanmaken",
    summary="Een nieuwe editie, gevuld met wat er sinds de vorige editie gebeurde (redactie)",
    responses=TEAM,
    openapi_extra=PERSON,
)
def create_edition(
    body: EditionCreate, principal: CurrentPrincipal, session: SessionDep, settings: SettingsDep
) -> Response:
    edition = editions.create(session, principal, settings, body.titel)
    return _detail(session, edition, status.HTTP_201_CREATED)


@router.get(
    "/nieuwsbrief/edities/{id}",
    response_model=EditionDetail,
    operation_id="nieuwsbriefEditieOpvragen",
    summary="Eén editie met haar secties, en haar ETag om te wijzigen (redactie)",
    responses={**VERSIONED, **FOUND},
    openapi_extra=PERSON,
)
def get_edition(
    edition_id: EditionId, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    return _detail(session, editions.get(session, principal, edition_id))


@router.patch(
    "/nieuwsbrief/edities/{id}",
    response_model=EditionDetail,
    operation_id="nieuwsbriefEditieWijzigen",
    summary="Titel, inleiding (Markdown) of secties wijzigen, zolang de editie niet wordt "
    "verzonden (redactie)",
    responses=STALE,
    openapi_extra=PERSON,
)
def update_edition(
    edition_id: EditionId,
    body: EditionUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    if_match: IfMatch = None,
) -> Response:
    return _detail(session, editions.update(session, principal, edition_id, if_match, body))


@router.get(
    "/nieuwsbrief/edities/{id}/voorbeeld",
    response_model=Preview,
    operation_id="nieuwsbriefEditieVoorbeeld",
    summary="De editie zoals iedereen die alles ontvangt haar krijgt: als webpagina, als "
    "HTML-mail of als platte tekst (redactie)",
    responses=FOUND,
    openapi_extra=PERSON,
)
def preview_edition(
    edition_id: EditionId,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    vorm: Annotated[
        Literal["web", "mail", "tekst"],
        Query(description="web: HTML-fragment; mail: de hele HTML-mail; tekst: de platte tekst."),
    ] = "web",
) -> Preview:
    return editions.preview(session, principal, settings, edition_id, vorm)


@router.post(
    "/nieuwsbrief/edities/{id}/testmail",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=TestMail,
    operation_id="nieuwsbriefTestmailVersturen",
    summary="De editie als mail naar uzelf, om te zien hoe die aankomt (redactie)",
    responses=FOUND,
    openapi_extra=PERSON,
)
def send_test_mail(
    edition_id: EditionId, principal: CurrentPrincipal, session: SessionDep, settings: SettingsDep
) -> TestMail:
    return TestMail(aan=editions.test_mail(session, principal, settings, edition_id))


@router.post(
    "/nieuwsbrief/edities/{id}/inplannen",
    response_model=EditionDetail,
    operation_id="nieuwsbriefEditieInplannen",
    summary="De editie inplannen: op dit moment (niet in het verleden) gaat zij naar de "
    "abonnees (redactie)",
    responses=STALE,
    openapi_extra=PERSON,
)
def schedule_edition(
    edition_id: EditionId,
    body: ScheduleBody,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    if_match: IfMatch = None,
) -> Response:
    edition = editions.schedule(session, ctx, principal, edition_id, if_match, body.verzenden_op)
    return _detail(session, edition)


@router.post(
    "/nieuwsbrief/edities/{id}/intrekken",
    response_model=EditionDetail,
    operation_id="nieuwsbriefEditieIntrekken",
    summary="Een ingeplande editie terug naar concept, zolang het verzenden niet begon (redactie)",
    responses=STALE,
    openapi_extra=PERSON,
)
def withdraw_edition(
    edition_id: EditionId,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    if_match: IfMatch = None,
) -> Response:
    return _detail(session, editions.withdraw(session, ctx, principal, edition_id, if_match))
