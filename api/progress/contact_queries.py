"""Queries of the help list's contact moments (contact_models.py): the table is this module's
alone, so its queries live beside it rather than in the domain's large repository."""

from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.progress.contact_models import ContactMoment


class Moment(NamedTuple):
    municipality: str
    measure: str
    contacted_on: date
    note: str
    by: str | None
    """Her name; None once her account is gone."""
    noted_at: datetime


def _moments() -> Select[str, str, date, str, str, datetime]:
    return select(
        ContactMoment.municipality_code,
        ContactMoment.measure_code,
        ContactMoment.contacted_on,
        ContactMoment.note,
        User.name,
        ContactMoment.created_at,
    ).outerjoin(User, User.id == ContactMoment.user_id)


def latest_per_cell(session: Session) -> dict[tuple[str, str], Moment]:
    """The latest moment (by its day, then by when it was noted) of every cell that has one:
    the help list filters and exports by it.
    Moments are noted by hand, a few per advisor per day, so all cells at once stay small."""
    ranked = select(
        ContactMoment.id,
        func.row_number()
        .over(
            partition_by=(ContactMoment.municipality_code, ContactMoment.measure_code),
            order_by=(ContactMoment.contacted_on.desc(), ContactMoment.id.desc()),
        )
        .label("rank"),
    ).subquery()
    latest = select(ranked.c.id).where(ranked.c.rank == 1)
    query = _moments().where(ContactMoment.id.in_(latest))
    return {(m.municipality, m.measure): m for m in map(Moment._make, session.execute(query))}


def of_cell(session: Session, municipality: str, measure: str) -> list[Moment]:
    """The latest first, as latest_per_cell ranks them."""
    query = (
        _moments()
        .where(
            ContactMoment.municipality_code == municipality,
            ContactMoment.measure_code == measure,
        )
        .order_by(ContactMoment.contacted_on.desc(), ContactMoment.id.desc())
    )
    return [Moment._make(row) for row in session.execute(query)]


def cell_exists(session: Session, municipality: str, measure: str) -> bool:
    found_municipality = session.get(Municipality, municipality) is not None
    return found_municipality and session.get(Measure, measure) is not None


def add(
    session: Session, municipality: str, measure: str, day: date, note: str, user_id: int | None
) -> Moment:
    moment = ContactMoment(
        municipality_code=municipality,
        measure_code=measure,
        contacted_on=day,
        note=note,
        user_id=user_id,
    )
    session.add(moment)
    session.flush()
    query = _moments().where(ContactMoment.id == moment.id)
    return Moment._make(session.execute(query).one())
