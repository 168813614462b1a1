"""Who sees and does what with signals: the one place for the access rules.

The programme team (editors and admins) keeps the register: every signal, its evidence, its
lifecycle. A municipal contact reports signals for her municipality, says "this applies to us
too" on a public one, and sees the signals her municipalities reported or back. An expert of a
partner organisation may report one. The public sees only signals marked public, without who
reported them. Machine clients have no business here."""

from api.core.errors import ForbiddenError, NotFoundError, UnauthenticatedError
from api.core.security import Principal, Role, require_programme_team
from api.core.validation import InvalidParams
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


def acting_for(principal: Principal, municipality: str | None, *, asked: str, refused: str) -> str:
    """The municipality a contact acts for here: the one she named, or her only one. `asked`
    is the question when she has several and named none, `refused` the answer when she named
    one she does not act for."""
    if municipality is None:
        if len(principal.municipalities) != 1:
            invalid = InvalidParams()
            invalid.add("gemeente", "required", asked, "body")
            invalid.raise_if_any()
        municipality = next(iter(principal.municipalities))
    if not principal.may_act_for(municipality):
        raise ForbiddenError(refused)
    return municipality


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
