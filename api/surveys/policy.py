"""Who does what with the survey: the programme team (editors and admins) sets the questions,
sends the rounds and reads the results; a municipal contact answers her own invitation. Nobody
else (partners, experts, machine clients, the public) sees anything of it."""

from api.core.errors import ForbiddenError, UnauthenticatedError
from api.core.security import Principal, Role, require_programme_team


def require_team(principal: Principal, action: str = "De peiling beheren") -> None:
    require_programme_team(principal, action)


def require_contact(principal: Principal) -> int:
    """The contact's user id."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if principal.kind != "user" or Role.MUNICIPAL_CONTACT not in principal.roles:
        raise ForbiddenError("De peiling is voor gemeentelijke contactpersonen.")
    if principal.user_id is None:
        raise UnauthenticatedError
    return principal.user_id
