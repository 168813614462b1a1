"""The version key the public figures follow: their ETags and cached copies change with it."""

from datetime import date

from api.core import clock, data_versions
from api.core.data_versions import Reader


def progress(reader: Reader) -> str:
    """What every figure depends on in the database: states, roadmaps, measures, waves,
    municipalities; the counters of core/data_versions.py, read in one query."""
    return data_versions.key(reader, data_versions.REFERENCE, data_versions.PROGRESS)


def figures(reader: Reader, today: date) -> str:
    """The figures change with the database and with the day (deadlines are counted from
    today), so both are in the key."""
    return f"{progress(reader)}|{today}"


def figures_now(reader: Reader) -> str:
    """The figures' key as of now: how a kept answer's key is read again (core/kept.py)."""
    return figures(reader, clock.today())
