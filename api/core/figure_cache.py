"""Figures that are costly to compute and rarely change, cached in the database so every worker
shares them (the app keeps no state of its own). An entry is valid for one version key: what
the figure depends on. Caching is best effort: when storing fails (two workers at once, a busy
SQLite file) the figure is simply computed again next time."""

import hashlib
import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import String, Text, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, Session, mapped_column

from api.core.orm import Base, UTCDateTime, utcnow

logger = logging.getLogger("spoorboek.cache")


class CachedFigure(Base):
    __tablename__ = "cached_figures"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    version: Mapped[str] = mapped_column(String(64))
    """SHA-256 of the version key."""
    body: Mapped[str] = mapped_column(Text)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


_PREFETCHED = "figure_cache.prefetched"


def prefetch(session: Session, keys: list[str]) -> None:
    """Loads these entries in one query; `valid` then finds them in the session. The session
    holds what it loaded only weakly: unless something else holds the rows, they are gone again
    before `valid` asks, which then read them one query each (two dozen for a cold trend). So
    the session keeps them in its `info` for as long as it lives (a request), one per key: a
    long session that prefetches the same entries again holds each once."""
    rows = session.scalars(select(CachedFigure).where(CachedFigure.key.in_(keys)))
    session.info.setdefault(_PREFETCHED, {}).update((row.key, row) for row in rows)


def _digest(version_key: str) -> str:
    return hashlib.sha256(version_key.encode()).hexdigest()


def valid(session: Session, key: str, version_key: str) -> str | None:
    """The entry's body if it was computed for this version key."""
    row = session.get(CachedFigure, key)
    return row.body if row is not None and row.version == _digest(version_key) else None


def store(session: Session, key: str, version_key: str, body: str) -> None:
    """Keeps a figure computed for this version key; best effort (see above)."""
    row = session.get(CachedFigure, key)
    try:
        with session.begin_nested():
            if row is None:
                session.add(CachedFigure(key=key, version=_digest(version_key), body=body))
            else:
                row.version = _digest(version_key)
                row.body = body
    except SQLAlchemyError as exc:
        logger.info("figure not cached", extra={"key": key, "error": type(exc).__name__})


def cached(session: Session, key: str, version_key: str, compute: Callable[[], str]) -> str:
    found = valid(session, key, version_key)
    if found is not None:
        return found
    body = compute()
    store(session, key, version_key, body)
    return body
