"""Who may read and change a municipality's progress: the one place for these rules."""

from api.core.errors import ForbiddenError, NotFoundError, UnauthenticatedError
from api.core.security import Principal, Scope
from api.progress.models import Source


def _not_yours(code: str) -> NotFoundError:
    # The same answer as for a municipality that does not exist: nothing leaks.
    return NotFoundError(f"Geen voortgang gevonden voor gemeente {code}.")


def ensure_person_can_read(principal: Principal, code: str) -> None:
    """The programme team, or a person acting for this municipality; no machine client."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if principal.is_programme_team:
        return
    if principal.kind == "user" and principal.may_act_for(code):
        return
    raise _not_yours(code)


def ensure_can_read(principal: Principal, code: str) -> None:
    """As `ensure_person_can_read`, and a client with a progress scope for this municipality."""
    if (
        principal.kind == "client"
        and principal.may_act_for(code)
        and (principal.has_scope(Scope.PROGRESS_READ) or principal.has_scope(Scope.PROGRESS_WRITE))
    ):
        return
    ensure_person_can_read(principal, code)


def source_of_write(principal: Principal, code: str) -> Source:
    """Checks the right to change this municipality's progress; returns who is reporting."""
    ensure_can_read(principal, code)
    if principal.kind == "client":
        if not principal.has_scope(Scope.PROGRESS_WRITE):
            raise ForbiddenError("Deze koppeling mag voortgang lezen, niet wijzigen.")
        return Source.SCRIPT
    return Source.PROGRAMME if principal.is_programme_team else Source.PERSON


def ensure_may_write_some(principal: Principal) -> None:
    """Whether the principal may change any municipality's progress at all. Checked before a
    file or a large body is read, so a caller without the right costs nothing to refuse; the
    right per municipality is checked per row (source_of_write)."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if principal.is_programme_team:
        return
    if principal.kind == "client" and not principal.has_scope(Scope.PROGRESS_WRITE):
        raise ForbiddenError("Deze koppeling mag geen voortgang wijzigen.")
    if not principal.municipalities:
        raise ForbiddenError("U mag van geen enkele gemeente de voortgang doorgeven.")


def ensure_programme_team(principal: Principal) -> None:
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if not principal.is_programme_team:
        raise ForbiddenError("Alleen voor het programmateam.")


def may_write(principal: Principal, code: str) -> bool:
    try:
        source_of_write(principal, code)
    except (UnauthenticatedError, NotFoundError, ForbiddenError):
        return False
    return True


def can_read(principal: Principal, code: str) -> bool:
    try:
        ensure_can_read(principal, code)
    except (UnauthenticatedError, NotFoundError):
        return False
    return True
