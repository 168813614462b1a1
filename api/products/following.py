"""Following a product: a person who follows one hears when a new version is published
(api/notifications). Anyone signed in may follow what she may see."""

from sqlalchemy.orm import Session

from api.accounts.principal import require_person
from api.core.security import Principal
from api.products import repository
from api.products.catalogue import get_visible
from api.products.models import ProductFollower


def follows(session: Session, principal: Principal, product_id: int) -> bool:
    user_id = require_person(principal)
    get_visible(session, principal, product_id)
    return repository.follower(session, product_id, user_id) is not None


def follow(session: Session, principal: Principal, product_id: int, on: bool) -> bool:
    """Starts or stops following; doing it twice changes nothing."""
    user_id = require_person(principal)
    get_visible(session, principal, product_id)
    found = repository.follower(session, product_id, user_id)
    if on and found is None:
        session.add(ProductFollower(product_id=product_id, user_id=user_id))
    elif not on and found is not None:
        session.delete(found)
    session.flush()
    return on
