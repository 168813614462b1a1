"""Who is who: the people a notification goes to (for other domains), and the directory in
which the team picks a reviewer or a colleague. Only active people; the directory shows no
more than name, organisation, municipalities and roles (no e-mail addresses)."""

from collections.abc import Iterable

from sqlalchemy.orm import Session

from api.accounts import repository
from api.accounts.models import User
from api.core.errors import ForbiddenError, UnauthenticatedError
from api.core.pagination import PageParams
from api.core.security import Principal, Role


def active_people(session: Session, ids: Iterable[int | None]) -> list[User]:
    wanted = frozenset(i for i in ids if i is not None)
    if not wanted:
        return []
    return repository.all_users(session, repository.UserFilter(active=True, ids=wanted))


def contacts_by_municipality(session: Session) -> dict[str, list[User]]:
    """Every active municipal contact, under each municipality she speaks for."""
    found: dict[str, list[User]] = {}
    for person in active_with_role(session, Role.MUNICIPAL_CONTACT):
        for municipality in person.municipalities:
            found.setdefault(municipality.code, []).append(person)
    return found


def active_with_role(
    session: Session, role: Role, *, organisation: str | None = None
) -> list[User]:
    criteria = repository.UserFilter(role=role, active=True, organisation=organisation)
    return repository.all_users(session, criteria)


# Whom each role may look up: editors and admins pick reviewers among the municipal contacts,
# colleagues among the team, and see the experts questions can be put to. Everyone else
# finds nobody here: a municipal contact or an expert has no business listing people.
DIRECTORY: dict[Role, frozenset[Role]] = {
    Role.EDITOR: frozenset({Role.MUNICIPAL_CONTACT, Role.EDITOR, Role.ADMIN, Role.EXPERT}),
    Role.ADMIN: frozenset({Role.MUNICIPAL_CONTACT, Role.EDITOR, Role.ADMIN, Role.EXPERT}),
}


def directory(
    session: Session,
    principal: Principal,
    role: Role,
    text: str | None,
    municipality: str | None,
    page: PageParams,
) -> tuple[list[User], int]:
    if not principal.is_authenticated:
        raise UnauthenticatedError
    visible = frozenset().union(*(DIRECTORY.get(r, frozenset()) for r in principal.roles))
    if principal.kind != "user" or role not in visible:
        raise ForbiddenError("Deze personen kunt u met uw rollen niet opzoeken.")
    criteria = repository.UserFilter(
        role=role, municipality=municipality, active=True, text=text, email=False
    )
    found = repository.list_users(session, criteria, page.offset, page.size)
    return found, repository.count_users(session, criteria)
