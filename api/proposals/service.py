"""Sending and reading improvement proposals; the steps are in api/proposals/lifecycle.py."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.accounts import throttling
from api.core import events
from api.core.conditional import check_version
from api.core.errors import ConflictError, TooManyRequestsError
from api.core.pagination import PageParams
from api.core.requests import RequestContext
from api.core.security import Principal
from api.core.settings import Settings
from api.core.validation import InvalidParams
from api.products import feedback
from api.proposals import history, repository
from api.proposals.models import Proposal, ProposalEvent, ProposalStatus
from api.proposals.policy import (
    ensure_can_read,
    not_found,
    require_not_client,
    require_person,
    require_team,
)
from api.proposals.repository import ProposalFilter

PER_ADDRESS_SHARE = 6
"""One address may send a sixth as many proposals as it may cast votes in a quarter hour."""


@dataclass(frozen=True)
class Submission:
    text: str
    name: str | None = None
    email: str | None = None
    seen_version: int | None = None


def _throttle(session: Session, settings: Settings, ctx: RequestContext) -> None:
    limit = throttling.Limit(
        throttling.account_key("verbetervoorstellen", ctx.address),
        max(settings.product_votes_per_address // PER_ADDRESS_SHARE, 1),
    )
    try:
        throttling.reserve(session, settings, [limit])
    except TooManyRequestsError as refused:
        wait = int((refused.headers or {}).get("Retry-After", "60"))
        raise TooManyRequestsError(
            f"Te veel verbetervoorstellen vanaf dit adres. Probeer het over {wait} seconden "
            "opnieuw.",
            wait,
        ) from refused
    throttling.settle(session, settings, [limit], throttling.Outcome.FAILED)


def _checked(principal: Principal, submission: Submission) -> Submission:
    invalid = InvalidParams()
    text = submission.text.strip()
    if len(text) < 10:
        invalid.add("tekst", "too_short", "Beschrijf uw voorstel in minstens 10 tekens.", "body")
    name = (submission.name or "").strip() or None
    email = (submission.email or "").strip() or None
    if principal.user_id is not None:
        # An account is known already; its name and address come from the account.
        for field, value in (("naam", name), ("email", email)):
            if value is not None:
                invalid.add(field, "not_allowed", "U bent ingelogd; laat dit weg.", "body")
    invalid.raise_if_any()
    return Submission(text, name, email, submission.seen_version)


def submit(
    session: Session,
    settings: Settings,
    ctx: RequestContext,
    principal: Principal,
    product_id: int,
    submission: Submission,
) -> Proposal:
    require_not_client(principal)
    shown = feedback.shown_version(session, product_id)
    submission = _checked(principal, submission)
    if submission.seen_version is not None and submission.seen_version != shown.number:
        raise ConflictError(
            f"Er is intussen versie {shown.number} gepubliceerd; bekijk die eerst.",
            extra={"versie": shown.number},
        )
    _throttle(session, settings, ctx)
    municipalities = sorted(principal.municipalities) if principal.kind == "user" else []
    proposal = Proposal(
        product_id=shown.product_id,
        version_id=shown.version_id,
        text=submission.text,
        status=ProposalStatus.NEW,
        proposer_user_id=principal.user_id,
        proposer_name=submission.name,
        proposer_email=submission.email,
        municipality_code=municipalities[0] if len(municipalities) == 1 else None,
        version=0,
    )
    session.add(proposal)
    session.flush()
    history.record(session, ctx, proposal, None, principal.subject, principal.user_id)
    events.publish(
        session,
        events.PROPOSAL_RECEIVED,
        {
            "proposal": proposal.id,
            "product": shown.product_id,
            "title": shown.title,
            "version": shown.number,
            "owner": shown.owner_id,
            "actor": principal.user_id,
        },
    )
    return proposal


def get(session: Session, principal: Principal, proposal_id: int) -> Proposal:
    proposal = repository.get(session, proposal_id)
    if proposal is None:
        require_person(principal)
        raise not_found(proposal_id)
    ensure_can_read(principal, proposal)
    return proposal


def load_for_step(
    session: Session, principal: Principal, proposal_id: int, if_match: str | None
) -> Proposal:
    require_team(principal)
    proposal = repository.get(session, proposal_id, for_update=True)
    if proposal is None:
        raise not_found(proposal_id)
    check_version(if_match, proposal.version, required=True)
    return proposal


@dataclass(frozen=True)
class Listing:
    status: ProposalStatus | None = None
    product_id: int | None = None
    mine: bool = False


def inbox(
    session: Session, principal: Principal, listing: Listing, page: PageParams
) -> tuple[list[Proposal], int]:
    """The editors' inbox; `mine` keeps the proposals for products the editor owns."""
    require_team(principal)
    criteria = ProposalFilter(
        status=listing.status,
        product_id=listing.product_id,
        owner_id=principal.user_id if listing.mine else None,
    )
    return repository.find(session, criteria, page.offset, page.size)


def own(
    session: Session, principal: Principal, status: ProposalStatus | None, page: PageParams
) -> tuple[list[Proposal], int]:
    user_id = require_person(principal)
    criteria = ProposalFilter(status=status, proposer_id=user_id)
    return repository.find(session, criteria, page.offset, page.size)


def steps_of(session: Session, proposal: Proposal) -> list[ProposalEvent]:
    return repository.events_of(session, proposal.id)


@dataclass(frozen=True)
class Lookups:
    products: dict[int, repository.ProductRef]
    versions: dict[int, int]
    people: dict[int, str]
    contacts: dict[int, tuple[str, str]]


def lookups_for(
    session: Session,
    principal: Principal,
    proposals: list[Proposal],
    steps: list[ProposalEvent] | None = None,
) -> Lookups:
    versions = {p.version_id for p in proposals} | {
        p.adopted_into_version_id for p in proposals if p.adopted_into_version_id
    }
    actors = {s.actor_id for s in steps or [] if s.actor_id is not None}
    team = principal.is_programme_team
    proposers = {p.proposer_user_id for p in proposals if p.proposer_user_id}
    return Lookups(
        products=repository.products(session, {p.product_id for p in proposals}),
        versions=repository.version_numbers(session, versions),
        people=repository.user_names(session, actors) if team else {},
        contacts=repository.user_contacts(session, proposers) if team else {},
    )
