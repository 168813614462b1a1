"""Machine clients: partner systems and scripts, with secrets shown once and stored hashed,
and the OAuth 2.0 client-credentials grant that turns a secret into a scoped access token."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from api.accounts import repository, throttling
from api.accounts.models import ClientSecret, MachineClient
from api.accounts.principal import require_admin
from api.accounts.secrets import CLIENT_ID, hash_token, new_token, same
from api.accounts.tokens import client_access_token
from api.audit.service import record
from api.core.errors import DomainError, NotFoundError
from api.core.pagination import PageParams
from api.core.requests import RequestContext
from api.core.security import ClientKind, Principal, Scope
from api.core.settings import Settings
from api.core.validation import InvalidParams
from api.municipalities.models import Municipality
from api.organisations.models import Organisation, OrganisationKind

# Scripts push progress for their municipalities; they never touch the catalogue.
SCRIPT_SCOPES = frozenset({Scope.PROGRESS_READ, Scope.PROGRESS_WRITE})
# A supplier reports readiness for its own applications, and nothing else.
SUPPLIER_SCOPES = frozenset({Scope.READINESS_WRITE})


class OAuthError(DomainError):
    """An error of the token endpoint: problem+json that also carries RFC 6749's `error`."""

    def __init__(self, status: int, error: str, detail: str, *, keep_changes: bool = False) -> None:
        headers = {"WWW-Authenticate": 'Basic realm="spoorboek"'} if status == 401 else None
        super().__init__(detail, extra={"error": error}, headers=headers, keep_changes=keep_changes)
        self.status = status
        self.title = "Token geweigerd"


@dataclass(frozen=True)
class ClientSpec:
    name: str
    kind: ClientKind
    scopes: list[Scope]
    municipalities: list[str]
    organisation: str | None


def _validated(session: Session, spec: ClientSpec) -> list[Municipality]:
    invalid = InvalidParams()
    bound = []
    for code in dict.fromkeys(spec.municipalities):
        municipality = session.get(Municipality, code)
        if municipality is None:
            invalid.add("gemeenten", "unknown_value", f"Gemeente {code} bestaat niet.", "body")
        else:
            bound.append(municipality)
    organisation = (
        None if spec.organisation is None else session.get(Organisation, spec.organisation)
    )
    if spec.organisation is not None and organisation is None:
        invalid.add(
            "organisatie", "unknown_value", f"Organisatie {spec.organisation} bestaat niet.", "body"
        )
    if not spec.scopes:
        invalid.add("scopes", "required", "Geef minstens één scope.", "body")
    if spec.kind == ClientKind.SCRIPT:
        if not bound:
            invalid.add(
                "gemeenten", "required", "Een script hoort bij minstens één gemeente.", "body"
            )
        if set(spec.scopes) - SCRIPT_SCOPES:
            invalid.add(
                "scopes", "not_allowed", "Een script krijgt alleen voortgang-scopes.", "body"
            )
    elif spec.kind == ClientKind.SUPPLIER:
        if organisation is None or organisation.kind != OrganisationKind.SOFTWARE_SUPPLIER:
            invalid.add(
                "organisatie",
                "required",
                "Een leverancierskoppeling hoort bij een organisatie van de soort leverancier.",
                "body",
            )
        if set(spec.scopes) - SUPPLIER_SCOPES:
            invalid.add(
                "scopes", "not_allowed", "Een leverancier krijgt alleen gereedheid-scopes.", "body"
            )
    elif spec.organisation is None:
        invalid.add(
            "organisatie", "required", "Een partnerkoppeling hoort bij een organisatie.", "body"
        )
    invalid.raise_if_any()
    return bound


def _new_secret(client: MachineClient) -> tuple[ClientSecret, str]:
    raw = new_token("sbs_")
    secret = ClientSecret(secret_hash=hash_token(raw), hint=raw[-4:])
    client.secrets.append(secret)
    return secret, raw


def create_client(
    session: Session,
    principal: Principal,
    ctx: RequestContext | None,
    spec: ClientSpec,
    *,
    via_cli: bool = False,
) -> tuple[MachineClient, str]:
    """Admins create clients through the API; an operator can through the CLI."""
    if not via_cli:
        require_admin(principal)
    bound = _validated(session, spec)
    client = MachineClient(
        client_id=new_token("sbc_")[:28],
        name=spec.name.strip(),
        kind=spec.kind,
        organisation_code=spec.organisation,
        scopes=sorted(s.value for s in set(spec.scopes)),
        municipalities=bound,
        secrets=[],
        created_by=principal.user_id,
    )
    session.add(client)
    _, raw = _new_secret(client)
    session.flush()
    record(
        session,
        ctx,
        "koppeling.aangemaakt",
        actor="system" if via_cli else principal.subject,
        subject=f"client:{client.client_id}",
        details={
            "scopes": client.scopes,
            "gemeenten": [m.code for m in bound],
            "soort": spec.kind.value,
        },
    )
    return client, raw


