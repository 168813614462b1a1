"""Low scores become work: the answers on one measure rated low over the last days (a mean of
at most LOW_MEAN over at least LOW_MINIMUM rated answers, and a group the guard may show) are
suggested in the figures, and an editor turns one into a signal in the knelpunten register in
one step, through the signals' own service (api/signals/proposals.py): the register checks,
records, audits and links the low-rated questions as its evidence.

A suggestion's key is `tevredenheid-<measure>-<question>`, its oldest rated question in the
window, as the register keys question clusters by their leader: it stays while
the group grows, a signal made from it keeps it (so it is not suggested again), and when that
question leaves the window the group comes back under its next one's key, with what still holds
it. A group whose low-rated questions are all evidence of a signal already is not suggested."""

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from api.core import clock, data_versions
from api.core.data_versions import Reader
from api.core.errors import NotFoundError
from api.core.requests import RequestContext
from api.core.security import Principal
from api.satisfaction import figures, figures_guard, figures_periods
from api.satisfaction import repository_figures as repository
from api.satisfaction.figures_tables import Filters
from api.satisfaction.repository_figures import Rating, Reference
from api.signals import proposals
from api.signals.models import Signal, SignalKind

LOW_MEAN = 2.5
LOW_MINIMUM = 5
LOW_DAYS = 90
LOW_SCORE = 2
"""A rating of at most this is evidence of the problem."""
PREFIX = "tevredenheid-"
KEY_PATTERN = r"^tevredenheid-M\d{2}-\d{1,10}$"
_KEY = re.compile(KEY_PATTERN)


@dataclass(frozen=True)
class LowScores:
    key: str
    measure: str
    measure_title: str
    theme: str | None
    mean: float
    rated: int
    start: date
    end: date
    low: list[Rating]
    """The ratings of at most LOW_SCORE, oldest first: the signal's evidence."""

    def proposal(self) -> proposals.Proposal:
        description = (
            f"Vraagstellers gaven de antwoorden over {self.measure} ({self.measure_title}) "
            f"tussen {self.start:%d-%m-%Y} en {self.end:%d-%m-%Y} gemiddeld een "
            f"{self.mean:.1f} (uit {self.rated} beoordelingen); {len(self.low)} vonden het "
            "antwoord weinig of niet nuttig. De vragen staan als bewijs bij dit signaal."
        )
        return proposals.Proposal(
            key=self.key,
            title=proposals.title_from(
                f"Lage tevredenheid over de antwoorden bij {self.measure_title}",
                f"Lage tevredenheid over {self.measure}",
            ),
            description=description,
            kind=None,
            measures=[self.measure],
            themes=[self.theme] if self.theme else [],
            questions=[r.question_id for r in self.low if not r.erased],
            cells=[],
        )


def version(reader: Reader, today: date) -> str:
    """What the suggestions depend on: the figures' data and the register (a signal made from
    one takes it away)."""
    register = data_versions.key(reader, data_versions.SIGNALS)
    return f"{figures.version(reader, today)}|{register}"


def window(today: date) -> tuple[date, date]:
    return today - timedelta(days=LOW_DAYS), today


def _candidates(session: Session, today: date, minimum: int) -> list[LowScores]:
    start, end = window(today)
    first, after = figures_periods.moment_bounds(start, end)
    reference = repository.reference(session)
    rated = [r for r in repository.ratings(session, first, after, by_rated_at=True) if r.score]
    per_measure: dict[str, list[Rating]] = defaultdict(list)
    for rating in rated:
        for code in rating.measures:
            per_measure[code].append(rating)
    found = []
    for code, ratings in sorted(per_measure.items()):
        found_mean = _low(ratings, reference, code, minimum)
        if found_mean is None:
            continue
        ordered = sorted(ratings, key=lambda r: (r.rated_at, r.question_id))
        measure = reference.measures.get(code)
        found.append(
            LowScores(
                key=f"{PREFIX}{code}-{ordered[0].question_id}",
                measure=code,
                measure_title=measure.title if measure else code,
                theme=measure.theme if measure else None,
                mean=found_mean,
                rated=len(ratings),
                start=start,
                end=end,
                low=[r for r in ordered if (r.score or 0) <= LOW_SCORE],
            )
        )
    return found


def _low(ratings: list[Rating], reference: Reference, measure: str, minimum: int) -> float | None:
    """The mean when it is low over enough ratings the guard lets the team see as a group."""
    if len(ratings) < LOW_MINIMUM:
        return None
    scores = [r.score or 0 for r in ratings]
    mean = round(sum(scores) / len(scores), 2)
    if mean > LOW_MEAN:
        return None
    kind = figures.answer_kind(Filters(), reference, "maatregel", minimum)
    shown = figures_guard.shown(
        ((kind.respondent_of(r), group, True) for r in ratings for group in kind.groups_of(r)),
        minimum,
    )
    return mean if measure in shown.groups else None


def suggestions(session: Session, principal: Principal, minimum: int) -> list[LowScores]:
    """The groups of low scores to decide on, the lowest mean first."""
    figures.require_team(principal)
    found = _candidates(session, clock.today(), minimum)
    taken = repository.suggestion_keys_taken(session, PREFIX)
    registered = repository.questions_in_register(
        session, sorted({r.question_id for s in found for r in s.low})
    )
    shown = [
        s
        for s in found
        if s.key not in taken and not all(r.question_id in registered for r in s.low)
    ]
    return sorted(shown, key=lambda s: (s.mean, s.measure))


def make_signal(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    key: str,
    kind: SignalKind,
    title: str | None,
    description: str | None,
    minimum: int,
) -> tuple[Signal, int]:
    """The group as a signal reported as derived from the data, with its low-rated questions
    as evidence; 409 when a signal was made from it already."""
    figures.require_team(principal)
    proposals.lock_register(session)
    found = next(
        (
            s
            for s in _candidates(session, clock.today(), minimum)
            if s.key == key and _KEY.match(key)
        ),
        None,
    )
    if found is None:
        raise NotFoundError(f"Er is geen groep lage scores '{key}' (meer).")
    proposal = found.proposal()
    signal = proposals.adopt(
        session,
        ctx,
        principal,
        proposal,
        proposals.Overrides(title=title, description=description, kind=kind),
        derived=True,
        event="signal.low_scores_accepted",
    )
    return signal, len(proposal.questions)
