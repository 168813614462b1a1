"""A question's record as the team reads it: the internal notes and the history, with the
people who wrote or did them named."""

from sqlalchemy.orm import Session

from api.accounts.models import User
from api.core.security import Principal, person_of
from api.questions import repository, workflow
from api.questions.models import QuestionEvent, QuestionNote
from api.questions.policy import require_team


def notes(
    session: Session, principal: Principal, question_id: int
) -> list[tuple[QuestionNote, User | None]]:
    """The internal notes of a question, oldest first, each with its author if still known."""
    require_team(principal, "Interne notities")
    workflow.existing(session, question_id)
    found = repository.notes_of(session, question_id)
    people = repository.users_by_ids(session, {n.author_id for n in found if n.author_id})
    return [(n, people.get(n.author_id) if n.author_id is not None else None) for n in found]


def add_note(
    session: Session, principal: Principal, question_id: int, text: str
) -> tuple[QuestionNote, User | None]:
    """Adds an internal note; returns it with its author."""
    note = workflow.add_note(session, principal, question_id, text)
    author = repository.user(session, note.author_id) if note.author_id else None
    return note, author


def events(
    session: Session, principal: Principal, question_id: int
) -> list[tuple[QuestionEvent, str | None]]:
    """Every step of a question, oldest first, each with the name of the person who took it."""
    require_team(principal)
    workflow.existing(session, question_id)
    found = repository.events_of(session, question_id)
    people = repository.users_by_ids(
        session, {i for i in (person_of(e.actor) for e in found) if i is not None}
    )
    named = []
    for e in found:
        person = person_of(e.actor)
        named.append((e, people[person].name if person in people else None))
    return named
