"""HTTP endpoints for admins (users and machine clients) and for a municipality's contact
persons. The rules, including who may do what, live in users.py and clients.py."""

from typing import Annotated

from fastapi import Path, Query, Request, Response, status

from api.accounts import clients, users
from api.accounts.principal import CurrentPrincipal
from api.accounts.schemas import (
    ClientCreate,
    ClientPage,
    ClientRead,
    ClientUpdate,
    ClientWithSecret,
    ContactList,
    ContactRead,
    SecretRotation,
    UserCreate,
    UserPage,
    UserRead,
    UserUpdate,
)
from api.accounts.vocabulary import UserFilter
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.requests import ContextDep, SettingsDep
from api.core.routing import PERSON, errors, json_router
from api.core.security import ClientKind, Role
from api.core.urls import api_path

router = json_router(tags=["Beheer van accounts"], conditional=False)

UserId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Id van de gebruiker.")
]
ClientId = Annotated[
    str, Path(alias="clientId", pattern=r"^sbc_[A-Za-z0-9_-]{8,40}$", description="client_id.")
]


@router.get(
    "/gebruikers",
    response_model=UserPage,
    operation_id="gebruikersOpvragen",
    summary="Gebruikers zoeken (beheerders)",
    openapi_extra=PERSON,
)
def list_users(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
    rol: Annotated[Role | None, Query(description="Alleen gebruikers met deze rol.")] = None,
    gemeente: Annotated[str | None, Query(pattern=r"^GM\d{4}$")] = None,
    actief: Annotated[bool | None, Query()] = None,
    zoek: Annotated[str | None, Query(min_length=2, max_length=100)] = None,
) -> UserPage:
    criteria = UserFilter(role=rol, municipality=gemeente, active=actief, text=zoek)
    found, total = users.find_users(session, principal, criteria, page)
    info, links = page_envelope(request, page, total)
    return UserPage(resultaten=[UserRead.of(u) for u in found], paginering=info, _links=links)


@router.post(
    "/gebruikers",
    status_code=status.HTTP_201_CREATED,
    response_model=UserRead,
    operation_id="gebruikerUitnodigen",
    responses=errors(e409="Er is al een gebruiker met dit e-mailadres."),
    summary="Een gebruiker aanmaken en uitnodigen (beheerders)",
    openapi_extra=PERSON,
)
def invite_user(
    body: UserCreate,
    response: Response,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
) -> UserRead:
    user = users.invite_user(
        session,
        settings,
        principal,
        ctx,
        email=body.email,
        name=body.naam,
        roles=body.rollen,
        municipalities=body.gemeenten,
        organisation=body.organisatie,
    )
    response.headers["Location"] = api_path("gebruikers", user.id)
    return UserRead.of(user)


@router.get(
    "/gebruikers/{id}",
    response_model=UserRead,
    operation_id="gebruikerOpvragen",
    summary="Eén gebruiker (beheerders)",
    openapi_extra=PERSON,
)
def get_user(user_id: UserId, principal: CurrentPrincipal, session: SessionDep) -> UserRead:
    return UserRead.of(users.get_user(session, principal, user_id))


@router.patch(
    "/gebruikers/{id}",
    response_model=UserRead,
    operation_id="gebruikerWijzigen",
    responses=errors(e409="U kunt uzelf niet de beheerdersrol afnemen of uitschakelen."),
    summary="Rollen, gemeenten, organisatie of status van een gebruiker wijzigen (beheerders)",
    openapi_extra=PERSON,
)
def change_user(
    user_id: UserId,
    body: UserUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
) -> UserRead:
    given = body.model_fields_set
    changes = users.UserChanges(
        name=body.naam,
        roles=body.rollen,
        municipalities=body.gemeenten,
        organisation=body.organisatie,
        clear_organisation="organisatie" in given and body.organisatie is None,
        active=body.actief,
    )
    return UserRead.of(users.change_user(session, principal, ctx, user_id, changes))


