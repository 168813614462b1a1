"""Queries of this domain: the contacts' choices, and the digests they got."""

from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from api.digests.models import Digest, DigestFrequency, DigestPreference


def preference(session: Session, user_id: int) -> DigestPreference | None:
    return session.get(DigestPreference, user_id)


def lock_preference(session: Session, user_id: int) -> DigestPreference | None:
    """Her choice, read afresh and locked until the commit (PostgreSQL; SQLite has one writer
    at a time); None when another run holds it, or she has none."""
    return session.scalars(
        select(DigestPreference)
        .where(DigestPreference.user_id == user_id)
        .with_for_update(skip_locked=True)
        .execution_options(populate_existing=True)
    ).one_or_none()


def due_user_ids(
    session: Session, frequency: DigestFrequency, period: str, chosen_before: datetime
) -> list[int]:
    """Who chose `frequency` before the period began and has no digest of it yet, in id
    order."""
    had_it = exists().where(Digest.user_id == DigestPreference.user_id, Digest.period == period)
    return list(
        session.scalars(
            select(DigestPreference.user_id)
            .where(
                DigestPreference.frequency == frequency,
                DigestPreference.chosen_at < chosen_before,
                ~had_it,
            )
            .order_by(DigestPreference.user_id)
        )
    )


def has_digest(session: Session, user_id: int, period: str) -> bool:
    query = select(exists().where(Digest.user_id == user_id, Digest.period == period))
    return bool(session.scalar(query))


def latest_digest(session: Session, user_id: int) -> Digest | None:
    return session.scalars(
        select(Digest)
        .where(Digest.user_id == user_id)
        .order_by(Digest.made_at.desc(), Digest.id.desc())
        .limit(1)
    ).one_or_none()


def by_link_hash(session: Session, token_hash: str) -> Digest | None:
    return session.scalars(select(Digest).where(Digest.link_token_hash == token_hash)).one_or_none()


def digests_of(session: Session, user_id: int) -> list[Digest]:
    return list(
        session.scalars(select(Digest).where(Digest.user_id == user_id).order_by(Digest.id))
    )
