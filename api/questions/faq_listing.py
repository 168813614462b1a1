"""The version key of the FAQ lists, for their ETags and Last-Modified."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from api.core import data_versions
from api.core.data_versions import Reader
from api.core.security import ANONYMOUS, Principal
from api.questions import repository


@dataclass(frozen=True)
class ListVersion:
    key: str
    last_modified: datetime | None


def list_key(reader: Reader, principal: Principal) -> str:
    """Changes with every write to an entry, its texts or its measures, and with the measures'
    titles it shows (reference data); the team sees entries the public does not. Counters
    only, so a round of core/kept.py reads it with the others in one query."""
    counters = data_versions.key(reader, data_versions.FAQ, data_versions.REFERENCE)
    return f"{counters}|{principal.is_programme_team}"


def list_version(session: Session, principal: Principal) -> ListVersion:
    """The list's key and, for the route that builds it, when it last changed."""
    return ListVersion(list_key(session, principal), repository.faq_changed(session))


def public_list_key(reader: Reader) -> str:
    """The public list's key, read again before routing (core/kept.py)."""
    return list_key(reader, ANONYMOUS)
