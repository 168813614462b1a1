"""Demo notifications: the invitations to review that the demo products hold, as their testers
would have been told, so the bell of a demo contact shows what waits for her. Made once: a
second `spoorboek demo` finds them made."""

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.accounts import people
from api.notifications.kinds import Kind
from api.notifications.rules import review_invitation
from api.notifications.service import notify
from api.products.models import Product, Review


def load_demo_notifications(session: Session, on_row: Callable[[], None]) -> tuple[int, int]:
    open_reviews = session.execute(
        select(Review, Product)
        .join(Product, Product.id == Review.product_id)
        .where(Review.verdict.is_(None), Product.is_demo.is_(True))
        .options(selectinload(Product.versions))
        .order_by(Review.id)
    ).all()
    testers = {
        p.id: p for p in people.active_people(session, {r.reviewer_id for r, _ in open_reviews})
    }
    created = existing = 0
    for review, product in open_reviews:
        version = next((v.number for v in product.versions if v.id == review.version_id), 1)
        made = notify(
            session,
            Kind.REVIEW_INVITED,
            [testers[review.reviewer_id]] if review.reviewer_id in testers else [],
            review_invitation(product.id, product.title, version, f"demo:toetsing:{review.id}"),
        )
        created += len(made)
        existing += 1 - len(made)
        on_row()
    return created, existing
