"""Who sees and does what with signals: the one place for the access rules.

The programme team (editors and admins) keeps the register: every signal, its evidence, its
lifecycle. A municipal contact reports signals for her municipality, says "this applies to us
too" on a public one, and sees the signals her municipalities reported or back. An expert of a
partner organisation may report one. The public sees only signals marked public, without who
reported them. Machine clients have no business here."""

from api.core.errors import ForbiddenError, NotFoundError, UnauthenticatedError
from api.core.security import Principal, Role, require_programme_team
from api.signals.models import Signal


def require_team(principal: Principal, action: str = "Het knelpuntenregister bijhouden") -> None:
    require_programme_team(principal, action)


def require_person(principal: Principal) -> None:
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if principal.kind != "user":
        raise ForbiddenError("Signalen melden en volgen doen mensen, geen koppelingen.")


def is_contact(principal: Principal) -> bool:
    return principal.kind == "user" and Role.MUNICIPAL_CONTACT in principal.roles


def require_reporter(principal: Principal) -> None:
    require_person(principal)
    if principal.is_programme_team or is_contact(principal) or Role.EXPERT in principal.roles:
        return
    raise ForbiddenError("Een signaal melden kan een gemeente, een expert of de redactie.")


def require_contact(principal: Principal) -> None:
    require_person(principal)
    if not is_contact(principal):
        raise ForbiddenError("Dit kan alleen een gemeentelijke contactpersoon.")


def not_found(signal_id: int) -> NotFoundError:
    return NotFoundError(f"Signaal {signal_id} bestaat niet.")


def may_read(principal: Principal, signal: Signal, backing: set[str]) -> bool:
    """`backing`: the municipalities that reported or back the signal."""
    if principal.is_programme_team or signal.is_public:
        return True
    if is_contact(principal) and principal.municipalities & backing:
        return True
    return principal.kind == "user" and signal.reported_by == principal.user_id


def ensure_can_read(principal: Principal, signal: Signal, backing: set[str]) -> None:
    """A signal someone may not see is answered like a missing one."""
    if not may_read(principal, signal, backing):
        raise not_found(signal.id)
