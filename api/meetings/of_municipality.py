"""The meetings a municipality registered for, for its page in progress (api/progress/activity.py):
the places taken for it, not who took them."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from api.meetings import repository_reach
from api.meetings.models import MeetingStatus, RegistrationStatus
from api.meetings.service import shown_status

WINDOW = timedelta(days=366)
"""How far back and ahead: the programme's meetings of about a year either way."""


@dataclass(frozen=True, slots=True)
class RegisteredMeeting:
    id: int
    title: str
    starts_at: datetime
    status: MeetingStatus
    """As shown: `afgelopen` once it has ended."""
    places: int
    """Its registrations for the municipality, the waiting list left out."""
    waiting: int


def registered_for(
    session: Session, code: str, now: datetime
) -> tuple[list[RegisteredMeeting], list[RegisteredMeeting]]:
    """The coming meetings (soonest first) and the past ones (latest first) with a place or a
    place on the waiting list for `code`; cancelled meetings and registrations left out."""
    start, end = now - WINDOW, now + WINDOW
    places: dict[int, list[int]] = {}
    for seat in repository_reach.seats_between(session, start, end):
        if seat.municipality != code or seat.status is RegistrationStatus.CANCELLED:
            continue
        counts = places.setdefault(seat.meeting_id, [0, 0])
        counts[seat.status is RegistrationStatus.WAITING] += 1
    if not places:
        return [], []
    found = [
        RegisteredMeeting(
            id=m.id,
            title=m.title,
            starts_at=m.starts_at,
            status=shown_status(m, now),
            places=places[m.id][0],
            waiting=places[m.id][1],
        )
        for m in repository_reach.meetings_between(session, start, end)
        if m.id in places
    ]
    coming = [m for m in found if m.status is not MeetingStatus.PAST]
    past = [m for m in found if m.status is MeetingStatus.PAST]
    return coming, past[::-1]
