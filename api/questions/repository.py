"""Queries for questions and FAQ entries."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User, UserRole
from api.core.security import Role
from api.measures.models import Measure, Theme
from api.municipalities.models import Municipality
from api.organisations.models import Organisation
from api.questions.models import (
    Channel,
    ExpertRequest,
    FaqEntry,
    FaqProduct,
    FaqStatus,
    Question,
    QuestionEvent,
    QuestionNote,
    QuestionStatus,
    faq_measures,
    question_measures,
)

OPEN_STATUSES = (
    QuestionStatus.NEW,
    QuestionStatus.TRIAGED,
    QuestionStatus.ASSIGNED,
    QuestionStatus.WAITING_FOR_EXPERT,
)
# 0 while work remains, 1 once answered or closed: sorting on it puts open work first.
IS_DONE = case((Question.status.in_(OPEN_STATUSES), 0), else_=1)

_QUESTION_OPTIONS = (
    selectinload(Question.measures),
    selectinload(Question.merged),
    selectinload(Question.attachments),
)


@dataclass(frozen=True)
class QuestionFilter:
    status: QuestionStatus | None = None
    assignee_id: int | None = None
    unassigned: bool = False
    measure: str | None = None
    theme: str | None = None
    channel: Channel | None = None
    municipality: str | None = None
    due_before: date | None = None
    """Open questions due on or before this day (overdue / due-soon lists)."""
    asker_user_id: int | None = None
    received_from: datetime | None = None
    received_until: datetime | None = None
    include_merged: bool = False
    has_faq: bool | None = None
    """True: made into an FAQ entry; False: answered but not (yet) published as FAQ."""


def _filtered(criteria: QuestionFilter) -> Select[Any]:
    query = select(Question)
    if not criteria.include_merged:
        query = query.where(Question.merged_into_id.is_(None))
    if criteria.status is not None:
        query = query.where(Question.status == criteria.status)
    if criteria.assignee_id is not None:
        query = query.where(Question.assignee_id == criteria.assignee_id)
    if criteria.unassigned:
        query = query.where(Question.assignee_id.is_(None))
    if criteria.measure is not None:
        query = query.where(
            Question.id.in_(
                select(question_measures.c.question_id).where(
                    question_measures.c.measure_code == criteria.measure
                )
            )
        )
    if criteria.theme is not None:
        query = query.where(Question.theme_code == criteria.theme)
    if criteria.channel is not None:
        query = query.where(Question.channel == criteria.channel)
    if criteria.municipality is not None:
        query = query.where(Question.municipality_code == criteria.municipality)
    if criteria.due_before is not None:
        query = query.where(
            Question.status.in_(OPEN_STATUSES), Question.due_date <= criteria.due_before
        )
    if criteria.asker_user_id is not None:
        query = query.where(Question.asker_user_id == criteria.asker_user_id)
    if criteria.received_from is not None:
        query = query.where(Question.received_at >= criteria.received_from)
    if criteria.has_faq is True:
        query = query.where(Question.faq_id.is_not(None))
    elif criteria.has_faq is False:
        query = query.where(Question.faq_id.is_(None), Question.answered_at.is_not(None))
    if criteria.received_until is not None:
        query = query.where(Question.received_at < criteria.received_until)
    return query


def count_questions(session: Session, criteria: QuestionFilter) -> int:
    subquery = _filtered(criteria).with_only_columns(Question.id).subquery()
    return int(session.scalar(select(func.count()).select_from(subquery)) or 0)


def list_questions(
    session: Session, criteria: QuestionFilter, order: list[Any], offset: int, limit: int
) -> list[Question]:
    query = (
        _filtered(criteria)
        .options(selectinload(Question.measures))
        .order_by(*order, Question.id)
        .offset(offset)
        .limit(limit)
    )
    return list(session.scalars(query))


def all_questions(session: Session, criteria: QuestionFilter) -> list[Question]:
    query = _filtered(criteria).options(selectinload(Question.measures)).order_by(Question.id)
    return list(session.scalars(query))


def get_question(
    session: Session, question_id: int, *, for_update: bool = False
) -> Question | None:
    query = select(Question).where(Question.id == question_id).options(*_QUESTION_OPTIONS)
    if for_update:
        query = query.with_for_update()
    return session.scalars(query).one_or_none()


def lock_questions(session: Session, ids: list[int]) -> dict[int, Question]:
    """These questions, locked until commit in id order: two requests that each change the
    same few questions queue behind one another instead of each holding one and waiting for
    the other (a deadlock)."""
    query = (
        select(Question)
        .where(Question.id.in_(ids))
        .options(*_QUESTION_OPTIONS)
        .order_by(Question.id)
        .with_for_update()
    )
    return {q.id: q for q in session.scalars(query)}


def questions_by_ids(session: Session, ids: list[int]) -> dict[int, Question]:
    if not ids:
        return {}
    query = select(Question).where(Question.id.in_(ids)).options(*_QUESTION_OPTIONS)
    return {q.id: q for q in session.scalars(query)}


def questions_of_asker(session: Session, email: str) -> list[Question]:
    folded = email.strip().casefold()
    query = (
        select(Question)
        .outerjoin(User, User.id == Question.asker_user_id)
        .where(or_(func.lower(Question.asker_email) == folded, func.lower(User.email) == folded))
        .options(*_QUESTION_OPTIONS)
        .order_by(Question.id)
    )
    return list(session.scalars(query))


def question_ids_of_asker(session: Session, user_id: int) -> set[int]:
    return set(session.scalars(select(Question.id).where(Question.asker_user_id == user_id)))


def questions_of_faq(session: Session, faq_id: int) -> list[Question]:
    query = select(Question).where(Question.faq_id == faq_id).options(*_QUESTION_OPTIONS)
    return list(session.scalars(query))


def events_of(session: Session, question_id: int) -> list[QuestionEvent]:
    query = (
        select(QuestionEvent)
        .where(QuestionEvent.question_id == question_id)
        .order_by(QuestionEvent.id)
    )
    return list(session.scalars(query))


def notes_of(session: Session, question_id: int) -> list[QuestionNote]:
    query = (
        select(QuestionNote)
        .where(QuestionNote.question_id == question_id)
        .order_by(QuestionNote.id)
    )
    return list(session.scalars(query))


def users_by_ids(session: Session, ids: set[int]) -> dict[int, User]:
    if not ids:
        return {}
    return {u.id: u for u in session.scalars(select(User).where(User.id.in_(ids)))}


def measures_by_codes(session: Session, codes: list[str]) -> dict[str, Measure]:
    if not codes:
        return {}
    return {m.code: m for m in session.scalars(select(Measure).where(Measure.code.in_(codes)))}


def measure_names(session: Session) -> dict[str, str]:
    return {code: title for code, title in session.execute(select(Measure.code, Measure.title))}


def theme_names(session: Session) -> dict[str, str]:
    return {code: name for code, name in session.execute(select(Theme.code, Theme.name))}


def municipality(session: Session, code: str) -> Municipality | None:
    return session.get(Municipality, code)


def municipality_names(session: Session, codes: set[str]) -> dict[str, str]:
    if not codes:
        return {}
    query = select(Municipality.code, Municipality.name).where(Municipality.code.in_(codes))
    return {code: name for code, name in session.execute(query)}


def organisation(session: Session, code: str) -> Organisation | None:
    return session.get(Organisation, code)


def advisors(session: Session) -> list[User]:
    """Active editors and admins: who can handle a question."""
    query = (
        select(User)
        .join(UserRole, UserRole.user_id == User.id)
        .where(User.is_active.is_(True), UserRole.role.in_([Role.EDITOR, Role.ADMIN]))
        .distinct()
        .order_by(User.name, User.id)
    )
    return list(session.scalars(query))


def user(session: Session, user_id: int) -> User | None:
    query = select(User).where(User.id == user_id).options(selectinload(User.role_rows))
    return session.scalars(query).one_or_none()


def open_workload(session: Session) -> list[tuple[int | None, date]]:
    query = select(Question.assignee_id, Question.due_date).where(
        Question.status.in_(OPEN_STATUSES), Question.merged_into_id.is_(None)
    )
    return [(assignee, due) for assignee, due in session.execute(query)]


# Questions put to partner organisations' experts


@dataclass(frozen=True)
class ExpertRequestFilter:
    organisation: str
    state: str | None = None
    """open: waiting for an answer; beantwoord: answered; ingetrokken: taken back unanswered."""


# Open requests first, then answered ones, then those taken back.
_EXPERT_STATE_ORDER = case(
    (ExpertRequest.closed_at.is_(None), 0), (ExpertRequest.answer.is_not(None), 1), else_=2
)


def _expert_requests(criteria: ExpertRequestFilter) -> Select[Any]:
    query = select(ExpertRequest).where(ExpertRequest.organisation_code == criteria.organisation)
    if criteria.state == "open":
        query = query.where(ExpertRequest.closed_at.is_(None))
    elif criteria.state == "beantwoord":
        query = query.where(ExpertRequest.answer.is_not(None))
    elif criteria.state == "ingetrokken":
        query = query.where(ExpertRequest.closed_at.is_not(None), ExpertRequest.answer.is_(None))
    return query


def count_expert_requests(session: Session, criteria: ExpertRequestFilter) -> int:
    subquery = _expert_requests(criteria).with_only_columns(ExpertRequest.id).subquery()
    return int(session.scalar(select(func.count()).select_from(subquery)) or 0)


def list_expert_requests(
    session: Session, criteria: ExpertRequestFilter, offset: int, limit: int
) -> list[ExpertRequest]:
    query = (
        _expert_requests(criteria)
        .order_by(_EXPERT_STATE_ORDER, ExpertRequest.due_date, ExpertRequest.id)
        .offset(offset)
        .limit(limit)
    )
    return list(session.scalars(query))


def get_expert_request(
    session: Session, request_id: int, *, for_update: bool = False
) -> ExpertRequest | None:
    query = select(ExpertRequest).where(ExpertRequest.id == request_id)
    if for_update:
        # Read again after the question's lock: someone may have answered meanwhile.
        query = query.with_for_update().execution_options(populate_existing=True)
    return session.scalars(query).one_or_none()


def expert_requests_of(session: Session, question_ids: list[int]) -> dict[int, list[ExpertRequest]]:
    if not question_ids:
        return {}
    query = (
        select(ExpertRequest)
        .where(ExpertRequest.question_id.in_(question_ids))
        .order_by(ExpertRequest.id)
    )
    found: dict[int, list[ExpertRequest]] = {}
    for request in session.scalars(query):
        found.setdefault(request.question_id, []).append(request)
    return found


def open_expert_requests(session: Session, question_id: int) -> list[ExpertRequest]:
    query = select(ExpertRequest).where(
        ExpertRequest.question_id == question_id, ExpertRequest.closed_at.is_(None)
    )
    return list(session.scalars(query.order_by(ExpertRequest.id)))


def organisation_names(session: Session, codes: set[str]) -> dict[str, str]:
    if not codes:
        return {}
    query = select(Organisation.code, Organisation.name).where(Organisation.code.in_(codes))
    return {code: name for code, name in session.execute(query)}


# FAQ


def _faq_filtered(measure: str | None, public_only: bool) -> Select[Any]:
    query = select(FaqEntry)
    if public_only:
        query = query.where(FaqEntry.status == FaqStatus.PUBLISHED)
    if measure is not None:
        query = query.where(
            FaqEntry.id.in_(
                select(faq_measures.c.faq_id).where(faq_measures.c.measure_code == measure)
            )
        )
    return query


def faq_ids(session: Session, measure: str | None, public_only: bool) -> list[int]:
    query = _faq_filtered(measure, public_only).with_only_columns(FaqEntry.id)
    return list(session.scalars(query.order_by(FaqEntry.id)))


def faq_entries(session: Session, ids: list[int]) -> dict[int, FaqEntry]:
    if not ids:
        return {}
    query = (
        select(FaqEntry)
        .where(FaqEntry.id.in_(ids))
        .options(selectinload(FaqEntry.measures), selectinload(FaqEntry.versions))
    )
    return {e.id: e for e in session.scalars(query)}


def get_faq(session: Session, faq_id: int) -> FaqEntry | None:
    return faq_entries(session, [faq_id]).get(faq_id)


# The lists' Last-Modified, read where the route builds them (their ETag is made of counters
# only, faq_listing.py). Entries show their measures' titles: an editor renaming one changes
# the list too.
_FAQ_CHANGED = select(
    select(func.max(FaqEntry.updated_at)).scalar_subquery(),
    select(func.max(Measure.updated_at)).scalar_subquery(),
)


def faq_changed(session: Session) -> datetime | None:
    """When an entry, or a measure's title it shows, last changed."""
    moments = session.execute(_FAQ_CHANGED).one()
    return max((m for m in moments if m is not None), default=None)


