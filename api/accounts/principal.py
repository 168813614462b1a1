"""Authentication: the request's cookie or bearer token becomes a Principal.

People use the SPA's HttpOnly session cookie, with a CSRF token (double submit) on every
unsafe request; machine clients send a bearer token. Each request checks the database, so a
deactivated user, a logged-out session or a revoked client secret stops working at once."""

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from api.accounts import repository
from api.accounts.claims import client_claims, person_claims
from api.accounts.keys import key_by_id
from api.accounts.secrets import same
from api.core.db import SessionDep
from api.core.errors import ForbiddenError, UnauthenticatedError
from api.core.requests import SettingsDep
from api.core.security import ANONYMOUS, ClientKind, Principal, Role, Scope
from api.core.settings import Settings
from api.core.tokens import InvalidTokenError, key_id_of, verify

ACCESS_COOKIE = "spoorboek_sessie"
REFRESH_COOKIE = "spoorboek_vernieuwing"
CSRF_COOKIE = "spoorboek_csrf"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# Paths a person may use before setting up a second factor that their role demands.
_SECOND_FACTOR_SETUP_PATHS = ("/api/v1/sessies", "/api/v1/mijn-account")


def _token_of(request: Request) -> tuple[str | None, bool]:
    header = request.headers.get("authorization")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise UnauthenticatedError("Gebruik het schema Bearer in de Authorization-header.")
        return token.strip(), False
    return request.cookies.get(ACCESS_COOKIE), True


def _claims(session: Session, settings: Settings, token: str) -> dict[str, Any]:
    try:
        key = key_by_id(session, settings, key_id_of(token))
        if key is None:
            raise InvalidTokenError("unknown key")
        return verify(token, key, issuer=settings.jwt_issuer, audience=settings.jwt_audience)
    except InvalidTokenError as exc:
        raise UnauthenticatedError("Het toegangstoken is ongeldig of verlopen.") from exc


def _user_principal(session: Session, settings: Settings, raw: dict[str, Any]) -> Principal:
    claims = person_claims(raw)
    holder = repository.session_holder(session, claims.user_id, claims.sid)
    now = datetime.now(UTC)
    if holder is None:
        raise UnauthenticatedError("De sessie bestaat niet meer.")
    if not holder.is_active or holder.revoked_at is not None or holder.expires_at <= now:
        raise UnauthenticatedError("De sessie is beëindigd. Log opnieuw in.")
    needs_factor = bool({r.value for r in holder.roles} & settings.roles_needing_second_factor)
    return Principal(
        kind="user",
        user_id=holder.user_id,
        roles=holder.roles,
        municipalities=holder.municipalities,
        organisation_code=holder.organisation_code,
        session_id=holder.session_id,
        second_factor_missing=needs_factor and not holder.totp_enabled,
    )


def _client_principal(session: Session, raw: dict[str, Any]) -> Principal:
    claims = client_claims(raw)
    found = repository.client_with_secret(session, claims.client_id, claims.sec)
    now = datetime.now(UTC)
    if found is None:
        raise UnauthenticatedError("De koppeling bestaat niet meer.")
    client, secret = found
    secret_expired = secret.expires_at is not None and secret.expires_at <= now
    if not client.is_active or secret.revoked_at is not None or secret_expired:
        raise UnauthenticatedError("De koppeling of haar geheim is ingetrokken.")
    granted = {Scope(s) for s in claims.scope.split() if s in Scope._value2member_map_}
    return Principal(
        kind="client",
        client_id=client.client_id,
        client_kind=ClientKind(client.kind),
        scopes=frozenset(granted & {Scope(s) for s in client.scopes}),
        municipalities=frozenset(m.code for m in client.municipalities),
        organisation_code=client.organisation_code,
        secret_id=secret.id,
    )


def check_csrf(request: Request) -> None:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    header = request.headers.get(CSRF_HEADER, "")
    if not cookie or not header or not same(cookie, header):
        raise ForbiddenError(
            f"CSRF-controle mislukt: stuur de waarde van de cookie {CSRF_COOKIE} mee in de "
            f"header {CSRF_HEADER}."
        )


def resolve(request: Request, session: Session, settings: Settings) -> Principal:
    token, via_cookie = _token_of(request)
    if not token:
        return ANONYMOUS
    claims = _claims(session, settings, token)
    subject = str(claims.get("sub", ""))
    if subject.startswith("user:"):
        if via_cookie and request.method not in SAFE_METHODS:
            check_csrf(request)
        principal = _user_principal(session, settings, claims)
    elif subject.startswith("client:"):
        principal = _client_principal(session, claims)
    else:
        raise UnauthenticatedError("Het toegangstoken is ongeldig.")
    if principal.second_factor_missing and not request.url.path.startswith(
        _SECOND_FACTOR_SETUP_PATHS
    ):
        raise ForbiddenError(
            "Uw rol vraagt een tweede factor. Stel die eerst in bij Mijn account.",
            extra={"code": "tweede_factor_instellen"},
        )
    return principal


def current_principal(request: Request, session: SessionDep, settings: SettingsDep) -> Principal:
    return resolve(request, session, settings)


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def require_person(principal: Principal) -> int:
    """The id of the logged-in person; machine clients and the public are refused."""
    if principal.kind == "anonymous":
        raise UnauthenticatedError
    if principal.user_id is None:
        raise ForbiddenError("Alleen voor personen, niet voor koppelingen.")
    return principal.user_id


def require_admin(principal: Principal) -> None:
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if Role.ADMIN not in principal.roles:
        raise ForbiddenError("Alleen beheerders mogen dit.")
