"""The product lifecycle: planned → in development → in review → published → withdrawn, and
new versions of published products. Illegal transitions are a 409."""

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from api.core import events
from api.core.dutch import plural
from api.core.errors import ConflictError
from api.core.security import Principal
from api.core.settings import Settings
from api.core.validation import InvalidParams
from api.products import repository
from api.products.catalogue import load_product
from api.products.feed import is_public, record_change
from api.products.models import Product, ProductStatus, ProductVersion, Verdict
from api.products.policy import require_editor

S = ProductStatus
TRANSITIONS: dict[ProductStatus, frozenset[ProductStatus]] = {
    S.PLANNED: frozenset({S.IN_DEVELOPMENT, S.WITHDRAWN}),
    S.IN_DEVELOPMENT: frozenset({S.IN_REVIEW, S.WITHDRAWN}),
    S.IN_REVIEW: frozenset({S.IN_DEVELOPMENT, S.PUBLISHED, S.WITHDRAWN}),
    S.PUBLISHED: frozenset({S.IN_DEVELOPMENT, S.WITHDRAWN}),
    S.WITHDRAWN: frozenset(),
}


def _required(name: str, value: str | None, reason: str) -> str:
    if not value or not value.strip():
        invalid = InvalidParams()
        invalid.add(name, "required", reason, "body")
        invalid.raise_if_any()
    return (value or "").strip()


def transition(
    session: Session,
    settings: Settings,
    principal: Principal,
    product_id: int,
    target: ProductStatus,
    *,
    note: str | None,
    change_note: str | None,
) -> Product:
    require_editor(principal)
    product = load_product(session, product_id)
    current = product.status
    if target not in TRANSITIONS[current]:
        allowed = ", ".join(sorted(TRANSITIONS[current])) or "geen"
        raise ConflictError(
            f"Van '{current}' naar '{target}' kan niet. Mogelijk vanaf '{current}': {allowed}.",
            extra={"huidigeStatus": current.value, "mogelijk": sorted(TRANSITIONS[current])},
            problem_type="statusovergang-niet-toegestaan",
        )
    was_public = is_public(product)
    details: dict[str, object] = {"van": current.value, "naar": target.value}
    draft = product.draft_version
    if target is S.IN_DEVELOPMENT and current is S.PUBLISHED:
        details["wijzigingsnotitie"] = _required(
            "wijzigingsnotitie", change_note, "Beschrijf wat de nieuwe versie verandert."
        )
        number = max((v.number for v in product.versions), default=0) + 1
        product.versions.append(
            ProductVersion(number=number, change_note=str(details["wijzigingsnotitie"]), files=[])
        )
    elif target is S.IN_DEVELOPMENT and draft is None:
        product.versions.append(
            ProductVersion(number=1, change_note=change_note or "Eerste versie", files=[])
        )
    elif target is S.IN_REVIEW:
        if draft is None or not draft.files:
            raise ConflictError("Voeg eerst een document of link toe aan de conceptversie.")
    elif target is S.PUBLISHED:
        _publish(session, settings, principal, product)
        details["versie"] = draft.number if draft else 0
    elif target is S.WITHDRAWN:
        details["toelichting"] = _required(
            "toelichting", note, "Geef aan waarom het product vervalt."
        )
    product.status = target
    session.flush()
    record_change(
        session,
        product,
        f"status:{target.value}",
        principal.subject,
        details,
        was_public=was_public,
    )
    return product


def _publish(session: Session, settings: Settings, principal: Principal, product: Product) -> None:
    draft = product.draft_version
    if draft is None:  # pragma: no cover - in review always has a draft
        raise ConflictError("Er is geen conceptversie om te publiceren.")
    approvals = [
        r
        for r in repository.reviews_of_product(session, product.id)
        if r.version_id == draft.id and r.verdict is Verdict.APPROVED
    ]
    if len(approvals) < settings.approvals_to_publish:
        needed = plural(settings.approvals_to_publish, "goedkeuring", "goedkeuringen")
        raise ConflictError(
            f"Publiceren vraagt {needed} door een gemeentelijke toetser; "
            f"deze versie heeft er {len(approvals)}.",
            extra={"goedkeuringen": len(approvals), "nodig": settings.approvals_to_publish},
            problem_type="goedkeuringen-ontbreken",
        )
    draft.published_at = datetime.now(UTC)
    draft.published_by = principal.user_id
    product.needs_review = False
    product.needs_review_reason = None
    reviewers = [
        r.reviewer_id
        for r in repository.reviews_of_product(session, product.id)
        if r.version_id == draft.id and r.verdict is not None
    ]
    events.publish(
        session,
        events.PRODUCT_PUBLISHED,
        {
            "product": product.id,
            "title": product.title,
            "version": draft.number,
            "reviewers": reviewers,
            "followers": repository.followers(session, product.id),
            "actor": principal.user_id,
        },
    )


def confirm_freshness(
    session: Session, principal: Principal, product_id: int, current: bool, note: str | None
) -> Product:
    """An editor looked at a product flagged after a measure changed: still right, or not."""
    require_editor(principal)
    product = load_product(session, product_id)
    if not product.needs_review:
        raise ConflictError("Dit product hoeft niet gecontroleerd te worden.")
    if current:
        product.needs_review = False
        product.needs_review_reason = None
    record_change(
        session,
        product,
        "actualiteit:bevestigd" if current else "actualiteit:niet-actueel",
        principal.subject,
        {"toelichting": note or ""},
        was_public=is_public(product),
    )
    return product
