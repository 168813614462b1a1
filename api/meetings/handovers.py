"""What the meetings domain does when a meeting is cancelled or moved (core/events.py): everyone
registered or waiting is mailed, with a cancelling .ics or the updated one."""

from typing import Any

from sqlalchemy.orm import Session

from api.core import events
from api.core.settings import get_settings
from api.meetings import registrations


def _cancelled(session: Session, event: dict[str, Any]) -> None:
    # An event carries no settings; the process's are those the app runs with (as calendar.py
    # takes them too).
    registrations.meeting_cancelled(session, get_settings(), event["meeting"])


def _moved(session: Session, event: dict[str, Any]) -> None:
    registrations.meeting_moved(session, get_settings(), event["meeting"], list(event["fields"]))


def register() -> None:
    """Subscribe this domain's handlers (called once by api/main.py)."""
    events.subscribe(events.MEETING_CANCELLED, _cancelled)
    events.subscribe(events.MEETING_MOVED, _moved)
