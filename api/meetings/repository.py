"""Queries of the meetings core: the agenda with its filters, one meeting (with its row lock for
a change), the places taken per meeting, hosts, measures, themes and the history."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from api.accounts.models import User
from api.core import data_versions
from api.core.pagination import PageParams
from api.measures.models import Measure, Theme
from api.meetings.models import (
    Audience,
    HostRole,
    Meeting,
    MeetingEvent,
    MeetingHost,
    MeetingKind,
    MeetingStatus,
    Registration,
    RegistrationStatus,
    meeting_measures,
    meeting_themes,
)
from api.municipalities.models import LabourMarketRegion, Province
from api.organisations.models import Organisation


@dataclass(frozen=True)
class MeetingFilter:
    now: datetime
    """What has ended by now is past (afgelopen)."""
    past: bool = False
    """False: meetings not yet ended, soonest first; True: ended ones, latest first."""
    kind: MeetingKind | None = None
    measure: str | None = None
    theme: str | None = None
    province: str | None = None
    region: str | None = None
    audience: Audience | None = None
    status: MeetingStatus | None = None
    """The status shown: `afgelopen` is an ended meeting that was not cancelled; the stored
    ones (but cancelled) only while the meeting has not ended."""
    starts_from: datetime | None = None
    starts_before: datetime | None = None


def get(session: Session, meeting_id: int) -> Meeting | None:
    return session.scalars(
        select(Meeting).where(Meeting.id == meeting_id).options(selectinload(Meeting.measures))
    ).one_or_none()


def get_for_update(session: Session, meeting_id: int) -> Meeting | None:
    """The meeting with its row locked until commit: every writer of a meeting (a change, a
    registration, a promotion from the waiting list) takes it, so their counts agree. The
    agenda's version counter is taken first, as every writer of the agenda does before its
    rows, so writers queue in one order and cannot deadlock."""
    data_versions.writing(session, data_versions.MEETINGS)
    return session.scalars(
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(selectinload(Meeting.measures))
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one_or_none()


def _filtered(criteria: MeetingFilter) -> Select[Meeting]:
    query = select(Meeting)
    if criteria.past:
        query = query.where(Meeting.ends_at <= criteria.now)
    else:
        query = query.where(Meeting.ends_at > criteria.now)
    if criteria.status is MeetingStatus.PAST:
        query = query.where(Meeting.status != MeetingStatus.CANCELLED)
    elif criteria.status is MeetingStatus.CANCELLED:
        query = query.where(Meeting.status == MeetingStatus.CANCELLED)
    elif criteria.status is not None:
        query = query.where(Meeting.status == criteria.status, Meeting.ends_at > criteria.now)
    if criteria.kind is not None:
        query = query.where(Meeting.kind == criteria.kind)
    if criteria.audience is not None:
        query = query.where(Meeting.audience == criteria.audience)
    if criteria.province is not None:
        query = query.where(Meeting.province_code == criteria.province)
    if criteria.region is not None:
        query = query.where(Meeting.labour_market_region_code == criteria.region)
    if criteria.starts_from is not None:
        query = query.where(Meeting.starts_at >= criteria.starts_from)
    if criteria.starts_before is not None:
        query = query.where(Meeting.starts_at < criteria.starts_before)
    if criteria.measure is not None:
        query = query.where(
            Meeting.id.in_(
                select(meeting_measures.c.meeting_id).where(
                    meeting_measures.c.measure_code == criteria.measure
                )
            )
        )
    if criteria.theme is not None:
        query = query.where(
            Meeting.id.in_(
                select(meeting_themes.c.meeting_id).where(
                    meeting_themes.c.theme_code == criteria.theme
                )
            )
        )
    return query


def find(session: Session, criteria: MeetingFilter, page: PageParams) -> tuple[list[Meeting], int]:
    query = _filtered(criteria)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    order = (
        (Meeting.starts_at.desc(), Meeting.id.desc())
        if criteria.past
        else (Meeting.starts_at, Meeting.id)
    )
    found = session.scalars(
        query.options(selectinload(Meeting.measures))
        .order_by(*order)
        .offset(page.offset)
        .limit(page.size)
    ).all()
    return list(found), total


@dataclass(frozen=True)
class Counts:
    registered: int = 0
    waiting: int = 0


def counts(session: Session, meeting_ids: Iterable[int]) -> dict[int, Counts]:
    """Places taken and the waiting list's length of each meeting, in one query."""
    ids = sorted(set(meeting_ids))
    found = {i: Counts() for i in ids}
    if not ids:
        return found
    rows = session.execute(
        select(Registration.meeting_id, Registration.status, func.count())
        .where(
            Registration.meeting_id.in_(ids),
            Registration.status.in_([RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]),
        )
        .group_by(Registration.meeting_id, Registration.status)
    )
    tallies: dict[int, dict[RegistrationStatus, int]] = {i: {} for i in ids}
    for meeting_id, status, number in rows:
        tallies[meeting_id][status] = number
    for meeting_id, tally in tallies.items():
        found[meeting_id] = Counts(
            registered=tally.get(RegistrationStatus.REGISTERED, 0),
            waiting=tally.get(RegistrationStatus.WAITING, 0),
        )
    return found


