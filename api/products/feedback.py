"""What other domains may ask of a product about feedback on it: which version the public sees
(votes and improvement proposals are about that one), the review flag when too few found it
useful, and the next version an adopted proposal goes into. The products' tables are written
here, never by the domains that ask."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.core.errors import ConflictError, NotFoundError
from api.core.security import Principal
from api.core.settings import Settings
from api.products import freshness, lifecycle, repository
from api.products.models import Product, ProductStatus


@dataclass(frozen=True)
class ShownVersion:
    product_id: int
    title: str
    owner_id: int | None
    version_id: int
    number: int


def _load(session: Session, product_id: int, *, for_update: bool = False) -> Product:
    product = repository.get_product(session, product_id, for_update=for_update)
    if product is None:
        raise NotFoundError(f"Product {product_id} bestaat niet.")
    return product


def shown_version(session: Session, product_id: int, *, lock: bool = False) -> ShownVersion:
    """The published version the public sees: 404 for a product that never was published (the
    public does not know it), 409 for a withdrawn one. `lock` holds the product until the
    transaction ends, so what is decided from it (a vote's effect on the flag) is decided one
    request at a time."""
    product = _load(session, product_id, for_update=lock)
    published = product.published_version
    if published is None:
        raise NotFoundError(f"Product {product_id} bestaat niet.")
    if product.status is ProductStatus.WITHDRAWN:
        raise ConflictError("Dit product is ingetrokken; er kan niet meer op gereageerd worden.")
    return ShownVersion(product.id, product.title, product.owner_id, published.id, published.number)


def flag_for_review(session: Session, product_id: int, reason: str, actor: str) -> None:
    """Raises the freshness flag an editor clears by confirming (or by publishing a new
    version); a reason already there (a measure changed) is kept beside the new one."""
    product = _load(session, product_id, for_update=True)
    if product.needs_review and product.needs_review_reason:
        if reason in product.needs_review_reason:
            return
        reason = f"{product.needs_review_reason} {reason}"
    freshness.flag(session, product, reason, actor)


@dataclass(frozen=True)
class VersionRef:
    id: int
    number: int
    published: bool


def next_version(
    session: Session, settings: Settings, principal: Principal, product_id: int, note: str
) -> VersionRef:
    """The draft version the product's next publication will be: the one in the works, or a
    new one started for it (the product goes back into development, as a new version does)."""
    product = _load(session, product_id)
    if product.status is ProductStatus.WITHDRAWN:
        raise ConflictError("Dit product is ingetrokken; er komt geen nieuwe versie.")
    draft = product.draft_version
    if draft is None:
        product = lifecycle.transition(
            session,
            settings,
            principal,
            product_id,
            ProductStatus.IN_DEVELOPMENT,
            note=None,
            change_note=note,
        )
        draft = product.draft_version
    if draft is None:  # pragma: no cover - the transition always starts a draft
        raise ConflictError("Er kon geen nieuwe versie worden gestart.")
    return VersionRef(draft.id, draft.number, draft.published_at is not None)
