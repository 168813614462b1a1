"""HTTP endpoints for sessions (inloggen), the OAuth token endpoint, my account and the
password links. Rules live in sessions.py, users.py, recovery.py and clients.py."""

import base64
from typing import Annotated

from fastapi import Form, Request, Response, status

from api.accounts import clients, recovery, sessions, users
from api.accounts.cookies import clear_session_cookies, set_session_cookies
from api.accounts.principal import REFRESH_COOKIE, CurrentPrincipal, check_csrf, require_person
from api.accounts.schemas import (
    CurrentSessionRead,
    LoginRequest,
    MyAccountUpdate,
    PasswordChange,
    PasswordWithLink,
    ResetRequest,
    SecondFactorChange,
    SecondFactorStarted,
    SessionRead,
    TokenResponse,
    UserRead,
)
from api.accounts.sessions import IssuedSession
from api.core.db import SessionDep
from api.core.requests import ContextDep, SettingsDep
from api.core.routing import PERSON, PUBLIC, errors, json_router

router = json_router(tags=["Accounts"], conditional=False)


def _session_read(issued: IssuedSession, settings: SettingsDep) -> SessionRead:
    roles = {r.value for r in issued.user.roles}
    return SessionRead(
        gebruiker=UserRead.of(issued.user),
        verloopt_op=issued.access_expires,
        sessie_verloopt_op=issued.session_expires,
        csrf_token=issued.csrf_token,
        tweede_factor_instellen=bool(roles & settings.roles_needing_second_factor)
        and not issued.user.totp_enabled,
    )


@router.post(
    "/sessies",
    status_code=status.HTTP_201_CREATED,
    response_model=SessionRead,
    operation_id="inloggen",
    responses=errors(
        e401="E-mailadres of wachtwoord onjuist, of de code van de tweede factor ontbreekt.",
        e429="Te veel mislukte pogingen; zie Retry-After.",
    ),
    summary="Inloggen met e-mailadres, wachtwoord en zo nodig de tweede factor",
    openapi_extra=PUBLIC,
)
def login(
    body: LoginRequest,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
) -> SessionRead:
    issued = sessions.login(session, settings, ctx, body.email, body.wachtwoord, body.code)
    set_session_cookies(response, settings, issued)
    response.headers["Location"] = "/api/v1/sessies/huidig"
    return _session_read(issued, settings)


@router.get(
    "/sessies/huidig",
    response_model=CurrentSessionRead,
    operation_id="huidigeSessieOpvragen",
    summary="Wie ben ik?",
    openapi_extra=PERSON,
)
def current_session(principal: CurrentPrincipal, session: SessionDep) -> CurrentSessionRead:
    user = users.my_account(session, principal)
    return CurrentSessionRead(
        gebruiker=UserRead.of(user), tweede_factor_instellen=principal.second_factor_missing
    )


@router.post(
    "/sessies/huidig/vernieuwing",
    response_model=SessionRead,
    operation_id="sessieVernieuwen",
    responses=errors(e401="Het vernieuwingstoken is verlopen, ingetrokken of hergebruikt."),
    summary="Nieuw toegangstoken met het vernieuwingstoken (roteert het vernieuwingstoken)",
    openapi_extra={"security": [{"vernieuwingCookie": []}]},
)
def refresh(
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
) -> SessionRead:
    check_csrf(request)
    issued = sessions.refresh(session, settings, ctx, request.cookies.get(REFRESH_COOKIE))
    set_session_cookies(response, settings, issued)
    return _session_read(issued, settings)


@router.delete(
    "/sessies/huidig",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="uitloggen",
    summary="Uitloggen: beëindigt de sessie en al haar tokens",
    openapi_extra=PERSON,
)
def logout(
    principal: CurrentPrincipal, session: SessionDep, settings: SettingsDep, ctx: ContextDep
) -> Response:
    user_id = require_person(principal)
    sessions.logout(session, ctx, user_id, principal.session_id)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    clear_session_cookies(response, settings)
    return response


def _basic_credentials(request: Request) -> tuple[str, str] | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        client_id, _, secret = base64.b64decode(value).decode().partition(":")
    except ValueError:
        return None
    return client_id, secret


