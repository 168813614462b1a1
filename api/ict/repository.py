"""Every query of ICT readiness. Other domains' tables (organisations, municipalities,
measures) are read here through their tables, never through their repositories."""

from collections.abc import Collection, Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.core.pagination import PageParams
from api.ict.models import (
    Application,
    Domain,
    Readiness,
    ReadinessChange,
    SoftwareMeasure,
    Supplier,
    Usage,
    UsageChange,
)
from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.organisations.models import Organisation, OrganisationKind

# Suppliers


def suppliers(session: Session) -> list[tuple[Organisation, Supplier | None]]:
    query = (
        select(Organisation, Supplier)
        .outerjoin(Supplier, Supplier.organisation_code == Organisation.code)
        .where(Organisation.kind == OrganisationKind.SOFTWARE_SUPPLIER)
        .order_by(Organisation.name, Organisation.code)
    )
    return [(o, s) for o, s in session.execute(query)]


def supplier(session: Session, code: str) -> tuple[Organisation, Supplier | None] | None:
    query = (
        select(Organisation, Supplier)
        .outerjoin(Supplier, Supplier.organisation_code == Organisation.code)
        .where(Organisation.code == code, Organisation.kind == OrganisationKind.SOFTWARE_SUPPLIER)
    )
    row = session.execute(query).first()
    return None if row is None else (row[0], row[1])


def supplier_names(session: Session) -> dict[str, str]:
    query = select(Organisation.code, Organisation.name).where(
        Organisation.kind == OrganisationKind.SOFTWARE_SUPPLIER
    )
    return {code: name for code, name in session.execute(query)}


def public_suppliers(session: Session) -> set[str]:
    return set(session.scalars(select(Supplier.organisation_code).where(Supplier.figures_public)))


# Applications


def applications(
    session: Session, supplier_code: str | None, domain: Domain | None
) -> list[Application]:
    """In name order. A supplier has a handful of applications, so the domain (a JSON list,
    stored differently per engine) is filtered here rather than in SQL."""
    query = select(Application).order_by(Application.name, Application.id)
    if supplier_code is not None:
        query = query.where(Application.supplier_code == supplier_code)
    return [a for a in session.scalars(query) if domain is None or domain.value in a.domains]


def all_applications(session: Session) -> list[Application]:
    return list(session.scalars(select(Application).order_by(Application.name, Application.id)))


def application(session: Session, application_id: int) -> Application | None:
    return session.get(Application, application_id)


def application_by_name(session: Session, supplier_code: str, name: str) -> Application | None:
    query = select(Application).where(
        Application.supplier_code == supplier_code, Application.name == name
    )
    return session.scalars(query).first()


# Which application each municipality uses


def usages_of(session: Session, municipality_code: str) -> list[Usage]:
    query = select(Usage).where(Usage.municipality_code == municipality_code)
    return list(session.scalars(query))


def usage(session: Session, municipality_code: str, domain: Domain) -> Usage | None:
    return session.get(Usage, (municipality_code, domain))


def all_usages(session: Session) -> list[tuple[str, Domain, int]]:
    query = select(Usage.municipality_code, Usage.domain, Usage.application_id)
    return [(m, Domain(d), a) for m, d, a in session.execute(query)]


def usage_history(
    session: Session, municipality_code: str, page: PageParams
) -> tuple[list[UsageChange], int]:
    """One page of a municipality's usage changes, newest first, and how many there are."""
    mine = UsageChange.municipality_code == municipality_code
    total = session.scalar(select(func.count()).select_from(UsageChange).where(mine)) or 0
    query = (
        select(UsageChange)
        .where(mine)
        .order_by(UsageChange.changed_at.desc(), UsageChange.id.desc())
        .offset(page.offset)
        .limit(page.size)
    )
    return list(session.scalars(query)), total


def applications_by_id(session: Session, ids: Collection[int]) -> dict[int, Application]:
    if not ids:
        return {}
    query = select(Application).where(Application.id.in_(sorted(ids)))
    return {a.id: a for a in session.scalars(query)}


def add_usage_change(session: Session, change: UsageChange) -> None:
    session.add(change)


# Measures that need software


def measures(session: Session) -> list[tuple[str, str]]:
    query = select(Measure.code, Measure.title).order_by(Measure.code)
    return [(code, title) for code, title in session.execute(query)]


def measure_title(session: Session, code: str) -> str | None:
    return session.scalar(select(Measure.title).where(Measure.code == code))


def software_measures(session: Session) -> dict[str, SoftwareMeasure]:
    return {row.measure_code: row for row in session.scalars(select(SoftwareMeasure))}


def software_measure(session: Session, code: str) -> SoftwareMeasure | None:
    return session.get(SoftwareMeasure, code)


def needing_software(session: Session) -> set[str]:
    query = select(SoftwareMeasure.measure_code).where(SoftwareMeasure.needs_software)
    return set(session.scalars(query))


# Readiness


def readiness(session: Session, application_id: int, measure_code: str) -> Readiness | None:
    return session.get(Readiness, (application_id, measure_code))


def readiness_of(session: Session, application_id: int) -> list[Readiness]:
    query = (
        select(Readiness)
        .where(Readiness.application_id == application_id)
        .order_by(Readiness.measure_code)
    )
    return list(session.scalars(query))


def all_readiness(session: Session, measure_codes: Iterable[str]) -> list[Readiness]:
    query = select(Readiness).where(Readiness.measure_code.in_(list(measure_codes)))
    return list(session.scalars(query))


def readiness_history(
    session: Session, application_id: int, measure_code: str
) -> list[ReadinessChange]:
    query = (
        select(ReadinessChange)
        .where(
            ReadinessChange.application_id == application_id,
            ReadinessChange.measure_code == measure_code,
        )
        .order_by(ReadinessChange.changed_at.desc(), ReadinessChange.id.desc())
    )
    return list(session.scalars(query))


def add(session: Session, row: object) -> None:
    session.add(row)
    session.flush()


# Municipalities


def municipality(session: Session, code: str) -> Municipality | None:
    return session.get(Municipality, code)


def municipality_codes(session: Session) -> set[str]:
    return set(session.scalars(select(Municipality.code)))
