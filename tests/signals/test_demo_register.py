"""The demo knelpuntenregister (api/seed/demo_signals.py), as the session's demo data loaded it:
signals in every state and of every kind, each with what its state requires, a history that
follows the lifecycle, evidence that points at real blockers and questions, public ones that
name nobody, and a second load that adds nothing."""

from collections import Counter
from datetime import timedelta
from typing import Any, cast

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User
from api.core import clock
from api.municipalities.models import Municipality
from api.organisations.models import Organisation
from api.progress.models import BlockerKind, ProgressStatus
from api.questions import anonymity
from api.seed.demo_questions import ASPECTS
from api.seed.demo_register import DEMO_SIGNALS
from api.seed.demo_signals import load_demo_signals
from api.signals import blockers as blocker_groups
from api.signals import evidence, repository
from api.signals.lifecycle import CLOSING, TRANSITIONS
from api.signals.models import (
    Body,
    Outcome,
    ReporterKind,
    Signal,
    SignalBlocker,
    SignalEvent,
    SignalKind,
    SignalQuestion,
    SignalStatus,
    SignalSupport,
)
from tests.auth import BOLLENSTREEK, STIMULANSZ, UTRECHT
from tests.signals.helpers import editor

S = SignalStatus
PASSED = {S.PASSED_ON, S.RESPONDED, S.FED_BACK}
ANSWERED = {S.RESPONDED, S.FED_BACK}


def _demo(db: Session) -> list[Signal]:
    return list(
        db.scalars(
            select(Signal)
            .where(Signal.is_demo.is_(True))
            .options(selectinload(Signal.measures))
            .order_by(Signal.id)
        )
    )


def _user(db: Session, email: str) -> User:
    return db.scalars(select(User).where(User.email == email)).one()


def test_the_register_has_every_state_kind_reporter_body_and_outcome(db: Session) -> None:
    signals = _demo(db)
    assert len(signals) == len(DEMO_SIGNALS) >= 18
    states = Counter(s.status for s in signals)
    assert set(states) == set(SignalStatus)
    assert min(states.values()) >= 2, states
    assert {s.kind for s in signals} == set(SignalKind)
    assert {s.reporter_kind for s in signals} == set(ReporterKind)
    assert {s.passed_to for s in signals if s.passed_to} == set(Body)
    assert {s.outcome for s in signals if s.outcome} == set(Outcome)
    public = sum(s.is_public for s in signals)
    assert 0.4 <= public / len(signals) <= 0.6, public


def test_each_signal_has_what_its_state_requires(db: Session) -> None:
    for s in _demo(db):
        if s.status in PASSED:
            assert s.passed_to, s.title
            assert s.passed_text, s.title
            assert s.passed_on_at, s.title
            assert s.passed_by, s.title
        if s.status in ANSWERED:
            assert s.response, s.title
            assert s.outcome, s.title
            assert s.responded_at, s.title
            assert s.passed_on_at is not None
            assert s.responded_at > s.passed_on_at
            if s.outcome is Outcome.NOTHING:
                assert s.outcome_explanation, s.title
        else:
            assert s.response is None
            assert s.outcome is None
            assert s.responded_at is None
        if s.status is S.FED_BACK:
            assert s.responded_at is not None
            assert s.fed_back_at is not None
            assert s.closed_at == s.fed_back_at > s.responded_at
        if s.status is S.REJECTED:
            assert s.rejection_reason, s.title
            assert s.closed_at, s.title
        if s.status not in CLOSING:
            assert s.closed_at is None, s.title


def test_each_history_follows_the_lifecycle_over_the_last_months(db: Session) -> None:
    now = clock.now()
    signals = _demo(db)
    for s in signals:
        events = repository.events_of(db, s.id)
        assert events[0].kind == "gemeld"
        assert events[0].occurred_at == s.created_at
        moments = [e.occurred_at for e in events]
        assert moments == sorted(moments), s.title
        assert moments[-1] < now, s.title
        assert s.version == len(events)
        assert s.updated_at == moments[-1]
        state = S.REPORTED
        last: dict[S, SignalEvent] = {}
        for event in (e for e in events if e.kind == "status"):
            assert event.from_status == state.value, s.title
            state = S(event.to_status)
            assert state in TRANSITIONS[S(event.from_status)], (s.title, event.from_status, state)
            last[state] = event
        assert state is s.status, s.title
        if s.status in PASSED:
            assert last[S.PASSED_ON].occurred_at == s.passed_on_at
            assert last[S.PASSED_ON].details["aan"] == s.passed_to
            assert last[S.PASSED_ON].details["tekst"] == s.passed_text
        if s.status in ANSWERED:
            assert last[S.RESPONDED].occurred_at == s.responded_at
        if s.status in CLOSING:
            assert last[s.status].occurred_at == s.closed_at
        if s.status is S.REJECTED:
            assert last[S.REJECTED].details == {"reden": s.rejection_reason}
    created = [s.created_at for s in signals]
    assert max(created) - min(created) > timedelta(days=120)
    assert now - min(created) < timedelta(days=365)
    # One was rejected, then taken up again when new evidence came.
    assert any(
        e.from_status == S.REJECTED and e.to_status == S.IN_PROGRESS
        for s in signals
        for e in repository.events_of(db, s.id)
    )


def _linked(events: list[SignalEvent], key: str) -> list[Any]:
    """What the history says was linked, as api/signals/evidence.py records it."""
    return sorted(
        item
        for e in events
        if e.kind == "bewijs-toegevoegd"
        for item in cast(list[Any], e.details[key])
    )


