"""A demo knelpuntenregister: the signals of api/seed/demo_register.py, each grounded in the demo
data. Its evidence is the demo blockers and questions that fit it, so the reach the register
computes is real; contacts of other municipalities said "this applies to us too" on the public
ones; the history of each follows its path through the lifecycle, spread over the last months.

Deterministic: the same signals, the same choice of evidence for the same demo data, dates
relative to the day the demo is loaded. Written as api/signals/lifecycle.py and
api/signals/evidence.py would have written them on those days, without the notifications. Made
once: a second `spoorboek demo` finds them made."""

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.core import clock
from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.progress.models import ProgressStatus
from api.questions.models import Question
from api.seed.demo_accounts import DEMO_USERS
from api.seed.demo_questions import ASPECTS
from api.seed.demo_register import DEMO_SIGNALS, Blockers, DemoSignal
from api.signals.models import (
    ReporterKind,
    Signal,
    SignalBlocker,
    SignalEvent,
    SignalQuestion,
    SignalStatus,
    SignalSupport,
    signal_themes,
)

S = SignalStatus
DEMO_ACTOR = "user:demo"
"""Contacts of municipalities without a demo account, as in the demo progress."""

# When in the day each kind of step happens, so the steps of one day keep their order: an
# advisor takes a signal up, then links its evidence.
HOURS = {"gemeld": 9, "status": 11, "bewijs-toegevoegd": 13, "gewijzigd": 15, "ook-bij-ons": 16}
T = TypeVar("T")


@dataclass
class _Event:
    at: datetime
    kind: str
    actor: str
    before: SignalStatus | None = None
    after: SignalStatus | None = None
    details: dict[str, object] | None = None


class _Day:
    """Moments on the days of one signal's life, counted from its report."""

    def __init__(self, today: date, spec: DemoSignal, index: int) -> None:
        self.start = today - timedelta(days=spec.reported)
        self.minute = (index * 7) % 50

    def at(self, after: int, kind: str) -> datetime:
        day = self.start + timedelta(days=after)
        return datetime.combine(day, time(HOURS[kind], self.minute), tzinfo=UTC)


@dataclass(frozen=True)
class _Demo:
    """What every signal is made from: the demo accounts and the reference data."""

    today: date
    people: dict[str, User]
    measures: dict[str, Measure]
    municipalities: set[str]
    contacts: dict[str, User]
    """The contact account of a municipality, where the demo has one."""


def load_demo_signals(
    session: Session, on_row: Callable[[], None], today: date | None = None
) -> tuple[int, int]:
    existing = session.scalar(
        select(func.count()).select_from(Signal).where(Signal.is_demo.is_(True))
    )
    if existing:
        return 0, existing
    emails = [u.email for u in DEMO_USERS]
    people = {u.email: u for u in session.scalars(select(User).where(User.email.in_(emails)))}
    demo = _Demo(
        today=today or clock.today(),
        people=people,
        measures={m.code: m for m in session.scalars(select(Measure))},
        municipalities=set(session.scalars(select(Municipality.code))),
        contacts={
            code: people[user.email]
            for user in DEMO_USERS
            if user.email in people
            for code in user.municipalities
        },
    )
    for index, spec in enumerate(DEMO_SIGNALS):
        _load_one(session, demo, spec, index)
        on_row()
    session.flush()
    return len(DEMO_SIGNALS), 0


def _actor(user: User | None) -> str:
    return f"user:{user.id}" if user else DEMO_ACTOR


