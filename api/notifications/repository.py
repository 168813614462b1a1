"""Every query of the notifications domain."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from api.notifications.kinds import Kind
from api.notifications.models import (
    MailState,
    Notification,
    NotificationPreference,
    UnsubscribeLink,
)


def preferences_of(
    session: Session, user_ids: Sequence[int]
) -> dict[tuple[int, Kind], NotificationPreference]:
    if not user_ids:
        return {}
    rows = session.scalars(
        select(NotificationPreference).where(NotificationPreference.user_id.in_(user_ids))
    )
    return {(row.user_id, row.kind): row for row in rows}


def occasions_taken(session: Session, user_ids: Sequence[int], occasion: str) -> set[int]:
    query = select(Notification.user_id).where(
        Notification.occasion == occasion, Notification.user_id.in_(user_ids)
    )
    return set(session.scalars(query))


def page_of(
    session: Session, user_id: int, unread_only: bool, offset: int, limit: int
) -> tuple[list[Notification], int]:
    mine = select(Notification).where(Notification.user_id == user_id)
    if unread_only:
        mine = mine.where(Notification.read_at.is_(None))
    total = session.scalar(select(func.count()).select_from(mine.subquery())) or 0
    rows = session.scalars(
        mine.order_by(Notification.created_at.desc(), Notification.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return list(rows), total


def unread_count(session: Session, user_id: int) -> int:
    query = select(func.count(Notification.id)).where(
        Notification.user_id == user_id, Notification.read_at.is_(None)
    )
    return session.scalar(query) or 0


def one_of(session: Session, user_id: int, notification_id: int) -> Notification | None:
    query = select(Notification).where(
        Notification.id == notification_id, Notification.user_id == user_id
    )
    return session.scalars(query).first()


def mark_all_read(session: Session, user_id: int, now: datetime) -> int:
    result = session.execute(
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=now)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def due(session: Session, state: MailState, limit: int) -> list[Notification]:
    """Notifications that owe mail, oldest first; locked, and skipped by a second sender."""
    query = (
        select(Notification)
        .where(Notification.mail_state == state)
        .order_by(Notification.user_id, Notification.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(session.scalars(query))


def people_with_summary_due(session: Session) -> list[int]:
    query = (
        select(Notification.user_id)
        .where(Notification.mail_state == MailState.IN_NEXT_SUMMARY)
        .distinct()
        .order_by(Notification.user_id)
    )
    return list(session.scalars(query))


def summary_of(session: Session, user_id: int) -> list[Notification]:
    query = (
        select(Notification)
        .where(
            Notification.user_id == user_id,
            Notification.mail_state == MailState.IN_NEXT_SUMMARY,
        )
        .order_by(Notification.id)
        .with_for_update(skip_locked=True)
    )
    return list(session.scalars(query))


def unsubscribe_link(session: Session, token_hash: str) -> UnsubscribeLink | None:
    return session.get(UnsubscribeLink, token_hash, with_for_update=True)
