"""Registrations in their public shapes: a place (or a place on the waiting list), a meeting's
list for the team or a contact, and a person's own meetings."""

from datetime import datetime

from sqlalchemy.orm import Session

from api.core.schemas import CodeName
from api.core.security import Principal
from api.meetings import presenters
from api.meetings.models import Meeting, Registration
from api.meetings.registrations import Listed, Lookup, Mine
from api.meetings.repository import Counts
from api.meetings.schemas import (
    MyMeeting,
    MyMeetings,
    RegistrationList,
    RegistrationLookup,
)
from api.meetings.schemas import (
    Registration as RegistrationRead,
)


def registration(
    item: Registration,
    position: int | None,
    municipalities: dict[str, str],
    organisations: dict[str, str],
) -> RegistrationRead:
    municipality, organisation = item.municipality_code, item.organisation_code
    return RegistrationRead(
        id=item.id,
        naam=item.name,
        email=item.email,
        gemeente=(
            CodeName(code=municipality, naam=municipalities.get(municipality, municipality))
            if municipality
            else None
        ),
        organisatie=(
            CodeName(code=organisation, naam=organisations.get(organisation, organisation))
            if organisation
            else None
        ),
        status=item.status,
        plaats_op_wachtlijst=position,
        aangemeld_op=presenters.local(item.registered_at),
        afgemeld_op=presenters.local_or_none(item.cancelled_at),
        aanwezigheid=item.attendance,
    )


def _items(listed: Listed) -> list[RegistrationRead]:
    return [
        registration(r, listed.positions.get(r.id), listed.municipalities, listed.organisations)
        for r in listed.registrations
    ]


def one(listed: Listed, item: Registration) -> RegistrationRead:
    return registration(
        item, listed.positions.get(item.id), listed.municipalities, listed.organisations
    )


def registration_list(session: Session, principal: Principal, listed: Listed) -> RegistrationList:
    lookups = presenters.lookups_for(session, principal, [listed.meeting])
    counts = lookups.counts.get(listed.meeting.id, Counts())
    return RegistrationList(
        aanmeldingen=_items(listed), plaatsen=presenters.places(listed.meeting, counts)
    )


def lookup(
    session: Session, principal: Principal, found: Lookup, now: datetime
) -> RegistrationLookup:
    lookups = presenters.lookups_for(session, principal, [found.meeting])
    return RegistrationLookup(
        bijeenkomst=presenters.summary(found.meeting, lookups, now),
        naam=found.registration.name,
        status=found.registration.status,
    )


def my_meetings(session: Session, principal: Principal, mine: Mine, now: datetime) -> MyMeetings:
    meetings: list[Meeting] = [x.meeting for x in (*mine.coming, *mine.past)]
    lookups = presenters.lookups_for(session, principal, meetings)

    def shaped(listed: Listed) -> MyMeeting:
        return MyMeeting(
            bijeenkomst=presenters.summary(listed.meeting, lookups, now),
            aanmeldingen=_items(listed),
        )

    return MyMeetings(
        komend=[shaped(x) for x in mine.coming], afgelopen=[shaped(x) for x in mine.past]
    )
