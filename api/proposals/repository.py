"""Every query of this domain. The products and people a proposal names are read here, never
written: what changes a product goes through api/products/feedback.py."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.products.models import Product, ProductVersion
from api.proposals.models import Proposal, ProposalEvent, ProposalStatus


@dataclass(frozen=True)
class ProposalFilter:
    status: ProposalStatus | None = None
    product_id: int | None = None
    owner_id: int | None = None
    """Only proposals for products this person owns."""
    proposer_id: int | None = None


def _filtered(criteria: ProposalFilter) -> Select[Any]:
    query = select(Proposal)
    if criteria.status is not None:
        query = query.where(Proposal.status == criteria.status)
    if criteria.product_id is not None:
        query = query.where(Proposal.product_id == criteria.product_id)
    if criteria.owner_id is not None:
        owned = select(Product.id).where(Product.owner_id == criteria.owner_id)
        query = query.where(Proposal.product_id.in_(owned))
    if criteria.proposer_id is not None:
        query = query.where(Proposal.proposer_user_id == criteria.proposer_id)
    return query


def find(
    session: Session, criteria: ProposalFilter, offset: int, size: int
) -> tuple[list[Proposal], int]:
    query = _filtered(criteria)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page = query.order_by(Proposal.created_at.desc(), Proposal.id.desc()).offset(offset).limit(size)
    return list(session.scalars(page)), total


def get(session: Session, proposal_id: int, *, for_update: bool = False) -> Proposal | None:
    query = select(Proposal).where(Proposal.id == proposal_id)
    if for_update:
        query = query.with_for_update()
    return session.scalars(query).first()


def events_of(session: Session, proposal_id: int) -> list[ProposalEvent]:
    query = (
        select(ProposalEvent)
        .where(ProposalEvent.proposal_id == proposal_id)
        .order_by(ProposalEvent.at, ProposalEvent.id)
    )
    return list(session.scalars(query))


def adopted_into(session: Session, product_id: int, number: int) -> list[Proposal]:
    """Adopted proposals waiting for this version of the product."""
    version = select(ProductVersion.id).where(
        ProductVersion.product_id == product_id, ProductVersion.number == number
    )
    query = (
        select(Proposal)
        .where(
            Proposal.status == ProposalStatus.ADOPTED,
            Proposal.adopted_into_version_id.in_(version),
        )
        .order_by(Proposal.id)
        .with_for_update()
    )
    return list(session.scalars(query))


@dataclass(frozen=True)
class ProductRef:
    id: int
    title: str
    owner_id: int | None


def products(session: Session, ids: set[int]) -> dict[int, ProductRef]:
    if not ids:
        return {}
    rows = session.execute(
        select(Product.id, Product.title, Product.owner_id).where(Product.id.in_(sorted(ids)))
    )
    return {i: ProductRef(i, t, o) for i, t, o in rows}


def version_numbers(session: Session, ids: set[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = session.execute(
        select(ProductVersion.id, ProductVersion.number).where(ProductVersion.id.in_(sorted(ids)))
    )
    return {i: n for i, n in rows}


def user_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(select(User.id, User.name).where(User.id.in_(sorted(ids))))
    return {i: name for i, name in rows}


def user_contacts(session: Session, ids: set[int]) -> dict[int, tuple[str, str]]:
    """Names and addresses of accounts, for the team's view of who proposed."""
    if not ids:
        return {}
    rows = session.execute(select(User.id, User.name, User.email).where(User.id.in_(sorted(ids))))
    return {i: (name, email) for i, name, email in rows}


def of_person(session: Session, email: str) -> list[Proposal]:
    """Proposals left with this address, or by the account that has it."""
    accounts = select(User.id).where(func.lower(User.email) == email.casefold())
    query = (
        select(Proposal)
        .where(
            or_(
                func.lower(Proposal.proposer_email) == email.casefold(),
                Proposal.proposer_user_id.in_(accounts),
            )
        )
        .order_by(Proposal.id)
    )
    return list(session.scalars(query))
