"""The survey's part of privacy: open answers are kept no longer than the satisfaction
comments (SPOORBOEK_SATISFACTION_COMMENT_RETENTION_DAYS), and a person's erasure unlinks her
invitations from her account and clears her open answers. Her scores stay, under her
municipality, so the response rate and the figures do not change after the fact."""

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from api.core.settings import Settings
from api.surveys import repository


def clear_old_texts(session: Session, settings: Settings, now: datetime) -> int:
    """The daily job: open answers last saved before the retention period lose their text."""
    cutoff = now - timedelta(days=settings.satisfaction_comment_retention_days)
    return repository.clear_texts_answered_before(session, cutoff)


def erase_person(session: Session, email: str) -> tuple[int, int]:
    """For the erasure of a person (api/questions/privacy.py): returns the invitations unlinked
    and the open answers cleared."""
    unlinked = cleared = 0
    for user in repository.users_by_email(session, email):
        done = repository.forget_user(session, user.id)
        unlinked += done[0]
        cleared += done[1]
    return unlinked, cleared
