"""The delivery plan: per wave and measure, which product types exist, which are missing and
which are late; and what falls due in the coming weeks. Everything is derived from the waves'
dates and the products' states at the moment asked: nothing here is stored."""

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.core.schemas import CodeName
from api.core.security import Principal
from api.measures.models import Measure, Wave
from api.products import repository
from api.products.models import Product, ProductType
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


def _planned(product: Product, today: date) -> PlannedProduct | None:
    due = due_date(product)
    if due is None:
        return None
    return PlannedProduct(
        id=product.id,
        titel=product.title,
        soort=product.type,
        status=product.status,
        uiterste_leverdatum=due,
        te_laat=product.published_version is None and due < today,
    )


def delivery_plan(
    session: Session, principal: Principal, today: date, weeks: int, wave: int | None
) -> DeliveryPlan:
    require_editor(principal)
    products = repository.products_for_plan(session)
    waves = session.scalars(select(Wave).order_by(Wave.number))
    measures = list(
        session.scalars(select(Measure).options(selectinload(Measure.wave)).order_by(Measure.code))
    )
    by_measure: dict[str, list[Product]] = {}
    for product in products:
        for measure in product.measures:
            by_measure.setdefault(measure.code, []).append(product)
    plans = []
    for w in waves:
        if wave is not None and w.number != wave:
            continue
        measure_plans = []
        for measure in (m for m in measures if m.wave_number == w.number):
            serving = by_measure.get(measure.code, [])
            present = sorted({p.type for p in serving})
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
            if p.published_version is None
            and (wave is None or wave in {m.wave_number for m in p.measures})
            and (planned := _planned(p, today)) is not None
            and today <= planned.uiterste_leverdatum <= horizon
        ),
        key=lambda planned: (planned.uiterste_leverdatum, planned.id),
    )
    return DeliveryPlan(
        peildatum=today, verwachte_soorten=list(EXPECTED_TYPES), fasen=plans, binnenkort=soon
    )
