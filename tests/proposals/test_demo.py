"""The demo's product feedback: votes on every published demo product, one version flagged for
review by its votes, proposals in every state; loaded twice, made once."""

from collections.abc import Callable

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.core.settings import Settings
from api.products.models import Product
from api.proposals.models import Proposal, ProposalEvent, ProposalStatus
from api.satisfaction.models import ProductVote
from api.seed.demo_feedback import load_demo_feedback
from tests.auth import EDITOR, login


async def test_the_demo_has_feedback_in_every_state(
    db: Session, clients: Callable[[], httpx.AsyncClient]
) -> None:
    demo = select(Proposal).where(Proposal.is_demo.is_(True))
    states = {p.status for p in db.scalars(demo)}
    assert states == set(ProposalStatus)
    for proposal in db.scalars(demo):
        steps = db.scalars(
            select(ProposalEvent.to_status)
            .where(ProposalEvent.proposal_id == proposal.id)
            .order_by(ProposalEvent.at)
        ).all()
        assert steps[0] is ProposalStatus.NEW
        assert steps[-1] is proposal.status

    flagged = db.scalars(
        select(Product).where(
            Product.is_demo.is_(True), Product.needs_review_reason.like("Minder dan 60 %%")
        )
    ).all()
    assert [p.needs_review_reason for p in flagged] == [
        "Minder dan 60 % vond versie 1 nuttig (4 van 14)."
    ]
    votes = db.scalar(select(func.count(ProductVote.id)).where(ProductVote.is_demo.is_(True)))
    assert (votes or 0) > 100
    assert db.scalar(select(func.count()).where(ProductVote.user_id.is_not(None))) == 0

    editor = clients()
    await login(editor, EDITOR)
    inbox = await editor.get("/api/v1/verbetervoorstellen", params={"status": "verwerkt"})
    assert inbox.json()["paginering"]["totaal"] >= 2
    assert {p["overgenomenIn"] for p in inbox.json()["resultaten"]} == {2}

    # A second load makes nothing.
    assert load_demo_feedback(db, Settings(), lambda: None) == (0, 1)
