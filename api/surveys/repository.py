"""Every query of this domain. People and municipalities are read through their tables, as the
signals read theirs, never through another domain's repository."""

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.municipalities.models import LabourMarketRegion, Municipality, Province
from api.surveys.models import (
    Invitation,
    RoundQuestion,
    RoundStatus,
    SurveyAnswer,
    SurveyQuestion,
    SurveyRound,
)

# Questions


def questions(session: Session, *, active_only: bool = False) -> list[SurveyQuestion]:
    query = select(SurveyQuestion).order_by(SurveyQuestion.position, SurveyQuestion.id)
    if active_only:
        query = query.where(SurveyQuestion.active.is_(True))
    return list(session.scalars(query))


def question(session: Session, question_id: int) -> SurveyQuestion | None:
    return session.get(SurveyQuestion, question_id)


def question_was_sent(session: Session, question_id: int) -> bool:
    query = select(RoundQuestion.round_id).where(RoundQuestion.question_id == question_id)
    return session.scalar(query.limit(1)) is not None


def count_questions(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SurveyQuestion)) or 0


# Rounds


def rounds(session: Session) -> list[SurveyRound]:
    return list(session.scalars(select(SurveyRound).order_by(SurveyRound.opens_on.desc())))


def round_(session: Session, round_id: int) -> SurveyRound | None:
    return session.get(SurveyRound, round_id)


def round_one(session: Session, round_id: int) -> SurveyRound:
    return session.get_one(SurveyRound, round_id)


def lock_round(session: Session, round_id: int) -> SurveyRound | None:
    """So two editors sending at once wait for each other instead of inviting twice."""
    query = select(SurveyRound).where(SurveyRound.id == round_id).with_for_update()
    return session.scalar(query.execution_options(populate_existing=True))


def round_by_period(session: Session, period: str) -> SurveyRound | None:
    return session.scalar(select(SurveyRound).where(SurveyRound.period == period))


def round_questions(session: Session, round_id: int) -> list[SurveyQuestion]:
    """The questions a round was sent with, in the order they were sent."""
    query = (
        select(SurveyQuestion)
        .join(RoundQuestion, RoundQuestion.question_id == SurveyQuestion.id)
        .where(RoundQuestion.round_id == round_id)
        .order_by(RoundQuestion.position)
    )
    return list(session.scalars(query))


def open_rounds_to_close(session: Session, today: date) -> list[SurveyRound]:
    query = select(SurveyRound).where(
        SurveyRound.status == RoundStatus.OPEN, SurveyRound.closes_on < today
    )
    return list(session.scalars(query.with_for_update()))


def open_rounds(session: Session) -> list[SurveyRound]:
    query = select(SurveyRound).where(SurveyRound.status == RoundStatus.OPEN)
    return list(session.scalars(query.order_by(SurveyRound.closes_on)))


# Invitations


def invitations(session: Session, round_id: int) -> list[Invitation]:
    query = select(Invitation).where(Invitation.round_id == round_id).order_by(Invitation.id)
    return list(session.scalars(query))


def invited_user_ids(session: Session, round_id: int) -> set[int]:
    query = select(Invitation.user_id).where(
        Invitation.round_id == round_id, Invitation.user_id.is_not(None)
    )
    return {uid for uid in session.scalars(query) if uid is not None}


def invitation_by_hash(session: Session, token_hash: str) -> Invitation | None:
    return session.scalar(select(Invitation).where(Invitation.token_hash == token_hash))


def invitation_of(session: Session, round_id: int, user_id: int) -> Invitation | None:
    query = select(Invitation).where(Invitation.round_id == round_id, Invitation.user_id == user_id)
    return session.scalar(query)


def invitations_of_user(session: Session, user_id: int) -> list[tuple[Invitation, SurveyRound]]:
    query = (
        select(Invitation, SurveyRound)
        .join(SurveyRound, SurveyRound.id == Invitation.round_id)
        .where(Invitation.user_id == user_id, SurveyRound.status != RoundStatus.DRAFT)
        .order_by(SurveyRound.closes_on.desc())
    )
    return [(i, r) for i, r in session.execute(query)]


def lock_invitation(session: Session, invitation_id: int) -> Invitation | None:
    """So two saves of the same answers (a double click) wait for each other."""
    query = select(Invitation).where(Invitation.id == invitation_id).with_for_update()
    return session.scalar(query.execution_options(populate_existing=True))


