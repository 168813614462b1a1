"""A year of demo ratings of answers: on the answered demo questions (merged duplicates each for
themselves), a little over half of the askers rated, most within a day or two, some changed
their mind. The scores differ by measure, so the figures have something to show: the answers
on the income rules of wave 3 (M15, M21, M22) score clearly lower than the rest, M05 and M16 a
little lower, and a late answer costs about half a point. One in four scores comes with an
invented comment that names no one.

Deterministic (fixed random seed, dates from the demo questions' answers). The links' tokens
are random and never shown: nobody rates a demo answer from a mail. Made once: a second
`spoorboek demo` finds them made."""

import random
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from api.accounts.secrets import hash_token, new_token
from api.core import clock
from api.questions import anonymity
from api.questions.models import Question
from api.satisfaction.models import AnswerRating

RATED_SHARE = 0.55
CHANGED_SHARE = 0.1
COMMENT_SHARE = 0.25
RATING_DAYS = 14
MEAN_SCORE = 4.1
MEASURE_MEANS = {"M15": 2.6, "M21": 2.8, "M22": 2.9, "M05": 3.4, "M16": 3.5}
LATE_PENALTY = 0.6
POSITIVE = [
    "Helder antwoord, we kunnen meteen verder.",
    "Precies wat we zochten, met de juiste wetsartikelen erbij.",
    "Snel en duidelijk, dank.",
    "Het voorbeeld uit de praktijk hielp ons team het meest.",
]
NEGATIVE = [
    "Het antwoord blijft algemeen; een rekenvoorbeeld had geholpen.",
    "Voor de uitvoering weten we nog niet wat we moeten doen.",
    "Het antwoord kwam te laat voor ons collegebesluit.",
    "De verwijzing naar de handreiking beantwoordt onze vraag niet.",
]


def _score(rng: random.Random, question: Question, main: Question) -> int:
    codes = [m.code for m in question.measures]
    mean = min((MEASURE_MEANS.get(c, MEAN_SCORE) for c in codes), default=MEAN_SCORE)
    answered = main.answered_at
    if answered is not None and clock.dutch_date(answered) > main.due_date:
        mean -= LATE_PENALTY
    return max(1, min(5, round(rng.gauss(mean, 0.8))))


def _rateable(session: Session) -> list[tuple[Question, Question]]:
    """Each answered demo question with an asker, paired with the question whose answer it got
    (itself, or the main question of a merged duplicate)."""
    questions = list(
        session.scalars(
            select(Question)
            .where(Question.is_demo.is_(True))
            .options(selectinload(Question.measures))
            .order_by(Question.id)
        )
    )
    by_id = {q.id: q for q in questions}
    pairs = []
    for q in questions:
        main = by_id.get(q.merged_into_id) if q.merged_into_id else q
        if main is None or main.answered_at is None or q.erased_at is not None:
            continue
        if q.asker_email or q.asker_user_id:
            pairs.append((q, main))
    return pairs


def _rate(rng: random.Random, rating: AnswerRating, question: Question, main: Question) -> None:
    now = clock.now()
    answered = main.answered_at or now
    rated = answered + timedelta(hours=rng.triangular(1, 24 * 10, 12))
    if rated >= now:
        return
    rating.score = _score(rng, question, main)
    rating.rated_at = rating.changed_at = rated
    if rng.random() < CHANGED_SHARE:
        changed = rated + timedelta(days=rng.uniform(0.5, 3))
        if changed < min(now, rating.changeable_until):
            rating.score = max(1, min(5, rating.score + rng.choice([-1, 1])))
            rating.changed_at = changed
    if rng.random() < COMMENT_SHARE:
        text = rng.choice(POSITIVE if rating.score >= 4 else NEGATIVE)
        rating.comment = text
        rating.comment_cleared = not anonymity.findings(text, [], [])


def load_demo_ratings(session: Session, on_row: Callable[[], None]) -> tuple[int, int]:
    existing = session.scalar(
        select(func.count()).select_from(AnswerRating).where(AnswerRating.is_demo.is_(True))
    )
    if existing:
        return 0, existing
    rng = random.Random(2026_16)
    made = 0
    for question, main in _rateable(session):
        answered = main.answered_at or clock.now()
        rating = AnswerRating(
            question_id=question.id,
            answered_by=main.answered_by,
            token_hash=hash_token(new_token()),
            changeable_until=answered + timedelta(days=RATING_DAYS),
            comment_cleared=False,
            created_at=answered,
            is_demo=True,
        )
        if rng.random() < RATED_SHARE:
            _rate(rng, rating, question, main)
        session.add(rating)
        made += 1
        on_row()
    session.flush()
    return made, 0
