"""The queries of sending editions: which are due, who still waits for one, what became of the
mail sent."""

from datetime import datetime

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session

from api.mail.models import OutboxMessage
from api.newsletters.models import Delivery, Edition, EditionStatus, Subscriber, SubscriberStatus


def due_editions(session: Session, now: datetime) -> list[Edition]:
    """Scheduled editions whose moment has come, locked (PostgreSQL): of two runs at once one
    starts them, the other passes them by."""
    return list(
        session.scalars(
            select(Edition)
            .where(Edition.status == EditionStatus.SCHEDULED, Edition.scheduled_for <= now)
            .order_by(Edition.scheduled_for, Edition.id)
            .with_for_update(skip_locked=True)
        )
    )


def sending_edition_ids(session: Session) -> list[int]:
    return list(
        session.scalars(
            select(Edition.id)
            .where(Edition.status == EditionStatus.SENDING)
            .order_by(Edition.scheduled_for, Edition.id)
        )
    )


def lock_sending(session: Session, edition_id: int) -> Edition | None:
    """The edition, if it is still being sent and no other run is sending a batch of it,
    locked until the commit (PostgreSQL; on SQLite a writer has the database to itself).
    Read afresh, so a status another run committed is not hidden by the session's copy."""
    return session.scalars(
        select(Edition)
        .where(Edition.id == edition_id, Edition.status == EditionStatus.SENDING)
        .with_for_update(skip_locked=True)
        .execution_options(populate_existing=True)
    ).one_or_none()


def _has_delivery(edition_id: int) -> ColumnElement[bool]:
    return exists().where(
        Delivery.edition_id == edition_id, Delivery.subscriber_id == Subscriber.id
    )


def waiting_subscribers(session: Session, edition_id: int, limit: int) -> list[Subscriber]:
    """The next active subscribers without a delivery of the edition, in id order."""
    return list(
        session.scalars(
            select(Subscriber)
            .where(Subscriber.status == SubscriberStatus.ACTIVE, ~_has_delivery(edition_id))
            .order_by(Subscriber.id)
            .limit(limit)
        )
    )


def status_of(session: Session, edition_id: int) -> EditionStatus | None:
    return session.scalar(select(Edition.status).where(Edition.id == edition_id))


def count_waiting(session: Session, edition_id: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Subscriber)
            .where(Subscriber.status == SubscriberStatus.ACTIVE, ~_has_delivery(edition_id))
        )
        or 0
    )


def count_sent_and_bounced(session: Session, edition_id: int) -> tuple[int, int, int]:
    """The edition's deliveries, those of them that carried a mail, and those that bounced."""
    done, sent, bounced = session.execute(
        select(
            func.count(Delivery.id),
            func.count(Delivery.outbox_message_id),
            func.count(Delivery.bounced_at),
        ).where(Delivery.edition_id == edition_id)
    ).one()
    return int(done), int(sent), int(bounced)


def undelivered_mail(session: Session, sent_since: datetime) -> list[tuple[Delivery, str]]:
    """Deliveries not marked bounced whose mail the outbox tried and could not deliver yet,
    with the outbox's last error; only of editions still being sent or sent since
    `sent_since`, so the job reads the deliveries of a few editions, not of every one."""
    recent = select(Edition.id).where(
        (Edition.status == EditionStatus.SENDING) | (Edition.sent_at >= sent_since)
    )
    rows = session.execute(
        select(Delivery, OutboxMessage.last_error)
        .join(OutboxMessage, OutboxMessage.id == Delivery.outbox_message_id)
        .where(
            Delivery.edition_id.in_(recent),
            Delivery.bounced_at.is_(None),
            OutboxMessage.sent_at.is_(None),
            OutboxMessage.last_error.is_not(None),
        )
        .order_by(Delivery.id)
    )
    return [(delivery, error) for delivery, error in rows if error is not None]
