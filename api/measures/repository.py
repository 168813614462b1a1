"""Every query of the measures domain."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, contains_eager, selectinload

from api.core.text import like_pattern
from api.measures.models import (
    ImpactArea,
    Measure,
    Obligation,
    Theme,
    Wave,
    measure_impact_areas,
)


@dataclass(frozen=True)
class MeasureFilter:
    wave: int | None = None
    theme: str | None = None
    obligation: Obligation | None = None
    impact_area: str | None = None
    text: str | None = None


# Sort keys are columns of the joined query; `ingangsdatum` sorts by the resolved date.
SORTABLE: dict[str, Any] = {
    "code": Measure.code,
    "titel": Measure.title,
    "fase": Measure.wave_number,
    "ingangsdatum": func.coalesce(Measure.effective_date_override, Wave.legal_effective_date),
}


def _filtered(criteria: MeasureFilter) -> Select[Measure]:
    query = select(Measure).join(Measure.wave).join(Measure.theme)
    if criteria.wave is not None:
        query = query.where(Measure.wave_number == criteria.wave)
    if criteria.theme is not None:
        query = query.where(Measure.theme_code == criteria.theme)
    if criteria.obligation is not None:
        query = query.where(Measure.obligation == criteria.obligation)
    if criteria.impact_area is not None:
        query = query.where(
            Measure.code.in_(
                select(measure_impact_areas.c.measure_code).where(
                    measure_impact_areas.c.impact_area_code == criteria.impact_area
                )
            )
        )
    if criteria.text:
        pattern = like_pattern(criteria.text)
        query = query.where(
            or_(
                Measure.title.ilike(pattern, escape="\\"),
                Measure.summary.ilike(pattern, escape="\\"),
                Measure.code.ilike(pattern, escape="\\"),
            )
        )
    return query


def _with_details(query: Select[Measure]) -> Select[Measure]:
    return query.options(
        contains_eager(Measure.wave),
        contains_eager(Measure.theme),
        selectinload(Measure.impact_areas),
        selectinload(Measure.sources),
    )


def count_measures(session: Session, criteria: MeasureFilter) -> int:
    subquery = _filtered(criteria).with_only_columns(Measure.code).subquery()
    return session.scalar(select(func.count()).select_from(subquery)) or 0


def list_measures(
    session: Session,
    criteria: MeasureFilter,
    order_by: Sequence[ColumnElement[object]],
    offset: int,
    limit: int,
) -> list[Measure]:
    query = _with_details(_filtered(criteria)).order_by(*order_by).offset(offset).limit(limit)
    return list(session.scalars(query))


def get_measure(session: Session, code: str) -> Measure | None:
    query = _with_details(_filtered(MeasureFilter()).where(Measure.code == code))
    return session.scalars(query).first()


def _measure_counts(session: Session, group_column: InstrumentedAttribute[Any]) -> dict[Any, int]:
    query = select(group_column, func.count(Measure.code)).group_by(group_column)
    return {key: int(count) for key, count in session.execute(query)}


def list_waves(session: Session) -> list[tuple[Wave, int]]:
    counts = _measure_counts(session, Measure.wave_number)
    waves = session.scalars(select(Wave).order_by(Wave.number))
    return [(wave, int(counts.get(wave.number, 0))) for wave in waves]


def list_themes(session: Session) -> list[tuple[Theme, int]]:
    counts = _measure_counts(session, Measure.theme_code)
    themes = session.scalars(select(Theme).order_by(Theme.position))
    return [(theme, int(counts.get(theme.code, 0))) for theme in themes]


def list_impact_areas(session: Session) -> list[ImpactArea]:
    return list(session.scalars(select(ImpactArea).order_by(ImpactArea.position)))


def codes_in_wave(session: Session, number: int) -> list[str]:
    return list(session.scalars(select(Measure.code).where(Measure.wave_number == number)))
