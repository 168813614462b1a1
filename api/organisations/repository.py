"""Every query of the organisations domain."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from api.organisations.models import Organisation, OrganisationKind


def count_organisations(session: Session, kind: OrganisationKind | None) -> int:
    query = select(func.count(Organisation.code))
    if kind is not None:
        query = query.where(Organisation.kind == kind)
    return session.scalar(query) or 0


def list_organisations(
    session: Session, kind: OrganisationKind | None, offset: int, limit: int
) -> list[Organisation]:
    query = select(Organisation).options(selectinload(Organisation.members))
    if kind is not None:
        query = query.where(Organisation.kind == kind)
    query = query.order_by(Organisation.name, Organisation.code).offset(offset).limit(limit)
    return list(session.scalars(query))


def get_organisation(session: Session, code: str) -> Organisation | None:
    query = (
        select(Organisation)
        .where(Organisation.code == code)
        .options(selectinload(Organisation.members))
    )
    return session.scalars(query).first()
