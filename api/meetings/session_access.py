"""What the parts during and after a meeting share: loading the meeting (through the core's
queries and rules) and its moments."""

from sqlalchemy.orm import Session

from api.core import clock
from api.meetings import policy, repository, service
from api.meetings.models import Meeting


def meeting(session: Session, meeting_id: int, *, for_update: bool = False) -> Meeting:
    """The meeting, or 404. `for_update` takes its row lock, under which registrations and
    bookings keep their counts in step."""
    if not for_update:
        return service.get(session, meeting_id)
    found = repository.get_for_update(session, meeting_id)
    if found is None:
        raise policy.not_found(meeting_id)
    return found


def has_started(meeting: Meeting) -> bool:
    return clock.now() >= meeting.starts_at
