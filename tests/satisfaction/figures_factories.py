"""Scores inserted as rows, for the figures' tests: answer ratings (with the questions they rate),
product votes and survey rounds with invitations and answers, all dated in a year of their own
(2031) so no demo score falls among them."""

import secrets
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.products.models import ProductVersion
from api.questions.models import Channel, Question, QuestionStatus
from api.satisfaction.models import AnswerRating, ProductVote
from api.surveys.models import (
    AnswerKind,
    Invitation,
    RoundQuestion,
    RoundStatus,
    SurveyAnswer,
    SurveyQuestion,
    SurveyRound,
    Touchpoint,
)
from tests.auth import ADMIN, EDITOR

YEAR = 2031
START = date(YEAR, 1, 1)
END = date(YEAR, 12, 31)


def at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


@dataclass
class World:
    measures: list[Measure]
    places: list[Municipality]
    editor: int
    admin: int
    ratings: list[dict[str, object]] = field(default_factory=list)
    votes: list[dict[str, object]] = field(default_factory=list)
    unsaved: list[tuple[Question, AnswerRating]] = field(default_factory=list)
    """Ratings made with `save=False`, waiting for `save_ratings`."""


def world(db: Session) -> World:
    found = db.execute(select(User.email, User.id).where(User.email.in_([EDITOR, ADMIN])))
    users = {email: user_id for email, user_id in found}
    return World(
        measures=list(db.scalars(select(Measure).order_by(Measure.code))),
        places=list(db.scalars(select(Municipality).order_by(Municipality.code))),
        editor=users[EDITOR],
        admin=users[ADMIN],
    )


def rating(
    db: Session,
    w: World,
    *,
    day: date,
    score: int | None,
    measures: list[str],
    municipality: str | None,
    advisor: int | None,
    rated: date | None = None,
    subject: str = "Vraag over de uitvoering",
    save: bool = True,
) -> Question:
    """An answered question and its rating, asked on `day` (and rated then, or on `rated`).
    With `save=False` nothing is written until `save_ratings`: hundreds of ratings then cost
    two batched inserts instead of two round trips each."""
    question = Question(
        channel=Channel.EMAIL,
        subject=subject,
        text="Hoe voeren wij dit uit?",
        theme_code=next(m.theme_code for m in w.measures if m.code == measures[0])
        if measures
        else None,
        asker_name="Test Vrager",
        asker_email="vrager@gemeente.test.example",
        municipality_code=municipality,
        received_at=at(day - timedelta(days=3)),
        due_date=day,
        status=QuestionStatus.ANSWERED,
        answer="Zo.",
        answered_at=at(day),
        answered_by=advisor,
        assignee_id=advisor,
        measures=[m for m in w.measures if m.code in measures],
    )
    db.add(question)
    answer_rating = AnswerRating(
        answered_by=advisor,
        token_hash=secrets.token_hex(32),
        changeable_until=at(day + timedelta(days=14)),
        score=score,
        created_at=at(day),
        rated_at=at(rated or day, 15) if score is not None else None,
    )
    w.unsaved.append((question, answer_rating))
    if save:
        save_ratings(db, w)
    w.ratings.append(
        {
            "question": question,
            "day": day,
            "score": score,
            "measures": measures,
            "municipality": municipality,
            "advisor": advisor,
        }
    )
    return question


def save_ratings(db: Session, w: World) -> None:
    db.flush()  # the questions, for their ids
    for question, answer_rating in w.unsaved:
        answer_rating.question_id = question.id
        db.add(answer_rating)
    w.unsaved.clear()
    db.flush()


def published_versions(db: Session, count: int) -> list[ProductVersion]:
    return list(
        db.scalars(
            select(ProductVersion)
            .where(ProductVersion.published_at.is_not(None))
            .order_by(ProductVersion.id)
            .limit(count)
        )
    )


def vote(db: Session, w: World, version: ProductVersion, *, day: date, useful: bool) -> None:
    key = secrets.token_hex(16)
    db.add(
        ProductVote(
            product_id=version.product_id,
            version_id=version.id,
            voter_key=key,
            useful=useful,
            voted_at=at(day),
        )
    )
    w.votes.append({"product": version.product_id, "day": day, "useful": useful, "voter": key})


@dataclass
class Survey:
    round_id: int
    questions: list[int]
    invitations: list[dict[str, object]] = field(default_factory=list)


def survey_round(
    db: Session,
    *,
    opens: date,
    period: str,
    status: RoundStatus = RoundStatus.CLOSED,
    same_as: "Survey | None" = None,
) -> Survey:
    """A round sent on `opens`, with the questions of `same_as` or three new ones."""
    round_ = SurveyRound(
        title=f"Peiling {period}",
        period=period,
        opens_on=opens,
        closes_on=opens + timedelta(days=28),
        status=status,
        sent_at=at(opens),
    )
    db.add(round_)
    db.flush()
    if same_as is not None:
        for position, question in enumerate(same_as.questions):
            db.add(RoundQuestion(round_id=round_.id, question_id=question, position=position))
        return Survey(round_.id, same_as.questions)
    overall = SurveyQuestion(
        text="Hoe tevreden bent u over de ondersteuning?",
        kind=AnswerKind.SCALE,
        touchpoint=Touchpoint.OVERALL,
        position=1,
    )
    products = SurveyQuestion(
        text="Hoe nuttig vindt u de producten?",
        kind=AnswerKind.SCALE,
        touchpoint=Touchpoint.PRODUCTS,
        position=2,
    )
    remark = SurveyQuestion(
        text="Wat kan beter?", kind=AnswerKind.OPEN, touchpoint=Touchpoint.OTHER, position=3
    )
    db.add_all([overall, products, remark])
    db.flush()
    for position, q in enumerate((overall, products, remark)):
        db.add(RoundQuestion(round_id=round_.id, question_id=q.id, position=position))
    return Survey(round_.id, [overall.id, products.id, remark.id])


def invite(db: Session, survey: Survey, municipality: str, scores: tuple[int, int] | None) -> None:
    """An invitation of a contact of this municipality; answered with these two scale scores
    (overall, products) and an open answer, or not answered when `scores` is None."""
    invitation = Invitation(
        round_id=survey.round_id,
        user_id=None,
        municipality_code=municipality,
        token_hash=secrets.token_hex(32),
        answered_at=None if scores is None else datetime(YEAR, 6, 1, tzinfo=UTC),
    )
    db.add(invitation)
    db.flush()
    if scores is not None:
        for question, score in zip(survey.questions[:2], scores, strict=True):
            db.add(SurveyAnswer(invitation_id=invitation.id, question_id=question, score=score))
        db.add(
            SurveyAnswer(
                invitation_id=invitation.id, question_id=survey.questions[2], text="Niets."
            )
        )
    survey.invitations.append({"municipality": municipality, "scores": scores})
