"""Every query of the accounts domain."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ScalarSelect, Select, func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import (
    ActionToken,
    ClientSecret,
    MachineClient,
    RefreshToken,
    User,
    UserRole,
    UserSession,
    user_municipalities,
)
from api.accounts.secrets import CLIENT_ID
from api.core.security import Role
from api.core.text import like_pattern

_USER_DETAILS = (
    selectinload(User.role_rows),
    selectinload(User.municipalities),
    selectinload(User.organisation),
)


def user_by_email(session: Session, email: str) -> User | None:
    query = select(User).where(User.email == email).options(*_USER_DETAILS)
    return session.scalars(query).first()


def user_by_id(session: Session, user_id: int) -> User | None:
    query = select(User).where(User.id == user_id).options(*_USER_DETAILS)
    return session.scalars(query).first()


@dataclass(frozen=True)
class SessionHolder:
    """What every authenticated request needs to know of the person behind a session."""

    user_id: int
    is_active: bool
    totp_enabled: bool
    organisation_code: str | None
    session_id: str
    expires_at: datetime
    revoked_at: datetime | None
    roles: frozenset[Role]
    municipalities: frozenset[str]


def _joined(column: Any, table: Any) -> ScalarSelect[str | None]:
    return (
        select(func.aggregate_strings(column, ","))
        .where(table.c.user_id == User.id)
        .scalar_subquery()
    )


def session_holder(session: Session, user_id: int, session_id: str) -> SessionHolder | None:
    """The person and the state of her session in one round trip (every request asks): her
    roles and municipalities come along as comma-joined lists, not as loaded objects."""
    query = (
        select(
            User.is_active,
            User.totp_enabled,
            User.organisation_code,
            UserSession.expires_at,
            UserSession.revoked_at,
            _joined(UserRole.role, UserRole.__table__),
            _joined(user_municipalities.c.municipality_code, user_municipalities),
        )
        .join(UserSession, UserSession.user_id == User.id)
        .where(User.id == user_id, UserSession.id == session_id)
    )
    row = session.execute(query).first()
    if row is None:
        return None
    active, totp, organisation, expires, revoked, roles, municipalities = row
    return SessionHolder(
        user_id=user_id,
        is_active=active,
        totp_enabled=totp,
        organisation_code=organisation,
        session_id=session_id,
        expires_at=expires,
        revoked_at=revoked,
        roles=frozenset(Role(value) for value in (roles or "").split(",") if value),
        municipalities=frozenset(code for code in (municipalities or "").split(",") if code),
    )


def user_with_session(
    session: Session, user_id: int, session_id: str
) -> tuple[User, UserSession] | None:
    query = (
        select(User, UserSession)
        .join(UserSession, UserSession.user_id == User.id)
        .where(User.id == user_id, UserSession.id == session_id)
        .options(*_USER_DETAILS)
    )
    row = session.execute(query).first()
    return (row[0], row[1]) if row else None


@dataclass(frozen=True)
class UserFilter:
    role: Role | None = None
    municipality: str | None = None
    active: bool | None = None
    text: str | None = None
    organisation: str | None = None
    ids: frozenset[int] | None = None
    email: bool = True
    """Whether `text` also matches e-mail addresses (not where addresses are not shown)."""


def _users(criteria: UserFilter) -> Select[User]:
    query = select(User)
    if criteria.role is not None:
        query = query.where(
            User.id.in_(select(UserRole.user_id).where(UserRole.role == criteria.role))
        )
    if criteria.municipality is not None:
        query = query.where(
            User.id.in_(
                select(user_municipalities.c.user_id).where(
                    user_municipalities.c.municipality_code == criteria.municipality
                )
            )
        )
    if criteria.active is not None:
        query = query.where(User.is_active == criteria.active)
    if criteria.organisation is not None:
        query = query.where(User.organisation_code == criteria.organisation)
    if criteria.ids is not None:
        query = query.where(User.id.in_(sorted(criteria.ids)))
    if criteria.text:
        pattern = like_pattern(criteria.text.casefold())
        by_name = func.lower(User.name).like(pattern, escape="\\")
        query = query.where(
            by_name | User.email.like(pattern, escape="\\") if criteria.email else by_name
        )
    return query


def list_users(session: Session, criteria: UserFilter, offset: int, limit: int) -> list[User]:
    query = _users(criteria).options(*_USER_DETAILS).order_by(User.name, User.id)
    return list(session.scalars(query.offset(offset).limit(limit)))


def all_users(session: Session, criteria: UserFilter) -> list[User]:
    """Every user that matches, for the few lists that are small by nature (recipients)."""
    return list(session.scalars(_users(criteria).options(*_USER_DETAILS).order_by(User.id)))


def count_users(session: Session, criteria: UserFilter) -> int:
    subquery = _users(criteria).with_only_columns(User.id).subquery()
    return session.scalar(select(func.count()).select_from(subquery)) or 0


def refresh_token_by_hash(
    session: Session, token_hash: str
) -> tuple[RefreshToken, UserSession, User] | None:
    query = (
        select(RefreshToken, UserSession, User)
        .join(UserSession, UserSession.id == RefreshToken.session_id)
        .join(User, User.id == UserSession.user_id)
        .where(RefreshToken.token_hash == token_hash)
        .options(*_USER_DETAILS)
    )
    row = session.execute(query).first()
    return (row[0], row[1], row[2]) if row else None


def claim_refresh_token(session: Session, token_id: int, now: datetime) -> bool:
    """Marks the token used; False when another request used it first (a replay)."""
    result = session.execute(
        update(RefreshToken)
        .where(RefreshToken.id == token_id, RefreshToken.used_at.is_(None))
        .values(used_at=now)
    )
    return result.rowcount == 1  # type: ignore[attr-defined, no-any-return]


def claim_totp_step(session: Session, user_id: int, step: int) -> bool:
    """Records the code's time step as used, in one statement so that parallel logins with the
    same code cannot both pass; False when this step or a later one was used already."""
    result = session.execute(
        update(User)
        .where(
            User.id == user_id,
            or_(User.totp_last_step.is_(None), User.totp_last_step < step),
        )
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined, no-any-return]


def revoke_sessions(
    session: Session, user_id: int, now: datetime, reason: str, *, except_id: str | None = None
) -> int:
    query = (
        update(UserSession)
        .where(UserSession.user_id == user_id, UserSession.revoked_at.is_(None))
        .values(revoked_at=now, revoked_reason=reason)
    )
    if except_id is not None:
        query = query.where(UserSession.id != except_id)
    return session.execute(query).rowcount  # type: ignore[attr-defined, no-any-return]


def action_token_by_hash(session: Session, token_hash: str, purpose: str) -> ActionToken | None:
    query = select(ActionToken).where(
        ActionToken.token_hash == token_hash, ActionToken.purpose == purpose
    )
    return session.scalars(query).first()


def expire_action_tokens(session: Session, user_id: int, purpose: str, now: datetime) -> None:
    session.execute(
        update(ActionToken)
        .where(
            ActionToken.user_id == user_id,
            ActionToken.purpose == purpose,
            ActionToken.used_at.is_(None),
        )
        .values(used_at=now)
    )


_CLIENT_DETAILS = (selectinload(MachineClient.municipalities), selectinload(MachineClient.secrets))


def client_by_client_id(session: Session, client_id: str) -> MachineClient | None:
    if not CLIENT_ID.fullmatch(client_id):
        return None
    query = (
        select(MachineClient).where(MachineClient.client_id == client_id).options(*_CLIENT_DETAILS)
    )
    return session.scalars(query).first()


def client_with_secret(
    session: Session, client_id: str, secret_id: int
) -> tuple[MachineClient, ClientSecret] | None:
    query = (
        select(MachineClient, ClientSecret)
        .join(ClientSecret, ClientSecret.client_pk == MachineClient.id)
        .where(MachineClient.client_id == client_id, ClientSecret.id == secret_id)
        .options(selectinload(MachineClient.municipalities))
    )
    row = session.execute(query).first()
    return (row[0], row[1]) if row else None


def list_clients(session: Session, offset: int, limit: int) -> list[MachineClient]:
    query = (
        select(MachineClient)
        .options(*_CLIENT_DETAILS)
        .order_by(MachineClient.name, MachineClient.id)
    )
    return list(session.scalars(query.offset(offset).limit(limit)))


def count_clients(session: Session) -> int:
    return session.scalar(select(func.count(MachineClient.id))) or 0


def contacts_of(session: Session, municipality_code: str) -> list[User]:
    query = (
        select(User)
        .join(user_municipalities, user_municipalities.c.user_id == User.id)
        .join(UserRole, UserRole.user_id == User.id)
        .where(
            user_municipalities.c.municipality_code == municipality_code,
            UserRole.role == Role.MUNICIPAL_CONTACT,
            User.is_active.is_(True),
        )
        .options(selectinload(User.organisation))
        .order_by(User.name)
    )
    return list(session.scalars(query))