def statuses_of(
    session: Session, meeting_ids: Iterable[int], user_id: int
) -> dict[int, RegistrationStatus]:
    """The status of this person's own registration at each meeting, where she has one."""
    ids = sorted(set(meeting_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(Registration.meeting_id, Registration.status).where(
            Registration.meeting_id.in_(ids), Registration.user_id == user_id
        )
    )
    return {meeting_id: status for meeting_id, status in rows}


@dataclass(frozen=True)
class HostRow:
    code: str
    name: str
    role: HostRole


def hosts_of(session: Session, meeting_ids: Iterable[int]) -> dict[int, list[HostRow]]:
    ids = sorted(set(meeting_ids))
    found: dict[int, list[HostRow]] = {i: [] for i in ids}
    if not ids:
        return found
    rows = session.execute(
        select(MeetingHost.meeting_id, Organisation.code, Organisation.name, MeetingHost.role)
        .join(Organisation, Organisation.code == MeetingHost.organisation_code)
        .where(MeetingHost.meeting_id.in_(ids))
    )
    for meeting_id, code, name, role in rows:
        found[meeting_id].append(HostRow(code, name, role))
    for hosts in found.values():
        hosts.sort(key=lambda h: (h.role is not HostRole.ORGANISER, h.name))
    return found


def set_hosts(session: Session, meeting_id: int, hosts: dict[str, HostRole]) -> None:
    session.execute(delete(MeetingHost).where(MeetingHost.meeting_id == meeting_id))
    for code, role in sorted(hosts.items()):
        session.add(MeetingHost(meeting_id=meeting_id, organisation_code=code, role=role))


def themes_of(session: Session, meeting_ids: Iterable[int]) -> dict[int, list[tuple[str, str]]]:
    """Per meeting its themes as (code, name), by name."""
    ids = sorted(set(meeting_ids))
    found: dict[int, list[tuple[str, str]]] = {i: [] for i in ids}
    if not ids:
        return found
    rows = session.execute(
        select(meeting_themes.c.meeting_id, Theme.code, Theme.name)
        .join(Theme, Theme.code == meeting_themes.c.theme_code)
        .where(meeting_themes.c.meeting_id.in_(ids))
        .order_by(Theme.position, Theme.code)
    )
    for meeting_id, code, name in rows:
        found[meeting_id].append((code, name))
    return found


def set_themes(session: Session, meeting_id: int, codes: list[str]) -> None:
    session.execute(delete(meeting_themes).where(meeting_themes.c.meeting_id == meeting_id))
    for code in codes:
        session.execute(meeting_themes.insert().values(meeting_id=meeting_id, theme_code=code))


def measures_by_codes(session: Session, codes: Iterable[str]) -> dict[str, Measure]:
    wanted = sorted(set(codes))
    if not wanted:
        return {}
    return {m.code: m for m in session.scalars(select(Measure).where(Measure.code.in_(wanted)))}


def _existing(
    session: Session, column: InstrumentedAttribute[str], codes: Iterable[str]
) -> set[str]:
    wanted = sorted(set(codes))
    if not wanted:
        return set()
    return set(session.scalars(select(column).where(column.in_(wanted))))


def theme_codes(session: Session, codes: Iterable[str]) -> set[str]:
    return _existing(session, Theme.code, codes)


def organisation_codes(session: Session, codes: Iterable[str]) -> set[str]:
    return _existing(session, Organisation.code, codes)


def province_names(session: Session, codes: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(codes))
    if not wanted:
        return {}
    rows = session.execute(select(Province.code, Province.name).where(Province.code.in_(wanted)))
    return {code: name for code, name in rows}


def region_names(session: Session, codes: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(codes))
    if not wanted:
        return {}
    rows = session.execute(
        select(LabourMarketRegion.code, LabourMarketRegion.name).where(
            LabourMarketRegion.code.in_(wanted)
        )
    )
    return {code: name for code, name in rows}


# Ids are INTEGER columns: PostgreSQL refuses to compare one with a larger number.
_LARGEST_ID = 2**31 - 1


def user_with_roles(session: Session, user_id: int) -> User | None:
    if not 1 <= user_id <= _LARGEST_ID:
        return None
    return session.scalars(
        select(User).where(User.id == user_id).options(selectinload(User.role_rows))
    ).one_or_none()


def users_by_ids(session: Session, ids: Iterable[int]) -> dict[int, User]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {u.id: u for u in session.scalars(select(User).where(User.id.in_(wanted)))}


def events_of(session: Session, meeting_id: int) -> list[MeetingEvent]:
    return list(
        session.scalars(
            select(MeetingEvent)
            .where(MeetingEvent.meeting_id == meeting_id)
            .order_by(MeetingEvent.occurred_at, MeetingEvent.id)
        )
    )


def registration_names(session: Session, meeting_id: int) -> dict[int, str]:
    query = select(Registration.id, Registration.name).where(Registration.meeting_id == meeting_id)
    return {row_id: name for row_id, name in session.execute(query)}
