"""The queries of subscribers: by address, by the hash of a link secret, by account; the
sign-up throttle; the choices' reference codes; what an export shows."""

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from api.core.queries import locked_by_key
from api.mail.models import OutboxMessage
from api.measures.models import Measure, Theme, Wave
from api.newsletters.models import (
    Delivery,
    Edition,
    SignupThrottle,
    Subscriber,
    SubscriberStatus,
)


def by_email(session: Session, email: str) -> Subscriber | None:
    return session.scalars(select(Subscriber).where(Subscriber.email == email)).one_or_none()


def by_confirm_hash(session: Session, token_hash: str) -> Subscriber | None:
    query = select(Subscriber).where(Subscriber.confirm_token_hash == token_hash)
    return session.scalars(query).one_or_none()


def by_link_hash(session: Session, token_hash: str) -> Subscriber | None:
    """The subscriber a mail's secret belongs to: the manage secret, one edition mail's, or the
    confirmation mail's once she confirmed (so the page she confirmed on can take her to her
    subscription; before confirming that link manages nothing)."""
    found = session.scalars(
        select(Subscriber).where(Subscriber.manage_token_hash == token_hash)
    ).one_or_none()
    if found is not None:
        return found
    confirmed = session.scalars(
        select(Subscriber).where(
            Subscriber.confirm_token_hash == token_hash,
            Subscriber.status != SubscriberStatus.UNCONFIRMED,
        )
    ).one_or_none()
    if confirmed is not None:
        return confirmed
    query = (
        select(Subscriber)
        .join(Delivery, Delivery.subscriber_id == Subscriber.id)
        .where(Delivery.link_token_hash == token_hash)
    )
    return session.scalars(query).one_or_none()


def by_user(session: Session, user_id: int) -> Subscriber | None:
    query = select(Subscriber).where(Subscriber.user_id == user_id).order_by(Subscriber.id)
    return session.scalars(query).first()


def active_after(session: Session, after_id: int, limit: int) -> list[Subscriber]:
    query = (
        select(Subscriber)
        .where(Subscriber.status == SubscriberStatus.ACTIVE, Subscriber.id > after_id)
        .order_by(Subscriber.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def deliveries_of(session: Session, subscriber_id: int) -> list[tuple[Delivery, Edition]]:
    query = (
        select(Delivery, Edition)
        .join(Edition, Edition.id == Delivery.edition_id)
        .where(Delivery.subscriber_id == subscriber_id)
        .order_by(Delivery.sent_at, Delivery.id)
    )
    return [(delivery, edition) for delivery, edition in session.execute(query)]


def mails_to(
    session: Session, email: str, subscriber_id: int, subjects: Collection[str]
) -> list[OutboxMessage]:
    """The nieuwsbrief's mails in the outbox to the address: those of its deliveries and those
    of signing up (by their subject). Not the address's other mail (an account's
    notifications, say): a forwarded newsletter must not tell what else she gets."""
    of_deliveries = select(Delivery.outbox_message_id).where(
        Delivery.subscriber_id == subscriber_id, Delivery.outbox_message_id.is_not(None)
    )
    query = (
        select(OutboxMessage)
        .where(
            func.lower(OutboxMessage.recipient) == email.casefold(),
            or_(OutboxMessage.id.in_(of_deliveries), OutboxMessage.subject.in_(subjects)),
        )
        .order_by(OutboxMessage.created_at, OutboxMessage.id)
    )
    return list(session.scalars(query))


def erase(session: Session, subscriber: Subscriber, throttle_key: str) -> None:
    # Deliveries explicitly too: the cascade in the schema is the database's, and the session
    # must not keep rows the database no longer has.
    session.execute(delete(Delivery).where(Delivery.subscriber_id == subscriber.id))
    session.execute(delete(SignupThrottle).where(SignupThrottle.key == throttle_key))
    session.delete(subscriber)
    session.flush()


def delete_expired_unconfirmed(session: Session, now: datetime) -> int:
    expired = select(Subscriber.id).where(
        Subscriber.status == SubscriberStatus.UNCONFIRMED, Subscriber.confirm_expires_at < now
    )
    ids = list(session.scalars(expired))
    if not ids:
        return 0
    session.execute(delete(Delivery).where(Delivery.subscriber_id.in_(ids)))
    session.execute(
        delete(Subscriber)
        .where(Subscriber.id.in_(ids))
        .execution_options(synchronize_session=False)
    )
    session.expire_all()
    return len(ids)


def delete_throttle_before(session: Session, moment: datetime) -> int:
    rows = session.execute(
        delete(SignupThrottle)
        .where(SignupThrottle.window_started_at < moment)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(rows, "rowcount", 0) or 0)


def throttle_row(session: Session, key: str) -> SignupThrottle | None:
    return session.get(SignupThrottle, key)


def locked_throttle_rows(
    session: Session, keys: list[str], now: datetime
) -> dict[str, SignupThrottle]:
    """The rows of these keys, made when missing, locked in key order and read afresh."""
    return locked_by_key(
        session,
        SignupThrottle,
        keys,
        lambda key: SignupThrottle(key=key, window_started_at=now, count=0),
    )


def existing_measures(session: Session, codes: Collection[str]) -> set[str]:
    if not codes:
        return set()
    return set(session.scalars(select(Measure.code).where(Measure.code.in_(codes))))


def existing_themes(session: Session, codes: Collection[str]) -> set[str]:
    if not codes:
        return set()
    return set(session.scalars(select(Theme.code).where(Theme.code.in_(codes))))


def existing_waves(session: Session, numbers: Collection[int]) -> set[int]:
    if not numbers:
        return set()
    return set(session.scalars(select(Wave.number).where(Wave.number.in_(numbers))))
