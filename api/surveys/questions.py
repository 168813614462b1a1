"""The questions of the survey: the standard set, and editors adding and changing questions.
A change applies to rounds sent after it; a sent round keeps the questions it was sent with
(its RoundQuestion rows point at the question, and a question's text is never rewritten in a
sent round: see `edit`)."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.core.errors import NotFoundError
from api.core.security import Principal
from api.surveys import repository
from api.surveys.models import AnswerKind, SurveyQuestion, Touchpoint
from api.surveys.policy import require_team

# (text, kind, touchpoint): loaded by `spoorboek seed` when there are no questions yet.
STANDARD_QUESTIONS: tuple[tuple[str, AnswerKind, Touchpoint], ...] = (
    (
        "Hoe tevreden bent u over de ondersteuning bij de invoering van Participatiewet in balans?",
        AnswerKind.SCALE,
        Touchpoint.OVERALL,
    ),
    (
        "Hoe bruikbaar zijn de implementatieproducten (handreikingen, formats, "
        "modelverordeningen) voor uw gemeente?",
        AnswerKind.SCALE,
        Touchpoint.PRODUCTS,
    ),
    (
        "Hoe nuttig vindt u de bijeenkomsten (werksessies, spreekuren, webinars)?",
        AnswerKind.SCALE,
        Touchpoint.EVENTS,
    ),
    (
        "Hoe bruikbaar zijn de antwoorden op uw vragen?",
        AnswerKind.SCALE,
        Touchpoint.ANSWERS,
    ),
    ("Wat kan beter?", AnswerKind.OPEN, Touchpoint.OTHER),
)


def ensure_standard_questions(session: Session) -> int:
    """Adds the standard set to an empty list and returns how many it added. Once there are
    questions the editors own them (deactivated, reworded or reordered): a second seed adds
    nothing and changes nothing."""
    if repository.count_questions(session):
        return 0
    for position, (text, kind, touchpoint) in enumerate(STANDARD_QUESTIONS, start=1):
        session.add(SurveyQuestion(text=text, kind=kind, touchpoint=touchpoint, position=position))
    session.flush()
    return len(STANDARD_QUESTIONS)


def listing(session: Session, principal: Principal) -> list[SurveyQuestion]:
    require_team(principal)
    return repository.questions(session)


@dataclass(frozen=True)
class NewQuestion:
    text: str
    kind: AnswerKind
    touchpoint: Touchpoint
    position: int | None
    active: bool


def add(session: Session, principal: Principal, new: NewQuestion) -> SurveyQuestion:
    require_team(principal)
    position = new.position
    if position is None:
        position = max((q.position for q in repository.questions(session)), default=0) + 1
    question = SurveyQuestion(
        text=new.text.strip(),
        kind=new.kind,
        touchpoint=new.touchpoint,
        position=position,
        active=new.active,
    )
    session.add(question)
    session.flush()
    return question


@dataclass(frozen=True)
class QuestionChange:
    text: str | None = None
    touchpoint: Touchpoint | None = None
    position: int | None = None
    active: bool | None = None


def edit(
    session: Session, principal: Principal, question_id: int, change: QuestionChange
) -> SurveyQuestion:
    require_team(principal)
    question = repository.question(session, question_id)
    if question is None:
        raise NotFoundError(f"Peilingvraag {question_id} bestaat niet.")
    text = change.text.strip() if change.text is not None else question.text
    touchpoint = change.touchpoint or question.touchpoint
    reworded = text != question.text or touchpoint != question.touchpoint
    if reworded and repository.question_was_sent(session, question.id):
        # A sent round keeps the words (and the touchpoint its figures count under) it was
        # answered with: the new wording becomes a new question, and the old one is retired.
        replacement = SurveyQuestion(
            text=text,
            kind=question.kind,
            touchpoint=touchpoint,
            position=question.position if change.position is None else change.position,
            active=question.active if change.active is None else change.active,
        )
        question.active = False
        session.add(replacement)
        session.flush()
        return replacement
    question.text = text
    question.touchpoint = touchpoint
    if change.position is not None:
        question.position = change.position
    if change.active is not None:
        question.active = change.active
    session.flush()
    return question
