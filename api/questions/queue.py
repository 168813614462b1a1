"""Finding questions: the advisors' inbox with its filters and due-date lists, a contact's own
questions, one question (for a contact: with the answer of the question it was merged into),
and similar FAQ entries and questions for a text being typed."""

from dataclasses import replace
from datetime import timedelta
from typing import Literal

from sqlalchemy.orm import Session

from api.core import clock
from api.core.errors import NotFoundError
from api.core.pagination import PageParams
from api.core.queries import existing_values
from api.core.security import Principal
from api.core.settings import Settings
from api.core.sorting import parse_sort
from api.core.validation import InvalidParams
from api.measures.models import Measure, Theme
from api.questions import repository, service_levels, similarity
from api.questions.models import FaqEntry, FaqStatus, Question
from api.questions.policy import ensure_can_read, require_asker_or_team
from api.questions.repository import OPEN_STATUSES, QuestionFilter
from api.questions.search_index import QuestionScope

SORTABLE = {
    "afgerond": repository.IS_DONE,
    "termijn": Question.due_date,
    "ontvangenOp": Question.received_at,
    "status": Question.status,
    "gewijzigdOp": Question.updated_at,
}
# The inbox opens on the work still to do, most urgent first; answered and closed questions
# follow rather than disappear, so "all statuses" still means all of them.
DEFAULT_SORT = "afgerond,termijn"
DueList = Literal["verlopen", "bijna-verlopen"]
MAX_SUGGESTIONS = 5


def find(
    session: Session,
    settings: Settings,
    principal: Principal,
    criteria: QuestionFilter,
    due: DueList | None,
    sort: str | None,
    page: PageParams,
) -> tuple[list[Question], int]:
    require_asker_or_team(principal)
    invalid = InvalidParams()
    invalid.unknown("maatregel", criteria.measure, lambda: existing_values(session, Measure.code))
    invalid.unknown("thema", criteria.theme, lambda: existing_values(session, Theme.code))
    order = parse_sort(sort, SORTABLE, DEFAULT_SORT, tiebreaker=Question.id, invalid=invalid)
    invalid.raise_if_any()
    if not principal.is_programme_team:
        # A contact's inbox is their own questions, whatever the filters say.
        criteria = replace(criteria, asker_user_id=principal.user_id, include_merged=True)
    today = clock.today()
    if due == "verlopen":
        criteria = replace(criteria, due_before=today - timedelta(days=1))
    elif due == "bijna-verlopen":
        criteria = replace(criteria, due_before=service_levels.due_soon_limit(settings, today))
    total = repository.count_questions(session, criteria)
    return repository.list_questions(session, criteria, order, page.offset, page.size), total


def get(
    session: Session, principal: Principal, question_id: int
) -> tuple[Question, Question | None]:
    """The question, and for a contact the question it went up in (whose answer is theirs)."""
    question = repository.get_question(session, question_id)
    if question is None:
        raise NotFoundError(f"Vraag {question_id} bestaat niet.")
    ensure_can_read(principal, question)
    main = None
    if question.merged_into_id is not None and not principal.is_programme_team:
        main = repository.get_question(session, question.merged_into_id)
    return question, main


def suggestions(
    session: Session, principal: Principal, text: str
) -> tuple[list[tuple[FaqEntry, float]], list[tuple[Question, float]]]:
    require_asker_or_team(principal)
    # A contact is only shown her own questions: the search looks among those, not among
    # everyone's, and only at open questions that were not merged into another.
    scope = QuestionScope(
        frozenset(s.value for s in OPEN_STATUSES),
        None if principal.is_programme_team else principal.user_id or 0,
    )
    faq, matches = similarity.suggestions(session, text, MAX_SUGGESTIONS, scope)
    found = repository.questions_by_ids(session, [m.id for m in matches])
    questions = [(found[m.id], m.score) for m in matches if m.id in found]
    return _published(session, faq), questions


def _published(session: Session, matches: list[similarity.Match]) -> list[tuple[FaqEntry, float]]:
    """The best MAX_SUGGESTIONS published entries among the matches, loaded a few at a time:
    a withdrawn entry leaves the index, so the first few are normally all there is to load."""
    shown: list[tuple[FaqEntry, float]] = []
    for start in range(0, len(matches), MAX_SUGGESTIONS):
        chunk = matches[start : start + MAX_SUGGESTIONS]
        entries = repository.faq_entries(session, [m.id for m in chunk])
        shown += [
            (entries[m.id], m.score)
            for m in chunk
            if m.id in entries and entries[m.id].status is FaqStatus.PUBLISHED
        ]
        if len(shown) >= MAX_SUGGESTIONS:
            break
    return shown[:MAX_SUGGESTIONS]