def published_faq_of_measure(session: Session, measure_code: str) -> list[FaqEntry]:
    ids = faq_ids(session, measure_code, public_only=True)
    return list(faq_entries(session, ids).values())


def faq_product(session: Session, measure_code: str) -> FaqProduct | None:
    return session.get(FaqProduct, measure_code)


def expert_requests_due(session: Session, day: date) -> list[tuple[ExpertRequest, str]]:
    """Open requests due on or before `day`, with their question's subject."""
    query = (
        select(ExpertRequest, Question.subject)
        .join(Question, Question.id == ExpertRequest.question_id)
        .where(ExpertRequest.closed_at.is_(None), ExpertRequest.due_date <= day)
        .order_by(ExpertRequest.due_date, ExpertRequest.id)
    )
    return [(request, subject) for request, subject in session.execute(query)]


def faq_created_since(session: Session, since: datetime) -> list[FaqEntry]:
    """Published FAQ entries made at or after `since`, with their measures and versions."""
    query = (
        select(FaqEntry)
        .where(FaqEntry.status == FaqStatus.PUBLISHED, FaqEntry.created_at >= since)
        .options(selectinload(FaqEntry.measures), selectinload(FaqEntry.versions))
        .order_by(FaqEntry.id)
    )
    return list(session.scalars(query))