@router.post(
    "/gebruikers/{id}/uitnodigingen",
    status_code=status.HTTP_202_ACCEPTED,
    operation_id="uitnodigingOpnieuwSturen",
    responses=errors(e409="De gebruiker heeft al een wachtwoord."),
    summary="De uitnodiging opnieuw sturen (beheerders)",
    openapi_extra=PERSON,
)
def resend_invitation(
    user_id: UserId,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
) -> Response:
    users.resend_invitation(session, settings, principal, ctx, user_id)
    return Response(status_code=status.HTTP_202_ACCEPTED)


@router.get(
    "/koppelingen",
    response_model=ClientPage,
    operation_id="koppelingenOpvragen",
    summary="Machinekoppelingen (beheerders)",
    openapi_extra=PERSON,
)
def list_clients(
    request: Request, principal: CurrentPrincipal, session: SessionDep, page: PageDep
) -> ClientPage:
    found, total = clients.find_clients(session, principal, page)
    info, links = page_envelope(request, page, total)
    return ClientPage(resultaten=[ClientRead.of(c) for c in found], paginering=info, _links=links)


@router.post(
    "/koppelingen",
    status_code=status.HTTP_201_CREATED,
    response_model=ClientWithSecret,
    operation_id="koppelingAanmaken",
    summary="Een koppeling aanmaken; het geheim wordt één keer getoond (beheerders)",
    openapi_extra=PERSON,
)
def create_client(
    body: ClientCreate,
    response: Response,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
) -> ClientWithSecret:
    spec = clients.ClientSpec(
        name=body.naam,
        kind=ClientKind(body.soort),
        scopes=body.scopes,
        municipalities=body.gemeenten,
        organisation=body.organisatie,
    )
    client, secret = clients.create_client(session, principal, ctx, spec)
    response.headers["Location"] = api_path("koppelingen", client.client_id)
    response.headers["Cache-Control"] = "no-store"
    return ClientWithSecret(koppeling=ClientRead.of(client), client_secret=secret)


@router.get(
    "/koppelingen/{clientId}",
    response_model=ClientRead,
    operation_id="koppelingOpvragen",
    summary="Eén koppeling (beheerders)",
    openapi_extra=PERSON,
)
def get_client(client_id: ClientId, principal: CurrentPrincipal, session: SessionDep) -> ClientRead:
    return ClientRead.of(clients.get_client(session, principal, client_id))


@router.patch(
    "/koppelingen/{clientId}",
    response_model=ClientRead,
    operation_id="koppelingWijzigen",
    summary="Een koppeling intrekken of weer activeren (beheerders)",
    openapi_extra=PERSON,
)
def change_client(
    client_id: ClientId,
    body: ClientUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
) -> ClientRead:
    return ClientRead.of(clients.set_active(session, principal, ctx, client_id, body.actief))


@router.post(
    "/koppelingen/{clientId}/geheimen",
    status_code=status.HTTP_201_CREATED,
    response_model=ClientWithSecret,
    operation_id="koppelingGeheimVervangen",
    summary="Een nieuw geheim; het oude vervalt meteen of na de overlap (beheerders)",
    openapi_extra=PERSON,
)
def rotate_secret(
    client_id: ClientId,
    body: SecretRotation,
    response: Response,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
) -> ClientWithSecret:
    client, secret = clients.rotate_secret(session, principal, ctx, client_id, body.overlap_uren)
    response.headers["Cache-Control"] = "no-store"
    return ClientWithSecret(koppeling=ClientRead.of(client), client_secret=secret)


@router.get(
    "/gemeenten/{code}/contactpersonen",
    response_model=ContactList,
    operation_id="contactpersonenOpvragen",
    summary="Contactpersonen van een gemeente (programmateam en de gemeente zelf)",
    openapi_extra=PERSON,
)
def municipality_contacts(
    code: Annotated[str, Path(pattern=r"^GM\d{4}$", examples=["GM0363"])],
    principal: CurrentPrincipal,
    session: SessionDep,
) -> ContactList:
    contacts = users.contacts_of_municipality(session, principal, code)
    return ContactList(
        resultaten=[
            ContactRead(naam=u.name, email=u.email, organisatie=u.organisation_code)
            for u in contacts
        ]
    )
