"""From proposals to their public shapes; who proposed only for the programme team."""

from api.core.security import Principal
from api.proposals.models import Proposal, ProposalEvent
from api.proposals.schemas import (
    ProductRef,
    ProposalRead,
    ProposalStep,
    ProposalSummary,
    Proposer,
)
from api.proposals.service import Lookups


def _proposer(principal: Principal, proposal: Proposal, lookups: Lookups) -> Proposer | None:
    if not principal.is_programme_team:
        return None
    if proposal.proposer_user_id is not None:
        name, email = lookups.contacts.get(proposal.proposer_user_id, (None, None))
        return Proposer(naam=name, email=email, account=True)
    return Proposer(naam=proposal.proposer_name, email=proposal.proposer_email, account=False)


def summary(principal: Principal, proposal: Proposal, lookups: Lookups) -> ProposalSummary:
    product = lookups.products.get(proposal.product_id)
    adopted = proposal.adopted_into_version_id
    return ProposalSummary(
        id=proposal.id,
        product=ProductRef(id=proposal.product_id, titel=product.title if product else ""),
        versie=lookups.versions.get(proposal.version_id, 0),
        tekst=proposal.text,
        status=proposal.status,
        overgenomen_in=lookups.versions.get(adopted) if adopted else None,
        reden=proposal.reason,
        indiener=_proposer(principal, proposal, lookups),
        ontvangen_op=proposal.created_at,
        besloten_op=proposal.decided_at,
        verwerkt_op=proposal.processed_at,
    )


def detail(
    principal: Principal, proposal: Proposal, steps: list[ProposalEvent], lookups: Lookups
) -> ProposalRead:
    return ProposalRead(
        **summary(principal, proposal, lookups).model_dump(),
        geschiedenis=[
            ProposalStep(
                van=s.from_status,
                naar=s.to_status,
                op=s.at,
                door=lookups.people.get(s.actor_id) if s.actor_id is not None else None,
                tekst=s.text,
            )
            for s in steps
        ],
    )
