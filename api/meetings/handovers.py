"""What the meetings domain does when a meeting is cancelled, moved or given more places
(core/events.py): everyone registered or waiting is mailed, with a cancelling .ics or the
updated one; places that came free go to the waiting list in order."""

from typing import Any

from sqlalchemy.orm import Session

from api.core import clock, events
from api.core.settings import get_settings
from api.meetings import registrations, repository, service


def _cancelled(session: Session, event: dict[str, Any]) -> None:
    # An event carries no settings; the process's are those the app runs with (as calendar.py
    # takes them too).
    registrations.meeting_cancelled(session, get_settings(), event["meeting"])


def _moved(session: Session, event: dict[str, Any]) -> None:
    registrations.meeting_moved(session, get_settings(), event["meeting"], list(event["fields"]))


def _places_changed(session: Session, event: dict[str, Any]) -> None:
    # The meeting's row is locked already: the change came through load_for_change.
    meeting = repository.get(session, event["meeting"])
    if meeting is not None and service.registration_possible(meeting, clock.now()):
        registrations.fill_free_places(session, get_settings(), meeting, event["actor"])
        service.refresh_full(session, meeting)


def register() -> None:
    """Subscribe this domain's handlers (called once by api/main.py)."""
    events.subscribe(events.MEETING_CANCELLED, _cancelled)
    events.subscribe(events.MEETING_MOVED, _moved)
    events.subscribe(events.MEETING_PLACES_CHANGED, _places_changed)
