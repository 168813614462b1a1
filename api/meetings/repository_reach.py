"""Queries of the reach figures, the invitations and the effect. The figures are added up in
api/meetings/reach.py from a few plain rows: a half-year holds tens of meetings, not millions."""

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.measures.models import Measure
from api.meetings.models import (
    Attendance,
    Invitation,
    Meeting,
    MeetingStatus,
    Registration,
    RegistrationStatus,
)
from api.municipalities.models import LabourMarketRegion, Municipality, Province


class Place(NamedTuple):
    code: str
    name: str
    sort_name: str
    population: int
    province: str
    province_name: str
    region: str
    region_name: str


class Seat(NamedTuple):
    """One registration, as the figures count it."""

    meeting_id: int
    municipality: str | None
    status: RegistrationStatus
    attendance: Attendance | None


def _held_between(start: datetime, end: datetime) -> list[object]:
    return [
        Meeting.starts_at >= start,
        Meeting.starts_at < end,
        Meeting.status != MeetingStatus.CANCELLED,
    ]


def meetings_between(session: Session, start: datetime, end: datetime) -> list[Meeting]:
    """The meetings that start in [start, end), cancelled ones left out, with their measures."""
    query = (
        select(Meeting)
        .where(*_held_between(start, end))  # type: ignore[arg-type]
        .options(selectinload(Meeting.measures))
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return list(session.scalars(query))


def seats_between(session: Session, start: datetime, end: datetime) -> list[Seat]:
    query = (
        select(
            Registration.meeting_id,
            Registration.municipality_code,
            Registration.status,
            Registration.attendance,
        )
        .join(Meeting, Meeting.id == Registration.meeting_id)
        .where(*_held_between(start, end))  # type: ignore[arg-type]
    )
    return [Seat(*row) for row in session.execute(query)]


def places(session: Session) -> list[Place]:
    query = (
        select(
            Municipality.code,
            Municipality.name,
            Municipality.sort_name,
            Municipality.population,
            Province.code,
            Province.name,
            LabourMarketRegion.code,
            LabourMarketRegion.name,
        )
        .join(Province, Province.code == Municipality.province_code)
        .join(LabourMarketRegion, LabourMarketRegion.code == Municipality.labour_market_region_code)
        .order_by(Municipality.code)
    )
    return [Place(*row) for row in session.execute(query)]


def measures(session: Session) -> list[tuple[str, str]]:
    query = select(Measure.code, Measure.title).order_by(Measure.code)
    return [(code, title) for code, title in session.execute(query)]


def invited(session: Session, meeting_id: int) -> set[int]:
    query = select(Invitation.user_id).where(
        Invitation.meeting_id == meeting_id, Invitation.user_id.is_not(None)
    )
    return {user_id for user_id in session.scalars(query) if user_id is not None}


def invited_municipalities(session: Session, meeting_id: int) -> set[str]:
    query = select(Invitation.municipality_code).where(Invitation.meeting_id == meeting_id)
    return set(session.scalars(query))


def registered(session: Session, meeting_id: int) -> tuple[set[int], set[str]]:
    """The accounts and addresses with a place or a place on the waiting list."""
    query = select(Registration.user_id, Registration.email).where(
        Registration.meeting_id == meeting_id,
        Registration.status.in_([RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]),
    )
    users: set[int] = set()
    emails: set[str] = set()
    for user_id, email in session.execute(query):
        if user_id is not None:
            users.add(user_id)
        emails.add(email.lower())
    return users, emails


def add_invitations(session: Session, invitations: list[Invitation]) -> None:
    session.add_all(invitations)
    session.flush()


def attended(session: Session, meeting_id: int) -> set[str]:
    """The municipalities with someone present."""
    query = (
        select(Registration.municipality_code)
        .where(
            Registration.meeting_id == meeting_id,
            Registration.attendance == Attendance.PRESENT,
            Registration.municipality_code.is_not(None),
        )
        .group_by(Registration.municipality_code)
    )
    return {code for code in session.scalars(query) if code is not None}
