"""What every rating from a mail shares, whatever it rates (an answer, a meeting).

The mail carries five links with one single-purpose token, stored only as its hash, that names
one rating and nothing else. Opening a link records nothing: the page it opens records the
score with a PUT, so a mail scanner that fetches every link changes nothing. The score and its
comment may change until `changeable_until`; after that they stay. The comment is shown beyond
its writer only when the personal-data check of the FAQ found nothing in it
(`comment_cleared`)."""

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy.orm import Session

from api.accounts.secrets import hash_token, new_token
from api.core import clock, data_versions
from api.core.errors import ConflictError
from api.questions import anonymity

SCORES = range(1, 6)
MAX_COMMENT = 1000
SCORE_LABELS = {
    1: "niet nuttig",
    2: "weinig nuttig",
    3: "redelijk nuttig",
    4: "nuttig",
    5: "zeer nuttig",
}


class Rated(Protocol):
    """The columns every table of ratings by mail has."""

    token_hash: str
    changeable_until: datetime
    score: int | None
    comment: str | None
    comment_cleared: bool
    rated_at: datetime | None
    changed_at: datetime | None


def will_write(session: Session) -> None:
    """Every writer of scores takes the figures' counter before it locks a rating, so writers
    queue in one order and never deadlock (core/data_versions.py)."""
    data_versions.writing(session, data_versions.SATISFACTION)


def hashed(token: str) -> str:
    return hash_token(token)


def issue(rating: Rated, days: int) -> str:
    """A new token for `rating`, changeable for `days` from now; returns the token for the mail.
    Only its hash is kept, so the links of an earlier mail stop working."""
    token = new_token()
    rating.token_hash = hash_token(token)
    rating.changeable_until = clock.now() + timedelta(days=days)
    return token


def changeable(rating: Rated) -> bool:
    return clock.now() < rating.changeable_until


def cleared(comment: str, names: Iterable[str], places: Iterable[str]) -> bool:
    """Whether the FAQ's personal-data check finds nothing in the comment, looking also for
    the names and places (municipalities, organisations) of the people around the rating."""
    return not anonymity.findings(comment, list(names), list(places))


def record(
    rating: Rated,
    score: int,
    comment: str | None,
    *,
    what: str,
    check: Callable[[str], bool],
) -> bool:
    """Sets the score and the comment (blank: none) within the window; returns whether
    anything changed. `what` names the rated thing in the refusal ("dit antwoord"); `check`
    is the personal-data check of a comment."""
    if not changeable(rating):
        raise ConflictError(
            f"De termijn om {what} te beoordelen is voorbij; de beoordeling blijft zoals "
            f"ze is (wijzigen kon tot {clock.dutch_date(rating.changeable_until):%d-%m-%Y})."
        )
    text = (comment or "").strip() or None
    if rating.score == score and rating.comment == text:
        return False
    now = clock.now()
    rating.score = score
    rating.comment = text
    rating.comment_cleared = text is not None and check(text)
    rating.rated_at = rating.rated_at or now
    rating.changed_at = now
    return True


def ask(question: str, link: Callable[[int], str], days: int) -> str:
    """The mail's one question with a link per score, and until when the choice may change."""
    until = clock.dutch_date(clock.now() + timedelta(days=days))
    links = "\n".join(f"{score} ({SCORE_LABELS[score]}): {link(score)}" for score in SCORES)
    return (
        f"{question}\nKies een cijfer van 1 (niet nuttig) tot 5 (zeer nuttig):\n{links}\n\n"
        f"Op de pagina die opent, kunt u uw keuze tot en met {until:%d-%m-%Y} wijzigen en een "
        "toelichting geven."
    )
