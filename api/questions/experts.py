"""The experts' side of questions put to their partner organisation: the inbox, one question as
an expert may see it, and her answer.

The answer goes to the advisor, never to the asker: it moves the question back to "assigned",
where the advisor who stays responsible for the reply works it into her answer. The expert's
service level is the request's own due date (`SPOORBOEK_QUESTION_EXPERT_DAYS` working days from
the day it was put, or the date the advisor chose)."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

from sqlalchemy.orm import Session

from api.core import events
from api.core.errors import ConflictError
from api.core.pagination import PageParams
from api.core.security import Principal
from api.core.settings import Settings
from api.core.validation import InvalidParams
from api.questions import repository, service_levels
from api.questions.models import ExpertRequest, Question, QuestionStatus
from api.questions.policy import (
    ensure_expert_can_read,
    expert_request_not_found,
    require_expert,
)
from api.questions.repository import ExpertRequestFilter
from api.questions.schemas import DueState, ExpertRequestState
from api.questions.workflow import record

StateFilter = Literal["open", "beantwoord", "ingetrokken"]


def state_of(request: ExpertRequest) -> ExpertRequestState:
    if request.closed_at is None:
        return "open"
    return "beantwoord" if request.answer is not None else "ingetrokken"


def due_state(settings: Settings, request: ExpertRequest, today: date) -> DueState:
    """The expert's own service level, judged like a question's."""
    if request.closed_at is not None:
        return "afgerond"
    if request.due_date < today:
        return "verlopen"
    if request.due_date <= service_levels.due_soon_limit(settings, today):
        return "bijna-verlopen"
    return "op-tijd"


@dataclass(frozen=True)
class ExpertCase:
    """A request with its question, and the names an expert's answer shows."""

    request: ExpertRequest
    question: Question
    people: dict[int, str]
    organisation_name: str
    theme_name: str | None
    municipality_name: str | None


def inbox(
    session: Session, principal: Principal, state: StateFilter | None, page: PageParams
) -> tuple[list[tuple[ExpertRequest, Question]], int]:
    """Her organisation's requests: open ones first, soonest due first; then answered ones."""
    criteria = ExpertRequestFilter(organisation=require_expert(principal), state=state)
    total = repository.count_expert_requests(session, criteria)
    requests = repository.list_expert_requests(session, criteria, page.offset, page.size)
    questions = repository.questions_by_ids(session, sorted({r.question_id for r in requests}))
    return [(r, questions[r.question_id]) for r in requests], total


def _case(session: Session, request: ExpertRequest, question: Question) -> ExpertCase:
    people = repository.users_by_ids(
        session, {i for i in (request.asked_by, request.answered_by) if i is not None}
    )
    organisation = repository.organisation(session, request.organisation_code)
    municipalities = repository.municipality_names(
        session, {question.municipality_code} if question.municipality_code else set()
    )
    return ExpertCase(
        request=request,
        question=question,
        people={i: u.name for i, u in people.items()},
        organisation_name=organisation.name if organisation else request.organisation_code,
        theme_name=repository.theme_names(session).get(question.theme_code)
        if question.theme_code
        else None,
        municipality_name=municipalities.get(question.municipality_code or ""),
    )


def get(session: Session, principal: Principal, request_id: int) -> ExpertCase:
    require_expert(principal)
    request = repository.get_expert_request(session, request_id)
    if request is None:
        raise expert_request_not_found(request_id)
    ensure_expert_can_read(principal, request)
    question = repository.get_question(session, request.question_id)
    if question is None:  # pragma: no cover - the request is deleted with its question
        raise expert_request_not_found(request_id)
    return _case(session, request, question)


def answer(session: Session, principal: Principal, request_id: int, text: str) -> ExpertCase:
    """Records the answer and hands the question back to its advisor, once."""
    found = get(session, principal, request_id)
    # The question first, as every change of a question locks it: an advisor taking the
    # request back at the same moment waits for this, or this for her.
    question = repository.get_question(session, found.question.id, for_update=True)
    request = repository.get_expert_request(session, request_id, for_update=True)
    if question is None or request is None:  # pragma: no cover - both were just read
        raise expert_request_not_found(request_id)
    if request.closed_at is not None:
        done = "al beantwoord" if request.answer is not None else "teruggenomen door de adviseur"
        raise ConflictError(f"Expertvraag {request_id} is {done}.")
    invalid = InvalidParams()
    if not text.strip():
        invalid.add("antwoord", "required", "Schrijf uw antwoord.", "body")
    invalid.raise_if_any()
    now = datetime.now(UTC)
    request.answer = text.strip()
    request.answered_by = principal.user_id
    request.answered_at = request.closed_at = now
    if question.status is QuestionStatus.WAITING_FOR_EXPERT:
        question.status = QuestionStatus.ASSIGNED
        question.expert_organisation = None
        question.expert_due_date = None
        record(
            session,
            question,
            "expertantwoord",
            principal.subject,
            before=QuestionStatus.WAITING_FOR_EXPERT,
            details={"verzoek": request.id, "organisatie": request.organisation_code},
        )
    session.flush()
    events.publish(
        session,
        events.EXPERT_ANSWERED,
        {
            "question": question.id,
            "request": request.id,
            "subject": question.subject,
            "organisation_name": found.organisation_name,
            "advisors": list(
                dict.fromkeys(a for a in (question.assignee_id, request.asked_by) if a is not None)
            ),
            "actor": principal.user_id,
        },
    )
    return _case(session, request, question)
