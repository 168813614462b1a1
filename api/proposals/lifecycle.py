"""The life of an improvement proposal: nieuw → overgenomen (into the product's next version:
the draft in the works, or one started for it) or afgewezen (with a reason); overgenomen →
verwerkt when that version is published, never by hand. Illegal moves are a 409 and change
nothing; every step is kept in the history and the audit log, and the proposer hears of it."""

from typing import Any

from sqlalchemy.orm import Session

from api.core import clock, events
from api.core.errors import ConflictError
from api.core.requests import RequestContext
from api.core.security import Principal
from api.core.settings import Settings, get_settings
from api.core.validation import InvalidParams
from api.products import feedback
from api.proposals import history, mails, repository
from api.proposals.models import Proposal, ProposalStatus

S = ProposalStatus
BY_HAND: dict[ProposalStatus, frozenset[ProposalStatus]] = {
    S.NEW: frozenset({S.ADOPTED, S.REJECTED}),
    S.ADOPTED: frozenset(),
    S.REJECTED: frozenset(),
    S.PROCESSED: frozenset(),
}


def _allowed(proposal: Proposal, target: ProposalStatus) -> None:
    if target not in BY_HAND[proposal.status]:
        raise ConflictError(
            f"Een verbetervoorstel met status '{proposal.status.value}' kan niet naar "
            f"'{target.value}'.",
            extra={"huidigeStatus": proposal.status.value},
        )


def _title(session: Session, proposal: Proposal) -> str:
    found = repository.products(session, {proposal.product_id}).get(proposal.product_id)
    return found.title if found else f"product {proposal.product_id}"


def adopt(
    session: Session,
    settings: Settings,
    ctx: RequestContext | None,
    principal: Principal,
    proposal: Proposal,
    note: str | None,
) -> Proposal:
    _allowed(proposal, S.ADOPTED)
    draft = feedback.next_version(
        session,
        settings,
        principal,
        proposal.product_id,
        f"Verbetervoorstel {proposal.id} verwerken.",
    )
    before = proposal.status
    proposal.status = S.ADOPTED
    proposal.adopted_into_version_id = draft.id
    proposal.decided_by, proposal.decided_at = principal.user_id, clock.now()
    text = f"Komt in versie {draft.number}." + (f" {note}" if note else "")
    history.record(session, ctx, proposal, before, principal.subject, principal.user_id, text)
    title = _title(session, proposal)
    history.hand_over(session, proposal, title, draft.number, principal.user_id)
    mails.tell_visitor(session, settings, proposal, title, draft.number)
    return proposal


def reject(
    session: Session,
    settings: Settings,
    ctx: RequestContext | None,
    principal: Principal,
    proposal: Proposal,
    reason: str | None,
) -> Proposal:
    _allowed(proposal, S.REJECTED)
    reason = (reason or "").strip()
    if not reason:
        invalid = InvalidParams()
        invalid.add("reden", "required", "Waarom neemt u het voorstel niet over?", "body")
        invalid.raise_if_any()
    before = proposal.status
    proposal.status = S.REJECTED
    proposal.reason = reason
    proposal.decided_by, proposal.decided_at = principal.user_id, clock.now()
    history.record(session, ctx, proposal, before, principal.subject, principal.user_id, reason)
    title = _title(session, proposal)
    history.hand_over(session, proposal, title, None, principal.user_id)
    mails.tell_visitor(session, settings, proposal, title, None)
    return proposal


def processed_on_publish(session: Session, payload: dict[str, Any]) -> None:
    """The products' hand-over on publication: what was adopted into it is now processed."""
    actor = payload.get("actor")
    for proposal in repository.adopted_into(session, payload["product"], payload["version"]):
        before = proposal.status
        proposal.status = S.PROCESSED
        proposal.processed_at = clock.now()
        history.record(
            session,
            None,
            proposal,
            before,
            f"user:{actor}" if actor else "system",
            actor,
            f"Gepubliceerd in versie {payload['version']}.",
        )
        history.hand_over(session, proposal, payload["title"], payload["version"], actor)
        # The hand-over carries no settings; the process's own say where mail goes.
        mails.tell_visitor(session, get_settings(), proposal, payload["title"], payload["version"])


def register() -> None:
    events.subscribe(events.PRODUCT_PUBLISHED, processed_on_publish)