def _load_one(session: Session, demo: _Demo, spec: DemoSignal, index: int) -> None:
    days = _Day(demo.today, spec, index)
    handler = demo.people.get(spec.handler)
    reporter = demo.people.get(spec.reporter.email) if spec.reporter.email else handler
    created = days.at(0, "gemeld")
    signal = Signal(
        title=spec.title,
        description=spec.description,
        kind=spec.kind,
        status=S.REPORTED,
        reporter_kind=spec.reporter.kind,
        reported_by=reporter.id if reporter else None,
        reporter_municipality_code=spec.reporter.municipality,
        is_public=spec.public_after is not None,
        is_demo=True,
        created_at=created,
        updated_at=created,
        version=0,
    )
    signal.measures = [demo.measures[c] for c in spec.measures if c in demo.measures]
    session.add(signal)
    session.flush()
    themes = sorted({m.theme_code for m in signal.measures if m.theme_code})
    for theme in themes:
        session.execute(signal_themes.insert().values(signal_id=signal.id, theme_code=theme))

    events = [
        _Event(created, "gemeld", _actor(reporter), details={"soort": spec.reporter.kind.value})
    ]
    events += _walk(signal, spec, days, handler)
    yesterday = demo.today - timedelta(days=1)
    end = signal.closed_at or datetime.combine(yesterday, time(17), tzinfo=UTC)
    # The team links evidence when it takes a signal up; a derived signal has it from the start.
    first_link = days.at(
        0
        if spec.reporter.kind in (ReporterKind.DERIVED, ReporterKind.ADVISOR)
        else min((s.after for s in spec.steps), default=0),
        "bewijs-toegevoegd",
    )
    events += _link_evidence(session, signal, spec, index, first_link, end, handler)
    if spec.public_after is not None:
        events.append(
            _Event(
                days.at(spec.public_after, "gewijzigd"),
                "gewijzigd",
                _actor(handler),
                details={"openbaar": True},
            )
        )
        events += _back(session, signal, spec, days, demo)
    _record(session, signal, events)


def _walk(signal: Signal, spec: DemoSignal, days: _Day, handler: User | None) -> list[_Event]:
    """The signal's steps through the lifecycle, as api/signals/lifecycle.py takes them."""
    events = []
    for step in spec.steps:
        at = days.at(step.after, "status")
        before = signal.status
        details: dict[str, object] = {}
        if step.to is S.PASSED_ON:
            signal.passed_to, signal.passed_text = step.body, step.text
            signal.passed_on_at, signal.passed_by = at, handler.id if handler else None
            details = {"aan": step.body.value if step.body else None, "tekst": step.text}
        elif step.to is S.RESPONDED:
            signal.response, signal.outcome = step.text, step.outcome
            signal.outcome_explanation, signal.responded_at = step.explanation, at
            details = {"uitkomst": step.outcome.value if step.outcome else None}
        elif step.to is S.FED_BACK:
            signal.fed_back_at = at
        elif step.to is S.REJECTED:
            signal.rejection_reason = step.text
            details = {"reden": step.text}
        signal.status = step.to
        signal.closed_at = at if step.to in (S.FED_BACK, S.REJECTED) else None
        events.append(_Event(at, "status", _actor(handler), before, step.to, details))
    return events


def _picked(
    items: Iterable[T], count: int, rng: random.Random, first: Callable[[T], bool]
) -> list[T]:
    """`count` of the items, those `first` prefers ahead, the rest drawn at random."""
    ordered = list(items)
    rng.shuffle(ordered)
    ordered.sort(key=lambda item: not first(item))
    return ordered[:count]


