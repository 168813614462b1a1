"""Freshness: when a measure's dates or articles change, its published products are flagged
'needs review' until an editor confirms them or publishes a new version."""

from typing import Any

from sqlalchemy.orm import Session

from api.core import events
from api.products import repository, search
from api.products.feed import is_public, record_change
from api.products.models import Product, ProductStatus

# Changes to these facts can make a published product wrong. A wave's products-due date is
# the programme's own planning: moving it changes nothing a product says.
RELEVANT_FIELDS = frozenset({"ingangsdatum", "toepasbaarVanaf", "artikelen"})
# Facts of its measures a product shows as its own (their titles, their waves and so its due
# date): a change of one is a change of the product, in its history and the change feed, so a
# mirror kept from the feed follows it.
SHOWN_FIELDS = frozenset({"titel", "fase", "productenGereedOp"})


def flag_products(session: Session, payload: dict[str, Any]) -> None:
    codes = sorted(payload["codes"])
    fields = set(payload["fields"])
    relevant = sorted(fields & RELEVANT_FIELDS)
    shown = sorted(fields & SHOWN_FIELDS)
    if not relevant and not shown:
        return
    actor = str(payload["actor"])
    reason = f"Maatregel {', '.join(codes)} gewijzigd: {', '.join(relevant)}."
    for product in repository.products_serving(session, codes):
        if "titel" in shown:
            # Products are found by their measures' titles too.
            search.index_product(session, product)
        if product.status is ProductStatus.WITHDRAWN:
            continue
        if shown:
            details = {"maatregelen": codes, "velden": shown}
            record_change(session, product, "gewijzigd", actor, details)
        if relevant and product.published_version is not None:
            flag(session, product, reason, actor)


def register() -> None:
    events.subscribe(events.MEASURES_CHANGED, flag_products)


def flag(session: Session, product: Product, reason: str, actor: str) -> None:
    """Flags a product 'needs review' with its reason, in its history and the change feed."""
    product.needs_review = True
    product.needs_review_reason = reason
    record_change(
        session,
        product,
        "actualiteit:controleren",
        actor,
        {"reden": reason},
        was_public=is_public(product),
    )