def due_reminders(session: Session, round_id: int, invited_before: datetime) -> list[Invitation]:
    """Not answered, not reminded, invited long enough ago, and still someone to mail."""
    query = (
        select(Invitation)
        .where(
            Invitation.round_id == round_id,
            Invitation.answered_at.is_(None),
            Invitation.reminded_at.is_(None),
            Invitation.invited_at < invited_before,
            Invitation.user_id.is_not(None),
        )
        .order_by(Invitation.id)
        .with_for_update(skip_locked=True)
    )
    return list(session.scalars(query))


def response_counts(session: Session, round_id: int) -> tuple[int, int]:
    """Invited and answered."""
    query = select(func.count(), func.count(Invitation.answered_at)).where(
        Invitation.round_id == round_id
    )
    invited, answered = session.execute(query).one()
    return int(invited), int(answered)


def response_counts_by_municipality(session: Session, round_id: int) -> dict[str, tuple[int, int]]:
    query = (
        select(Invitation.municipality_code, func.count(), func.count(Invitation.answered_at))
        .where(Invitation.round_id == round_id)
        .group_by(Invitation.municipality_code)
    )
    return {code: (int(i), int(a)) for code, i, a in session.execute(query)}


# Answers


def answers_of(session: Session, invitation_id: int) -> list[SurveyAnswer]:
    query = select(SurveyAnswer).where(SurveyAnswer.invitation_id == invitation_id)
    return list(session.scalars(query))


def answered_rows(
    session: Session, round_ids: Iterable[int]
) -> list[tuple[SurveyAnswer, Invitation]]:
    """Every answer of these rounds with its invitation (for the municipality), answered only."""
    wanted = list(round_ids)
    if not wanted:
        return []
    query = (
        select(SurveyAnswer, Invitation)
        .join(Invitation, Invitation.id == SurveyAnswer.invitation_id)
        .where(Invitation.round_id.in_(wanted), Invitation.answered_at.is_not(None))
        .order_by(Invitation.municipality_code, Invitation.id, SurveyAnswer.question_id)
    )
    return [(a, i) for a, i in session.execute(query)]


def clear_texts_answered_before(session: Session, cutoff: datetime) -> int:
    """Retention: open answers last saved before `cutoff` lose their text."""
    old = select(Invitation.id).where(Invitation.answered_at < cutoff)
    statement = (
        update(SurveyAnswer)
        .where(SurveyAnswer.text.is_not(None), SurveyAnswer.invitation_id.in_(old))
        .values(text=None, text_cleared=False)
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).rowcount or 0  # type: ignore[attr-defined]


def forget_user(session: Session, user_id: int) -> tuple[int, int]:
    """Erasure: her open texts go, and nothing links her invitations to her any more; the
    scores stay under the municipality, so the response rate and the figures stay right."""
    mine = select(Invitation.id).where(Invitation.user_id == user_id)
    texts = session.execute(
        update(SurveyAnswer)
        .where(SurveyAnswer.text.is_not(None), SurveyAnswer.invitation_id.in_(mine))
        .values(text=None, text_cleared=False)
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    unlinked = session.execute(
        update(Invitation)
        .where(Invitation.user_id == user_id)
        .values(user_id=None)
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    session.expire_all()
    return int(unlinked or 0), int(texts or 0)


# People and municipalities


def users_by_email(session: Session, email: str) -> list[User]:
    return list(session.scalars(select(User).where(func.lower(User.email) == email.casefold())))


def users(session: Session, ids: Iterable[int]) -> dict[int, User]:
    wanted = set(ids)
    if not wanted:
        return {}
    return {u.id: u for u in session.scalars(select(User).where(User.id.in_(wanted)))}


def municipalities(session: Session, codes: Iterable[str] | None = None) -> dict[str, Municipality]:
    query = select(Municipality)
    if codes is not None:
        query = query.where(Municipality.code.in_(set(codes)))
    return {m.code: m for m in session.scalars(query)}


def group_names(session: Session, provinces: bool) -> dict[str, str]:
    model: type[Province] | type[LabourMarketRegion] = Province if provinces else LabourMarketRegion
    return {code: name for code, name in session.execute(select(model.code, model.name))}
