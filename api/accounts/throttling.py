"""Login throttling per account and per address, with exponential backoff, kept in the
database so that every worker counts the same failures."""

import hashlib
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.accounts.models import LoginThrottle
from api.core.errors import TooManyRequestsError
from api.core.settings import Settings

# Failures older than this no longer count.
WINDOW = timedelta(minutes=15)


def account_key(kind: str, identifier: str) -> str:
    # Hashed, so the throttle table does not become a list of e-mail addresses.
    digest = hashlib.sha256(identifier.casefold().encode()).hexdigest()[:40]
    return f"{kind}:{digest}"


def address_key(address: str) -> str:
    return f"adres:{address}"


def ensure_allowed(session: Session, keys: list[str], now: datetime | None = None) -> None:
    now = now or datetime.now(UTC)
    rows = session.scalars(select(LoginThrottle).where(LoginThrottle.key.in_(keys)))
    waits = [
        (row.blocked_until - now).total_seconds()
        for row in rows
        if row.blocked_until is not None and row.blocked_until > now
    ]
    if waits:
        seconds = int(max(waits)) + 1
        raise TooManyRequestsError(
            f"Te veel mislukte pogingen. Probeer het over {seconds} seconden opnieuw.", seconds
        )


def register_failure(
    session: Session, settings: Settings, key: str, threshold: int, now: datetime | None = None
) -> None:
    now = now or datetime.now(UTC)
    row = session.scalars(
        select(LoginThrottle).where(LoginThrottle.key == key).with_for_update()
    ).first()
    if row is None:
        try:
            with session.begin_nested():
                row = LoginThrottle(key=key, failures=0, last_failure_at=now)
                session.add(row)
        except IntegrityError:  # pragma: no cover - a parallel failure created it first
            row = session.scalars(select(LoginThrottle).where(LoginThrottle.key == key)).one()
    if now - row.last_failure_at > WINDOW:
        row.failures = 0
    row.failures += 1
    row.last_failure_at = now
    if row.failures >= threshold:
        doublings = min(row.failures - threshold, 16)
        lockout = min(
            settings.login_lockout_seconds * 2**doublings, settings.login_max_lockout_seconds
        )
        row.blocked_until = now + timedelta(seconds=lockout)


def clear(session: Session, key: str) -> None:
    row = session.scalars(select(LoginThrottle).where(LoginThrottle.key == key)).first()
    if row is not None:
        session.delete(row)
