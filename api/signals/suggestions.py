"""Suggestions: candidate signals the data proposes, from clusters of questions of the last
`signal_suggestion_days` days (api/questions/insight.py) and from groups of blockers
(api/signals/blockers.py), when they cross a threshold: at least
`signal_suggestion_municipalities` municipalities behind them, or rising (at least
`signal_suggestion_rising_minimum` new pieces of evidence this calendar month in the
Netherlands, and more than the month before).

A suggestion's key is its leader's: `vragen-123` (the cluster's first recorded question, as
questions are clustered in the order they were recorded) or a blocker group's key. It is left
out once a signal was made from it (`Signal.suggestion_key`), when all its evidence is already
in the register, or when an advisor dismissed it, until its evidence grows beyond what it had
then. A question cluster's leader leaves the window after its days; the cluster then comes
back under its next question's key, with what still holds it."""

import enum
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from api.audit import service as audit
from api.core import clock
from api.core.errors import NotFoundError
from api.core.requests import RequestContext
from api.core.security import Principal
from api.core.settings import Settings
from api.questions import insight
from api.questions.models import Question
from api.signals import blockers, proposals, repository
from api.signals.models import DismissedSuggestion, Signal
from api.signals.policy import require_team

QUESTION_KEY = re.compile(r"^vragen-(\d{1,10})$")
KEY_PATTERN = rf"{QUESTION_KEY.pattern}|{blockers.KEY_PATTERN}"


class SuggestionSource(enum.StrEnum):
    QUESTIONS = "vragen"
    BLOCKERS = "knelpunten"


class SuggestionReason(enum.StrEnum):
    MUNICIPALITIES = "gemeenten"
    """At least the threshold of municipalities behind it."""
    RISING = "stijgend"
    """More new evidence this month than the month before."""


@dataclass(frozen=True)
class Months:
    """This calendar month in the Netherlands, up to today, and the whole month before."""

    start: date
    previous: date

    @classmethod
    def of(cls, today: date) -> "Months":
        start = today.replace(day=1)
        return cls(start, (start - timedelta(days=1)).replace(day=1))

    def count(self, moments: list[datetime]) -> tuple[int, int]:
        days = [clock.dutch_date(m) for m in moments]
        return (
            sum(1 for d in days if d >= self.start),
            sum(1 for d in days if self.previous <= d < self.start),
        )


@dataclass(frozen=True)
class Suggestion:
    source: SuggestionSource
    proposal: proposals.Proposal
    keywords: list[str]
    municipalities: int
    new_this_month: int
    new_last_month: int
    reasons: list[SuggestionReason]
    questions: list[Question]
    blockers: list[blockers.Blocker]
    dismissed: DismissedSuggestion | None = None
    """An earlier dismissal, when it is back because its evidence grew."""

    @property
    def key(self) -> str:
        return self.proposal.key


def _reasons(
    settings: Settings, municipalities: int, new: int, before: int
) -> list[SuggestionReason]:
    reasons = []
    if municipalities >= settings.signal_suggestion_municipalities:
        reasons.append(SuggestionReason.MUNICIPALITIES)
    if new >= settings.signal_suggestion_rising_minimum and new > before:
        reasons.append(SuggestionReason.RISING)
    return reasons


def question_proposal(cluster: insight.Cluster, start: date, end: date) -> proposals.Proposal:
    leader = cluster.questions[0]
    places = {q.municipality_code for q in cluster.questions if q.municipality_code}
    words = ", ".join(cluster.keywords)
    description = (
        f"{len(cluster.questions)} vragen van {len(places)} "
        f"{'gemeente' if len(places) == 1 else 'gemeenten'} tussen {start:%d-%m-%Y} en "
        f"{end:%d-%m-%Y} lijken op elkaar (kernwoorden: {words}), zoals “{leader.subject}”."
    )
    return proposals.Proposal(
        key=f"vragen-{leader.id}",
        title=proposals.title_from(leader.subject, f"Vragen over {words}"),
        description=description,
        kind=None,
        measures=sorted({m.code for q in cluster.questions for m in q.measures}),
        themes=sorted({q.theme_code for q in cluster.questions if q.theme_code}),
        questions=[q.id for q in cluster.questions],
        cells=[],
    )


def window(settings: Settings, today: date) -> tuple[date, date]:
    return today - timedelta(days=settings.signal_suggestion_days), today


