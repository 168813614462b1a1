"""Sending mail through the outbox: stored first, then delivered; failures stay for a retry."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, SessionTransaction

from api.core.settings import Settings
from api.mail.backends import backend_for
from api.mail.models import OutboxMessage

logger = logging.getLogger("spoorboek.mail")
DELIVERED = "[verzonden; inhoud niet bewaard]"
EXPIRED = "[niet verzonden en verlopen; inhoud niet bewaard]"
ERASED_RECIPIENT = "gewist@invalid"
# Links in mail expire (invitations after days, resets within the hour); older mail is stale.
MAX_AGE = timedelta(hours=72)
# A List-Unsubscribe address is one long word. Folded at the default 78 columns it is written as
# RFC 2047 encoded words, which no mail program reads as an address (RFC 8058); RFC 5322 allows
# lines of up to 998 characters.
MAIL_POLICY = policy.default.clone(max_line_length=998)


def _compose(settings: Settings, row: OutboxMessage) -> EmailMessage:
    message = EmailMessage(policy=MAIL_POLICY)
    message["From"] = settings.mail_from
    message["To"] = row.recipient
    message["Subject"] = row.subject
    message["Message-ID"] = make_msgid(idstring=f"outbox{row.id}", domain="spoorboek")
    for name, value in (row.headers or {}).items():
        message[name] = value
    message.set_content(row.body)
    if row.html is not None:
        message.add_alternative(row.html, subtype="html")
    for attachment in row.attachments or []:
        # Text only (the model says so): "text/calendar; method=REQUEST" keeps its parameters,
        # which calendar programs read to know an invitation from a cancellation.
        kind, *pairs = (part.strip() for part in attachment["content_type"].split(";"))
        message.add_attachment(
            attachment["content"],
            subtype=kind.removeprefix("text/"),
            filename=attachment["filename"],
            params=dict(pair.split("=", 1) for pair in pairs if "=" in pair),
        )
    return message


def _deliver(session: Session, settings: Settings, row: OutboxMessage) -> bool:
    row.attempts += 1
    try:
        backend_for(settings).send(_compose(settings, row))
    # Whatever goes wrong with one message (the server, its address, its text), it stays in
    # the outbox for a retry: delivery runs after the commit of the change it reports on, and
    # must never fail that change's request or job, nor stop the other messages.
    except Exception as exc:
        row.last_error = str(exc)[:500]
        logger.warning("mail delivery failed", extra={"outbox_id": row.id, "error": str(exc)})
        return False
    row.sent_at = datetime.now(UTC)
    row.last_error = None
    # Mail may carry single-use links; once delivered nothing needs the text any more.
    row.body = DELIVERED
    row.html = None
    row.attachments = []
    return True


_AFTER_COMMIT = "spoorboek_mail_after_commit"


def send(
    session: Session,
    settings: Settings,
    *,
    to: str,
    subject: str,
    body: str,
    html: str | None = None,
    headers: dict[str, str] | None = None,
    attachments: list[dict[str, str]] | None = None,
) -> int:
    """Stores the message; it is delivered once the transaction commits (`deliver_pending`
    retries failures). Mail about something that is rolled back is never sent. Returns the
    outbox row's id (what a newsletter delivery records, to find its bounce)."""
    row = OutboxMessage(
        recipient=to,
        subject=subject,
        body=body,
        html=html,
        headers=dict(headers or {}),
        attachments=list(attachments or []),
    )
    session.add(row)
    session.flush()
    session.info.setdefault(_AFTER_COMMIT, []).append((row.id, settings))
    return row.id


@contextmanager
def held_back(session: Session) -> Iterator[None]:
    """Mail queued inside the block is never delivered: for a change made only to be rolled
    back (a preview). Its outbox rows go with the rollback; this forgets their delivery."""
    queued = list(session.info.get(_AFTER_COMMIT, []))
    try:
        yield
    finally:
        if queued:
            session.info[_AFTER_COMMIT] = queued
        else:
            session.info.pop(_AFTER_COMMIT, None)


_COMMITTED = "spoorboek_mail_committed"


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    waiting = session.info.pop(_AFTER_COMMIT, [])
    if waiting:
        session.info.setdefault(_COMMITTED, []).extend(waiting)


@event.listens_for(Session, "after_transaction_end")
def _deliver_committed(session: Session, _transaction: SessionTransaction) -> None:
    # Delivered once the transaction has ended, when its connection is back in the pool:
    # during `after_commit` it is still held, and with every connection taken the delivery
    # below would wait for one that only this request could give back (a pool timeout).
    waiting = session.info.pop(_COMMITTED, [])
    if not waiting:
        return
    # A fresh session on the same bind marks the messages as sent (or keeps them for a retry).
    with Session(bind=session.get_bind()) as delivery:
        for message_id, settings in waiting:
            row = delivery.get(OutboxMessage, message_id)
            if row is not None and row.sent_at is None:
                _deliver(delivery, settings, row)
        delivery.commit()


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back(session: Session) -> None:
    session.info.pop(_AFTER_COMMIT, None)


def deliver_pending(session: Session, settings: Settings, limit: int = 100) -> tuple[int, int]:
    """Retries undelivered mail; mail older than MAX_AGE is given up and its text wiped."""
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.sent_at.is_(None), OutboxMessage.body != EXPIRED)
        .order_by(OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    cutoff = datetime.now(UTC) - MAX_AGE
    delivered = failed = 0
    for row in session.scalars(query):
        if row.created_at < cutoff:
            row.body = EXPIRED
            row.html = None
            row.attachments = []
            failed += 1
        elif _deliver(session, settings, row):
            delivered += 1
        else:
            failed += 1
    return delivered, failed


def forget_recipient(session: Session, address: str) -> int:
    """Erasure on request: the address, subjects and any undelivered text of mail to it go."""
    rows = session.scalars(
        select(OutboxMessage).where(func.lower(OutboxMessage.recipient) == address.casefold())
    )
    count = 0
    for row in rows:
        row.recipient = ERASED_RECIPIENT
        row.subject = "[gewist]"
        if row.sent_at is None:
            row.body = EXPIRED
            row.html = None
            row.attachments = []
        count += 1
    return count
