"""Every query of the products domain."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User
from api.measures.models import Measure, Wave
from api.products.models import Audience as AudienceEnum
from api.products.models import (
    Product,
    ProductAudience,
    ProductChange,
    ProductFollower,
    ProductStatus,
    ProductType,
    ProductVersion,
    Review,
    product_measures,
    product_publishers,
)


@dataclass(frozen=True)
class ProductFilter:
    measure: str | None = None
    wave: int | None = None
    type: ProductType | None = None
    status: ProductStatus | None = None
    audience: AudienceEnum | None = None
    publisher: str | None = None
    changed_since: datetime | None = None
    ids: list[int] | None = None
    """Restricts to these ids (search results)."""


DETAILS = (
    selectinload(Product.measures).selectinload(Measure.wave),
    selectinload(Product.audience_rows),
    selectinload(Product.publishers),
    selectinload(Product.owner),
    selectinload(Product.versions).selectinload(ProductVersion.files),
)


def _public(query: Select[Any]) -> Select[Any]:
    """Published at least once and not withdrawn: what the public may see."""
    published = select(ProductVersion.product_id).where(ProductVersion.published_at.is_not(None))
    return query.where(Product.id.in_(published), Product.status != ProductStatus.WITHDRAWN)


def _filtered(criteria: ProductFilter, public_only: bool) -> Select[Any]:
    query = select(Product)
    if public_only:
        query = _public(query)
    if criteria.measure is not None:
        query = query.where(
            Product.id.in_(
                select(product_measures.c.product_id).where(
                    product_measures.c.measure_code == criteria.measure
                )
            )
        )
    if criteria.wave is not None:
        query = query.where(
            Product.id.in_(
                select(product_measures.c.product_id)
                .join(Measure, Measure.code == product_measures.c.measure_code)
                .where(Measure.wave_number == criteria.wave)
            )
        )
    if criteria.type is not None:
        query = query.where(Product.type == criteria.type)
    if criteria.status is not None:
        query = query.where(Product.status == criteria.status)
    if criteria.audience is not None:
        query = query.where(
            Product.id.in_(
                select(ProductAudience.product_id).where(
                    ProductAudience.audience == criteria.audience
                )
            )
        )
    if criteria.publisher is not None:
        query = query.where(
            Product.id.in_(
                select(product_publishers.c.product_id).where(
                    product_publishers.c.organisation_code == criteria.publisher
                )
            )
        )
    if criteria.changed_since is not None:
        query = query.where(Product.updated_at >= criteria.changed_since)
    if criteria.ids is not None:
        query = query.where(Product.id.in_(criteria.ids))
    return query


def count_products(session: Session, criteria: ProductFilter, public_only: bool) -> int:
    subquery = _filtered(criteria, public_only).with_only_columns(Product.id).subquery()
    return session.scalar(select(func.count()).select_from(subquery)) or 0


def list_products(
    session: Session,
    criteria: ProductFilter,
    public_only: bool,
    order_by: list[Any],
    offset: int,
    limit: int,
) -> list[Product]:
    query = _filtered(criteria, public_only).options(*DETAILS).order_by(*order_by)
    return list(session.scalars(query.offset(offset).limit(limit)))


def matching_ids(session: Session, criteria: ProductFilter, public_only: bool) -> set[int]:
    return set(session.scalars(_filtered(criteria, public_only).with_only_columns(Product.id)))


def products_by_ids(session: Session, ids: list[int]) -> dict[int, Product]:
    if not ids:
        return {}
    query = select(Product).where(Product.id.in_(ids)).options(*DETAILS)
    return {p.id: p for p in session.scalars(query)}


def get_product(session: Session, product_id: int, *, for_update: bool = False) -> Product | None:
    query = select(Product).where(Product.id == product_id).options(*DETAILS)
    if for_update:
        query = query.with_for_update(of=Product)
    return session.scalars(query).first()


# The list's Last-Modified, read where the route builds it (its ETag is made of counters
# only, changes.py), so built once: building the statement cost more than running it.
_CATALOGUE_CHANGED = select(
    select(func.max(Product.updated_at)).scalar_subquery(),
    select(func.max(Wave.updated_at)).scalar_subquery(),
    select(func.max(Measure.updated_at)).scalar_subquery(),
)


def catalogue_changed(session: Session) -> datetime | None:
    """When the products, or the waves and measures they show, last changed."""
    moments = session.execute(_CATALOGUE_CHANGED).one()
    return max((m for m in moments if m is not None), default=None)


def changes_since(
    session: Session, since: int, public_only: bool, limit: int
) -> list[ProductChange]:
    query = select(ProductChange).where(ProductChange.seq > since)
    if public_only:
        query = query.where(ProductChange.public.is_(True))
    return list(session.scalars(query.order_by(ProductChange.seq).limit(limit)))


def last_change_seq(session: Session, public_only: bool) -> int:
    query = select(func.max(ProductChange.seq))
    if public_only:
        query = query.where(ProductChange.public.is_(True))
    return session.scalar(query) or 0


def history_of(session: Session, product_id: int) -> list[ProductChange]:
    query = (
        select(ProductChange)
        .where(ProductChange.product_id == product_id)
        .order_by(ProductChange.seq)
    )
    return list(session.scalars(query))


def published_changes(session: Session, limit: int) -> list[ProductChange]:
    query = (
        select(ProductChange)
        .where(ProductChange.kind == "status:gepubliceerd", ProductChange.public.is_(True))
        .order_by(ProductChange.seq.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


def reviews_of_product(session: Session, product_id: int) -> list[Review]:
    query = (
        select(Review)
        .where(Review.product_id == product_id)
        .options(selectinload(Review.reviewer))
        .order_by(Review.invited_at, Review.id)
    )
    return list(session.scalars(query))


def reviews_for_reviewer(session: Session, user_id: int) -> list[Review]:
    query = (
        select(Review)
        .where(Review.reviewer_id == user_id)
        .options(selectinload(Review.reviewer))
        .order_by(Review.responded_at.is_not(None), Review.invited_at.desc())
    )
    return list(session.scalars(query))


def review_of(session: Session, product_id: int, review_id: int) -> Review | None:
    query = (
        select(Review)
        .where(Review.id == review_id, Review.product_id == product_id)
        .options(selectinload(Review.reviewer))
    )
    return session.scalars(query).first()


def is_invited(session: Session, product_id: int, version_id: int, user_id: int) -> bool:
    query = select(Review.id).where(
        Review.product_id == product_id,
        Review.version_id == version_id,
        Review.reviewer_id == user_id,
    )
    return session.scalar(query.limit(1)) is not None


def products_serving(session: Session, measure_codes: list[str]) -> list[Product]:
    query = (
        select(Product)
        .where(
            Product.id.in_(
                select(product_measures.c.product_id).where(
                    product_measures.c.measure_code.in_(measure_codes)
                )
            )
        )
        .options(*DETAILS)
    )
    return list(session.scalars(query))


def products_for_plan(session: Session, *, withdrawn: bool = False) -> list[Product]:
    query = select(Product).options(*DETAILS)
    if not withdrawn:
        query = query.where(Product.status != ProductStatus.WITHDRAWN)
    return list(session.scalars(query.order_by(Product.id)))


def statuses_before(session: Session, end: datetime) -> dict[int, str]:
    """Each product's last status change before `end`, as the kind recorded (`status:...`)."""
    query = (
        select(ProductChange.product_id, ProductChange.kind)
        .where(ProductChange.kind.startswith("status:"), ProductChange.occurred_at < end)
        .order_by(ProductChange.seq)
    )
    return {product_id: kind for product_id, kind in session.execute(query)}


def user(session: Session, user_id: int) -> User | None:
    return session.scalars(
        select(User).where(User.id == user_id).options(selectinload(User.role_rows))
    ).first()


def follower(session: Session, product_id: int, user_id: int) -> ProductFollower | None:
    return session.get(ProductFollower, (product_id, user_id))


def followers(session: Session, product_id: int) -> list[int]:
    query = select(ProductFollower.user_id).where(ProductFollower.product_id == product_id)
    return list(session.scalars(query.order_by(ProductFollower.user_id)))
