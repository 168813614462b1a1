"""Queries for the dashboard: waves, newest publications, what the cached figures depend on."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from api.measures.models import Measure, Wave
from api.municipalities.models import Municipality
from api.products.models import Product, ProductStatus, ProductVersion, product_measures
from api.progress.models import ProgressSnapshot
from api.questions.models import FaqEntry, FaqStatus, FaqVersion


def waves(session: Session) -> list[Wave]:
    return list(session.scalars(select(Wave).order_by(Wave.number)))


def published_products_per_wave(session: Session) -> dict[int, int]:
    query = (
        select(Measure.wave_number, func.count(func.distinct(Product.id)))
        .join(product_measures, product_measures.c.measure_code == Measure.code)
        .join(Product, Product.id == product_measures.c.product_id)
        .where(Product.status == ProductStatus.PUBLISHED)
        .group_by(Measure.wave_number)
    )
    return {wave: count for wave, count in session.execute(query)}


def newest_products(session: Session, limit: int) -> list[tuple[Product, datetime]]:
    first = (
        select(ProductVersion.product_id, func.max(ProductVersion.published_at).label("at"))
        .where(ProductVersion.published_at.is_not(None))
        .group_by(ProductVersion.product_id)
        .subquery()
    )
    query = (
        select(Product, first.c.at)
        .join(first, first.c.product_id == Product.id)
        .where(Product.status == ProductStatus.PUBLISHED)
        .options(selectinload(Product.measures))
        .order_by(first.c.at.desc(), Product.id.desc())
        .limit(limit)
    )
    return [(product, at) for product, at in session.execute(query)]


def newest_faq(session: Session, limit: int) -> list[tuple[FaqEntry, FaqVersion]]:
    query = (
        select(FaqEntry)
        .where(FaqEntry.status == FaqStatus.PUBLISHED)
        .options(selectinload(FaqEntry.measures), selectinload(FaqEntry.versions))
        .order_by(FaqEntry.updated_at.desc(), FaqEntry.id.desc())
        .limit(limit)
    )
    return [(entry, entry.current) for entry in session.scalars(query)]


def dates_version(session: Session) -> str:
    """What a past deficit depends on besides the (append-only) history: the legal dates, and
    which municipalities there are (a merger changes the past figures too)."""
    row = session.execute(
        select(
            select(func.max(Measure.updated_at)).scalar_subquery(),
            select(func.max(Wave.updated_at)).scalar_subquery(),
            select(func.count()).select_from(Municipality).scalar_subquery(),
            select(func.max(Municipality.code)).scalar_subquery(),
        )
    ).one()
    return "|".join(str(v) for v in row)


def latest_progress_change(session: Session) -> datetime | None:
    # Every change appends a snapshot with the same moment as the cell's; the history's moment
    # is indexed, so this reads one index entry instead of every cell.
    return session.scalar(select(func.max(ProgressSnapshot.recorded_at)))


def last_reported(session: Session, municipality: str) -> datetime | None:
    """When a municipality's progress last changed: its newest history entry."""
    return session.scalar(
        select(func.max(ProgressSnapshot.recorded_at)).where(
            ProgressSnapshot.municipality_code == municipality
        )
    )
