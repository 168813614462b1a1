"""The figures of each touchpoint per group and per period, from the rows of
repository_figures.py. Every table (the whole range, and each period of the trend) asks the
guard which of its groups may be shown; only those get numbers.

What groups a row:
- an answer's rating: the question's measures (a question about two measures counts for
  each), their waves and themes (with the question's own theme), the asker's municipality (its
  province and region), the advisor who answered;
- a product vote: the product's measures, their waves and themes;
- a survey invitation: the invited municipality (province, region);
- a meeting's evaluation: the meeting's measures (their waves and themes, with the meeting's
  own themes), the attendee's municipality (province, region), the meeting's organiser (as
  the advisor)."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Generic, Protocol, TypeVar

from api.core.schemas import CodeName
from api.satisfaction import figures_guard as guard
from api.satisfaction import figures_periods as periods
from api.satisfaction.figures_periods import Period, PeriodKind
from api.satisfaction.figures_schemas import (
    AnswerFigure,
    AnswerGroup,
    AnswerPoint,
    ProductFigure,
    ProductGroup,
    ProductPoint,
    ScoreCount,
    SurveyFigure,
    SurveyGroup,
    SurveyPoint,
    SurveyQuestionFigure,
    SurveyQuestionRef,
)
from api.satisfaction.repository_figures import (
    EventRating,
    Invited,
    QuestionRow,
    Rating,
    Reference,
    SurveyScore,
    Vote,
)

NETHERLANDS = CodeName(code="NL", naam="Nederland")
SUPPRESSED = {"te_weinig_antwoorden": True, "toelichting": guard.TOO_FEW}
R = TypeVar("R")


class _Scored(Protocol):
    @property
    def score(self) -> int | None: ...


S = TypeVar("S", bound=_Scored)


@dataclass(frozen=True)
class Filters:
    measure: str | None = None
    theme: str | None = None
    wave: int | None = None
    province: str | None = None
    region: str | None = None
    advisor: int | None = None


# What groups each kind of row ----------------------------------------------------------------


def _own(theme: str | None) -> tuple[str, ...]:
    return (theme,) if theme else ()


def _themes(measures: Iterable[str], own: Iterable[str], reference: Reference) -> set[str]:
    """The themes of the measures, and those the row names itself."""
    return {reference.measures[m].theme for m in measures if m in reference.measures} | set(own)


def _waves(measures: Iterable[str], reference: Reference) -> set[str]:
    return {str(reference.measures[m].wave) for m in measures if m in reference.measures}


def _place_keys(code: str | None, grouping: str, reference: Reference) -> set[str]:
    place = reference.places.get(code or "")
    if place is None:
        return set()
    return {place.province if grouping == "provincie" else place.region}


def _by_measure(
    grouping: str, measures: tuple[str, ...], themes: tuple[str, ...], reference: Reference
) -> set[str]:
    if grouping == "maatregel":
        return set(measures)
    if grouping == "thema":
        return _themes(measures, themes, reference)
    return _waves(measures, reference)


def rating_groups(rating: Rating, grouping: str, reference: Reference) -> set[str]:
    if grouping == "land":
        return {NETHERLANDS.code}
    if grouping == "adviseur":
        return {str(rating.advisor)} if rating.advisor is not None else set()
    if grouping in ("provincie", "arbeidsmarktregio"):
        return _place_keys(rating.municipality, grouping, reference)
    return _by_measure(grouping, rating.measures, _own(rating.theme), reference)


def vote_groups(vote: Vote, grouping: str, reference: Reference) -> set[str]:
    if grouping == "land":
        return {NETHERLANDS.code}
    return _by_measure(grouping, vote.measures, (), reference)


def invitation_groups(invited: Invited, grouping: str, reference: Reference) -> set[str]:
    if grouping == "land":
        return {NETHERLANDS.code}
    return _place_keys(invited.municipality, grouping, reference)


def event_groups(rating: EventRating, grouping: str, reference: Reference) -> set[str]:
    if grouping == "land":
        return {NETHERLANDS.code}
    if grouping == "adviseur":
        return {str(rating.organiser)} if rating.organiser is not None else set()
    if grouping in ("provincie", "arbeidsmarktregio"):
        return _place_keys(rating.municipality, grouping, reference)
    return _by_measure(grouping, rating.measures, rating.themes, reference)


def _keeps(
    f: Filters,
    reference: Reference,
    measures: tuple[str, ...],
    themes: tuple[str, ...],
    municipality: str | None,
) -> bool:
    if f.measure is not None and f.measure not in measures:
        return False
    if f.theme is not None and f.theme not in _themes(measures, themes, reference):
        return False
    if f.wave is not None and str(f.wave) not in _waves(measures, reference):
        return False
    place = reference.places.get(municipality or "")
    if f.province is not None and (place is None or place.province != f.province):
        return False
    return f.region is None or (place is not None and place.region == f.region)


def keeps_rating(f: Filters, reference: Reference, rating: Rating) -> bool:
    if f.advisor is not None and rating.advisor != f.advisor:
        return False
    return _keeps(f, reference, rating.measures, _own(rating.theme), rating.municipality)


def keeps_vote(f: Filters, reference: Reference, vote: Vote) -> bool:
    return _keeps(f, reference, vote.measures, (), None)


def keeps_invitation(f: Filters, reference: Reference, invited: Invited) -> bool:
    return _keeps(f, reference, (), (), invited.municipality)


def keeps_event(f: Filters, reference: Reference, rating: EventRating) -> bool:
    if f.advisor is not None and rating.organiser != f.advisor:
        return False
    return _keeps(f, reference, rating.measures, rating.themes, rating.municipality)


def label(grouping: str, code: str, reference: Reference, names: dict[int, str]) -> CodeName:
    if grouping == "land":
        return NETHERLANDS
    if grouping == "maatregel":
        found = reference.measures.get(code)
        return CodeName(code=code, naam=found.title if found else code)
    if grouping == "fase":
        return CodeName(code=code, naam=reference.waves.get(int(code), code))
    if grouping == "adviseur":
        return CodeName(code=code, naam=names.get(int(code), f"Adviseur {code}"))
    names_of = {
        "thema": reference.themes,
        "provincie": reference.provinces,
        "arbeidsmarktregio": reference.regions,
    }[grouping]
    return CodeName(code=code, naam=names_of.get(code, code))


# Tables -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind(Generic[R]):
    """How the rows of one touchpoint are grouped, filtered, dated and guarded."""

    groups_of: Callable[[R], set[str]]
    keeps: Callable[[R], bool]
    day_of: Callable[[R], date]
    scored: Callable[[R], bool]
    """Whether a row is a respondent's score (an unrated answer is not)."""
    respondent_of: Callable[[R], int]
    minimum: int
    """The minimum group size (`survey_min_group_size`)."""


