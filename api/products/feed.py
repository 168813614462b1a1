"""The products' change log: every change appended in commit order, so partners can sync
incrementally from a cursor and see withdrawals too."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from api.core import data_versions
from api.core.sequences import next_value
from api.products.models import Product, ProductChange, ProductStatus

SEQUENCE = data_versions.PRODUCT_CHANGES
# Kinds of change the public may see; reviews, draft files and checks stay internal. Every
# status change is public: a published product shows its status, also when a new version of it
# is in development or in review.
PUBLIC_KINDS = frozenset({"aangemaakt", "gewijzigd"})


def is_public_kind(kind: str) -> bool:
    return kind in PUBLIC_KINDS or kind.startswith("status:")


def is_public(product: Product) -> bool:
    return product.status != ProductStatus.WITHDRAWN and product.published_version is not None


def record_change(
    session: Session,
    product: Product,
    kind: str,
    actor: str,
    details: dict[str, Any] | None = None,
    *,
    was_public: bool = False,
) -> ProductChange:
    """Appends a change; a withdrawal of a product the public knew is itself public.

    The public reads `gewijzigdOp`, so of a product the public sees only a change the public
    feed shows moves it: otherwise a mirror kept from the feed would differ from the product."""
    seq = next_value(session, SEQUENCE)
    now = datetime.now(UTC)
    public = is_public_kind(kind) and (is_public(product) or was_public)
    product.change_seq = seq
    if public or not (is_public(product) or was_public):
        product.updated_at = now
    change = ProductChange(
        seq=seq,
        product_id=product.id,
        kind=kind,
        public=public,
        actor=actor,
        occurred_at=now,
        details=details or {},
    )
    session.add(change)
    return change
