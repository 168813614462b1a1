"""Who may read and change what of ICT readiness: the one place for these rules.

- The programme team (editors, admins) does everything: suppliers' consent, applications, any
  municipality's applications, the measures' software flag, any readiness.
- A municipal contact reads applications and readiness, and names the applications of her own
  municipalities; another municipality's answers as if it did not exist.
- A supplier's client (kind `leverancier`, scope `gereedheid:schrijven`) sees and reports the
  readiness of its own organisation's applications only.
- Other machine clients have no business here."""

from api.core.errors import ForbiddenError, NotFoundError, UnauthenticatedError
from api.core.security import ClientKind, Principal, Scope, require_programme_team
from api.ict.models import ChangeSource


def require_team(principal: Principal, action: str = "Dit") -> None:
    require_programme_team(principal, action)


def supplier_of(principal: Principal) -> str | None:
    """The organisation a supplier's client is bound to; None for anyone else."""
    if (
        principal.kind == "client"
        and principal.client_kind == ClientKind.SUPPLIER
        and principal.has_scope(Scope.READINESS_WRITE)
    ):
        return principal.organisation_code
    return None


def ensure_can_read_catalogue(principal: Principal) -> None:
    """Applications and their readiness: every signed-in person, and a supplier's client (which
    sees its own applications only, see `visible_supplier`)."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if principal.kind == "user" or supplier_of(principal) is not None:
        return
    raise ForbiddenError("Deze koppeling heeft geen toegang tot de ICT-gereedheid.")


def visible_supplier(principal: Principal, asked: str | None) -> str | None:
    """The supplier a list is limited to: what was asked for, or a supplier client's own."""
    ensure_can_read_catalogue(principal)
    own = supplier_of(principal)
    if own is not None:
        if asked not in (None, own):
            raise ForbiddenError("Een leverancier ziet alleen de eigen applicaties.")
        return own
    return asked


def ensure_can_see_application(principal: Principal, supplier_code: str) -> None:
    ensure_can_read_catalogue(principal)
    own = supplier_of(principal)
    if own is not None and own != supplier_code:
        raise ForbiddenError("Een leverancier ziet alleen de eigen applicaties.")


def source_of_readiness(principal: Principal, supplier_code: str) -> ChangeSource:
    """Checks the right to report this supplier's readiness; returns who is reporting."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    own = supplier_of(principal)
    if own is not None:
        if own != supplier_code:
            raise ForbiddenError(
                "Een leverancier meldt alleen de gereedheid van eigen applicaties."
            )
        return ChangeSource.SUPPLIER
    require_team(principal, "Gereedheid doorgeven")
    return ChangeSource.TEAM


def _not_yours(code: str) -> NotFoundError:
    # The same answer as for a municipality that does not exist: nothing leaks.
    return NotFoundError(f"Geen applicaties gevonden voor gemeente {code}.")


def ensure_can_read_municipality(principal: Principal, code: str) -> None:
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if principal.is_programme_team:
        return
    if principal.kind == "user" and principal.may_act_for(code):
        return
    raise _not_yours(code)


def source_of_usage(principal: Principal, code: str) -> ChangeSource:
    """Checks the right to name this municipality's applications; returns who is naming them."""
    ensure_can_read_municipality(principal, code)
    return ChangeSource.TEAM if principal.is_programme_team else ChangeSource.MUNICIPALITY


def ensure_team_view(principal: Principal) -> None:
    require_team(principal, "Dit overzicht")


def ensure_can_read_supplier(principal: Principal, code: str) -> None:
    """A supplier's overview: the team, or that supplier's own client."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    own = supplier_of(principal)
    if own is not None:
        if own != code:
            raise ForbiddenError("Een leverancier ziet alleen het eigen overzicht.")
        return
    require_team(principal, "Het overzicht van een leverancier")
