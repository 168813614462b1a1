"""Issuing the access tokens of people and machine clients."""

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from api.accounts.keys import signing_key
from api.core.security import Role
from api.core.settings import Settings
from api.core.tokens import issue


def person_access_token(
    session: Session, settings: Settings, user_id: int, roles: frozenset[Role], session_id: str
) -> tuple[str, datetime]:
    return issue(
        signing_key(session, settings),
        subject=f"user:{user_id}",
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        lifetime=timedelta(minutes=settings.access_token_minutes),
        claims={"typ": "access", "sid": session_id, "roles": sorted(r.value for r in roles)},
    )


def client_access_token(
    session: Session, settings: Settings, client_id: str, scopes: list[str], secret_id: int
) -> tuple[str, datetime]:
    return issue(
        signing_key(session, settings),
        subject=f"client:{client_id}",
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        lifetime=timedelta(minutes=settings.client_token_minutes),
        claims={"typ": "client", "scope": " ".join(sorted(scopes)), "sec": secret_id},
    )
