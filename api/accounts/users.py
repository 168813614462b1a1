"""Managing people: admins invite and change users; everyone manages their own account."""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from api.accounts import recovery, repository
from api.accounts.models import User, UserRole
from api.accounts.passwords import hash_password, verify_password
from api.accounts.principal import require_admin, require_person
from api.accounts.second_factor import accept_code, new_secret, provisioning_uri
from api.accounts.sessions import normalise_email
from api.audit.service import record
from api.core.errors import ConflictError, NotFoundError, UnauthenticatedError
from api.core.pagination import PageParams
from api.core.requests import RequestContext
from api.core.security import Principal, Role
from api.core.settings import Settings
from api.core.validation import InvalidParams
from api.municipalities.models import Municipality
from api.organisations.models import Organisation


@dataclass(frozen=True)
class UserChanges:
    name: str | None = None
    roles: list[Role] | None = None
    municipalities: list[str] | None = None
    organisation: str | None = None
    clear_organisation: bool = False
    active: bool | None = None


def _load_municipalities(
    session: Session, codes: list[str], invalid: InvalidParams
) -> list[Municipality]:
    found = []
    for code in dict.fromkeys(codes):
        municipality = session.get(Municipality, code)
        if municipality is None:
            invalid.add("gemeenten", "unknown_value", f"Gemeente {code} bestaat niet.", "body")
        else:
            found.append(municipality)
    return found


def _check_organisation(session: Session, code: str | None, invalid: InvalidParams) -> None:
    if code is not None and session.get(Organisation, code) is None:
        invalid.add("organisatie", "unknown_value", f"Organisatie {code} bestaat niet.", "body")


def _check_binding(
    roles: set[Role],
    municipalities: list[Municipality],
    organisation: str | None,
    invalid: InvalidParams,
) -> None:
    if Role.MUNICIPAL_CONTACT in roles and not municipalities:
        invalid.add(
            "gemeenten",
            "required",
            "Een gemeentelijke contactpersoon hoort bij minstens één gemeente.",
            "body",
        )
    # An expert sees exactly the questions put to her organisation: without one, none.
    if Role.EXPERT in roles and organisation is None:
        invalid.add(
            "organisatie",
            "required",
            "Een expert hoort bij een partnerorganisatie; kies die.",
            "body",
        )
    if not roles:
        invalid.add("rollen", "required", "Geef minstens één rol.", "body")


def find_users(
    session: Session, principal: Principal, criteria: repository.UserFilter, page: PageParams
) -> tuple[list[User], int]:
    require_admin(principal)
    return (
        repository.list_users(session, criteria, page.offset, page.size),
        repository.count_users(session, criteria),
    )


def get_user(session: Session, principal: Principal, user_id: int) -> User:
    require_admin(principal)
    user = repository.user_by_id(session, user_id)
    if user is None:
        raise NotFoundError(f"Gebruiker {user_id} bestaat niet.")
    return user


def invite_user(
    session: Session,
    settings: Settings,
    principal: Principal,
    ctx: RequestContext,
    *,
    email: str,
    name: str,
    roles: list[Role],
    municipalities: list[str],
    organisation: str | None,
) -> User:
    require_admin(principal)
    email = normalise_email(email)
    invalid = InvalidParams()
    if repository.user_by_email(session, email) is not None:
        raise ConflictError(f"Er is al een gebruiker met e-mailadres {email}.")
    bound = _load_municipalities(session, municipalities, invalid)
    _check_organisation(session, organisation, invalid)
    _check_binding(set(roles), bound, organisation, invalid)
    invalid.raise_if_any()
    user = User(
        email=email,
        name=name.strip(),
        organisation_code=organisation,
        role_rows=[UserRole(role=role) for role in sorted(set(roles))],
        municipalities=bound,
    )
    session.add(user)
    session.flush()
    record(
        session,
        ctx,
        "gebruiker.aangemaakt",
        actor=principal.subject,
        subject=f"user:{user.id}",
        details={
            "rollen": sorted(r.value for r in roles),
            "gemeenten": sorted(m.code for m in bound),
        },
    )
    recovery.send_invitation(session, settings, ctx, user, invited_by=principal.subject)
    return repository.user_by_id(session, user.id) or user


