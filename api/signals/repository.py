"""The signals' queries: the register, one signal, its evidence and history, and the facts of
other domains that evidence points at (questions, cells, municipalities)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, delete, func, or_, select
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User
from api.core import data_versions
from api.core.pagination import PageParams
from api.measures.models import Measure, Theme
from api.municipalities.models import Municipality
from api.organisations.models import Organisation
from api.progress.models import BlockerKind, ProgressSnapshot, ProgressStatus
from api.questions.models import Question
from api.signals.models import (
    Body,
    DismissedSuggestion,
    Signal,
    SignalBlocker,
    SignalEvent,
    SignalKind,
    SignalQuestion,
    SignalStatus,
    SignalSupport,
    signal_measures,
    signal_themes,
)


@dataclass(frozen=True)
class SignalFilter:
    kind: SignalKind | None = None
    measure: str | None = None
    status: SignalStatus | None = None
    body: Body | None = None
    created_before: datetime | None = None
    """Only signals older than this (the "age" filter)."""
    open_only: bool = False
    municipalities: frozenset[str] | None = None
    """A contact's view: signals her municipalities reported or back."""
    public_only: bool = False
    search: str | None = None
    supplier: str | None = None


def get_signal(session: Session, signal_id: int, *, for_update: bool = False) -> Signal | None:
    query = select(Signal).where(Signal.id == signal_id).options(selectinload(Signal.measures))
    if for_update:
        # The register's version counter first, as every writer of a signal takes it before
        # its row: writers then queue in one order, and one backing a signal (the counter,
        # then the row) cannot deadlock with one changing it (the row, then the counter).
        data_versions.writing(session, data_versions.SIGNALS)
        query = query.with_for_update()
    return session.scalars(query).one_or_none()


def _filtered(criteria: SignalFilter) -> Select[Signal]:
    query = select(Signal)
    if criteria.kind is not None:
        query = query.where(Signal.kind == criteria.kind)
    if criteria.status is not None:
        query = query.where(Signal.status == criteria.status)
    if criteria.body is not None:
        query = query.where(Signal.passed_to == criteria.body)
    if criteria.created_before is not None:
        query = query.where(Signal.created_at < criteria.created_before)
    if criteria.open_only:
        query = query.where(Signal.closed_at.is_(None))
    if criteria.public_only:
        query = query.where(Signal.is_public.is_(True))
    if criteria.supplier is not None:
        query = query.where(Signal.supplier_code == criteria.supplier)
    if criteria.measure is not None:
        query = query.where(
            Signal.id.in_(
                select(signal_measures.c.signal_id).where(
                    signal_measures.c.measure_code == criteria.measure
                )
            )
        )
    if criteria.municipalities is not None:
        codes = sorted(criteria.municipalities)
        query = query.where(
            or_(
                Signal.reporter_municipality_code.in_(codes),
                Signal.id.in_(
                    select(SignalSupport.signal_id).where(
                        SignalSupport.municipality_code.in_(codes)
                    )
                ),
            )
        )
    if criteria.search:
        pattern = f"%{criteria.search.casefold()}%"
        query = query.where(
            or_(
                func.lower(Signal.title).like(pattern), func.lower(Signal.description).like(pattern)
            )
        )
    return query


def count_per_supplier(session: Session, criteria: SignalFilter) -> dict[str, int]:
    """How many signals `criteria` finds per supplier they name, in one query: what
    `find_signals` counts with `supplier` set to each."""
    found = _filtered(criteria).subquery()
    query = (
        select(found.c.supplier_code, func.count())
        .where(found.c.supplier_code.is_not(None))
        .group_by(found.c.supplier_code)
    )
    return {code: count for code, count in session.execute(query)}


def find_signals(
    session: Session, criteria: SignalFilter, page: PageParams
) -> tuple[list[Signal], int]:
    query = _filtered(criteria)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    found = session.scalars(
        query.options(selectinload(Signal.measures))
        .order_by(Signal.created_at.desc(), Signal.id.desc())
        .offset(page.offset)
        .limit(page.size)
    ).all()
    return list(found), total


def all_signals(session: Session, criteria: SignalFilter) -> list[Signal]:
    return list(
        session.scalars(
            _filtered(criteria).options(selectinload(Signal.measures)).order_by(Signal.id)
        )
    )