def find_clients(
    session: Session, principal: Principal, page: PageParams
) -> tuple[list[MachineClient], int]:
    require_admin(principal)
    return repository.list_clients(session, page.offset, page.size), repository.count_clients(
        session
    )


def get_client(session: Session, principal: Principal, client_id: str) -> MachineClient:
    require_admin(principal)
    client = repository.client_by_client_id(session, client_id)
    if client is None:
        raise NotFoundError(f"Koppeling {client_id} bestaat niet.")
    return client


def set_active(
    session: Session, principal: Principal, ctx: RequestContext, client_id: str, active: bool
) -> MachineClient:
    client = get_client(session, principal, client_id)
    if client.is_active != active:
        client.is_active = active
        record(
            session,
            ctx,
            "koppeling.geactiveerd" if active else "koppeling.ingetrokken",
            actor=principal.subject,
            subject=f"client:{client.client_id}",
        )
    return client


def rotate_secret(
    session: Session, principal: Principal, ctx: RequestContext, client_id: str, overlap_hours: int
) -> tuple[MachineClient, str]:
    """A new secret; the old ones stop at once, or after `overlap_hours` to allow a switch-over."""
    client = get_client(session, principal, client_id)
    now = datetime.now(UTC)
    for old in client.secrets:
        if old.revoked_at is None:
            if overlap_hours == 0:
                old.revoked_at = now
            else:
                ends = now + timedelta(hours=overlap_hours)
                old.expires_at = min(old.expires_at, ends) if old.expires_at else ends
    _, raw = _new_secret(client)
    session.flush()
    record(
        session,
        ctx,
        "koppeling.geheim_vervangen",
        actor=principal.subject,
        subject=f"client:{client.client_id}",
        details={"overlapUren": overlap_hours},
    )
    return client, raw


@dataclass(frozen=True)
class GrantedToken:
    access_token: str
    expires_in: int
    scopes: list[str]


def client_credentials_grant(
    session: Session,
    settings: Settings,
    ctx: RequestContext,
    *,
    client_id: str,
    client_secret: str,
    requested_scopes: list[str] | None,
) -> GrantedToken:
    limits = throttling.sign_in_limits(settings, "client", client_id, ctx.address)
    throttling.reserve(session, settings, limits)
    client = repository.client_by_client_id(session, client_id)
    now = datetime.now(UTC)
    secret = None
    if client is not None and client.is_active:
        candidate = hash_token(client_secret)
        secret = next(
            (
                s
                for s in client.secrets
                if same(s.secret_hash, candidate)
                and s.revoked_at is None
                and (s.expires_at is None or s.expires_at > now)
            ),
            None,
        )
    if client is None or secret is None:
        throttling.settle(session, settings, limits, throttling.Outcome.FAILED)
        # The id as sent goes into the audit log only when it could be one.
        shown = client_id if CLIENT_ID.fullmatch(client_id) else "ongeldig"
        record(session, ctx, "token.geweigerd", actor=f"client:{shown}", outcome="geweigerd")
        raise OAuthError(
            401, "invalid_client", "Onbekende koppeling of onjuist geheim.", keep_changes=True
        )
    allowed = set(client.scopes)
    scopes = sorted(allowed if requested_scopes is None else set(requested_scopes))
    # The secret was right: whatever follows, this was no guess.
    throttling.settle(session, settings, limits, throttling.Outcome.SUCCEEDED)
    if not set(scopes) <= allowed:
        raise OAuthError(
            400,
            "invalid_scope",
            f"Niet toegestane scope: {', '.join(sorted(set(scopes) - allowed))}.",
            keep_changes=True,
        )
    token, expires = client_access_token(session, settings, client.client_id, scopes, secret.id)
    record(
        session,
        ctx,
        "token.uitgegeven",
        actor=f"client:{client.client_id}",
        details={"scopes": scopes},
    )
    return GrantedToken(token, int((expires - now).total_seconds()), scopes)
