"""The version key the public figures follow: their ETags and cached copies change with it."""

from datetime import date

from sqlalchemy.orm import Session

from api.core import data_versions


def progress(session: Session) -> str:
    """What every figure depends on in the database: states, roadmaps, measures, waves,
    municipalities; the counters of core/data_versions.py, read in one query."""
    return data_versions.key(session, data_versions.REFERENCE, data_versions.PROGRESS)


def figures(session: Session, today: date) -> str:
    """The figures change with the database and with the day (deadlines are counted from
    today), so both are in the key."""
    return f"{progress(session)}|{today}"
