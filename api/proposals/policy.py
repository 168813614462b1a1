"""Who sees and does what with improvement proposals: the one place for the access rules.

Anyone may propose, signed in or not. The programme team (the product's owner among them: an
owner is always an editor) decides and sees who proposed; a person sees her own proposals and
their steps, without who in the team took them. Machine clients have no business here."""

from api.core.errors import ForbiddenError, NotFoundError, UnauthenticatedError
from api.core.security import Principal, require_programme_team
from api.proposals.models import Proposal


def require_team(principal: Principal, action: str = "Verbetervoorstellen behandelen") -> None:
    require_programme_team(principal, action)


def require_not_client(principal: Principal) -> None:
    if principal.kind == "client":
        raise ForbiddenError("Een verbetervoorstel doen mensen, geen koppelingen.")


def require_person(principal: Principal) -> int:
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if principal.user_id is None:
        raise ForbiddenError("Alleen voor personen, niet voor koppelingen.")
    return principal.user_id


def not_found(proposal_id: int) -> NotFoundError:
    return NotFoundError(f"Verbetervoorstel {proposal_id} bestaat niet.")


def is_own(principal: Principal, proposal: Proposal) -> bool:
    return principal.user_id is not None and proposal.proposer_user_id == principal.user_id


def ensure_can_read(principal: Principal, proposal: Proposal) -> None:
    """Someone else's proposal is answered like a missing one."""
    require_person(principal)
    if not (principal.is_programme_team or is_own(principal, proposal)):
        raise not_found(proposal.id)
