"""The questions asked during a meeting (or booked for a consultation hour's slot), each linked
once; they follow the questions' own flow, the link only says where they were asked."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.core import clock
from api.core.errors import ConflictError, NotFoundError
from api.core.security import Principal
from api.meetings import history, policy, session_access
from api.meetings import repository_slots as repository
from api.meetings.models import MeetingQuestion
from api.questions import workflow
from api.questions.models import Question

ACTION = "Vragen van een bijeenkomst beheren"


@dataclass(frozen=True)
class Linked:
    link: MeetingQuestion
    question: Question


def listing(session: Session, principal: Principal, meeting_id: int) -> list[Linked]:
    meeting = session_access.meeting(session, meeting_id)
    policy.require_manager(principal, meeting, ACTION)
    return [Linked(link, q) for link, q in repository.questions(session, meeting.id)]


def link(session: Session, principal: Principal, meeting_id: int, question_id: int) -> Linked:
    meeting = session_access.meeting(session, meeting_id, for_update=True)
    policy.require_manager(principal, meeting, ACTION)
    question = workflow.existing(session, question_id)
    if repository.question_link(session, meeting.id, question.id) is not None:
        raise ConflictError(f"Vraag {question_id} hoort al bij deze bijeenkomst.")
    added = MeetingQuestion(
        meeting_id=meeting.id,
        question_id=question.id,
        added_by=principal.user_id,
        added_at=clock.now(),
    )
    session.add(added)
    history.record(session, meeting, "vraag-gekoppeld", principal.subject, {"vraag": question.id})
    session.flush()
    return Linked(added, question)


def unlink(session: Session, principal: Principal, meeting_id: int, question_id: int) -> None:
    meeting = session_access.meeting(session, meeting_id, for_update=True)
    policy.require_manager(principal, meeting, ACTION)
    found = repository.question_link(session, meeting.id, question_id)
    if found is None:
        raise NotFoundError(f"Vraag {question_id} hoort niet bij deze bijeenkomst.")
    session.delete(found)
    history.record(session, meeting, "vraag-ontkoppeld", principal.subject, {"vraag": question_id})
    session.flush()
