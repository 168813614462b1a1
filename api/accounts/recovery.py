"""Invitations and password resets: single-use, expiring links sent through the outbox."""

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from api.accounts import repository, throttling
from api.accounts.models import ActionToken, User
from api.accounts.passwords import hash_password, password_problems
from api.accounts.secrets import hash_token, new_token
from api.accounts.sessions import normalise_email
from api.audit.service import record
from api.core.errors import InvalidInputError
from api.core.requests import RequestContext
from api.core.settings import Settings
from api.mail import service as mail

INVITATION = "uitnodiging"
RESET = "herstel"
INVALID_LINK = "Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan."


def _link(settings: Settings, page: str, token: str) -> str:
    # The token travels in the fragment, which browsers never send to a server or a log.
    return f"{settings.public_url.rstrip('/')}/{page}#token={token}"


def _new_action_token(session: Session, user: User, purpose: str, lifetime: timedelta) -> str:
    now = datetime.now(UTC)
    repository.expire_action_tokens(session, user.id, purpose, now)
    raw = new_token()
    session.add(
        ActionToken(
            user_id=user.id, purpose=purpose, token_hash=hash_token(raw), expires_at=now + lifetime
        )
    )
    return raw


def send_invitation(
    session: Session, settings: Settings, ctx: RequestContext, user: User, invited_by: str
) -> None:
    raw = _new_action_token(session, user, INVITATION, timedelta(hours=settings.invitation_hours))
    mail.send(
        session,
        settings,
        to=user.email,
        subject="Uitnodiging voor Spoorboek",
        body=(
            f"Beste {user.name},\n\nU bent uitgenodigd voor Spoorboek, het platform voor de "
            "implementatie van Participatiewet in balans.\n\nKies uw wachtwoord via deze link "
            f"(geldig {settings.invitation_hours} uur, één keer te gebruiken):\n"
            f"{_link(settings, 'uitnodiging', raw)}\n"
        ),
    )
    record(session, ctx, "uitnodiging.verstuurd", actor=invited_by, subject=f"user:{user.id}")


def request_reset(session: Session, settings: Settings, ctx: RequestContext, email: str) -> None:
    """Always the same answer, so the form does not reveal which addresses have an account."""
    email = normalise_email(email)
    # Every request counts (three per quarter of an hour per address asked for); the sender's
    # address is only checked, so a lock from wrong passwords also stops this form.
    limits = [
        throttling.Limit(throttling.account_key("herstel", email), threshold=3),
        throttling.Limit(
            throttling.address_key(ctx.address),
            settings.login_max_failures_per_address,
            counted=False,
        ),
    ]
    throttling.reserve(session, settings, limits)
    throttling.settle(session, settings, limits, throttling.Outcome.FAILED)
    user = repository.user_by_email(session, email)
    if user is None or not user.is_active:
        record(session, ctx, "wachtwoordherstel.gevraagd", actor="anonymous", outcome="onbekend")
        return
    raw = _new_action_token(
        session, user, RESET, timedelta(minutes=settings.password_reset_minutes)
    )
    mail.send(
        session,
        settings,
        to=user.email,
        subject="Wachtwoord herstellen in Spoorboek",
        body=(
            f"Beste {user.name},\n\nVia deze link kiest u een nieuw wachtwoord (geldig "
            f"{settings.password_reset_minutes} minuten, één keer te gebruiken):\n"
            f"{_link(settings, 'wachtwoord-herstellen', raw)}\n\nVroeg u dit niet aan? "
            "Dan kunt u deze e-mail negeren.\n"
        ),
    )
    record(session, ctx, "wachtwoordherstel.gevraagd", actor="anonymous", subject=f"user:{user.id}")


def ensure_acceptable(user: User, password: str, field: str) -> None:
    problems = password_problems(password, email=user.email, name=user.name)
    if problems:
        raise InvalidInputError(
            "Het wachtwoord voldoet niet aan de regels.",
            [{"name": field, "in": "body", "code": "weak_password", "reason": p} for p in problems],
        )


def _invalid_link() -> InvalidInputError:
    return InvalidInputError(
        INVALID_LINK,
        [{"name": "token", "in": "body", "code": "invalid_token", "reason": INVALID_LINK}],
    )


def _redeem(session: Session, raw: str, purpose: str) -> tuple[ActionToken, User]:
    token = repository.action_token_by_hash(session, hash_token(raw), purpose)
    if token is None or token.used_at is not None or token.expires_at <= datetime.now(UTC):
        raise _invalid_link()
    user = repository.user_by_id(session, token.user_id)
    if user is None or not user.is_active:
        raise _invalid_link()
    return token, user


def set_password_with_link(
    session: Session, ctx: RequestContext, raw: str, purpose: str, password: str
) -> User:
    token, user = _redeem(session, raw, purpose)
    ensure_acceptable(user, password, "wachtwoord")
    now = datetime.now(UTC)
    token.used_at = now
    user.password_hash = hash_password(password)
    repository.revoke_sessions(session, user.id, now, "wachtwoord")
    event = "uitnodiging.aanvaard" if purpose == INVITATION else "wachtwoord.hersteld"
    record(session, ctx, event, actor=f"user:{user.id}", subject=f"user:{user.id}")
    return user