def test_evidence_points_at_real_blockers_and_existing_questions(db: Session) -> None:
    now = clock.now()
    kinds: set[str | None] = set()
    for s in _demo(db):
        blockers = repository.blockers_of(db, s.id)
        questions = repository.questions_of(db, s.id)
        assert blockers or questions, s.title
        measures = {m.code for m in s.measures}
        titles = tuple(f"{m.title}: " for m in s.measures)
        end = s.closed_at or now
        for b in blockers:
            cell = db.get(ProgressStatus, (b.municipality_code, b.measure_code))
            assert cell is not None, (s.title, b.municipality_code)
            assert cell.blockers, (s.title, b.municipality_code)
            assert b.text == cell.blockers
            assert b.blocker_kind == (cell.blocker_kind.value if cell.blocker_kind else None)
            assert b.measure_code in measures, s.title
            assert s.created_at <= b.added_at < end
            kinds.add(b.blocker_kind)
        for link, question in questions:
            assert question.is_demo
            assert question.erased_at is None
            assert question.merged_into_id is None
            assert question.subject.startswith(titles), (s.title, question.subject)
            assert question.received_at < link.added_at < end
        events = repository.events_of(db, s.id)
        assert _linked(events, "vragen") == sorted(q.id for _, q in questions)
        assert _linked(events, "knelpunten") == sorted(
            f"{b.municipality_code}/{b.measure_code}" for b in blockers
        )
    # Blockers of every kind, and old ones written before kinds existed.
    assert kinds == {k.value for k in BlockerKind} | {None}
    # The subjects the signals look for are subjects the demo questions have.
    assert {a for spec in DEMO_SIGNALS for a in spec.aspects} <= {a for a, _, _ in ASPECTS}


def test_contacts_an_expert_and_the_data_report_and_municipalities_back(db: Session) -> None:
    signals = _demo(db)
    utrecht, bollenstreek = _user(db, UTRECHT), _user(db, BOLLENSTREEK)
    members = set(
        db.scalars(
            select(Municipality.code)
            .join(Organisation.members)
            .where(Organisation.code == "demo-isd-bollenstreek")
        )
    )
    by_utrecht = [s for s in signals if s.reported_by == utrecht.id]
    assert by_utrecht
    assert all(s.reporter_municipality_code == "GM0344" for s in by_utrecht)
    by_shared_service = [s for s in signals if s.reported_by == bollenstreek.id]
    assert by_shared_service
    assert all(s.reporter_municipality_code in members for s in by_shared_service)
    experts = [s for s in signals if s.reporter_kind is ReporterKind.EXPERT]
    assert [s.reported_by for s in experts] == [_user(db, STIMULANSZ).id]
    derived = [s for s in signals if s.reporter_kind is ReporterKind.DERIVED]
    assert len(derived) >= 2
    for s in derived:
        # Made from a group of blockers, under the group's key: a cell of its evidence.
        key = blocker_groups.KEY.match(s.suggestion_key or "")
        assert key is not None, s.title
        assert key.groups() in {
            (b.municipality_code, b.measure_code) for b in repository.blockers_of(db, s.id)
        }
    contact_of = {"GM0344": utrecht.id} | dict.fromkeys(members, bollenstreek.id)
    backed = 0
    for s in signals:
        supports = repository.supports_of(db, s.id)
        if not supports:
            continue
        backed += 1
        assert s.is_public, "only a published signal can be backed"
        published = next(
            e.occurred_at
            for e in repository.events_of(db, s.id)
            if e.kind == "gewijzigd" and e.details.get("openbaar") is True
        )
        reach = evidence.affected(db, [s.id])[s.id]
        for support in supports:
            assert support.municipality_code != s.reporter_municipality_code
            assert support.added_at > published
            assert support.user_id == contact_of.get(support.municipality_code)
            assert support.municipality_code in reach
    assert backed >= 3


def test_public_signals_name_no_person_and_no_municipality(db: Session) -> None:
    """The check before publication (api/signals/service.py) looks for the names of the
    reporter, the backers and the askers of linked questions; this also looks for the names of
    every municipality behind the evidence."""
    public = [s for s in _demo(db) if s.is_public]
    assert public
    for s in public:
        people = repository.users_by_ids(
            db, {p for p in (s.reported_by, *repository.backers(db, s)) if p}
        )
        names = [u.name for u in people.values()]
        names += [q.asker_name for _, q in repository.questions_of(db, s.id) if q.asker_name]
        codes = evidence.affected(db, [s.id])[s.id]
        places = list(repository.municipality_names(db, codes).values())
        assert names, s.title
        assert places, s.title
        for text in (s.title, s.description, s.response or ""):
            assert anonymity.findings(text, names, places) == [], (s.title, text)


async def test_the_publication_check_and_the_public_register_accept_them(
    clients: object, client: httpx.AsyncClient, db: Session
) -> None:
    public = {s.id: s for s in _demo(db) if s.is_public}
    team = await editor(clients)
    for signal_id in public:
        again = await team.patch(f"/api/v1/signalen/{signal_id}", json={"openbaar": True})
        assert again.status_code == 200, again.text
    listed = await client.get("/api/v1/openbare-signalen", params={"paginaGrootte": 100})
    assert listed.status_code == 200
    shown = {s["id"]: s for s in listed.json()["resultaten"]}
    assert set(shown) == set(public)
    reach = evidence.affected(db, list(public))
    for signal_id, item in shown.items():
        assert item["bereik"]["gemeenten"] == len(reach[signal_id]) > 0


def test_a_second_load_adds_nothing(db: Session) -> None:
    tables = (Signal, SignalEvent, SignalBlocker, SignalQuestion, SignalSupport)

    def counts() -> list[int]:
        return [db.scalar(select(func.count()).select_from(t)) or 0 for t in tables]

    before = counts()
    assert load_demo_signals(db, lambda: None) == (0, len(DEMO_SIGNALS))
    assert counts() == before
