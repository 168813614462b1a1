"""Every query of the editions: the editors' list, one edition, the last one sent, and the
public archive (sent editions only)."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.core.pagination import PageParams
from api.newsletters.models import Edition, EditionStatus

_NEWEST_FIRST = (Edition.created_at.desc(), Edition.id.desc())
_NEWEST_SENT_FIRST = (Edition.sent_at.desc(), Edition.id.desc())


def get(session: Session, edition_id: int, *, for_update: bool = False) -> Edition | None:
    query = select(Edition).where(Edition.id == edition_id)
    if for_update:
        # Two editors saving at once: the second waits and then sees the first one's version.
        query = query.with_for_update()
    return session.scalars(query).first()


def page(session: Session, params: PageParams) -> tuple[list[Edition], int]:
    total = session.scalar(select(func.count()).select_from(Edition)) or 0
    rows = session.scalars(
        select(Edition).order_by(*_NEWEST_FIRST).offset(params.offset).limit(params.size)
    )
    return list(rows), total


def last_sent_at(session: Session) -> datetime | None:
    return session.scalar(
        select(func.max(Edition.sent_at)).where(Edition.status == EditionStatus.SENT)
    )


def sent_page(session: Session, params: PageParams) -> tuple[list[Edition], int]:
    sent = Edition.status == EditionStatus.SENT
    total = session.scalar(select(func.count()).select_from(Edition).where(sent)) or 0
    rows = session.scalars(
        select(Edition).where(sent).order_by(*_NEWEST_SENT_FIRST)
        .offset(params.offset).limit(params.size)
    )  # fmt: skip
    return list(rows), total


def sent(session: Session, edition_id: int) -> Edition | None:
    return session.scalars(
        select(Edition).where(Edition.id == edition_id, Edition.status == EditionStatus.SENT)
    ).first()


def newest_sent(session: Session, limit: int) -> list[Edition]:
    return list(
        session.scalars(
            select(Edition)
            .where(Edition.status == EditionStatus.SENT)
            .order_by(*_NEWEST_SENT_FIRST)
            .limit(limit)
        )
    )


def add(session: Session, edition: Edition) -> Edition:
    session.add(edition)
    session.flush()
    return edition
