"""Queries of the votes."""

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.satisfaction.models import ProductVote


def vote_of(
    session: Session, version_id: int, voter_key: str, *, for_update: bool = False
) -> ProductVote | None:
    query = select(ProductVote).where(
        ProductVote.version_id == version_id, ProductVote.voter_key == voter_key
    )
    return session.scalars(query.with_for_update() if for_update else query).first()


def counts(session: Session, version_id: int) -> tuple[int, int]:
    """Yes and no votes on one version."""
    yes, total = session.execute(
        select(
            func.coalesce(func.sum(case((ProductVote.useful, 1), else_=0)), 0),
            func.count(ProductVote.id),
        ).where(ProductVote.version_id == version_id)
    ).one()
    return int(yes), int(total) - int(yes)


def add(session: Session, vote: ProductVote) -> bool:
    """False when the same voter's vote on the version came in first, in a parallel request."""
    try:
        with session.begin_nested():
            session.add(vote)
            session.flush()
    except IntegrityError:
        return False
    return True
