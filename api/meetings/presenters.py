"""Meetings in their public shapes: the agenda's summaries and a meeting's page, with what each
reader may see (the join link and the organiser only for whom policy.py allows). Moments are
shown in Europe/Amsterdam, with their offset."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from api.core.clock import AMSTERDAM
from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import CodeName, Link
from api.core.security import Principal
from api.core.urls import api_path
from api.meetings import policy, repository, service
from api.meetings.models import Meeting, RegistrationStatus
from api.meetings.repository import Counts, HostRow
from api.meetings.schemas import (
    Host,
    MeetingDetail,
    MeetingLinks,
    MeetingPage,
    MeetingSummary,
    PersonRef,
    Places,
)


def local(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)


def local_or_none(moment: datetime | None) -> datetime | None:
    return local(moment) if moment is not None else None


@dataclass(frozen=True)
class Lookups:
    """What a page of meetings needs beside the rows, each fetched once for the whole page."""

    counts: dict[int, Counts]
    provinces: dict[str, str]
    regions: dict[str, str]
    mine: dict[int, RegistrationStatus]
    """The reader's own registrations (empty for visitors)."""


def lookups_for(session: Session, principal: Principal, meetings: Sequence[Meeting]) -> Lookups:
    ids = [m.id for m in meetings]
    return Lookups(
        counts=repository.counts(session, ids),
        provinces=repository.province_names(
            session, {m.province_code for m in meetings if m.province_code}
        ),
        regions=repository.region_names(
            session,
            {m.labour_market_region_code for m in meetings if m.labour_market_region_code},
        ),
        mine=(
            repository.statuses_of(session, ids, principal.user_id)
            if principal.kind == "user" and principal.user_id is not None
            else {}
        ),
    )


def places(meeting: Meeting, counts: Counts) -> Places:
    return Places(
        capaciteit=meeting.capacity,
        aangemeld=counts.registered,
        wachtlijst=counts.waiting,
        vrij=service.free_places(meeting, counts),
    )


def _named(code: str | None, names: dict[str, str]) -> CodeName | None:
    return CodeName(code=code, naam=names.get(code, code)) if code else None


def summary(meeting: Meeting, lookups: Lookups, now: datetime) -> MeetingSummary:
    return MeetingSummary(
        id=meeting.id,
        soort=meeting.kind,
        titel=meeting.title,
        doelgroep=meeting.audience,
        status=service.shown_status(meeting, now),
        begin=local(meeting.starts_at),
        einde=local(meeting.ends_at),
        online=meeting.is_online,
        locatie=meeting.venue,
        provincie=_named(meeting.province_code, lookups.provinces),
        arbeidsmarktregio=_named(meeting.labour_market_region_code, lookups.regions),
        maatregelen=[CodeName(code=m.code, naam=m.title) for m in meeting.measures],
        plaatsen=places(meeting, lookups.counts.get(meeting.id, Counts())),
        aanmelden_mogelijk=service.registration_possible(meeting, now),
        mijn_aanmelding=lookups.mine.get(meeting.id),
    )


def _host(row: HostRow) -> Host:
    return Host(code=row.code, naam=row.name, rol=row.role)


def detail(
    session: Session, principal: Principal, meeting: Meeting, now: datetime
) -> MeetingDetail:
    lookups = lookups_for(session, principal, [meeting])
    registered = lookups.mine.get(meeting.id) is RegistrationStatus.REGISTERED
    manager = policy.may_manage(principal, meeting)
    organiser = None
    if manager and meeting.organiser_id is not None:
        user = repository.users_by_ids(session, [meeting.organiser_id]).get(meeting.organiser_id)
        organiser = PersonRef(id=user.id, naam=user.name) if user else None
    return MeetingDetail(
        **summary(meeting, lookups, now).model_dump(),
        omschrijving=meeting.description,
        themas=[
            CodeName(code=code, naam=name)
            for code, name in repository.themes_of(session, [meeting.id])[meeting.id]
        ],
        organisatoren=[_host(h) for h in repository.hosts_of(session, [meeting.id])[meeting.id]],
        adres=meeting.address,
        aanmelden_tot=local_or_none(meeting.registration_deadline),
        tijdslot_minuten=meeting.slot_minutes,
        deelnamelink=(
            meeting.join_url
            if policy.may_see_join_link(principal, meeting, registered=registered)
            else None
        ),
        organisator=organiser,
        geannuleerd_op=local_or_none(meeting.cancelled_at),
        reden_annulering=meeting.cancel_reason,
        versie=meeting.version,
        _links=MeetingLinks(
            self=Link(href=api_path("bijeenkomsten", meeting.id)),
            kalender=Link(href=api_path("bijeenkomsten", meeting.id, "kalender")),
        ),
    )


def page(
    session: Session,
    principal: Principal,
    meetings: Sequence[Meeting],
    now: datetime,
    envelope: tuple[PageInfo, PageLinks],
) -> MeetingPage:
    lookups = lookups_for(session, principal, meetings)
    info, links = envelope
    return MeetingPage(
        resultaten=[summary(m, lookups, now) for m in meetings], paginering=info, _links=links
    )
