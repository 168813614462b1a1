"""Freshness: when a measure's dates or articles change, its published products are flagged
'needs review' until an editor confirms them or publishes a new version."""

from typing import Any

from sqlalchemy.orm import Session

from api.core import events
from api.products import repository, search
from api.products.feed import is_public, record_change
from api.products.models import ProductStatus

# Changes to these facts can make a published product wrong.
RELEVANT_FIELDS = frozenset({"ingangsdatum", "toepasbaarVanaf", "artikelen", "productenGereedOp"})


def flag_products(session: Session, payload: dict[str, Any]) -> None:
    codes = sorted(payload["codes"])
    if "titel" in payload["fields"]:
        # Products are found by their measures' titles too.
        for product in repository.products_serving(session, codes):
            search.index_product(session, product)
    fields = sorted(set(payload["fields"]) & RELEVANT_FIELDS)
    if not fields:
        return
    reason = f"Maatregel {', '.join(codes)} gewijzigd: {', '.join(fields)}."
    for product in repository.products_serving(session, codes):
        if product.published_version is None or product.status is ProductStatus.WITHDRAWN:
            continue
        product.needs_review = True
        product.needs_review_reason = reason
        record_change(
            session,
            product,
            "actualiteit:controleren",
            str(payload["actor"]),
            {"reden": reason},
            was_public=is_public(product),
        )


def register() -> None:
    events.subscribe(events.MEASURES_CHANGED, flag_products)
