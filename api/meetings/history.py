"""A meeting's history: what happened to it, by whom, appended and never rewritten. Every part
of the domain (changes, registrations, attendance, materials, invitations) records its steps
here."""

from sqlalchemy.orm import Session

from api.audit import service as audit
from api.core import clock
from api.core.requests import RequestContext
from api.core.security import person_of
from api.meetings import repository
from api.meetings.models import Meeting, MeetingEvent

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


def named(session: Session, meeting_id: int) -> list[tuple[MeetingEvent, str]]:
    """Every step, oldest first, each with who took it: a person by name, anything else by what
    it recorded itself as."""
    found = repository.events_of(session, meeting_id)
    people = repository.users_by_ids(
        session, {i for i in (person_of(e.actor) for e in found) if i is not None}
    )

    def actor(subject: str) -> str:
        person = person_of(subject)
        if person is None:
            return subject
        return people[person].name if person in people else UNKNOWN_PERSON

    return [(e, actor(e.actor)) for e in found]
