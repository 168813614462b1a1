"""Queries of the calendars: the meetings of the public feed and of a person's own feed, and the
secret of that feed (stored as a hash)."""

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User
from api.meetings.models import CalendarFeed, Meeting, Registration, RegistrationStatus


def public_meetings(session: Session, since: datetime) -> list[Meeting]:
    """Every meeting that ends after `since`, cancelled ones too (a calendar that took one in
    must hear that it was cancelled), soonest first."""
    return list(
        session.scalars(
            select(Meeting)
            .where(Meeting.ends_at >= since)
            .options(selectinload(Meeting.measures))
            .order_by(Meeting.starts_at, Meeting.id)
        )
    )


def registered_meetings(session: Session, user_id: int, since: datetime) -> list[Meeting]:
    """The meetings this person holds a place at (aangemeld), ending after `since`."""
    held = select(Registration.meeting_id).where(
        Registration.user_id == user_id, Registration.status == RegistrationStatus.REGISTERED
    )
    return list(
        session.scalars(
            select(Meeting)
            .where(Meeting.id.in_(held), Meeting.ends_at >= since)
            .options(selectinload(Meeting.measures))
            .order_by(Meeting.starts_at, Meeting.id)
        )
    )


def feed_of_token(session: Session, token_hash: str) -> CalendarFeed | None:
    """The feed of this secret, while its person's account is active: a deactivated account's
    calendar stops as her login does (a deleted one's feed goes with it)."""
    return session.scalars(
        select(CalendarFeed)
        .join(User, User.id == CalendarFeed.user_id)
        .where(CalendarFeed.token_hash == token_hash, User.is_active.is_(True))
    ).one_or_none()


def feed_of_user(session: Session, user_id: int) -> CalendarFeed | None:
    return session.get(CalendarFeed, user_id)


def put_feed(session: Session, user_id: int, token_hash: str, now: datetime) -> None:
    """Gives the person's feed this secret, replacing the one before (its URL stops working)."""
    found = session.get(CalendarFeed, user_id, with_for_update=True)
    if found is None:
        try:
            with session.begin_nested():
                session.add(CalendarFeed(user_id=user_id, token_hash=token_hash, created_at=now))
            return
        except IntegrityError:
            # Her other request made one at the same moment: this one replaces it.
            found = session.get(CalendarFeed, user_id, with_for_update=True, populate_existing=True)
            if found is None:  # pragma: no cover - and removed it again in between
                raise
    found.token_hash = token_hash
    found.created_at = now


def remove_feed(session: Session, user_id: int) -> None:
    session.execute(delete(CalendarFeed).where(CalendarFeed.user_id == user_id))
