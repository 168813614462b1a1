"""A meeting's history: what happened to it, by whom, appended and never rewritten. Every part
of the domain (changes, registrations, attendance, materials, invitations) records its steps
here."""

from typing import NamedTuple

from sqlalchemy.orm import Session

from api.audit import service as audit
from api.core import clock
from api.core.requests import RequestContext
from api.core.security import person_of
from api.meetings import repository
from api.meetings.models import Meeting, MeetingEvent

REGISTRATION = "aanmelding"
"""The key of the details naming a registration by its id."""
UNKNOWN_PERSON = "onbekende persoon"
"""A person whose account has gone since."""


def record(
    session: Session, meeting: Meeting, kind: str, actor: str, details: dict[str, object]
) -> None:
    """Appends a step. `actor`: a `Principal.subject` ("user:12"), or what acted without one
    ("systeem", "token")."""
    session.add(
        MeetingEvent(
            meeting_id=meeting.id,
            kind=kind,
            actor=actor,
            occurred_at=clock.now(),
            details=details,
        )
    )


def record_and_audit(
    session: Session,
    ctx: RequestContext | None,
    meeting: Meeting,
    kind: str,
    actor: str,
    audit_event: str,
    details: dict[str, object],
) -> None:
    """A step whose history entry and audit entry say the same thing."""
    record(session, meeting, kind, actor, details)
    audit.record(
        session, ctx, audit_event, actor=actor, subject=f"meeting:{meeting.id}", details=details
    )


class Step(NamedTuple):
    event: MeetingEvent
    actor: str
    """Who took it: a person by name, anything else by what it recorded itself as."""
    details: dict[str, object]
    """As recorded; a step about a registration also with the registered person's name."""


def named(session: Session, meeting_id: int) -> list[Step]:
    """Every step, oldest first. A registration's step records only its id, and her name is
    looked up when shown: so the history holds no personal data of its own, and once she is
    erased it shows the name her registration has then ("[gewist]")."""
    found = repository.events_of(session, meeting_id)
    people = repository.users_by_ids(
        session, {i for i in (person_of(e.actor) for e in found) if i is not None}
    )
    registered = repository.registration_names(session, meeting_id)

    def actor(subject: str) -> str:
        person = person_of(subject)
        if person is None:
            return subject
        return people[person].name if person in people else UNKNOWN_PERSON

    def details(event: MeetingEvent) -> dict[str, object]:
        place = event.details.get(REGISTRATION)
        if isinstance(place, int) and place in registered:
            return {**event.details, "naam": registered[place]}
        return event.details

    return [Step(e, actor(e.actor), details(e)) for e in found]
