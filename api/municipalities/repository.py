"""Every query of the municipalities domain."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, contains_eager

from api.core.text import fold, like_pattern
from api.municipalities.models import LabourMarketRegion, Municipality, Province


@dataclass(frozen=True)
class MunicipalityFilter:
    province: str | None = None
    region: str | None = None
    text: str | None = None


SORTABLE: dict[str, Any] = {
    "code": Municipality.code,
    "naam": Municipality.sort_name,
    "inwoners": Municipality.population,
}


def _filtered(criteria: MunicipalityFilter) -> Select[Municipality]:
    query = select(Municipality)
    if criteria.province is not None:
        query = query.where(Municipality.province_code == criteria.province)
    if criteria.region is not None:
        query = query.where(Municipality.labour_market_region_code == criteria.region)
    if criteria.text:
        query = query.where(
            Municipality.search_name.like(like_pattern(fold(criteria.text)), escape="\\")
        )
    return query


def _with_groups(query: Select[Municipality]) -> Select[Municipality]:
    return (
        query.join(Municipality.province)
        .join(Municipality.labour_market_region)
        .options(
            contains_eager(Municipality.province),
            contains_eager(Municipality.labour_market_region),
        )
    )


def count_municipalities(session: Session, criteria: MunicipalityFilter) -> int:
    subquery = _filtered(criteria).with_only_columns(Municipality.code).subquery()
    return session.scalar(select(func.count()).select_from(subquery)) or 0


def list_municipalities(
    session: Session,
    criteria: MunicipalityFilter,
    order_by: Sequence[ColumnElement[object]],
    offset: int,
    limit: int,
) -> list[Municipality]:
    query = _with_groups(_filtered(criteria)).order_by(*order_by).offset(offset).limit(limit)
    return list(session.scalars(query))


def get_municipality(session: Session, code: str) -> Municipality | None:
    query = _with_groups(select(Municipality).where(Municipality.code == code))
    return session.scalars(query).first()


GroupModel = type[Province] | type[LabourMarketRegion]


def list_groups(
    session: Session, model: GroupModel, code: str | None = None
) -> list[tuple[Province | LabourMarketRegion, int, int]]:
    """Provinces or regions with their number of municipalities and inhabitants."""
    member_column = (
        Municipality.province_code if model is Province else Municipality.labour_market_region_code
    )
    totals = (
        select(
            member_column.label("group_code"),
            func.count(Municipality.code).label("municipalities"),
            func.sum(Municipality.population).label("population"),
        )
        .group_by(member_column)
        .subquery()
    )
    query = (
        select(model, totals.c.municipalities, totals.c.population)
        .outerjoin(totals, totals.c.group_code == model.code)
        .order_by(model.name)
    )
    if code is not None:
        query = query.where(model.code == code)
    return [
        (group, int(count or 0), int(people or 0))
        for group, count, people in session.execute(query)
    ]
