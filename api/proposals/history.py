"""A proposal's steps: appended to its history and the audit log, its version (the ETag)
raised, and handed over to whoever must hear of it."""

from typing import Any

from sqlalchemy.orm import Session

from api.audit import service as audit
from api.core import clock, events
from api.core.requests import RequestContext
from api.proposals.models import Proposal, ProposalEvent, ProposalStatus


def record(
    session: Session,
    ctx: RequestContext | None,
    proposal: Proposal,
    before: ProposalStatus | None,
    actor: str,
    actor_id: int | None,
    text: str | None = None,
) -> None:
    now = clock.now()
    session.add(
        ProposalEvent(
            proposal_id=proposal.id,
            at=now,
            actor_id=actor_id,
            from_status=before,
            to_status=proposal.status,
            text=text,
        )
    )
    proposal.version += 1
    proposal.updated_at = now
    details: dict[str, Any] = {"naar": proposal.status.value}
    if before is not None:
        details["van"] = before.value
    audit.record(
        session,
        ctx,
        "verbetervoorstel.ontvangen" if before is None else "verbetervoorstel.status",
        actor=actor,
        subject=f"verbetervoorstel:{proposal.id}",
        details=details,
    )


def hand_over(
    session: Session, proposal: Proposal, title: str, version: int | None, actor_id: int | None
) -> None:
    """The proposer hears of the step (an account by notification; an address by mail, which
    api/proposals/mails.py sends)."""
    events.publish(
        session,
        events.PROPOSAL_DECIDED,
        {
            "proposal": proposal.id,
            "product": proposal.product_id,
            "title": title,
            "status": proposal.status.value,
            "reason": proposal.reason,
            "version": version,
            "proposer": proposal.proposer_user_id,
            "actor": actor_id,
        },
    )
