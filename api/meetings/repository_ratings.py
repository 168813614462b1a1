"""Queries of the attendees' evaluations of meetings."""

from datetime import datetime

from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.meetings.models import Attendance, Meeting, MeetingRating, MeetingStatus, Registration
from api.municipalities.models import Municipality
from api.organisations.models import Organisation


def meeting(session: Session, meeting_id: int) -> Meeting | None:
    return session.get(Meeting, meeting_id)


def by_token_hash(
    session: Session, token_hash: str, *, for_update: bool = False
) -> MeetingRating | None:
    query = select(MeetingRating).where(MeetingRating.token_hash == token_hash)
    if for_update:
        query = query.with_for_update()
    return session.scalars(query).one_or_none()


def of_registrations(session: Session, registration_ids: list[int]) -> list[MeetingRating]:
    if not registration_ids:
        return []
    query = (
        select(MeetingRating)
        .where(MeetingRating.registration_id.in_(registration_ids))
        .order_by(MeetingRating.id)
        .with_for_update()
    )
    return list(session.scalars(query))


def ended_between(session: Session, start: datetime, end: datetime) -> list[Meeting]:
    """Meetings that took place and ended in [start, end): cancelled ones are left out."""
    return list(
        session.scalars(
            select(Meeting)
            .where(
                Meeting.ends_at >= start,
                Meeting.ends_at < end,
                Meeting.status != MeetingStatus.CANCELLED,
            )
            .order_by(Meeting.ends_at, Meeting.id)
        )
    )


def unasked_attendees(session: Session, meeting_id: int) -> list[Registration]:
    """Who was there and has not been asked for an evaluation yet."""
    asked = exists().where(MeetingRating.registration_id == Registration.id)
    return list(
        session.scalars(
            select(Registration)
            .where(
                Registration.meeting_id == meeting_id,
                Registration.attendance == Attendance.PRESENT,
                ~asked,
            )
            .order_by(Registration.id)
        )
    )


def of_meeting(session: Session, meeting_id: int) -> list[MeetingRating]:
    return list(
        session.scalars(
            select(MeetingRating)
            .where(MeetingRating.meeting_id == meeting_id)
            .order_by(MeetingRating.id)
        )
    )


def names_around(session: Session, meeting: Meeting) -> tuple[list[str], list[str]]:
    """The names a comment on this meeting could give away: everyone registered and the
    organiser; and the places: the attendees' municipalities and organisations."""
    people = list(
        session.scalars(select(Registration.name).where(Registration.meeting_id == meeting.id))
    )
    if meeting.organiser_id is not None:
        people += session.scalars(select(User.name).where(User.id == meeting.organiser_id))
    places = list(
        session.scalars(
            select(Municipality.name)
            .join(Registration, Registration.municipality_code == Municipality.code)
            .where(Registration.meeting_id == meeting.id)
            .distinct()
        )
    )
    places += session.scalars(
        select(Organisation.name)
        .join(Registration, Registration.organisation_code == Organisation.code)
        .where(Registration.meeting_id == meeting.id)
        .distinct()
    )
    return [p for p in people if p], [p for p in places if p]


def clear_comments_written_before(session: Session, cutoff: datetime) -> int:
    """Comments last written before `cutoff` (a comment is written with its score). Looked
    for first: an update, even of no row, raises the version of the satisfaction figures."""
    old = (MeetingRating.comment.is_not(None), MeetingRating.changed_at < cutoff)
    if not session.scalar(select(exists().where(*old))):
        return 0
    result = session.execute(
        update(MeetingRating).where(*old).values(comment=None, comment_cleared=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