def change_user(
    session: Session,
    principal: Principal,
    ctx: RequestContext,
    user_id: int,
    changes: UserChanges,
) -> User:
    user = get_user(session, principal, user_id)
    invalid = InvalidParams()
    before = {
        "naam": user.name,
        "rollen": sorted(r.value for r in user.roles),
        "gemeenten": sorted(m.code for m in user.municipalities),
        "actief": user.is_active,
        "organisatie": user.organisation_code,
    }
    roles = set(changes.roles) if changes.roles is not None else set(user.roles)
    bound = (
        _load_municipalities(session, changes.municipalities, invalid)
        if changes.municipalities is not None
        else list(user.municipalities)
    )
    _check_organisation(session, changes.organisation, invalid)
    organisation = (
        None if changes.clear_organisation else changes.organisation or user.organisation_code
    )
    _check_binding(roles, bound, organisation, invalid)
    invalid.raise_if_any()
    if user.id == principal.user_id and (Role.ADMIN not in roles or changes.active is False):
        raise ConflictError("U kunt uzelf niet de beheerdersrol afnemen of uitschakelen.")
    if changes.name is not None:
        user.name = changes.name.strip()
    if changes.roles is not None:
        user.role_rows = [UserRole(role=role) for role in sorted(roles)]
    if changes.municipalities is not None:
        user.municipalities = bound
    if changes.clear_organisation:
        user.organisation_code = None
    elif changes.organisation is not None:
        user.organisation_code = changes.organisation
    now = datetime.now(UTC)
    if changes.active is not None:
        user.is_active = changes.active
        if not changes.active:
            repository.revoke_sessions(session, user.id, now, "gedeactiveerd")
    session.flush()
    after = {
        "naam": user.name,
        "rollen": sorted(r.value for r in roles),
        "gemeenten": sorted(m.code for m in bound),
        "actief": user.is_active,
        "organisatie": user.organisation_code,
    }
    changed = {
        key: {"van": before[key], "naar": after[key]} for key in before if before[key] != after[key]
    }
    if changed:
        event = "gebruiker.rollen_gewijzigd" if "rollen" in changed else "gebruiker.gewijzigd"
        if changed.get("actief", {}).get("naar") is False:
            event = "gebruiker.gedeactiveerd"
        record(
            session, ctx, event, actor=principal.subject, subject=f"user:{user.id}", details=changed
        )
    session.expire(user)
    return get_user(session, principal, user_id)


def resend_invitation(
    session: Session, settings: Settings, principal: Principal, ctx: RequestContext, user_id: int
) -> None:
    user = get_user(session, principal, user_id)
    if user.password_hash is not None:
        raise ConflictError("Deze gebruiker heeft al een wachtwoord; stuur een herstellink.")
    recovery.send_invitation(session, settings, ctx, user, invited_by=principal.subject)


def my_account(session: Session, principal: Principal) -> User:
    user = repository.user_by_id(session, require_person(principal))
    if user is None:  # pragma: no cover - the principal was just loaded from this row
        raise UnauthenticatedError
    return user


def rename_me(session: Session, principal: Principal, ctx: RequestContext, name: str) -> User:
    user = my_account(session, principal)
    if user.name != name.strip():
        record(
            session,
            ctx,
            "gebruiker.gewijzigd",
            actor=principal.subject,
            subject=principal.subject,
            details={"naam": {"van": user.name, "naar": name.strip()}},
        )
        user.name = name.strip()
    return user


def change_my_password(
    session: Session, principal: Principal, ctx: RequestContext, current: str, new: str
) -> None:
    user = my_account(session, principal)
    if not verify_password(user.password_hash, current):
        invalid = InvalidParams()
        invalid.add(
            "huidigWachtwoord", "wrong_password", "Het huidige wachtwoord klopt niet.", "body"
        )
        invalid.raise_if_any()
    recovery.ensure_acceptable(user, new, "nieuwWachtwoord")
    user.password_hash = hash_password(new)
    repository.revoke_sessions(
        session, user.id, datetime.now(UTC), "wachtwoord", except_id=principal.session_id
    )
    record(session, ctx, "wachtwoord.gewijzigd", actor=principal.subject, subject=principal.subject)


def start_second_factor(
    session: Session, principal: Principal, ctx: RequestContext
) -> tuple[str, str]:
    user = my_account(session, principal)
    if user.totp_enabled:
        raise ConflictError("De tweede factor staat al aan; zet hem eerst uit om te vervangen.")
    user.totp_secret = new_secret()
    record(
        session, ctx, "tweede_factor.gestart", actor=principal.subject, subject=principal.subject
    )
    return user.totp_secret, provisioning_uri(user, user.totp_secret)


def set_second_factor(
    session: Session,
    settings: Settings,
    principal: Principal,
    ctx: RequestContext,
    *,
    active: bool,
    code: str,
) -> User:
    user = my_account(session, principal)
    if user.totp_secret is None:
        raise ConflictError("Start eerst het instellen van de tweede factor.")
    if not active and {r.value for r in user.roles} & settings.roles_needing_second_factor:
        raise ConflictError("Uw rol vraagt een tweede factor; uitzetten kan niet.")
    if not accept_code(session, user, code):
        invalid = InvalidParams()
        invalid.add("code", "wrong_code", "De code klopt niet of is al gebruikt.", "body")
        invalid.raise_if_any()
    user.totp_enabled = active
    if not active:
        user.totp_secret = None
        user.totp_last_step = None
    record(
        session,
        ctx,
        "tweede_factor.aan" if active else "tweede_factor.uit",
        actor=principal.subject,
        subject=principal.subject,
    )
    return user


def contacts_of_municipality(session: Session, principal: Principal, code: str) -> list[User]:
    """Contact persons are private: the programme team sees all, a contact only their own."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    allowed = principal.is_programme_team or (
        principal.kind == "user" and principal.may_act_for(code)
    )
    if not allowed or session.get(Municipality, code) is None:
        # Same answer whether the municipality exists or is just not yours: nothing leaks.
        raise NotFoundError(f"Geen contactpersonen gevonden voor gemeente {code}.")
    return repository.contacts_of(session, code)
