"""Sending the digests, by the job persoonlijk-overzicht-verzenden (daily, in the morning).

A weekly digest's period is the week from Monday, a monthly one's the month from the 1st: on
Monday the weekly contacts get theirs, on the 1st the monthly ones. A contact is due in a
period when she chose its frequency before it began and has no digest of it yet; so a run that
was missed on Monday is caught up by the next day's, and a contact who chooses mid-week waits
for Monday.

Each contact's outbox message and her digest row are written in one transaction, committed
per contact, her choice locked meanwhile (PostgreSQL; SQLite has one writer at a time): a run
that stops halfway is continued by the next (the runner's retry, or a scheduler taking over)
with whoever has no digest of the period yet, so nobody gets one twice and nobody is skipped.
The unique (contact, period) of a digest stands behind that. A digest with nothing to say is
not mailed; its row is written all the same, so the next one tells what happened since."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from api.accounts import people
from api.accounts.models import User
from api.accounts.secrets import hash_token, new_token
from api.core import clock
from api.core.dutch import plural
from api.core.security import Principal, Role
from api.core.settings import Settings
from api.digests import compose, periods, repository
from api.digests.links import manage_url, unsubscribe_url
from api.digests.models import Digest, DigestFrequency
from api.digests.rendering import RenderedMail, render_mail
from api.digests.service import previous_of
from api.mail import service as mail


@dataclass(frozen=True)
class Contact:
    """What the sending needs of a contact, read before the first commit."""

    email: str
    principal: Principal


@dataclass(frozen=True)
class Sent:
    mailed: int
    empty: int


def principal_of(user: User) -> Principal:
    """The contact as the services see her when she is signed in: her roles and municipalities."""
    return Principal(
        kind="user",
        user_id=user.id,
        roles=user.roles,
        municipalities=frozenset(m.code for m in user.municipalities),
        organisation_code=user.organisation_code,
    )


def contact_of(user: User) -> Contact:
    return Contact(user.email, principal_of(user))


def prepare_digest(
    session: Session,
    settings: Settings,
    contact: Contact,
    frequency: DigestFrequency,
    sources: compose.Sources,
) -> tuple[Digest, RenderedMail | None]:
    """Her digest of the current period, not stored yet, and its mail (None when it has nothing
    to say)."""
    user_id = contact.principal.user_id
    assert user_id is not None  # noqa: S101 - a contact is a person
    previous = previous_of(repository.latest_digest(session, user_id))
    contents = compose.compose(session, settings, contact.principal, frequency, previous, sources)
    digest = Digest(
        user_id=user_id,
        period=contents.period,
        frequency=frequency,
        made_at=sources.now,
        lights=contents.lights,
    )
    if contents.is_empty:
        return digest, None
    token = new_token()
    digest.link_token_hash = hash_token(token)
    return digest, render_mail(contents, manage_url(settings), unsubscribe_url(settings, token))


def make_digest(
    session: Session,
    settings: Settings,
    contact: Contact,
    frequency: DigestFrequency,
    sources: compose.Sources,
) -> Digest:
    """Her digest of the current period: mailed through the outbox unless it has nothing to
    say, and recorded in the same transaction."""
    digest, rendered = prepare_digest(session, settings, contact, frequency, sources)
    if rendered is not None:
        digest.outbox_message_id = mail.send(
            session,
            settings,
            to=contact.email,
            subject=rendered.subject,
            body=rendered.text,
            html=rendered.html,
            headers=rendered.headers,
        )
    session.add(digest)
    session.flush()
    return digest


def send_digests(session: Session, settings: Settings, now: datetime) -> Sent:
    """Every contact due today, committed one by one."""
    today = clock.dutch_date(now)
    contacts = {
        person.id: contact_of(person)
        for person in people.active_with_role(session, Role.MUNICIPAL_CONTACT)
        if person.municipalities
    }
    sources = compose.Sources(session, now)
    mailed = empty = 0
    for frequency in (DigestFrequency.WEEKLY, DigestFrequency.MONTHLY):
        period = periods.key(frequency, today)
        began = clock.start_of_day(periods.start(frequency, today))
        for user_id in repository.due_user_ids(session, frequency, period, began):
            contact = contacts.get(user_id)
            if contact is None:
                continue  # no longer a contact of any municipality, or inactive
            found = repository.lock_preference(session, user_id)
            # Read again under the lock: another run may have done her, or she chose again.
            if (
                found is None
                or found.frequency is not frequency
                or repository.has_digest(session, user_id, period)
            ):
                session.commit()
                continue
            digest = make_digest(session, settings, contact, frequency, sources)
            session.commit()
            if digest.outbox_message_id is None:
                empty += 1
            else:
                mailed += 1
    return Sent(mailed, empty)


def send_due(session: Session, settings: Settings, now: datetime) -> str:
    """The job's outcome in Dutch."""
    sent = send_digests(session, settings, now)
    mailed = plural(sent.mailed, "persoonlijk overzicht", "persoonlijke overzichten")
    return f"{mailed} gemaild, {sent.empty} zonder nieuws"