def measures_by_codes(session: Session, codes: list[str]) -> dict[str, Measure]:
    if not codes:
        return {}
    return {m.code: m for m in session.scalars(select(Measure).where(Measure.code.in_(codes)))}


def theme_codes(session: Session) -> set[str]:
    return set(session.scalars(select(Theme.code)))


def themes_of(session: Session, signal_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {i: [] for i in signal_ids}
    if not signal_ids:
        return found
    rows = session.execute(
        select(signal_themes.c.signal_id, signal_themes.c.theme_code)
        .where(signal_themes.c.signal_id.in_(signal_ids))
        .order_by(signal_themes.c.theme_code)
    )
    for signal_id, code in rows:
        found[signal_id].append(code)
    return found


def set_themes(session: Session, signal_id: int, codes: list[str]) -> None:
    session.execute(delete(signal_themes).where(signal_themes.c.signal_id == signal_id))
    for code in codes:
        session.execute(signal_themes.insert().values(signal_id=signal_id, theme_code=code))


def questions_of(session: Session, signal_id: int) -> list[tuple[SignalQuestion, Question]]:
    return [
        (link, question)
        for link, question in session.execute(
            select(SignalQuestion, Question)
            .join(Question, Question.id == SignalQuestion.question_id)
            .where(SignalQuestion.signal_id == signal_id)
            .order_by(SignalQuestion.added_at, Question.id)
        )
    ]


def blockers_of(session: Session, signal_id: int) -> list[SignalBlocker]:
    return list(
        session.scalars(
            select(SignalBlocker)
            .where(SignalBlocker.signal_id == signal_id)
            .order_by(SignalBlocker.measure_code, SignalBlocker.municipality_code)
        )
    )


def supports_of(session: Session, signal_id: int) -> list[SignalSupport]:
    return list(
        session.scalars(
            select(SignalSupport)
            .where(SignalSupport.signal_id == signal_id)
            .order_by(SignalSupport.added_at, SignalSupport.municipality_code)
        )
    )


def affected_municipalities(session: Session, signal_ids: list[int]) -> dict[int, set[str]]:
    """Per signal, the municipalities behind its evidence: the one that reported it, those that
    back it, those whose blockers or questions are linked."""
    found: dict[int, set[str]] = {i: set() for i in signal_ids}
    if not signal_ids:
        return found
    sources = [
        select(Signal.id, Signal.reporter_municipality_code).where(
            Signal.id.in_(signal_ids), Signal.reporter_municipality_code.is_not(None)
        ),
        select(SignalSupport.signal_id, SignalSupport.municipality_code).where(
            SignalSupport.signal_id.in_(signal_ids)
        ),
        select(SignalBlocker.signal_id, SignalBlocker.municipality_code).where(
            SignalBlocker.signal_id.in_(signal_ids)
        ),
        select(SignalQuestion.signal_id, Question.municipality_code)
        .join(Question, Question.id == SignalQuestion.question_id)
        .where(SignalQuestion.signal_id.in_(signal_ids), Question.municipality_code.is_not(None)),
    ]
    for source in sources:
        for signal_id, code in session.execute(source):
            if code is not None:
                found[signal_id].add(code)
    return found


def populations(session: Session, codes: set[str]) -> dict[str, int]:
    if not codes:
        return {}
    return dict(
        session.execute(
            select(Municipality.code, Municipality.population).where(
                Municipality.code.in_(sorted(codes))
            )
        ).all()
    )


def organisation_kinds(session: Session, codes: set[str]) -> dict[str, tuple[str, str]]:
    """Per organisation code: its kind and its name."""
    if not codes:
        return {}
    rows = session.execute(
        select(Organisation.code, Organisation.kind, Organisation.name).where(
            Organisation.code.in_(sorted(codes))
        )
    )
    return {code: (kind, name) for code, kind, name in rows}


def municipality_names(session: Session, codes: set[str]) -> dict[str, str]:
    if not codes:
        return {}
    return dict(
        session.execute(
            select(Municipality.code, Municipality.name).where(Municipality.code.in_(sorted(codes)))
        ).all()
    )


def questions_by_ids(session: Session, ids: list[int]) -> dict[int, Question]:
    if not ids:
        return {}
    return {q.id: q for q in session.scalars(select(Question).where(Question.id.in_(ids)))}


def cells_with_blockers(
    session: Session, cells: list[tuple[str, str]]
) -> dict[tuple[str, str], ProgressStatus]:
    if not cells:
        return {}
    municipalities = sorted({m for m, _ in cells})
    rows = session.scalars(
        select(ProgressStatus).where(
            ProgressStatus.municipality_code.in_(municipalities),
            ProgressStatus.blockers.is_not(None),
        )
    )
    wanted = set(cells)
    return {
        (r.municipality_code, r.measure_code): r
        for r in rows
        if (r.municipality_code, r.measure_code) in wanted
    }


def linked_question_ids(session: Session, signal_id: int) -> set[int]:
    return set(
        session.scalars(
            select(SignalQuestion.question_id).where(SignalQuestion.signal_id == signal_id)
        )
    )


def linked_cells(session: Session, signal_id: int) -> set[tuple[str, str]]:
    return {
        (m, c)
        for m, c in session.execute(
            select(SignalBlocker.municipality_code, SignalBlocker.measure_code).where(
                SignalBlocker.signal_id == signal_id
            )
        )
    }


def support(session: Session, signal_id: int, municipality: str) -> SignalSupport | None:
    return session.get(SignalSupport, (signal_id, municipality))


def events_of(session: Session, signal_id: int) -> list[SignalEvent]:
    return list(
        session.scalars(
            select(SignalEvent)
            .where(SignalEvent.signal_id == signal_id)
            .order_by(SignalEvent.occurred_at, SignalEvent.id)
        )
    )


def users_by_ids(session: Session, ids: set[int]) -> dict[int, User]:
    if not ids:
        return {}
    return {u.id: u for u in session.scalars(select(User).where(User.id.in_(sorted(ids))))}


def backers(session: Session, signal: Signal) -> set[int]:
    """The people who reported the signal or said it applies to them too."""
    people = set(
        session.scalars(
            select(SignalSupport.user_id).where(
                SignalSupport.signal_id == signal.id, SignalSupport.user_id.is_not(None)
            )
        )
    )
    if signal.reported_by is not None:
        people.add(signal.reported_by)
    return {p for p in people if p is not None}


def suggestion_keys_taken(session: Session) -> set[str]:
    return set(
        session.scalars(select(Signal.suggestion_key).where(Signal.suggestion_key.is_not(None)))
    )


def public_responses(session: Session, limit: int) -> list[Signal]:
    """Public signals that had their response, the newest response first."""
    return list(
        session.scalars(
            select(Signal)
            .where(
                Signal.is_public.is_(True),
                Signal.status.in_([SignalStatus.RESPONDED, SignalStatus.FED_BACK]),
                Signal.responded_at.is_not(None),
            )
            .options(selectinload(Signal.measures))
            .order_by(Signal.responded_at.desc(), Signal.id.desc())
            .limit(limit)
        )
    )


@dataclass(frozen=True)
class Milestones:
    """When a signal was raised, passed on, answered and closed: what the steering report
    counts and measures ages by."""

    id: int
    kind: SignalKind
    created_at: datetime
    passed_to: Body | None
    passed_on_at: datetime | None
    responded_at: datetime | None
    closed_at: datetime | None


def milestones(session: Session, raised_before: datetime) -> list[Milestones]:
    """Every signal raised before this moment, only the columns the report reads."""
    rows = session.execute(
        select(
            Signal.id,
            Signal.kind,
            Signal.created_at,
            Signal.passed_to,
            Signal.passed_on_at,
            Signal.responded_at,
            Signal.closed_at,
        )
        .where(Signal.created_at < raised_before)
        .order_by(Signal.id)
    )
    return [Milestones(*row) for row in rows]


def measures_raised(session: Session, start: datetime, end: datetime) -> list[tuple[str, str, int]]:
    """Per measure: its code, title and the signals about it raised in [start, end)."""
    count = func.count(signal_measures.c.signal_id)
    return [
        (code, title, n)
        for code, title, n in session.execute(
            select(Measure.code, Measure.title, count)
            .join(signal_measures, signal_measures.c.measure_code == Measure.code)
            .join(Signal, Signal.id == signal_measures.c.signal_id)
            .where(Signal.created_at >= start, Signal.created_at < end)
            .group_by(Measure.code, Measure.title)
            .order_by(count.desc(), Measure.code)
        )
    ]


# The blockers view and the suggestions (api/signals/blockers.py, suggestions.py).


@dataclass(frozen=True)
class BlockedCell:
    municipality: str
    municipality_name: str
    measure: str
    text: str
    kind: BlockerKind | None
    updated_at: datetime


def blocked_cells(session: Session) -> list[BlockedCell]:
    """Every progress cell with a blocker, with its municipality's name."""
    rows = session.execute(
        select(
            ProgressStatus.municipality_code,
            Municipality.name,
            ProgressStatus.measure_code,
            ProgressStatus.blockers,
            ProgressStatus.blocker_kind,
            ProgressStatus.updated_at,
        )
        .join(Municipality, Municipality.code == ProgressStatus.municipality_code)
        .where(ProgressStatus.blockers.is_not(None), ProgressStatus.blockers != "")
    )
    return [
        BlockedCell(municipality, name, measure, text or "", kind, updated_at)
        for municipality, name, measure, text, kind, updated_at in rows
    ]


def blocker_history(session: Session) -> list[tuple[str, str, str | None, datetime]]:
    """The recorded states of every cell that has a blocker now, each cell's newest first:
    municipality, measure, blocker text, when recorded."""
    current = ProgressStatus
    return [
        (m, c, text, at)
        for m, c, text, at in session.execute(
            select(
                ProgressSnapshot.municipality_code,
                ProgressSnapshot.measure_code,
                ProgressSnapshot.blockers,
                ProgressSnapshot.recorded_at,
            )
            .join(
                current,
                (current.municipality_code == ProgressSnapshot.municipality_code)
                & (current.measure_code == ProgressSnapshot.measure_code),
            )
            .where(current.blockers.is_not(None), current.blockers != "")
            .order_by(
                ProgressSnapshot.municipality_code,
                ProgressSnapshot.measure_code,
                ProgressSnapshot.version.desc(),
            )
        )
    ]


@dataclass(frozen=True)
class SignalRef:
    id: int
    title: str
    status: SignalStatus


def signals_by_cell(session: Session) -> dict[tuple[str, str], list[SignalRef]]:
    """Per cell (municipality, measure): the signals its blocker is evidence of."""
    found: dict[tuple[str, str], list[SignalRef]] = {}
    rows = session.execute(
        select(
            SignalBlocker.municipality_code,
            SignalBlocker.measure_code,
            Signal.id,
            Signal.title,
            Signal.status,
        )
        .join(Signal, Signal.id == SignalBlocker.signal_id)
        .order_by(Signal.id)
    )
    for municipality, measure, signal_id, title, status in rows:
        found.setdefault((municipality, measure), []).append(SignalRef(signal_id, title, status))
    return found


def signals_by_question(session: Session, question_ids: list[int]) -> dict[int, list[SignalRef]]:
    """Per question: the signals it is evidence of."""
    found: dict[int, list[SignalRef]] = {}
    for start in range(0, len(question_ids), 500):
        rows = session.execute(
            select(SignalQuestion.question_id, Signal.id, Signal.title, Signal.status)
            .join(Signal, Signal.id == SignalQuestion.signal_id)
            .where(SignalQuestion.question_id.in_(question_ids[start : start + 500]))
            .order_by(Signal.id)
        )
        for question_id, signal_id, title, status in rows:
            found.setdefault(question_id, []).append(SignalRef(signal_id, title, status))
    return found


def signal_made_from(session: Session, suggestion_key: str) -> int | None:
    """The signal a suggestion (or a group of blockers) already became."""
    return session.scalar(
        select(Signal.id)
        .where(Signal.suggestion_key == suggestion_key)
        .order_by(Signal.id)
        .limit(1)
    )


def dismissal(session: Session, key: str) -> DismissedSuggestion | None:
    return session.get(DismissedSuggestion, key)


def dismissals(session: Session) -> dict[str, DismissedSuggestion]:
    return {d.key: d for d in session.scalars(select(DismissedSuggestion))}