def _link_evidence(
    session: Session,
    signal: Signal,
    spec: DemoSignal,
    index: int,
    first_link: datetime,
    end: datetime,
    handler: User | None,
) -> list[_Event]:
    """Blockers and questions that fit the signal. What was written or asked after the first
    link is linked the day after, as an advisor adds evidence while it comes in; nothing after
    the signal was closed."""
    rng = random.Random(2026_12 + index)
    own = spec.reporter.municipality

    def linked_at(written: datetime) -> datetime:
        if written < first_link:
            return first_link
        return datetime.combine(written.date() + timedelta(days=1), first_link.timetz())

    cells = [
        cell
        for cell in session.scalars(
            select(ProgressStatus)
            .where(
                ProgressStatus.measure_code.in_(spec.measures),
                ProgressStatus.blockers.is_not(None),
            )
            .order_by(ProgressStatus.municipality_code, ProgressStatus.measure_code)
        )
        if linked_at(cell.updated_at) < end and any(_fits(cell, wanted) for wanted in spec.blockers)
    ]
    # What the reporting municipality asked about the signal's measures fits whatever its
    # subject; of other municipalities, the questions with the signal's subjects.
    fitting = {f"{m.title}: {aspect}" for m in signal.measures for aspect in spec.aspects}
    on_measures = {f"{m.title}: {aspect}" for m in signal.measures for aspect, _, _ in ASPECTS}
    questions = [
        q
        for q in session.scalars(
            select(Question)
            .where(
                Question.is_demo.is_(True),
                Question.merged_into_id.is_(None),
                Question.erased_at.is_(None),
                Question.subject.in_(sorted(on_measures)),
            )
            .order_by(Question.received_at, Question.id)
        )
        if (q.subject in fitting or (own is not None and q.municipality_code == own))
        and linked_at(q.received_at) < end
    ]
    batches: dict[datetime, tuple[list[int], list[str]]] = {}
    added_by = handler.id if handler else None
    picked = _picked(cells, spec.cells, rng, lambda c: c.municipality_code == own)
    if spec.reporter.kind is ReporterKind.DERIVED and picked:
        # Made from a group of blockers, it keeps the group's key (api/signals/blockers.py):
        # the cell of its oldest blocker.
        leader = min(picked, key=lambda c: (c.updated_at, c.municipality_code, c.measure_code))
        signal.suggestion_key = f"knelpunten-{leader.municipality_code}-{leader.measure_code}"
    for cell in picked:
        at = linked_at(cell.updated_at)
        session.add(
            SignalBlocker(
                signal_id=signal.id,
                municipality_code=cell.municipality_code,
                measure_code=cell.measure_code,
                text=cell.blockers or "",
                blocker_kind=cell.blocker_kind.value if cell.blocker_kind else None,
                added_by=added_by,
                added_at=at,
            )
        )
        batches.setdefault(at, ([], []))[1].append(f"{cell.municipality_code}/{cell.measure_code}")
    for question in _picked(questions, spec.questions, rng, lambda q: q.municipality_code == own):
        at = linked_at(question.received_at)
        session.add(
            SignalQuestion(
                signal_id=signal.id, question_id=question.id, added_by=added_by, added_at=at
            )
        )
        batches.setdefault(at, ([], []))[0].append(question.id)
    return [
        _Event(
            at,
            "bewijs-toegevoegd",
            _actor(handler),
            details={"vragen": sorted(asked), "knelpunten": sorted(blocked)},
        )
        for at, (asked, blocked) in sorted(batches.items())
    ]


def _fits(cell: ProgressStatus, wanted: Blockers) -> bool:
    return cell.blocker_kind == wanted.kind and (
        wanted.text is None or wanted.text in (cell.blockers or "")
    )


def _back(
    session: Session,
    signal: Signal,
    spec: DemoSignal,
    days: _Day,
    demo: _Demo,
) -> list[_Event]:
    events = []
    for backing in spec.backers:
        code = backing.municipality
        if code not in demo.municipalities or code == signal.reporter_municipality_code:
            continue
        contact = demo.contacts.get(code)
        at = days.at(backing.after, "ook-bij-ons")
        session.add(
            SignalSupport(
                signal_id=signal.id,
                municipality_code=code,
                user_id=contact.id if contact else None,
                note=backing.note,
                added_at=at,
            )
        )
        events.append(_Event(at, "ook-bij-ons", _actor(contact), details={"gemeente": code}))
    return events


def _record(session: Session, signal: Signal, events: list[_Event]) -> None:
    """The history in the order it happened; the version counts its steps, as
    api/signals/history.py raises it at every one."""
    ordered = sorted(events, key=lambda e: e.at)
    for event in ordered:
        session.add(
            SignalEvent(
                signal_id=signal.id,
                kind=event.kind,
                from_status=event.before.value if event.before else None,
                to_status=event.after.value if event.after else None,
                actor=event.actor,
                occurred_at=event.at,
                details=event.details or {},
            )
        )
    signal.version = len(ordered)
    signal.updated_at = ordered[-1].at
