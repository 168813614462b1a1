"""The version key of the FAQ lists, for their ETags and Last-Modified."""

from dataclasses import dataclass
from datetime import datetime

from api.core.data_versions import Reader
from api.core.security import ANONYMOUS, Principal
from api.questions import repository


@dataclass(frozen=True)
class ListVersion:
    key: str
    last_modified: datetime | None


def list_version(reader: Reader, principal: Principal) -> ListVersion:
    """Changes whenever any entry changes; the team sees entries the public does not."""
    count, latest = repository.faq_version_key(reader)
    return ListVersion(f"{count}|{latest}|{principal.is_programme_team}", latest)


def public_list_key(reader: Reader) -> str:
    """The public list's key, read again before routing (core/kept.py)."""
    return list_version(reader, ANONYMOUS).key
