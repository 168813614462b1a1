"""How useful an answer was: one rating per asker's question, made when the answer is sent.

The asker rates from the answer mail without logging in: its five links carry a single-purpose
token (stored hashed) that names her own question's rating and nothing else, and open a page
that records the score with a PUT, so a mail scanner that fetches the links changes nothing. A
signed-in asker rates on her question's page as well. The score may change until
`changeable_until` (the answer plus `SPOORBOEK_RATING_DAYS`); after that it stays.

The comment is hers: she sees it, the team sees it only when the personal-data check of the FAQ
found nothing in it (`comment_cleared`). Erasure of her data and the retention job empty it;
the score stays, it says nothing about her."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from sqlalchemy.orm import Session

from api.core import clock
from api.core.errors import NotFoundError, UnauthenticatedError
from api.core.security import Principal
from api.core.settings import Settings
from api.questions.models import Question
from api.satisfaction import repository_ratings as repository
from api.satisfaction import scoring
from api.satisfaction.models import AnswerRating

MAX_COMMENT = scoring.MAX_COMMENT
RATING_PATH = "/antwoord-beoordelen"


@dataclass(frozen=True)
class RatingView:
    """A rating as one reader may see it: the asker her own comment, the team only a cleared one."""

    rating: AnswerRating
    question_id: int
    subject: str
    comment: str | None
    comment_withheld: bool
    changeable: bool


def _unknown_link() -> NotFoundError:
    return NotFoundError(
        "Deze beoordelingslink bestaat niet (meer). Kopieer de hele link uit de nieuwste e-mail."
    )


def _no_rating(question_id: int) -> NotFoundError:
    return NotFoundError(f"Vraag {question_id} heeft (nog) geen beoordeling.")


def _asker_of(question: Question) -> bool:
    """Only someone we can reach or who can sign in can rate: a question logged without an
    address or account, or erased, gets no rating."""
    return question.erased_at is None and bool(question.asker_email or question.asker_user_id)


def open_for_answer(
    session: Session, settings: Settings, question: Question, answered_by: int | None
) -> str | None:
    """The rating of this asker's question, made or renewed as the answer goes out; returns the
    token for her mail (None when she cannot rate).

    A second answer (after a reopening, or a duplicate merged into an answered question) keeps
    the score she gave and its comment: she may change them, from the new mail's links, for the
    full window again. The old mail's links stop working: only the hash of the newest is kept."""
    if not _asker_of(question):
        return None
    scoring.will_write(session)
    rating = repository.of_question(session, question.id, for_update=True)
    if rating is None:
        rating = AnswerRating(question_id=question.id, comment_cleared=False, is_demo=False)
        session.add(rating)
    token = scoring.issue(rating, settings.rating_days)
    rating.answered_by = answered_by
    session.flush()
    return token


def rating_link(settings: Settings, token: str, score: int) -> str:
    return f"{settings.public_url.rstrip('/')}{RATING_PATH}?token={token}&score={score}"


def mail_text(settings: Settings, token: str) -> str:
    """The one question of the answer mail, with a link per score."""
    return "\n\n" + scoring.ask(
        "Hoe nuttig was dit antwoord?",
        lambda score: rating_link(settings, token, score),
        settings.rating_days,
    )


def _view(session: Session, rating: AnswerRating, *, own: bool) -> RatingView:
    question = repository.question(session, rating.question_id)
    withheld = not own and rating.comment is not None and not rating.comment_cleared
    return RatingView(
        rating=rating,
        question_id=rating.question_id,
        subject=question.subject if question is not None else "",
        comment=rating.comment if own or rating.comment_cleared else None,
        comment_withheld=withheld,
        changeable=scoring.changeable(rating),
    )


def _by_token(session: Session, token: str, *, for_update: bool = False) -> AnswerRating:
    if for_update:
        scoring.will_write(session)
    rating = repository.by_token_hash(session, scoring.hashed(token), for_update=for_update)
    if rating is None:
        raise _unknown_link()
    return rating


def by_token(session: Session, token: str) -> RatingView:
    return _view(session, _by_token(session, token), own=True)


def _cleared(session: Session, rating: AnswerRating, comment: str) -> bool:
    """The FAQ's personal-data check, with the names it would look for on this answer: every
    asker of the question (duplicates included), their organisations and municipalities, and
    the advisor who answered."""
    question = repository.question(session, rating.question_id)
    askers = repository.fellow_askers(session, question) if question is not None else []
    names = [a.asker_name for a in askers if a.asker_name]
    names += [n for n in [repository.user_name(session, rating.answered_by)] if n]
    places = [a.asker_organisation for a in askers if a.asker_organisation]
    for code in {a.municipality_code for a in askers if a.municipality_code}:
        places += [n for n in [repository.municipality_name(session, code)] if n]
    return scoring.cleared(comment, names, places)


def _set(session: Session, rating: AnswerRating, score: int, comment: str | None) -> None:
    check = partial(_cleared, session, rating)
    if scoring.record(rating, score, comment, what="dit antwoord", check=check):
        session.flush()


def rate_by_token(session: Session, token: str, score: int, comment: str | None) -> RatingView:
    rating = _by_token(session, token, for_update=True)
    _set(session, rating, score, comment)
    return _view(session, rating, own=True)


def _own_or_team(
    session: Session, principal: Principal, question_id: int
) -> tuple[AnswerRating, bool]:
    """The rating of a question and whether the reader is its asker. Its asker, the advisor who
    answered, editors and admins may see it; to anyone else it does not exist."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    question = repository.question(session, question_id)
    own = (
        question is not None
        and principal.user_id is not None
        and question.asker_user_id == principal.user_id
    )
    rating = repository.of_question(session, question_id) if question is not None else None
    if rating is None:
        raise _no_rating(question_id)
    answered_it = principal.user_id is not None and principal.user_id == rating.answered_by
    if not (own or principal.is_programme_team or answered_it):
        raise _no_rating(question_id)
    return rating, own


def for_question(session: Session, principal: Principal, question_id: int) -> RatingView:
    rating, own = _own_or_team(session, principal, question_id)
    return _view(session, rating, own=own)


def rate_own(
    session: Session, principal: Principal, question_id: int, score: int, comment: str | None
) -> RatingView:
    """A signed-in asker rates the answer to her own question; nobody rates for her."""
    rating, own = _own_or_team(session, principal, question_id)
    if not own:
        raise _no_rating(question_id)
    scoring.will_write(session)
    rating = repository.of_question(session, question_id, for_update=True) or rating
    _set(session, rating, score, comment)
    return _view(session, rating, own=True)


def forget_asker(session: Session, question_ids: list[int]) -> None:
    """Erasure: her comments go, the scores stay, and the links stop accepting changes."""
    repository.clear_comments(session, question_ids)
    repository.end_windows(session, question_ids, clock.now())


def expire_comments(session: Session, settings: Settings, now: datetime) -> int:
    """Empties the comments older than the retention period; the scores stay."""
    cutoff = now - timedelta(days=settings.satisfaction_comment_retention_days)
    return repository.clear_comments_written_before(session, cutoff)
