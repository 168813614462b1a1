"""Queries of the figures: the scores of every touchpoint as plain rows, with what they are
grouped by (a question's measures and municipality, a product's measures, an invitation's
municipality, a meeting's measures and themes and the attendee's municipality), and the
reference data that names the groups. The grouping itself happens in api/satisfaction/figures.py,
over these rows."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.core.data_versions import Reader
from api.measures.models import Measure, Theme, Wave
from api.meetings.models import (
    Meeting,
    MeetingRating,
    Registration,
    meeting_measures,
    meeting_themes,
)
from api.municipalities.models import LabourMarketRegion, Municipality, Province
from api.products.models import Product, product_measures
from api.questions.models import Question, question_measures
from api.satisfaction.models import AnswerRating, ProductVote
from api.signals.models import Signal, SignalQuestion
from api.surveys.models import (
    AnswerKind,
    Invitation,
    RoundStatus,
    SurveyAnswer,
    SurveyQuestion,
    SurveyRound,
    Touchpoint,
)


@dataclass(frozen=True)
class Rating:
    question_id: int
    asked_at: datetime
    rated_at: datetime | None
    score: int | None
    advisor: int | None
    municipality: str | None
    theme: str | None
    measures: tuple[str, ...]
    subject: str
    erased: bool


@dataclass(frozen=True)
class EventRating:
    """An attendee's evaluation of a meeting."""

    registration_id: int
    held_at: datetime
    """The meeting's start: an evaluation counts in the period the meeting took place."""
    score: int | None
    organiser: int | None
    municipality: str | None
    measures: tuple[str, ...]
    themes: tuple[str, ...]


@dataclass(frozen=True)
class Vote:
    voter: str
    voted_at: datetime
    useful: bool
    measures: tuple[str, ...]


@dataclass(frozen=True)
class Invited:
    invitation_id: int
    round_id: int
    municipality: str
    answered: bool


@dataclass(frozen=True)
class SurveyScore:
    invitation_id: int
    question_id: int
    score: int


@dataclass(frozen=True)
class RoundRow:
    id: int
    title: str
    period: str
    opens_on: date
    closed: bool


@dataclass(frozen=True)
class QuestionRow:
    id: int
    text: str
    touchpoint: Touchpoint
    position: int


@dataclass(frozen=True)
class MeasureRow:
    code: str
    title: str
    wave: int
    theme: str


@dataclass(frozen=True)
class Place:
    code: str
    province: str
    region: str


@dataclass(frozen=True)
class Reference:
    measures: dict[str, MeasureRow]
    waves: dict[int, str]
    themes: dict[str, str]
    places: dict[str, Place]
    provinces: dict[str, str]
    regions: dict[str, str]


def _pairs(session: Session, query: Select[Any, str]) -> dict[Any, str]:
    return {key: value for key, value in session.execute(query)}


def reference(session: Session) -> Reference:
    measures = {
        code: MeasureRow(code, title, wave, theme)
        for code, title, wave, theme in session.execute(
            select(Measure.code, Measure.title, Measure.wave_number, Measure.theme_code)
        )
    }
    places = {
        code: Place(code, province, region)
        for code, province, region in session.execute(
            select(
                Municipality.code,
                Municipality.province_code,
                Municipality.labour_market_region_code,
            )
        )
    }
    return Reference(
        measures=measures,
        waves=_pairs(session, select(Wave.number, Wave.name)),
        themes=_pairs(session, select(Theme.code, Theme.name)),
        places=places,
        provinces=_pairs(session, select(Province.code, Province.name)),
        regions=_pairs(session, select(LabourMarketRegion.code, LabourMarketRegion.name)),
    )


def _measures_of_questions(
    session: Session, start: datetime, end: datetime
) -> dict[int, list[str]]:
    rows = session.execute(
        select(question_measures.c.question_id, question_measures.c.measure_code)
        .join(AnswerRating, AnswerRating.question_id == question_measures.c.question_id)
        .where(AnswerRating.created_at >= start, AnswerRating.created_at < end)
    )
    found: dict[int, list[str]] = defaultdict(list)
    for question_id, code in rows:
        found[question_id].append(code)
    return found


