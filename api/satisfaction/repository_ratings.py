"""Queries of the ratings of answers."""

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.municipalities.models import Municipality
from api.questions.models import Question
from api.satisfaction.models import AnswerRating


def by_token_hash(
    session: Session, token_hash: str, *, for_update: bool = False
) -> AnswerRating | None:
    query = select(AnswerRating).where(AnswerRating.token_hash == token_hash)
    if for_update:
        query = query.with_for_update()
    return session.scalars(query).one_or_none()


def of_question(
    session: Session, question_id: int, *, for_update: bool = False
) -> AnswerRating | None:
    query = select(AnswerRating).where(AnswerRating.question_id == question_id)
    if for_update:
        query = query.with_for_update()
    return session.scalars(query).one_or_none()


def question(session: Session, question_id: int) -> Question | None:
    return session.get(Question, question_id)


def fellow_askers(session: Session, question: Question) -> list[Question]:
    """The main question and every duplicate merged into it, this one included."""
    main_id = question.merged_into_id or question.id
    query = select(Question).where((Question.id == main_id) | (Question.merged_into_id == main_id))
    return list(session.scalars(query))


def user_name(session: Session, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    return session.scalar(select(User.name).where(User.id == user_id))


def municipality_name(session: Session, code: str | None) -> str | None:
    if code is None:
        return None
    return session.scalar(select(Municipality.name).where(Municipality.code == code))


def clear_comments(session: Session, question_ids: list[int]) -> int:
    if not question_ids:
        return 0
    result = session.execute(
        update(AnswerRating)
        .where(AnswerRating.question_id.in_(question_ids), AnswerRating.comment.is_not(None))
        .values(comment=None, comment_cleared=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def end_windows(session: Session, question_ids: list[int], moment: datetime) -> None:
    if question_ids:
        session.execute(
            update(AnswerRating)
            .where(
                AnswerRating.question_id.in_(question_ids),
                AnswerRating.changeable_until > moment,
            )
            .values(changeable_until=moment)
        )


def clear_comments_written_before(session: Session, cutoff: datetime) -> int:
    """Comments last written before `cutoff` (a comment is written with its score)."""
    written = AnswerRating.changed_at
    result = session.execute(
        update(AnswerRating)
        .where(AnswerRating.comment.is_not(None), written < cutoff)
        .values(comment=None, comment_cleared=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
