"""The rules of the persoonlijk overzicht for its contact: who may have one (a person speaking
for at least one municipality), her choice of how often, what her next one would hold, and
leaving it in one click with the secret of a mail.

Without a choice she gets none (`nooit`): the digest is mail she asks for, not mail she must
turn off."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.accounts.principal import require_person
from api.accounts.secrets import hash_token
from api.audit import service as audit
from api.core import clock
from api.core.errors import ForbiddenError, NotFoundError
from api.core.requests import RequestContext
from api.core.retries import with_retries
from api.core.security import Principal, Role
from api.core.settings import Settings
from api.digests import compose, periods, repository
from api.digests.links import manage_url, unsubscribe_url
from api.digests.models import Digest, DigestFrequency, DigestPreference
from api.digests.rendering import RenderedMail, render_mail

UNKNOWN_LINK = "Deze link bestaat niet (meer). Gebruik de afmeldknop van de nieuwste e-mail."
PREVIEW_FREQUENCY = DigestFrequency.WEEKLY
"""What the preview shows for a contact who chose none yet."""


@dataclass(frozen=True)
class Preference:
    frequency: DigestFrequency
    next_on: date | None
    """The day of her next digest (the job mails in the morning); None when she chose none."""


def require_contact(principal: Principal) -> int:
    """A person speaking for at least one municipality: the public 401, anyone else 403."""
    user_id = require_person(principal)
    if Role.MUNICIPAL_CONTACT not in principal.roles or not principal.municipalities:
        raise ForbiddenError(
            "Het persoonlijk overzicht is voor contactpersonen van een gemeente of "
            "samenwerkingsverband."
        )
    return user_id


def next_on(session: Session, found: DigestPreference | None) -> date | None:
    """Today when the current period is hers and she has not had it yet, else the first day of
    the next period."""
    if found is None or found.frequency is DigestFrequency.NEVER:
        return None
    today = clock.today()
    began = clock.start_of_day(periods.start(found.frequency, today))
    had_it = repository.has_digest(session, found.user_id, periods.key(found.frequency, today))
    if found.chosen_at < began and not had_it:
        return today
    return periods.following_start(found.frequency, today)


def _preference(session: Session, found: DigestPreference | None) -> Preference:
    return Preference(found.frequency if found else DigestFrequency.NEVER, next_on(session, found))


def mine(session: Session, principal: Principal) -> Preference:
    user_id = require_contact(principal)
    return _preference(session, repository.preference(session, user_id))


def choose(
    session: Session, principal: Principal, ctx: RequestContext, frequency: DigestFrequency
) -> Preference:
    """Her choice; choosing what she has changes nothing (not the moment she chose it, so a
    period she was due in stays hers)."""
    user_id = require_contact(principal)

    def write() -> DigestPreference:
        found = repository.preference(session, user_id)
        if found is None:
            found = DigestPreference(user_id=user_id, frequency=frequency, chosen_at=clock.now())
            session.add(found)
            session.flush()
        elif found.frequency is not frequency:
            found.frequency = frequency
            found.chosen_at = clock.now()
            session.flush()
        return found

    before = repository.preference(session, user_id)
    was = before.frequency if before else DigestFrequency.NEVER
    # Two tabs choosing at once: the second insert fails on the key, and again finds the row.
    found = with_retries(session, write, retry_if=lambda exc: isinstance(exc, IntegrityError))
    if was is not frequency:
        audit.record(
            session,
            ctx,
            "persoonlijk-overzicht.gekozen",
            actor=principal.subject,
            subject=principal.subject,
            details={"frequentie": {"van": was.value, "naar": frequency.value}},
        )
    return _preference(session, found)


def previous_of(digest: Digest | None) -> tuple[datetime, compose.Lights] | None:
    return None if digest is None else (digest.made_at, dict(digest.lights or {}))


@dataclass(frozen=True)
class Preview:
    contents: compose.Contents
    mail: RenderedMail
    """As it would be mailed (even when empty, which is not mailed)."""


def preview(session: Session, settings: Settings, principal: Principal) -> Preview:
    """What her next digest would hold if it were made now (weekly, if she chose none)."""
    user_id = require_contact(principal)
    found = repository.preference(session, user_id)
    frequency = (
        found.frequency
        if found and found.frequency is not DigestFrequency.NEVER
        else PREVIEW_FREQUENCY
    )
    previous = previous_of(repository.latest_digest(session, user_id))
    sources = compose.Sources(session, clock.now())
    contents = compose.compose(session, settings, principal, frequency, previous, sources)
    rendered = render_mail(contents, manage_url(settings), unsubscribe_url(settings, None))
    return Preview(contents, rendered)


def unsubscribe_by_link(session: Session, ctx: RequestContext, token: str) -> Preference:
    """One click (RFC 8058) with the secret of any digest mail she got: no more digests. Again
    changes nothing."""
    digest = repository.by_link_hash(session, hash_token(token))
    if digest is None:
        raise NotFoundError(UNKNOWN_LINK)
    found = repository.preference(session, digest.user_id)
    if found is not None and found.frequency is not DigestFrequency.NEVER:
        found.frequency = DigestFrequency.NEVER
        found.chosen_at = clock.now()
        audit.record(
            session,
            ctx,
            "persoonlijk-overzicht.afgemeld",
            actor="anonymous",
            subject=f"user:{digest.user_id}",
        )
        session.flush()
    return _preference(session, found)