def ratings(
    session: Session, start: datetime, end: datetime, *, by_rated_at: bool = False
) -> list[Rating]:
    """Every rating asked (the answer sent) in [start, end), or with `by_rated_at` every score
    given in it."""
    moment = AnswerRating.rated_at if by_rated_at else AnswerRating.created_at
    rows = session.execute(
        select(
            AnswerRating.question_id,
            AnswerRating.created_at,
            AnswerRating.rated_at,
            AnswerRating.score,
            AnswerRating.answered_by,
            Question.municipality_code,
            Question.theme_code,
            Question.subject,
            Question.erased_at,
        )
        .join(Question, Question.id == AnswerRating.question_id)
        .where(moment >= start, moment < end)
    ).all()
    if by_rated_at:
        measures: dict[int, list[str]] = defaultdict(list)
        ids = [row[0] for row in rows]
        for chunk in range(0, len(ids), 500):
            for question_id, code in session.execute(
                select(question_measures.c.question_id, question_measures.c.measure_code).where(
                    question_measures.c.question_id.in_(ids[chunk : chunk + 500])
                )
            ):
                measures[question_id].append(code)
    else:
        measures = _measures_of_questions(session, start, end)
    return [
        Rating(
            question_id=qid,
            asked_at=asked,
            rated_at=rated,
            score=score,
            advisor=advisor,
            municipality=municipality,
            theme=theme,
            measures=tuple(sorted(measures.get(qid, ()))),
            subject=subject,
            erased=erased is not None,
        )
        for qid, asked, rated, score, advisor, municipality, theme, subject, erased in rows
    ]


def _codes_of_meetings(
    session: Session, table: Any, column: Any, ids: list[int]
) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for chunk in range(0, len(ids), 500):
        for meeting_id, code in session.execute(
            select(table.c.meeting_id, column).where(
                table.c.meeting_id.in_(ids[chunk : chunk + 500])
            )
        ):
            found[meeting_id].append(code)
    return found


def event_ratings(session: Session, start: datetime, end: datetime) -> list[EventRating]:
    """Every evaluation asked of a meeting that started in [start, end)."""
    rows = session.execute(
        select(
            MeetingRating.registration_id,
            MeetingRating.meeting_id,
            Meeting.starts_at,
            MeetingRating.score,
            Meeting.organiser_id,
            Registration.municipality_code,
        )
        .join(Meeting, Meeting.id == MeetingRating.meeting_id)
        .join(Registration, Registration.id == MeetingRating.registration_id)
        .where(Meeting.starts_at >= start, Meeting.starts_at < end)
    ).all()
    ids = sorted({row[1] for row in rows})
    measures = _codes_of_meetings(session, meeting_measures, meeting_measures.c.measure_code, ids)
    themes = _codes_of_meetings(session, meeting_themes, meeting_themes.c.theme_code, ids)
    return [
        EventRating(
            registration_id=registration,
            held_at=held,
            score=score,
            organiser=organiser,
            municipality=municipality,
            measures=tuple(sorted(measures.get(meeting, ()))),
            themes=tuple(sorted(themes.get(meeting, ()))),
        )
        for registration, meeting, held, score, organiser, municipality in rows
    ]


def votes(session: Session, start: datetime, end: datetime) -> list[Vote]:
    rows = session.execute(
        select(
            ProductVote.product_id, ProductVote.voter_key, ProductVote.voted_at, ProductVote.useful
        ).where(ProductVote.voted_at >= start, ProductVote.voted_at < end)
    ).all()
    links: dict[int, list[str]] = defaultdict(list)
    for product_id, code in session.execute(
        select(product_measures.c.product_id, product_measures.c.measure_code)
    ):
        links[product_id].append(code)
    return [
        Vote(
            voter=voter,
            voted_at=at,
            useful=useful,
            measures=tuple(sorted(links.get(product_id, ()))),
        )
        for product_id, voter, at, useful in rows
    ]