@dataclass(frozen=True)
class Grouped(Generic[R]):
    code: str
    total: list[R] | None
    """The group's rows over the whole range; None when the guard withholds it."""
    points: list[tuple[Period, list[R] | None]]


def grouped(
    kind: Kind[R], rows: list[R], scope: list[Period], period: PeriodKind
) -> list[Grouped[R]]:
    """Per group (every group a kept row falls in), its rows over the whole range and per
    period, each withheld where the guard says so."""
    members: dict[str, list[R]] = defaultdict(list)
    per_period: dict[tuple[str, str], list[R]] = defaultdict(list)
    # Who is where, for the guard: the whole range, and each period.
    whole: set[guard.Member] = set()
    in_period: dict[str, set[guard.Member]] = defaultdict(set)
    for row in rows:
        code = periods.of(kind.day_of(row), period).code
        kept = kind.keeps(row)
        groups = kind.groups_of(row)
        if kept:
            for group in groups:
                members[group].append(row)
                per_period[group, code].append(row)
        if kind.scored(row):
            respondent = kind.respondent_of(row)
            places: list[str | None] = [*groups] if groups else [None]
            for place in places:
                whole.add((respondent, place, kept))
                in_period[code].add((respondent, place, kept))
    shown = guard.shown(whole, kind.minimum).groups
    by_period = {
        p.code: guard.shown(in_period.get(p.code, set()), kind.minimum).groups for p in scope
    }
    return [
        Grouped(
            code,
            members[code] if code in shown else None,
            [
                (p, per_period.get((code, p.code), []) if code in by_period[p.code] else None)
                for p in scope
            ],
        )
        for code in sorted(members, key=_in_order)
    ]


def _in_order(code: str) -> tuple[int, str]:
    """Numbers (waves, advisors) in their order, codes alphabetically."""
    return (int(code), "") if code.isdigit() else (0, code)


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def distribution(scores: list[int]) -> list[ScoreCount]:
    return [ScoreCount(score=n, aantal=scores.count(n)) for n in range(1, 6)]


def mean(scores: list[int]) -> float | None:
    return round(sum(scores) / len(scores), 2) if scores else None


def answer_figure(rows: list[S] | None) -> AnswerFigure:
    """The figure of scores asked for (an answer's rating, a meeting's evaluation): how many
    were asked, how many gave a score, their mean and distribution."""
    if rows is None:
        return AnswerFigure(
            aantal_gevraagd=None,
            aantal_beoordeeld=None,
            responspercentage=None,
            gemiddelde=None,
            verdeling=None,
            **SUPPRESSED,
        )
    scores = [r.score for r in rows if r.score is not None]
    return AnswerFigure(
        aantal_gevraagd=len(rows),
        aantal_beoordeeld=len(scores),
        responspercentage=share(len(scores), len(rows)),
        gemiddelde=mean(scores),
        verdeling=distribution(scores),
    )


