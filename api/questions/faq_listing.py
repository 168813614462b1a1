"""The version key of the FAQ lists, for their ETags and Last-Modified."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from api.core.security import Principal
from api.questions import repository


@dataclass(frozen=True)
class ListVersion:
    key: str
    last_modified: datetime | None


def list_version(session: Session, principal: Principal) -> ListVersion:
    """Changes whenever any entry changes; the team sees entries the public does not."""
    count, latest = repository.faq_version_key(session)
    return ListVersion(f"{count}|{latest}|{principal.is_programme_team}", latest)