def rounds(
    session: Session, start: date, end: date, *, closed_only: bool = False
) -> list[RoundRow]:
    """Rounds sent that opened in [start, end]: a draft has no answers to count."""
    wanted = [RoundStatus.CLOSED] if closed_only else [RoundStatus.OPEN, RoundStatus.CLOSED]
    rows = session.execute(
        select(
            SurveyRound.id,
            SurveyRound.title,
            SurveyRound.period,
            SurveyRound.opens_on,
            SurveyRound.status,
        )
        .where(
            SurveyRound.status.in_(wanted),
            SurveyRound.opens_on >= start,
            SurveyRound.opens_on <= end,
        )
        .order_by(SurveyRound.opens_on, SurveyRound.id)
    )
    return [
        RoundRow(id, title, period, opens_on, status is RoundStatus.CLOSED)
        for id, title, period, opens_on, status in rows
    ]


def invitations(session: Session, round_ids: list[int]) -> list[Invited]:
    if not round_ids:
        return []
    rows = session.execute(
        select(
            Invitation.id,
            Invitation.round_id,
            Invitation.municipality_code,
            Invitation.answered_at,
        ).where(Invitation.round_id.in_(round_ids))
    )
    return [Invited(id, round_id, code, at is not None) for id, round_id, code, at in rows]


def survey_scores(
    session: Session, round_ids: list[int], touchpoint: Touchpoint | None = None
) -> list[SurveyScore]:
    """The scale answers of answered invitations of these rounds."""
    if not round_ids:
        return []
    query = (
        select(SurveyAnswer.invitation_id, SurveyAnswer.question_id, SurveyAnswer.score)
        .join(Invitation, Invitation.id == SurveyAnswer.invitation_id)
        .join(SurveyQuestion, SurveyQuestion.id == SurveyAnswer.question_id)
        .where(
            Invitation.round_id.in_(round_ids),
            Invitation.answered_at.is_not(None),
            SurveyQuestion.kind == AnswerKind.SCALE,
            SurveyAnswer.score.is_not(None),
        )
    )
    if touchpoint is not None:
        query = query.where(SurveyQuestion.touchpoint == touchpoint)
    return [SurveyScore(i, q, s) for i, q, s in session.execute(query) if s is not None]


def survey_questions(session: Session, ids: set[int]) -> dict[int, QuestionRow]:
    if not ids:
        return {}
    rows = session.execute(
        select(
            SurveyQuestion.id,
            SurveyQuestion.text,
            SurveyQuestion.touchpoint,
            SurveyQuestion.position,
        ).where(SurveyQuestion.id.in_(ids))
    )
    return {
        id: QuestionRow(id, text, touchpoint, position) for id, text, touchpoint, position in rows
    }


def people(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return _pairs(session, select(User.id, User.name).where(User.id.in_(ids)))


def groupings_version(reader: Reader) -> str:
    """What decides a score's groups beside the scores and the reference data: a question's
    measures and municipality (raising its `updated_at`), a product's measures (its change
    log)."""
    row = reader.execute(
        select(
            select(func.max(Question.updated_at)).scalar_subquery(),
            select(func.max(Product.change_seq)).scalar_subquery(),
        )
    ).one()
    return "|".join(str(v) for v in row)


def latest_moments(session: Session) -> list[datetime | None]:
    """When a score was last given, at each touchpoint: the moment the figures were current."""
    row = session.execute(
        select(
            select(func.max(AnswerRating.rated_at)).scalar_subquery(),
            select(func.max(ProductVote.voted_at)).scalar_subquery(),
            select(func.max(Invitation.answered_at)).scalar_subquery(),
            select(func.max(MeetingRating.rated_at)).scalar_subquery(),
        )
    ).one()
    return list(row)


def suggestion_keys_taken(session: Session, prefix: str) -> set[str]:
    return set(
        session.scalars(
            select(Signal.suggestion_key).where(Signal.suggestion_key.like(f"{prefix}%"))
        )
    )


def questions_in_register(session: Session, ids: list[int]) -> set[int]:
    """Which of these questions are already evidence of a signal."""
    if not ids:
        return set()
    return set(
        session.scalars(
            select(SignalQuestion.question_id).where(SignalQuestion.question_id.in_(ids))
        )
    )