def product_figure(rows: list[Vote] | None) -> ProductFigure:
    if rows is None:
        return ProductFigure(
            aantal_stemmen=None, aantal_nuttig=None, aandeel_nuttig=None, **SUPPRESSED
        )
    useful = sum(1 for v in rows if v.useful)
    return ProductFigure(
        aantal_stemmen=len(rows), aantal_nuttig=useful, aandeel_nuttig=share(useful, len(rows))
    )


def answer_groups(
    kind: Kind[S],
    ratings: list[S],
    scope: list[Period],
    period: PeriodKind,
    name: Callable[[str], CodeName],
) -> list[AnswerGroup]:
    return [
        AnswerGroup(
            groep=name(g.code),
            totaal=answer_figure(g.total),
            trend=[
                AnswerPoint(periode=p.code, **answer_figure(rows).model_dump())
                for p, rows in g.points
            ],
        )
        for g in grouped(kind, ratings, scope, period)
    ]


def product_groups(
    kind: Kind[Vote],
    votes: list[Vote],
    scope: list[Period],
    period: PeriodKind,
    name: Callable[[str], CodeName],
) -> list[ProductGroup]:
    return [
        ProductGroup(
            groep=name(g.code),
            totaal=product_figure(g.total),
            trend=[
                ProductPoint(periode=p.code, **product_figure(rows).model_dump())
                for p, rows in g.points
            ],
        )
        for g in grouped(kind, votes, scope, period)
    ]


@dataclass(frozen=True)
class SurveyData:
    invitations: list[Invited]
    scores: list[SurveyScore]
    questions: list[QuestionRow]
    opened: dict[int, date]
    """When each round opened: the day its invitations and answers count on."""


def survey_groups(
    kind: Kind[Invited],
    data: SurveyData,
    scope: list[Period],
    period_kind: PeriodKind,
    name: Callable[[str], CodeName],
) -> list[SurveyGroup]:
    """Per group the response rate (guarded by who answered) and, per scale question, the
    mean of its scores (guarded by who answered that question)."""
    per_question: dict[int, list[SurveyScore]] = defaultdict(list)
    for score in data.scores:
        per_question[score.question_id].append(score)
    # Each invitation judged once, not once per answer.
    groups = {i.invitation_id: kind.groups_of(i) for i in data.invitations}
    kept = {i.invitation_id: kind.keeps(i) for i in data.invitations}
    days = {i.invitation_id: kind.day_of(i) for i in data.invitations}
    question_kind: Kind[SurveyScore] = Kind(
        groups_of=lambda s: groups[s.invitation_id],
        keeps=lambda s: kept[s.invitation_id],
        day_of=lambda s: days[s.invitation_id],
        scored=lambda _: True,
        respondent_of=lambda s: s.invitation_id,
        minimum=kind.minimum,
    )
    questions = {
        q.id: {g.code: g for g in grouped(question_kind, per_question[q.id], scope, period_kind)}
        for q in data.questions
    }

    asked_in: dict[str, set[int]] = defaultdict(set)
    for score in data.scores:
        day = days[score.invitation_id]
        asked_in[periods.of(day, period_kind).code].add(score.question_id)

    def figure(
        rows: list[Invited] | None,
        pick: Callable[[Grouped[SurveyScore]], list[SurveyScore] | None],
        code: str,
        period: str | None = None,
    ) -> SurveyFigure:
        if rows is None:
            return SurveyFigure(
                aantal_uitgenodigd=None,
                aantal_beantwoord=None,
                responspercentage=None,
                vragen=[],
                **SUPPRESSED,
            )
        answered = sum(1 for i in rows if i.answered)
        found = []
        for q in data.questions:
            if period is not None and q.id not in asked_in[period]:
                continue  # not asked in this period's rounds
            ref = SurveyQuestionRef(id=q.id, tekst=q.text, contactpunt=q.touchpoint.value)
            group = questions[q.id].get(code)
            scores = pick(group) if group is not None else None
            if scores is None:
                found.append(
                    SurveyQuestionFigure(
                        vraag=ref, aantal=None, gemiddelde=None, verdeling=None, **SUPPRESSED
                    )
                )
                continue
            values = [s.score for s in scores]
            found.append(
                SurveyQuestionFigure(
                    vraag=ref,
                    aantal=len(values),
                    gemiddelde=mean(values),
                    verdeling=distribution(values),
                )
            )
        return SurveyFigure(
            aantal_uitgenodigd=len(rows),
            aantal_beantwoord=answered,
            responspercentage=share(answered, len(rows)),
            vragen=found,
        )

    def at(index: int) -> Callable[[Grouped[SurveyScore]], list[SurveyScore] | None]:
        return lambda g: g.points[index][1]

    return [
        SurveyGroup(
            groep=name(g.code),
            totaal=figure(g.total, lambda q: q.total, g.code),
            trend=[
                SurveyPoint(periode=p.code, **figure(rows, at(i), g.code, p.code).model_dump())
                for i, (p, rows) in enumerate(g.points)
            ],
        )
        for g in grouped(kind, data.invitations, scope, period_kind)
    ]
