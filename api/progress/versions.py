"""The version key the public figures follow: their ETags and cached copies change with it."""

from datetime import date

from sqlalchemy.orm import Session

from api.progress import repository


def progress(session: Session) -> str:
    """What every figure depends on in the database: states, roadmaps, measures, waves."""
    return repository.progress_version(session)


def figures(session: Session, today: date) -> str:
    """The figures change with the database and with the day (deadlines are counted from
    today), so both are in the key."""
    return f"{progress(session)}|{today}"
