"""Invented software suppliers (marked demo), their applications spread over the
municipalities, and their readiness.

The five suppliers and their packages are made up: no real company's name, product or claim.
Readiness is dated relative to the day the demo is loaded; one release slipped (Rekenwerk
Inkomen's release for M15, moved past the legal date by the supplier's own client), so the
consequences have something to show. Every part is added only when missing, so a second run
changes nothing."""

import random
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import MachineClient
from api.core import clock
from api.core.security import ClientKind, Scope
from api.core.settings import Settings
from api.ict import readiness
from api.ict.models import (
    Application,
    ChangeSource,
    Domain,
    Readiness,
    ReadinessStatus,
    SoftwareMeasure,
    Supplier,
    Usage,
    UsageChange,
)
from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.organisations.models import Organisation, OrganisationKind
from api.seed.demo_accounts import DemoClient, demo_client_row

ICT_ROWS = 342
"""How many rows the progress bar counts for this part: one per municipality."""

INCOME, WORK, DEBT, CHAIN = Domain.INCOME, Domain.WORK, Domain.DEBT, Domain.CHAIN_EXCHANGE

# (code, name, agreed to public figures, its applications with the domains they serve)
SUPPLIERS: list[tuple[str, str, bool, list[tuple[str, tuple[Domain, ...]]]]] = [
    (
        "demo-rekenwerk",
        "Rekenwerk Software (demo)",
        True,
        [("Rekenwerk Inkomen (demo)", (INCOME, DEBT)), ("Rekenwerk Re-integratie (demo)", (WORK,))],
    ),
    (
        "demo-kompas-sociaal",
        "Kompas Sociaal (demo)",
        False,
        [
            ("Kompas Sociaal Domein (demo)", (INCOME, WORK, DEBT)),
        ],
    ),
    (
        "demo-tulpdata",
        "Tulpdata (demo)",
        True,
        [
            ("Tulp Uitkeringen (demo)", (INCOME,)),
            ("Tulp Schuldhulp (demo)", (DEBT,)),
        ],
    ),
    (
        "demo-polder-ict",
        "Polder ICT (demo)",
        False,
        [
            ("Polder Participatie (demo)", (INCOME, WORK, CHAIN)),
        ],
    ),
    ("demo-ketenwijs", "Ketenwijs (demo)", False, [("Ketenwijs Koppelingen (demo)", (CHAIN,))]),
]

# The measures that need software changes in the demo, and the domains they touch.
SOFTWARE_MEASURES: dict[str, tuple[Domain, ...]] = {
    "M08": (INCOME, CHAIN),
    "M13": (INCOME, WORK),
    "M15": (INCOME,),
    "M16": (INCOME,),
    "M17": (INCOME,),
    "M18": (INCOME,),
    "M21": (INCOME, CHAIN),
}

SUPPLIER_CLIENT = DemoClient(
    "sbc_demo_leverancier_rekenwerk",
    "sbs_demo_leverancier_geheim_alleen_voor_demo",
    "Gereedheid Rekenwerk Software (demo)",
    ClientKind.SUPPLIER,
    (Scope.READINESS_WRITE,),
    organisation="demo-rekenwerk",
)
SLIPPED = ("Rekenwerk Inkomen (demo)", "M15")
"""The release that slipped: planned in time first, then moved past the legal date."""
ACTOR = "system"


def load_demo_ict(
    session: Session, settings: Settings, on_row: Callable[[], None]
) -> tuple[int, int]:
    """(created, already there)."""
    created = existing = 0
    for done in (
        _suppliers(session),
        _client(session),
        _applications(session),
        _flags(session),
    ):
        created += done
        existing += 0 if done else 1
    applications = list(session.scalars(select(Application).order_by(Application.id)))
    if session.scalar(select(Usage.municipality_code).limit(1)) is None:
        created += _usages(session, applications, on_row)
    else:
        existing += 1
        for _ in range(ICT_ROWS):
            on_row()
    if session.scalar(select(Readiness.application_id).limit(1)) is None:
        created += _readiness(session, applications)
    else:
        existing += 1
    session.flush()
    return created, existing


def _suppliers(session: Session) -> int:
    known = set(session.scalars(select(Organisation.code)))
    made = 0
    for code, name, _, _ in SUPPLIERS:
        if code in known:
            continue
        session.add(
            Organisation(
                code=code, name=name, kind=OrganisationKind.SOFTWARE_SUPPLIER, is_demo=True
            )
        )
        made += 1
    # Organisations first: nothing tells the unit of work the suppliers' rows depend on them.
    session.flush()
    for code, _, agreed, _ in SUPPLIERS:
        if code not in known:
            session.add(Supplier(organisation_code=code, figures_public=agreed, changed_by=ACTOR))
    session.flush()
    return made


