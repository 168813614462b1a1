"""Freeing a booked slot: by cancelling the booking (slots.py), or because the booker gave up
her place some other way, e.g. with the cancel link in her mail (registrations.py). Apart from
both, so that each can call it without importing the other. The question stays: it follows
the questions' own flow, and remains linked to the meeting where it was asked."""

from sqlalchemy.orm import Session

from api.meetings import history
from api.meetings import repository_slots as repository
from api.meetings.models import Meeting, Slot


def free(session: Session, meeting: Meeting, slot: Slot, actor: str) -> None:
    """Under the meeting's row lock."""
    details: dict[str, object] = {
        "tijdslot": slot.id,
        "gemeente": slot.municipality_code,
        "vraag": slot.question_id,
    }
    slot.municipality_code = None
    slot.booked_by = None
    slot.booked_at = None
    slot.question_id = None
    slot.registration_id = None
    history.record(session, meeting, "boeking-geannuleerd", actor, details)
    session.flush()


def free_of_registration(
    session: Session, meeting: Meeting, registration_id: int, actor: str
) -> int:
    """Frees every slot this place was booked with (a place given up takes its bookings with
    it); how many."""
    held = repository.slots_of_registration(session, registration_id)
    for slot in held:
        free(session, meeting, slot, actor)
    return len(held)
