"""Due dates of questions in working days, and whether a question is on time, due soon or late.

Days are Dutch days: "today" comes from the one clock (`core/clock.py`), in Europe/Amsterdam."""

from datetime import date, datetime
from functools import lru_cache

from api.core.clock import dutch_date
from api.core.settings import Settings
from api.questions.models import Question, QuestionStatus
from api.questions.schemas import DueState
from api.questions.working_days import WorkingDays

FINISHED = frozenset({QuestionStatus.ANSWERED, QuestionStatus.CLOSED})


@lru_cache(maxsize=8)
def _calendar(categories: tuple[str, ...]) -> WorkingDays:
    return WorkingDays(categories)


def calendar(settings: Settings) -> WorkingDays:
    return _calendar(tuple(settings.holiday_categories))


def answer_due(settings: Settings, received_at: datetime) -> date:
    return calendar(settings).add(dutch_date(received_at), settings.question_answer_days)


def expert_due(settings: Settings, day: date) -> date:
    return calendar(settings).add(day, settings.question_expert_days)


def due_soon_limit(settings: Settings, day: date) -> date:
    """Open questions due on or before this day are due soon (or late)."""
    return calendar(settings).add(day, settings.question_due_soon_days)


def due_state(settings: Settings, question: Question, day: date) -> DueState:
    if question.status in FINISHED:
        return "afgerond"
    if question.due_date < day:
        return "verlopen"
    if question.due_date <= due_soon_limit(settings, day):
        return "bijna-verlopen"
    return "op-tijd"


def working_days_to_answer(settings: Settings, question: Question) -> int | None:
    if question.answered_at is None:
        return None
    return calendar(settings).between(
        dutch_date(question.received_at), dutch_date(question.answered_at)
    )
