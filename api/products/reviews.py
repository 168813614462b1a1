"""Review (toetsing): editors invite municipal testers to review a draft; testers give a verdict."""

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from api.core import events
from api.core.errors import ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError
from api.core.security import Principal, Role
from api.core.validation import InvalidParams
from api.products import repository
from api.products.catalogue import load_product
from api.products.feed import is_public, record_change
from api.products.models import Product, ProductStatus, Review, Verdict
from api.products.policy import require_editor

OPEN_FOR_REVIEW = frozenset({ProductStatus.IN_DEVELOPMENT, ProductStatus.IN_REVIEW})


def invite(
    session: Session, principal: Principal, product_id: int, reviewer_id: int
) -> tuple[Review, Product]:
    require_editor(principal)
    product = load_product(session, product_id)
    draft = product.draft_version
    if product.status not in OPEN_FOR_REVIEW or draft is None:
        raise ConflictError(
            "Alleen een product in ontwikkeling of in toetsing kan getoetst worden."
        )
    reviewer = repository.user(session, reviewer_id)
    if reviewer is None or not reviewer.is_active or Role.MUNICIPAL_CONTACT not in reviewer.roles:
        invalid = InvalidParams()
        invalid.add(
            "toetserId",
            "not_a_tester",
            "De toetser moet een actieve gemeentelijke contactpersoon zijn.",
            "body",
        )
        invalid.raise_if_any()
    existing = [
        r
        for r in repository.reviews_of_product(session, product.id)
        if r.version_id == draft.id and r.reviewer_id == reviewer_id
    ]
    if existing:
        raise ConflictError("Deze toetser is al uitgenodigd voor deze versie.")
    review = Review(
        product_id=product.id,
        version_id=draft.id,
        reviewer_id=reviewer_id,
        invited_by=principal.user_id,
    )
    session.add(review)
    session.flush()
    events.publish(
        session,
        events.REVIEW_INVITED,
        {
            "product": product.id,
            "title": product.title,
            "version": draft.number,
            "reviewer": reviewer_id,
            "actor": principal.user_id,
        },
    )
    record_change(
        session,
        product,
        "toetsing:uitgenodigd",
        principal.subject,
        {"toetser": reviewer_id, "versie": draft.number},
        was_public=is_public(product),
    )
    return repository.review_of(session, product.id, review.id) or review, product


def reviews_of(
    session: Session, principal: Principal, product_id: int
) -> tuple[list[Review], Product]:
    require_editor(principal)
    product = load_product(session, product_id)
    return repository.reviews_of_product(session, product_id), product


def my_reviews(session: Session, principal: Principal) -> list[tuple[Review, Product]]:
    if principal.user_id is None:
        raise (
            UnauthenticatedError
            if not principal.is_authenticated
            else ForbiddenError("Alleen voor personen.")
        )
    reviews = repository.reviews_for_reviewer(session, principal.user_id)
    products = repository.products_by_ids(session, sorted({r.product_id for r in reviews}))
    return [(r, products[r.product_id]) for r in reviews]


def give_verdict(
    session: Session,
    principal: Principal,
    product_id: int,
    review_id: int,
    verdict: Verdict,
    comments: str | None,
) -> tuple[Review, Product]:
    if not principal.is_authenticated:
        raise UnauthenticatedError
    review = repository.review_of(session, product_id, review_id)
    if review is None or review.reviewer_id != principal.user_id:
        # Someone else's invitation looks like a missing one.
        raise NotFoundError(f"Toetsing {review_id} bestaat niet.")
    product = load_product(session, product_id)
    draft = product.draft_version
    if (
        product.status is not ProductStatus.IN_REVIEW
        or draft is None
        or draft.id != review.version_id
    ):
        raise ConflictError("Deze versie staat niet (meer) open voor toetsing.")
    if verdict is Verdict.CHANGES_NEEDED and not (comments or "").strip():
        invalid = InvalidParams()
        invalid.add("opmerkingen", "required", "Beschrijf welke aanpassingen nodig zijn.", "body")
        invalid.raise_if_any()
    review.verdict = verdict
    review.comments = (comments or "").strip() or None
    review.responded_at = datetime.now(UTC)
    events.publish(
        session,
        events.VERDICT_GIVEN,
        {
            "product": product.id,
            "title": product.title,
            "version": draft.number,
            "verdict": verdict.value,
            "reviewer_name": review.reviewer.name,
            "owner": product.owner_id,
            "invited_by": review.invited_by,
            "actor": principal.user_id,
        },
    )
    record_change(
        session,
        product,
        f"toetsing:{verdict.value}",
        principal.subject,
        {"toetsing": review.id, "versie": draft.number},
        was_public=is_public(product),
    )
    return review, product