def _from_questions(session: Session, settings: Settings, today: date) -> list[Suggestion]:
    start, end = window(settings, today)
    months = Months.of(today)
    found = []
    for cluster in insight.clusters(session, start, end, limit=10_000, with_faq=False):
        places = {q.municipality_code for q in cluster.questions if q.municipality_code}
        new, before = months.count([q.received_at for q in cluster.questions])
        reasons = _reasons(settings, len(places), new, before)
        if reasons:
            found.append(
                Suggestion(
                    source=SuggestionSource.QUESTIONS,
                    proposal=question_proposal(cluster, start, end),
                    keywords=cluster.keywords,
                    municipalities=len(places),
                    new_this_month=new,
                    new_last_month=before,
                    reasons=reasons,
                    questions=cluster.questions,
                    blockers=[],
                )
            )
    return found


def _from_blockers(session: Session, settings: Settings, today: date) -> list[Suggestion]:
    months = Months.of(today)
    found = []
    for group in blockers.groups(blockers.all_blockers(session)):
        new, before = months.count([b.since for b in group.blockers])
        reasons = _reasons(settings, len(group.municipalities), new, before)
        if reasons:
            found.append(
                Suggestion(
                    source=SuggestionSource.BLOCKERS,
                    proposal=blockers.proposal(group),
                    keywords=group.keywords,
                    municipalities=len(group.municipalities),
                    new_this_month=new,
                    new_last_month=before,
                    reasons=reasons,
                    questions=[],
                    blockers=group.blockers,
                )
            )
    return found


def candidates(
    session: Session, settings: Settings, today: date, source: SuggestionSource | None = None
) -> list[Suggestion]:
    """Everything that crosses a threshold, whatever became of it."""
    found = []
    if source in (None, SuggestionSource.QUESTIONS):
        found += _from_questions(session, settings, today)
    if source in (None, SuggestionSource.BLOCKERS):
        found += _from_blockers(session, settings, today)
    return found


@dataclass(frozen=True)
class Listing:
    suggestions: list[Suggestion]
    start: date
    end: date
    cell_signals: dict[tuple[str, str], list[repository.SignalRef]]
    question_signals: dict[int, list[repository.SignalRef]]


def listing(session: Session, principal: Principal, settings: Settings) -> Listing:
    """The suggestions to decide on: the most municipalities first."""
    require_team(principal)
    today = clock.today()
    found = candidates(session, settings, today)
    taken = repository.suggestion_keys_taken(session)
    dismissed = repository.dismissals(session)
    cell_signals = repository.signals_by_cell(session)
    question_signals = repository.signals_by_question(
        session, sorted({q.id for s in found for q in s.questions})
    )
    shown = []
    for suggestion in found:
        proposal = suggestion.proposal
        if proposal.key in taken:
            continue
        earlier = dismissed.get(proposal.key)
        if earlier is not None and proposal.evidence_count <= earlier.evidence:
            continue
        registered = all(q in question_signals for q in proposal.questions) and all(
            (c.municipality, c.measure) in cell_signals for c in proposal.cells
        )
        if registered:
            continue
        shown.append(replace(suggestion, dismissed=earlier))
    shown.sort(key=lambda s: (-s.municipalities, -s.proposal.evidence_count, s.key))
    start, end = window(settings, today)
    return Listing(shown, start, end, cell_signals, question_signals)


def _source_of(key: str) -> SuggestionSource:
    return SuggestionSource.QUESTIONS if QUESTION_KEY.match(key) else SuggestionSource.BLOCKERS


def _find(session: Session, settings: Settings, key: str) -> Suggestion:
    found = candidates(session, settings, clock.today(), _source_of(key))
    suggestion = next((s for s in found if s.key == key), None)
    if suggestion is None:
        raise NotFoundError(f"Er is geen suggestie '{key}' (meer).")
    return suggestion


def accept(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    settings: Settings,
    key: str,
    overrides: proposals.Overrides,
) -> Signal:
    """The suggestion as a signal, reported as derived from the data, with all its evidence."""
    require_team(principal)
    proposals.lock_register(session)
    suggestion = _find(session, settings, key)
    return proposals.adopt(
        session,
        ctx,
        principal,
        suggestion.proposal,
        overrides,
        derived=True,
        event="signal.suggestion_accepted",
    )


def dismiss(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    settings: Settings,
    key: str,
) -> None:
    """Not a signal: it stays away until its evidence grows beyond what it has now."""
    require_team(principal)
    proposals.lock_register(session)
    suggestion = _find(session, settings, key)
    proposals.ensure_not_taken(session, key)
    count = suggestion.proposal.evidence_count
    row = repository.dismissal(session, key)
    if row is None:
        row = DismissedSuggestion(key=key)
        session.add(row)
    row.evidence, row.dismissed_by, row.dismissed_at = count, principal.user_id, clock.now()
    audit.record(
        session,
        ctx,
        "signal.suggestion_dismissed",
        actor=principal.subject,
        subject=f"suggestion:{key}",
        details={"bewijs": count, "gemeenten": suggestion.municipalities},
    )
