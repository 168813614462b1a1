"""Logging in, refreshing and logging out: the session life of people."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from api.accounts import repository, throttling
from api.accounts.models import RefreshToken, User, UserSession
from api.accounts.passwords import verify_password
from api.accounts.second_factor import accept_code
from api.accounts.secrets import hash_token, new_token
from api.accounts.tokens import person_access_token
from api.audit.service import record
from api.core.errors import UnauthenticatedError
from api.core.requests import RequestContext
from api.core.settings import Settings

WRONG_CREDENTIALS = "E-mailadres of wachtwoord onjuist."


@dataclass(frozen=True)
class IssuedSession:
    user: User
    session_id: str
    access_token: str
    access_expires: datetime
    refresh_token: str
    refresh_expires: datetime
    session_expires: datetime
    csrf_token: str


def normalise_email(email: str) -> str:
    return email.strip().casefold()


def _new_refresh(
    session: Session, settings: Settings, session_id: str, ends: datetime
) -> tuple[str, datetime]:
    raw = new_token()
    expires = min(datetime.now(UTC) + timedelta(minutes=settings.refresh_token_minutes), ends)
    session.add(RefreshToken(session_id=session_id, token_hash=hash_token(raw), expires_at=expires))
    return raw, expires


def _issue(
    session: Session, settings: Settings, user: User, user_session: UserSession
) -> IssuedSession:
    refresh, refresh_expires = _new_refresh(
        session, settings, user_session.id, user_session.expires_at
    )
    access, access_expires = person_access_token(
        session, settings, user.id, user.roles, user_session.id
    )
    return IssuedSession(
        user=user,
        session_id=user_session.id,
        access_token=access,
        access_expires=access_expires,
        refresh_token=refresh,
        refresh_expires=refresh_expires,
        session_expires=user_session.expires_at,
        csrf_token=new_token(),
    )


def _fail(
    session: Session,
    settings: Settings,
    ctx: RequestContext,
    limits: list[throttling.Limit],
    email: str,
    reason: str,
) -> UnauthenticatedError:
    throttling.settle(session, settings, limits, throttling.Outcome.FAILED)
    record(
        session,
        ctx,
        "login.mislukt",
        actor="anonymous",
        outcome="geweigerd",
        details={"email": email, "reden": reason},
    )
    return UnauthenticatedError(WRONG_CREDENTIALS, keep_changes=True)


def login(
    session: Session,
    settings: Settings,
    ctx: RequestContext,
    email: str,
    password: str,
    totp_code: str | None,
) -> IssuedSession:
    email = normalise_email(email)
    limits = throttling.sign_in_limits(settings, "login", email, ctx.address)
    known = repository.user_by_email(session, email)
    password_hash = known.password_hash if known else None
    # Committed before the slow verification, which then holds no lock (on SQLite: not the
    # database's write lock); the account is read again afterwards.
    throttling.reserve(session, settings, limits)
    # Unknown address, wrong password and inactive account give the same answer and timing.
    password_ok = verify_password(password_hash, password)
    user = repository.user_by_email(session, email) if password_ok else None
    if user is None or not user.is_active:
        raise _fail(session, settings, ctx, limits, email, "wachtwoord")
    if user.totp_enabled:
        if not totp_code:
            # The password was right, so no failure; but no success either, or asking without
            # a code would wipe the count of wrong codes.
            throttling.settle(session, settings, limits, throttling.Outcome.UNDECIDED)
            raise UnauthenticatedError(
                "Voer ook de code uit uw authenticator-app in.",
                extra={"code": "tweede_factor_nodig"},
                keep_changes=True,
            )
        if not accept_code(session, user, totp_code):
            raise _fail(session, settings, ctx, limits, email, "tweede factor")
    throttling.settle(session, settings, limits, throttling.Outcome.SUCCEEDED)
    now = datetime.now(UTC)
    user_session = UserSession(
        id=str(uuid.uuid4()),
        user_id=user.id,
        expires_at=now + timedelta(hours=settings.session_hours),
    )
    session.add(user_session)
    user.last_login_at = now
    session.flush()
    record(
        session, ctx, "login.gelukt", actor=f"user:{user.id}", subject=f"sessie:{user_session.id}"
    )
    return _issue(session, settings, user, user_session)


def refresh(
    session: Session, settings: Settings, ctx: RequestContext, raw: str | None
) -> IssuedSession:
    found = repository.refresh_token_by_hash(session, hash_token(raw)) if raw else None
    if found is None:
        raise UnauthenticatedError("De sessie is verlopen. Log opnieuw in.")
    token, user_session, user = found
    now = datetime.now(UTC)
    if token.used_at is not None or not repository.claim_refresh_token(session, token.id, now):
        # A rotated token came back: someone holds a copy. End the whole session.
        user_session.revoked_at = user_session.revoked_at or now
        user_session.revoked_reason = user_session.revoked_reason or "hergebruik"
        record(
            session,
            ctx,
            "token.hergebruik",
            actor=f"user:{user.id}",
            subject=f"sessie:{user_session.id}",
            outcome="geweigerd",
        )
        raise UnauthenticatedError("De sessie is beëindigd. Log opnieuw in.", keep_changes=True)
    if (
        user_session.revoked_at is not None
        or user_session.expires_at <= now
        or token.expires_at <= now
        or not user.is_active
    ):
        raise UnauthenticatedError("De sessie is verlopen. Log opnieuw in.")
    record(
        session,
        ctx,
        "token.vernieuwd",
        actor=f"user:{user.id}",
        subject=f"sessie:{user_session.id}",
    )
    return _issue(session, settings, user, user_session)


def logout(session: Session, ctx: RequestContext, user_id: int, session_id: str | None) -> None:
    found = repository.user_with_session(session, user_id, session_id or "")
    if found is not None:
        _, user_session = found
        user_session.revoked_at = user_session.revoked_at or datetime.now(UTC)
        user_session.revoked_reason = user_session.revoked_reason or "uitgelogd"
    record(session, ctx, "logout", actor=f"user:{user_id}", subject=f"sessie:{session_id}")
