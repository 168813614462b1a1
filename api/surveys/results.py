"""A round's results, for the programme team only: the response rate, the answers of each
municipality (private to the team: never public, never to contacts, experts or partners),
and per question the figures per province or labour-market region through the one guard of
figures.py. Open answers are shown only when they passed the personal-data check.

`scores` hands the survey's scores to other domains (the satisfaction figures), which
aggregate them through `figures.guarded_table` as well."""

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.core.security import Principal
from api.core.settings import Settings
from api.municipalities.models import Municipality
from api.surveys import figures, repository, rounds
from api.surveys.models import AnswerKind, SurveyAnswer, SurveyQuestion, SurveyRound, Touchpoint
from api.surveys.policy import require_team


class Grouping(enum.StrEnum):
    PROVINCE = "provincie"
    REGION = "arbeidsmarktregio"


def _grouper(grouping: Grouping, places: dict[str, Municipality]) -> figures.GroupOf:
    if grouping == Grouping.PROVINCE:
        return lambda s: places[s.municipality].province_code
    return lambda s: places[s.municipality].labour_market_region_code


@dataclass(frozen=True)
class QuestionResult:
    question: SurveyQuestion
    table: figures.Table | None
    """Scale questions: the total and the groups, guarded."""
    texts: list[str]
    """Open questions: the answers that passed the personal-data check."""
    withheld: int
    """Open answers not shown, because the check found something."""


@dataclass(frozen=True)
class MunicipalityResult:
    municipality: Municipality
    invited: int
    answered: int
    answers: list[SurveyAnswer]


@dataclass(frozen=True)
class Results:
    round_: SurveyRound
    invited: int
    answered: int
    minimum: int
    grouping: Grouping
    group_names: dict[str, str]
    questions: list[QuestionResult]
    municipalities: list[MunicipalityResult]

    @property
    def rate(self) -> float | None:
        return round(100 * self.answered / self.invited, 1) if self.invited else None


def _group_names(session: Session, grouping: Grouping) -> dict[str, str]:
    return repository.group_names(session, grouping == Grouping.PROVINCE)


def round_results(
    session: Session, settings: Settings, principal: Principal, round_id: int, grouping: Grouping
) -> Results:
    round_ = rounds.get(session, principal, round_id)
    require_team(principal)
    invited, answered = repository.response_counts(session, round_.id)
    per_municipality = repository.response_counts_by_municipality(session, round_.id)
    places = repository.municipalities(session, per_municipality)
    rows = repository.answered_rows(session, [round_.id])
    minimum = settings.survey_min_group_size
    names = _group_names(session, grouping)
    questions = []
    for question in repository.round_questions(session, round_.id):
        mine = [(a, i) for a, i in rows if a.question_id == question.id]
        if question.kind == AnswerKind.SCALE:
            scored = [
                figures.Score(i.id, i.municipality_code, a.score)
                for a, i in mine
                if a.score is not None
            ]
            # Both groupings at once, whichever is shown: a province on one request less a
            # region on the other must not single anyone out either.
            tables = figures.guarded_tables(
                scored,
                {g.value: _grouper(g, places) for g in Grouping},
                minimum=minimum,
            )
            questions.append(QuestionResult(question, tables[grouping.value], [], 0))
        else:
            texts = [a.text for a, _ in mine if a.text and a.text_cleared]
            withheld = sum(1 for a, _ in mine if a.text and not a.text_cleared)
            questions.append(QuestionResult(question, None, sorted(texts), withheld))
    answers_by_code: dict[str, list[SurveyAnswer]] = {}
    for answer, invitation in rows:
        answers_by_code.setdefault(invitation.municipality_code, []).append(answer)
    municipalities = [
        MunicipalityResult(places[code], counts[0], counts[1], answers_by_code.get(code, []))
        for code, counts in sorted(per_municipality.items(), key=lambda kv: places[kv[0]].sort_name)
    ]
    return Results(round_, invited, answered, minimum, grouping, names, questions, municipalities)


def scores(
    session: Session, round_ids: Iterable[int], touchpoint: Touchpoint | None = None
) -> list[figures.Score]:
    """Every scale answer of these rounds (of one touchpoint, if named), one Score per person
    and question, for figures elsewhere; aggregate them with `figures.guarded_table` only."""
    asked = {
        q.id
        for q in repository.questions(session)
        if q.kind == AnswerKind.SCALE and (touchpoint is None or q.touchpoint == touchpoint)
    }
    return [
        figures.Score(invitation.id, invitation.municipality_code, answer.score)
        for answer, invitation in repository.answered_rows(session, round_ids)
        if answer.question_id in asked and answer.score is not None
    ]