@router.post(
    "/oauth/token",
    response_model=TokenResponse,
    operation_id="tokenAanvragen",
    responses=errors(
        e401="Onbekende koppeling of onjuist geheim (error: invalid_client).",
        e429="Te veel mislukte pogingen; zie Retry-After.",
    ),
    summary="OAuth 2.0 client credentials: een toegangstoken voor een koppeling",
    openapi_extra=PUBLIC,
)
def token(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
    grant_type: Annotated[str, Form(max_length=40)],
    client_id: Annotated[str | None, Form(max_length=60)] = None,
    client_secret: Annotated[str | None, Form(max_length=200)] = None,
    scope: Annotated[str | None, Form(max_length=400)] = None,
) -> Response:
    if grant_type != "client_credentials":
        raise clients.OAuthError(
            400, "unsupported_grant_type", "Alleen client_credentials wordt ondersteund."
        )
    credentials = _basic_credentials(request) or (client_id or "", client_secret or "")
    if not credentials[0] or not credentials[1]:
        raise clients.OAuthError(401, "invalid_client", "Geef client_id en client_secret mee.")
    granted = clients.client_credentials_grant(
        session,
        settings,
        ctx,
        client_id=credentials[0],
        client_secret=credentials[1],
        requested_scopes=scope.split() if scope else None,
    )
    body = TokenResponse(
        access_token=granted.access_token,
        expires_in=granted.expires_in,
        scope=" ".join(granted.scopes),
    )
    return Response(
        body.model_dump_json(),
        media_type="application/json",
        headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
    )


@router.get(
    "/mijn-account",
    response_model=UserRead,
    operation_id="mijnAccountOpvragen",
    summary="Mijn account",
    openapi_extra=PERSON,
)
def get_my_account(principal: CurrentPrincipal, session: SessionDep) -> UserRead:
    return UserRead.of(users.my_account(session, principal))


@router.patch(
    "/mijn-account",
    response_model=UserRead,
    operation_id="mijnAccountWijzigen",
    summary="Mijn naam wijzigen",
    openapi_extra=PERSON,
)
def update_my_account(
    body: MyAccountUpdate, principal: CurrentPrincipal, session: SessionDep, ctx: ContextDep
) -> UserRead:
    return UserRead.of(users.rename_me(session, principal, ctx, body.naam))


@router.put(
    "/mijn-account/wachtwoord",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="mijnWachtwoordWijzigen",
    summary="Mijn wachtwoord wijzigen (beëindigt mijn andere sessies)",
    openapi_extra=PERSON,
)
def change_my_password(
    body: PasswordChange, principal: CurrentPrincipal, session: SessionDep, ctx: ContextDep
) -> Response:
    users.change_my_password(session, principal, ctx, body.huidig_wachtwoord, body.nieuw_wachtwoord)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/mijn-account/tweede-factor",
    status_code=status.HTTP_201_CREATED,
    response_model=SecondFactorStarted,
    operation_id="tweedeFactorStarten",
    responses=errors(e409="De tweede factor staat al aan."),
    summary="Een tweede factor (TOTP) gaan instellen: geeft het geheim",
    openapi_extra=PERSON,
)
def start_second_factor(
    principal: CurrentPrincipal, session: SessionDep, ctx: ContextDep
) -> SecondFactorStarted:
    secret, uri = users.start_second_factor(session, principal, ctx)
    return SecondFactorStarted(geheim=secret, otpauth_uri=uri)


@router.put(
    "/mijn-account/tweede-factor",
    response_model=UserRead,
    operation_id="tweedeFactorInstellen",
    responses=errors(e409="Niet gestart, of verplicht voor uw rol."),
    summary="De tweede factor aan- of uitzetten met een code uit de app",
    openapi_extra=PERSON,
)
def set_second_factor(
    body: SecondFactorChange,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
) -> UserRead:
    return UserRead.of(
        users.set_second_factor(
            session, settings, principal, ctx, active=body.actief, code=body.code
        )
    )


@router.post(
    "/wachtwoord-herstel",
    status_code=status.HTTP_202_ACCEPTED,
    operation_id="wachtwoordHerstelAanvragen",
    response_class=Response,
    responses={
        202: {"description": "Aanvraag ontvangen; bestaat het adres, dan volgt een mail."},
        **errors(e429="Te veel aanvragen; zie Retry-After."),
    },
    summary="Een herstellink aanvragen (altijd hetzelfde antwoord)",
    openapi_extra=PUBLIC,
)
def request_reset(
    body: ResetRequest, session: SessionDep, settings: SettingsDep, ctx: ContextDep
) -> Response:
    recovery.request_reset(session, settings, ctx, body.email)
    return Response(status_code=status.HTTP_202_ACCEPTED)


@router.post(
    "/wachtwoord-herstel/bevestiging",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="wachtwoordHerstellen",
    summary="Een nieuw wachtwoord kiezen met de herstellink",
    openapi_extra=PUBLIC,
)
def confirm_reset(body: PasswordWithLink, session: SessionDep, ctx: ContextDep) -> Response:
    recovery.set_password_with_link(session, ctx, body.token, recovery.RESET, body.wachtwoord)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/uitnodigingen/aanvaarding",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="uitnodigingAanvaarden",
    summary="Een uitnodiging aanvaarden door een wachtwoord te kiezen",
    openapi_extra=PUBLIC,
)
def accept_invitation(body: PasswordWithLink, session: SessionDep, ctx: ContextDep) -> Response:
    recovery.set_password_with_link(session, ctx, body.token, recovery.INVITATION, body.wachtwoord)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
