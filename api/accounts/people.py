"""Who is who, for other domains: the people a notification goes to. Only active people."""

from collections.abc import Iterable

from sqlalchemy.orm import Session

from api.accounts import repository
from api.accounts.models import User
from api.core.security import Role


def active_people(session: Session, ids: Iterable[int | None]) -> list[User]:
    wanted = frozenset(i for i in ids if i is not None)
    if not wanted:
        return []
    return repository.all_users(session, repository.UserFilter(active=True, ids=wanted))


def active_with_role(
    session: Session, role: Role, *, organisation: str | None = None
) -> list[User]:
    criteria = repository.UserFilter(role=role, active=True, organisation=organisation)
    return repository.all_users(session, criteria)
