"""The delivery plan: per wave and measure, which product types exist, which are missing and
which are late; and what falls due in the coming weeks. Everything is derived from the waves'
dates and the products' states on the day asked: nothing here is stored."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.core import clock
from api.core.schemas import CodeName
from api.core.security import Principal
from api.measures.models import Measure, Wave
from api.products import repository
from api.products.models import Product, ProductStatus, ProductType
from api.products.policy import require_editor
from api.products.presenters import due_date
from api.products.schemas import DeliveryPlan, MeasurePlan, PlannedProduct, WavePlan

# What every measure should get; the programme can widen this list as its plan grows.
EXPECTED_TYPES = (
    ProductType.IMPACT_ANALYSIS,
    ProductType.GUIDE,
    ProductType.QA,
    ProductType.FACTSHEET,
)


@dataclass(frozen=True, slots=True)
class Standing:
    """A product as it stood at the end of the plan's day."""

    product: Product
    status: ProductStatus
    published: bool


def standings(session: Session, day: date) -> list[Standing]:
    """The products as they stood at the end of `day`: for a day that has passed, only those
    that existed then, each with the status it had. A product existed once it was created or
    first published (the demo dates its publications, not its creation); its status is the
    last status change recorded by then, else published if a version was, else planned."""
    end = clock.start_of_day(day + timedelta(days=1))
    if end > clock.now():
        return [
            Standing(p, p.status, p.published_version is not None)
            for p in repository.products_for_plan(session)
        ]
    recorded = repository.statuses_before(session, end)
    found = []
    for product in repository.products_for_plan(session, withdrawn=True):
        published = any(
            v.published_at is not None and v.published_at < end for v in product.versions
        )
        if product.created_at >= end and not published:
            continue
        kind = recorded.get(product.id)
        if kind is not None:
            status = ProductStatus(kind.removeprefix("status:"))
        else:
            status = ProductStatus.PUBLISHED if published else ProductStatus.PLANNED
        if status is not ProductStatus.WITHDRAWN:
            found.append(Standing(product, status, published))
    return found


def _planned(standing: Standing, today: date) -> PlannedProduct | None:
    product = standing.product
    due = due_date(product)
    if due is None:
        return None
    return PlannedProduct(
        id=product.id,
        titel=product.title,
        soort=product.type,
        status=standing.status,
        uiterste_leverdatum=due,
        te_laat=not standing.published and due < today,
    )


def delivery_plan(
    session: Session, principal: Principal, today: date, weeks: int, wave: int | None
) -> DeliveryPlan:
    require_editor(principal)
    products = standings(session, today)
    waves = session.scalars(select(Wave).order_by(Wave.number))
    measures = list(
        session.scalars(select(Measure).options(selectinload(Measure.wave)).order_by(Measure.code))
    )
    by_measure: dict[str, list[Standing]] = {}
    for standing in products:
        for measure in standing.product.measures:
            by_measure.setdefault(measure.code, []).append(standing)
    plans = []
    for w in waves:
        if wave is not None and w.number != wave:
            continue
        measure_plans = []
        for measure in (m for m in measures if m.wave_number == w.number):
            serving = by_measure.get(measure.code, [])
            present = sorted({s.product.type for s in serving})
            late = [
                planned
                for p in serving
                if (planned := _planned(p, today)) is not None and planned.te_laat
            ]
            measure_plans.append(
                MeasurePlan(
                    maatregel=CodeName(code=measure.code, naam=measure.title),
                    aanwezige_soorten=present,
                    ontbrekende_soorten=[t for t in EXPECTED_TYPES if t not in present],
                    te_laat=late,
                )
            )
        plans.append(
            WavePlan(
                fase=w.number,
                naam=w.name,
                producten_gereed_op=w.products_due,
                maatregelen=measure_plans,
            )
        )
    horizon = today + timedelta(weeks=weeks)
    soon = sorted(
        (
            planned
            for p in products
            if not p.published
            and (wave is None or wave in {m.wave_number for m in p.product.measures})
            and (planned := _planned(p, today)) is not None
            and today <= planned.uiterste_leverdatum <= horizon
        ),
        key=lambda planned: (planned.uiterste_leverdatum, planned.id),
    )
    return DeliveryPlan(
        peildatum=today, verwachte_soorten=list(EXPECTED_TYPES), fasen=plans, binnenkort=soon
    )


@dataclass(frozen=True, slots=True)
class Owed:
    """An unpublished product of which someone is the owner, due soon or late."""

    product_id: int
    title: str
    owner_id: int
    due: date
    late: bool


def owed(session: Session, today: date, weeks: int) -> list[Owed]:
    """What owners must be reminded of: their products not yet published whose delivery date
    falls within `weeks`, or has passed."""
    horizon = today + timedelta(weeks=weeks)
    found = []
    for standing in standings(session, today):
        product, due = standing.product, due_date(standing.product)
        if standing.published or product.owner_id is None or due is None or due > horizon:
            continue
        found.append(Owed(product.id, product.title, product.owner_id, due, due < today))
    return found


@dataclass(frozen=True, slots=True)
class Published:
    product_id: int
    title: str
    version: int
    measures: frozenset[str]


def published_since(session: Session, since: datetime) -> list[Published]:
    """Products whose current version was published at or after `since`."""
    return [
        Published(p.id, p.title, v.number, frozenset(m.code for m in p.measures))
        for p in repository.products_for_plan(session)
        if (v := p.published_version) is not None
        and v.published_at is not None
        and v.published_at >= since
    ]
