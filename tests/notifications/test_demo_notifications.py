"""The demo tells its testers of the reviews waiting for them, once."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.notifications.kinds import Kind
from api.notifications.models import Notification
from api.products.models import Review
from api.seed.demo_notifications import load_demo_notifications


def test_every_open_demo_review_has_told_its_tester_once(db: Session) -> None:
    open_reviews = list(db.scalars(select(Review).where(Review.verdict.is_(None))))
    told = list(db.scalars(select(Notification).where(Notification.kind == Kind.REVIEW_INVITED)))

    assert open_reviews
    assert sorted((n.user_id, n.occasion) for n in told) == sorted(
        (r.reviewer_id, f"demo:toetsing:{r.id}") for r in open_reviews
    )
    assert load_demo_notifications(db, lambda: None) == (0, len(open_reviews))
