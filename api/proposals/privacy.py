"""A proposer's rights (AVG articles 15 and 17): which proposals she left with her name and
address or from her account, and erasure of those. The proposal's text stays, about the product
and never shown beyond the team and herself; who sent it goes."""

from sqlalchemy.orm import Session

from api.audit import service as audit
from api.core.errors import ForbiddenError
from api.core.requests import RequestContext
from api.core.security import Principal
from api.mail import service as mail
from api.proposals import repository
from api.proposals.models import Proposal
from api.proposals.policy import require_person, require_team


def export_for(session: Session, principal: Principal, email: str | None) -> list[Proposal]:
    """The team may look up anyone's; a person only her own."""
    user_id = require_person(principal)
    own = repository.user_contacts(session, {user_id}).get(user_id, ("", ""))[1]
    if not principal.is_programme_team and email and email.casefold() != own.casefold():
        raise ForbiddenError("U kunt alleen uw eigen gegevens opvragen.")
    return repository.of_person(session, email or own)


def erase_person(session: Session, email: str) -> list[int]:
    """Empties who sent her proposals; also part of an asker's erasure (questions/privacy.py).
    Returns the proposals' numbers."""
    found = repository.of_person(session, email)
    for proposal in found:
        proposal.proposer_name = proposal.proposer_email = None
        proposal.proposer_user_id = None
    session.flush()
    return [p.id for p in found]


def erase(session: Session, ctx: RequestContext, principal: Principal, email: str) -> int:
    require_team(principal, "Gegevens wissen")
    found = erase_person(session, email)
    mail.forget_recipient(session, email)
    # The audit log names no one: the address is what was erased.
    audit.record(
        session,
        ctx,
        "verbetervoorstellen.persoonsgegevens-gewist",
        actor=principal.subject,
        details={"verbetervoorstellen": found},
    )
    return len(found)
