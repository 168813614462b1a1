"""Products the system keeps itself: a measure's FAQ appears in the catalogue as its Q&A
product.

Each FAQ entry in it was edited, checked for personal data and published by an editor, so the
product has no review round of its own: it is published when its first entry is, stays current
as entries change (a "gewijzigd" change partners can sync), and is withdrawn when none is
left."""

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from api.measures.models import Measure
from api.products import search
from api.products.catalogue import load_product
from api.products.feed import is_public, record_change
from api.products.models import (
    Audience,
    Product,
    ProductAudience,
    ProductFile,
    ProductStatus,
    ProductType,
    ProductVersion,
)

ACTOR = "systeem:faq"


def _summary(measure: Measure, count: int) -> str:
    entries = "vraag" if count == 1 else "vragen"
    return (
        f"{count} veelgestelde {entries} over '{measure.title}', met antwoorden van het "
        "implementatieteam. De lijst groeit met de vragen die gemeenten stellen."
    )


def create_qa_product(
    session: Session,
    measure: Measure,
    count: int,
    link_name: str,
    url: str,
    *,
    owner_id: int | None,
) -> Product:
    now = datetime.now(UTC)
    product = Product(
        type=ProductType.QA,
        title=f"Vragen en antwoorden: {measure.title}",
        summary=_summary(measure, count),
        licence="CC-BY-4.0",
        owner_id=owner_id,
        measures=[measure],
        publishers=[],
        audience_rows=[
            ProductAudience(audience=Audience.POLICY_OFFICER),
            ProductAudience(audience=Audience.CLIENT_MANAGER),
        ],
        versions=[
            ProductVersion(
                number=1,
                change_note="Eerste versie",
                published_at=now,
                files=[ProductFile(name=link_name, external_url=url)],
            )
        ],
        status=ProductStatus.PUBLISHED,
    )
    session.add(product)
    session.flush()
    record_change(session, product, "aangemaakt", ACTOR, {"titel": product.title})
    record_change(session, product, "status:gepubliceerd", ACTOR, {"naar": "gepubliceerd"})
    session.flush()
    search.index_product(session, load_product(session, product.id))
    return product


def refresh_qa_product(session: Session, product_id: int, measure: Measure, count: int) -> bool:
    """Keeps the summary's count right and withdraws the product when no entry is left.
    False when the product was withdrawn earlier: withdrawal is final, so the caller makes a
    new one."""
    product = load_product(session, product_id)
    if product.status is ProductStatus.WITHDRAWN:
        return count == 0
    was_public = is_public(product)
    if count == 0:
        product.status = ProductStatus.WITHDRAWN
        record_change(
            session,
            product,
            "status:ingetrokken",
            ACTOR,
            {"toelichting": "Geen vragen en antwoorden meer voor deze maatregel."},
            was_public=was_public,
        )
        return True
    product.summary = _summary(measure, count)
    record_change(session, product, "gewijzigd", ACTOR, {"aantal": count})
    session.flush()
    search.index_product(session, product)
    return True
