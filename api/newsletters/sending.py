"""Sending editions, by the job nieuwsbrief-verzenden (every minute).

A scheduled edition whose moment has come is being sent (`verzenden`); each run mails the
next `newsletter_batch_size` active subscribers without a delivery of it, in id order, and so
that is the pace: a batch a minute. Each subscriber's outbox message and her delivery are
written in one transaction, committed per batch, and the edition is locked meanwhile
(PostgreSQL; SQLite has one writer at a time): a run that stops halfway is continued by the
next with whoever has no delivery yet, and a second run at the same moment passes the locked
edition by, so nobody gets an edition twice and nobody is skipped. The unique (edition,
subscriber) of a delivery stands behind that. Once nobody waits, the edition is `verzonden`.

Every mail carries its own secret: its links (manage her choices, leave in one click) hold it,
the delivery holds only its hash."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from api.accounts.secrets import hash_token, new_token
from api.core.dutch import plural
from api.core.settings import Settings
from api.mail import service as mail
from api.newsletters import repository_deliveries as deliveries
from api.newsletters.links import mail_links
from api.newsletters.models import Delivery, Edition, EditionStatus, Subscriber
from api.newsletters.rendering import render_mail, sections_for


@dataclass(frozen=True)
class Sent:
    editions_started: int
    mailed: int
    finished: int


@dataclass(frozen=True)
class DeliveryCounts:
    sent: int
    """Subscribers whose mail went to the outbox (those the edition had nothing for are not
    counted)."""
    bounced: int
    """Of those, mail refused for good (see api/newsletters/bounces.py)."""
    waiting: int
    """Active subscribers still to be mailed; none once the edition is sent, or before it is
    planned."""
    nothing_for: int = 0
    """Subscribers the edition had nothing for: a delivery without a mail."""

    @property
    def recipients(self) -> int:
        """Every active subscriber the edition goes (or went) to: mailed, passed by because it
        had nothing for her, or still waiting."""
        return self.sent + self.nothing_for + self.waiting


def _deliver(
    session: Session, settings: Settings, edition: Edition, subscriber: Subscriber, now: datetime
) -> bool:
    """Her mail and her delivery, or a delivery alone when the edition has nothing for her
    (so she is not tried again); whether a mail went out."""
    sections = sections_for(edition, subscriber)
    if not sections and not edition.introduction.strip():
        session.add(Delivery(edition_id=edition.id, subscriber_id=subscriber.id, sent_at=now))
        return False
    token = new_token()
    rendered = render_mail(edition, sections, mail_links(settings, edition.id, token))
    message_id = mail.send(
        session,
        settings,
        to=subscriber.email,
        subject=rendered.subject,
        body=rendered.text,
        html=rendered.html,
        headers=rendered.headers,
    )
    session.add(
        Delivery(
            edition_id=edition.id,
            subscriber_id=subscriber.id,
            outbox_message_id=message_id,
            link_token_hash=hash_token(token),
            sent_at=now,
        )
    )
    return True


def _start_due(session: Session, now: datetime) -> int:
    started = deliveries.due_editions(session, now)
    for edition in started:
        edition.status = EditionStatus.SENDING
    session.commit()
    return len(started)


def _send_batch(
    session: Session, settings: Settings, edition_id: int, limit: int, now: datetime
) -> tuple[int, int, bool]:
    """The next subscribers of one edition, committed together: (how many were taken, how
    many mailed, whether the edition is done)."""
    edition = deliveries.lock_sending(session, edition_id)
    if edition is None:  # another run finished it meanwhile, or is sending a batch of it
        session.commit()
        return 0, 0, False
    batch = deliveries.waiting_subscribers(session, edition_id, limit)
    mailed = sum(_deliver(session, settings, edition, subscriber, now) for subscriber in batch)
    done = len(batch) < limit
    if done:
        edition.status = EditionStatus.SENT
        edition.sent_at = now
    session.commit()
    return len(batch), mailed, done


def send_editions(session: Session, settings: Settings, now: datetime) -> Sent:
    """Starts the editions due and mails up to a batch of subscribers, committing as it goes."""
    started = _start_due(session, now)
    budget = settings.newsletter_batch_size
    mailed = finished = 0
    for edition_id in deliveries.sending_edition_ids(session):
        if budget <= 0:
            break
        taken, sent, done = _send_batch(session, settings, edition_id, budget, now)
        budget -= taken
        mailed += sent
        finished += done
    return Sent(started, mailed, finished)


def send_due(session: Session, settings: Settings, now: datetime) -> str:
    """The job's outcome in Dutch."""
    sent = send_editions(session, settings, now)
    return (
        f"{plural(sent.mailed, 'abonnee', 'abonnees')} gemaild, "
        f"{plural(sent.editions_started, 'editie', 'edities')} gestart, "
        f"{plural(sent.finished, 'editie', 'edities')} verzonden"
    )


def delivery_counts(session: Session, edition_id: int) -> DeliveryCounts:
    done, sent, bounced = deliveries.count_sent_and_bounced(session, edition_id)
    still_to_send = deliveries.status_of(session, edition_id) in (
        EditionStatus.SCHEDULED,
        EditionStatus.SENDING,
    )
    waiting = deliveries.count_waiting(session, edition_id) if still_to_send else 0
    return DeliveryCounts(sent=sent, nothing_for=done - sent, bounced=bounced, waiting=waiting)