def _client(session: Session) -> int:
    demo = SUPPLIER_CLIENT
    if session.scalar(select(MachineClient.id).where(MachineClient.client_id == demo.client_id)):
        return 0
    session.add(demo_client_row(session, demo))
    session.flush()
    return 1


def _applications(session: Session) -> int:
    if session.scalar(select(Application.id).where(Application.is_demo).limit(1)) is not None:
        return 0
    for code, _, _, packages in SUPPLIERS:
        for name, domains in packages:
            session.add(
                Application(
                    supplier_code=code,
                    name=name,
                    domains=[d.value for d in Domain if d in domains],
                    is_demo=True,
                )
            )
    session.flush()
    return 1


def _flags(session: Session) -> int:
    if session.scalar(select(SoftwareMeasure.measure_code).limit(1)) is not None:
        return 0
    known = set(session.scalars(select(Measure.code)))
    for code in SOFTWARE_MEASURES:
        if code in known:
            session.add(SoftwareMeasure(measure_code=code, needs_software=True, changed_by=ACTOR))
    session.flush()
    return 1


def _usages(session: Session, applications: list[Application], on_row: Callable[[], None]) -> int:
    """Every municipality an application per domain; Utrecht's income application is the one
    whose release slipped, so the demo contact sees it."""
    rng = random.Random(19_2026)
    serving = {d: [a for a in applications if d.value in a.domains] for d in Domain}
    slipped = next((a for a in applications if a.name == SLIPPED[0]), None)
    now = clock.now()
    usages: list[dict[str, object]] = []
    changes: list[dict[str, object]] = []
    for code in session.scalars(select(Municipality.code).order_by(Municipality.code)):
        for domain, choices in serving.items():
            if not choices:
                continue
            chosen = rng.choice(choices)
            if code == "GM0344" and domain == INCOME and slipped is not None:
                chosen = slipped
            usages.append(
                {
                    "municipality_code": code,
                    "domain": domain,
                    "application_id": chosen.id,
                    "version": 1,
                    "changed_at": now,
                }
            )
            changes.append(
                {
                    "municipality_code": code,
                    "domain": domain,
                    "application_id": chosen.id,
                    "source": ChangeSource.IMPORT,
                    "actor": ACTOR,
                    "changed_at": now,
                }
            )
        on_row()
    if usages:
        session.execute(insert(Usage), usages)
        session.execute(insert(UsageChange), changes)
    return len(usages)


def _readiness(session: Session, applications: list[Application]) -> int:
    today = clock.today()
    rng = random.Random(20_2026)
    measures = {
        m.code: m
        for m in session.scalars(
            select(Measure)
            .where(Measure.code.in_(list(SOFTWARE_MEASURES)))
            .options(selectinload(Measure.wave))
        )
    }
    made = 0
    for application in applications:
        for code, touched in SOFTWARE_MEASURES.items():
            measure = measures.get(code)
            if measure is None:
                continue
            status, release, day = _report(rng, application, touched, measure.effective_date, today)
            if (application.name, code) == SLIPPED:
                first = measure.effective_date - timedelta(days=10)
                readiness.write_readiness(
                    session,
                    application.id,
                    code,
                    ReadinessStatus.PLANNED,
                    "2026.4",
                    max(first, today),
                    ChangeSource.SUPPLIER,
                    f"client:{SUPPLIER_CLIENT.client_id}",
                )
                status, release = ReadinessStatus.PLANNED, "2027.1"
                day = measure.effective_date + timedelta(days=45)
                session.flush()
            readiness.write_readiness(
                session,
                application.id,
                code,
                status,
                release,
                day,
                ChangeSource.SUPPLIER,
                f"client:{SUPPLIER_CLIENT.client_id}"
                if application.supplier_code == SUPPLIER_CLIENT.organisation
                else ACTOR,
            )
            made += 1
    session.flush()
    return made


def _report(
    rng: random.Random,
    application: Application,
    touched: tuple[Domain, ...],
    effective: date,
    today: date,
) -> tuple[ReadinessStatus, str | None, date | None]:
    if not any(d.value in application.domains for d in touched):
        return ReadinessStatus.NOT_NEEDED, None, None
    if effective <= today:
        return ReadinessStatus.DELIVERED, f"{effective.year}.1", None
    draw = rng.random()
    if draw < 0.25:
        return ReadinessStatus.AVAILABLE, f"{today.year}.3", today - timedelta(rng.randint(5, 60))
    if draw < 0.4:
        return ReadinessStatus.DELIVERED, f"{today.year}.2", None
    if draw < 0.85:
        planned = min(effective, today + timedelta(rng.randint(7, 60)))
        return ReadinessStatus.PLANNED, f"{effective.year}.1", planned
    return ReadinessStatus.ANALYSING, None, None
