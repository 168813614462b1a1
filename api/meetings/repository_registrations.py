"""Queries of registrations and the waiting list."""

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User
from api.meetings.models import Meeting, MeetingStatus, Registration, RegistrationStatus
from api.municipalities.models import Municipality
from api.organisations.models import Organisation

QUEUE_ORDER = (Registration.queued_at, Registration.id)


def lock_meeting(session: Session, meeting_id: int) -> Meeting | None:
    """The meeting under its row lock (PostgreSQL; SQLite writers queue on BEGIN IMMEDIATE):
    every change of its places happens under it, so no two writers count the same free place.
    Read afresh, as an earlier read in this session may be stale by the time the lock comes."""
    query = (
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(selectinload(Meeting.measures))
        .with_for_update(of=Meeting)
        .execution_options(populate_existing=True)
    )
    return session.scalars(query).one_or_none()


def meeting(session: Session, meeting_id: int) -> Meeting | None:
    query = select(Meeting).where(Meeting.id == meeting_id)
    return session.scalars(query.options(selectinload(Meeting.measures))).one_or_none()


def registration(session: Session, meeting_id: int, registration_id: int) -> Registration | None:
    query = select(Registration).where(
        Registration.id == registration_id, Registration.meeting_id == meeting_id
    )
    return session.scalars(query).one_or_none()


def by_email(session: Session, meeting_id: int, email: str) -> Registration | None:
    query = select(Registration).where(
        Registration.meeting_id == meeting_id, Registration.email == email
    )
    return session.scalars(query).one_or_none()


def by_token_hash(session: Session, token_hash: str) -> Registration | None:
    return session.scalars(
        select(Registration).where(Registration.token_hash == token_hash)
    ).one_or_none()


def count(session: Session, meeting_id: int, status: RegistrationStatus) -> int:
    query = select(func.count()).where(
        Registration.meeting_id == meeting_id, Registration.status == status
    )
    return int(session.scalar(query) or 0)


def counts(session: Session, meeting_ids: Iterable[int]) -> dict[tuple[int, str], int]:
    """Registered and waiting per meeting, in one query."""
    ids = list(set(meeting_ids))
    if not ids:
        return {}
    query = (
        select(Registration.meeting_id, Registration.status, func.count())
        .where(Registration.meeting_id.in_(ids))
        .group_by(Registration.meeting_id, Registration.status)
    )
    return {(meeting_id, str(status)): int(n) for meeting_id, status, n in session.execute(query)}


def waiting(session: Session, meeting_id: int, limit: int | None = None) -> list[Registration]:
    """The waiting list, first come first."""
    query = (
        select(Registration)
        .where(
            Registration.meeting_id == meeting_id,
            Registration.status == RegistrationStatus.WAITING,
        )
        .order_by(*QUEUE_ORDER)
        .limit(limit)
    )
    return list(session.scalars(query))


def of_meeting(
    session: Session, meeting_id: int, municipalities: frozenset[str] | None = None
) -> list[Registration]:
    """Every registration of a meeting (or only those for these municipalities): the
    registered first, then the waiting list in its order, then the cancelled ones."""
    query = select(Registration).where(Registration.meeting_id == meeting_id)
    if municipalities is not None:
        query = query.where(Registration.municipality_code.in_(municipalities))
    return list(session.scalars(query.order_by(*QUEUE_ORDER)))


def to_notify(
    session: Session, meeting_id: int, statuses: Iterable[RegistrationStatus]
) -> list[Registration]:
    """The people of a meeting in these statuses, locked, so a hand-over that runs twice at
    once mails each of them once."""
    query = (
        select(Registration)
        .where(Registration.meeting_id == meeting_id, Registration.status.in_(list(statuses)))
        .order_by(*QUEUE_ORDER)
        .with_for_update()
    )
    return list(session.scalars(query))


def of_person(session: Session, user_id: int, email: str) -> list[Registration]:
    """A person's own registrations (by account, or by her address before she had one) and
    those she made for colleagues; cancelled ones left out."""
    query = (
        select(Registration)
        .where(
            or_(
                Registration.user_id == user_id,
                Registration.registered_by == user_id,
                Registration.email == email,
            ),
            Registration.status != RegistrationStatus.CANCELLED,
        )
        .order_by(*QUEUE_ORDER)
    )
    return list(session.scalars(query))


def meetings(session: Session, meeting_ids: Iterable[int]) -> list[Meeting]:
    ids = list(set(meeting_ids))
    if not ids:
        return []
    query = select(Meeting).where(Meeting.id.in_(ids)).options(selectinload(Meeting.measures))
    return list(session.scalars(query))


def due_reminders(session: Session, begin: datetime, end: datetime) -> list[Registration]:
    """The registered people of the meetings (not cancelled) that start in [begin, end) and
    were not reminded yet, locked and skipped when another run holds them."""
    query = (
        select(Registration)
        .join(Meeting, Meeting.id == Registration.meeting_id)
        .where(
            Meeting.starts_at >= begin,
            Meeting.starts_at < end,
            Meeting.status.in_([MeetingStatus.OPEN, MeetingStatus.FULL]),
            Registration.status == RegistrationStatus.REGISTERED,
            Registration.reminded_at.is_(None),
        )
        .order_by(Registration.meeting_id, *QUEUE_ORDER)
        .with_for_update(of=Registration, skip_locked=True)
    )
    return list(session.scalars(query))


def of_address(session: Session, email: str) -> list[Registration]:
    return list(session.scalars(select(Registration).where(Registration.email == email)))


def user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def active_user_by_email(session: Session, email: str) -> User | None:
    query = select(User).where(func.lower(User.email) == email, User.is_active.is_(True))
    return session.scalars(query).first()


def municipality_exists(session: Session, code: str) -> bool:
    return session.get(Municipality, code) is not None


def municipality_names(session: Session, codes: Iterable[str | None]) -> dict[str, str]:
    wanted = {c for c in codes if c}
    if not wanted:
        return {}
    query = select(Municipality.code, Municipality.name).where(Municipality.code.in_(wanted))
    return {code: name for code, name in session.execute(query)}


def organisation_names(session: Session, codes: Iterable[str | None]) -> dict[str, str]:
    wanted = {c for c in codes if c}
    if not wanted:
        return {}
    query = select(Organisation.code, Organisation.name).where(Organisation.code.in_(wanted))
    return {code: name for code, name in session.execute(query)}
