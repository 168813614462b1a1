"""Registering for a meeting, the waiting list and cancelling.

A contact registers herself (name and address from her account) or a colleague of one of her
municipalities (by name and address; no account needed). An expert of a partner organisation
registers herself when the audience includes chain partners. The team and the meeting's
organiser may register anyone. One place per address per meeting.

Every change of a meeting's places happens under the meeting's row lock: a registration takes a
place while the capacity allows and otherwise joins the waiting list; a place given up goes to
the first on the waiting list (first come, first promoted), who is told by mail. `vol` follows
the places taken (service.refresh_full). Cancelling less than 24 hours before the start is
recorded as attendance `laat-afgemeld`, as the reach figures count it."""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from api.accounts.schemas import EMAIL_PATTERN
from api.accounts.secrets import hash_token
from api.core import clock, data_versions
from api.core.errors import ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError
from api.core.security import Principal
from api.core.settings import Settings
from api.core.validation import InvalidParams
from api.meetings import history, policy, ratings, repository, service, slot_release
from api.meetings import repository_registrations as registrations
from api.meetings.mails import Occasion, dutch_moment, send
from api.meetings.models import (
    Attendance,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Registration,
    RegistrationStatus,
)
from api.meetings.schemas import RegistrationCreate

LATE = timedelta(hours=24)
"""Giving up a place later than this before the start counts as a late cancellation."""
BY_MAIL_LINK = "token"
"""The history's actor for a step taken with the link from a mail, without logging in."""
EMAIL = re.compile(EMAIL_PATTERN)


@dataclass(frozen=True)
class Person:
    """Who takes the place."""

    name: str
    email: str
    user_id: int | None
    municipality_code: str | None
    organisation_code: str | None


@dataclass(frozen=True)
class Lookup:
    meeting: Meeting
    registration: Registration


@dataclass(frozen=True)
class Listed:
    meeting: Meeting
    registrations: list[Registration]
    positions: dict[int, int]
    municipalities: dict[str, str]
    organisations: dict[str, str]


def _positions(items: list[Registration]) -> dict[int, int]:
    """The waiting list's places of these registrations, in queue order (they come sorted)."""
    waiting = [r for r in items if r.status is RegistrationStatus.WAITING]
    return {r.id: n for n, r in enumerate(waiting, 1)}


def _listed(session: Session, meeting: Meeting, items: list[Registration]) -> Listed:
    queue = registrations.waiting(session, meeting.id)
    return Listed(
        meeting=meeting,
        registrations=items,
        positions=_positions(queue),
        municipalities=registrations.municipality_names(
            session, (r.municipality_code for r in items)
        ),
        organisations=registrations.organisation_names(
            session, (r.organisation_code for r in items)
        ),
    )


# ---------------------------------------------------------------------------------------------
# Who may register whom


def _unknown_registration(registration_id: int) -> NotFoundError:
    return NotFoundError(f"Aanmelding {registration_id} bestaat niet bij deze bijeenkomst.")


def _unknown_link() -> NotFoundError:
    return NotFoundError(
        "Deze afmeldlink bestaat niet (meer). Gebruik de link uit de nieuwste e-mail over deze "
        "bijeenkomst."
    )


def _person_id(principal: Principal) -> int:
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if principal.kind != "user" or principal.user_id is None:
        raise ForbiddenError("Aanmelden kan alleen een persoon, geen koppeling.")
    return principal.user_id


def _colleague(body: RegistrationCreate, invalid: InvalidParams) -> tuple[str, str] | None:
    """The name and address of someone else, when the body gives them (both or neither)."""
    if body.naam is None and body.email is None:
        return None
    if body.naam is None or not body.naam.strip():
        invalid.add("naam", "required", "Geef de naam bij het e-mailadres.", "body")
    email = (body.email or "").strip().lower()
    if body.email is None:
        invalid.add("email", "required", "Geef het e-mailadres bij de naam.", "body")
    elif not EMAIL.fullmatch(email):
        invalid.add("email", "invalid_email", "Geen geldig e-mailadres.", "body")
    return (body.naam or "").strip(), email


def _municipality(
    principal: Principal, body: RegistrationCreate, invalid: InvalidParams
) -> str | None:
    """The municipality a contact comes for: one of hers, named when she has several."""
    if body.gemeente is not None:
        if not principal.may_act_for(body.gemeente):
            raise ForbiddenError(
                f"U bent geen contactpersoon van gemeente {body.gemeente}; u meldt alleen "
                "collega's van uw eigen gemeente(n) aan."
            )
        return body.gemeente
    if len(principal.municipalities) == 1:
        return next(iter(principal.municipalities))
    invalid.add(
        "gemeente",
        "required",
        "U bent contactpersoon van meer gemeenten: kies voor welke gemeente.",
        "body",
    )
    return None


def _person(
    session: Session, principal: Principal, meeting: Meeting, body: RegistrationCreate
) -> Person:
    user_id = _person_id(principal)
    invalid = InvalidParams()
    other = _colleague(body, invalid)
    manager = policy.may_manage(principal, meeting)
    if not manager and not policy.audience_admits(principal, meeting):
        raise ForbiddenError(
            f"Deze bijeenkomst is voor {meeting.audience.value}; u kunt zich er niet voor "
            "aanmelden."
        )
    municipality: str | None = None
    organisation: str | None = None
    if manager:
        municipality = body.gemeente
        if municipality is not None and not registrations.municipality_exists(
            session, municipality
        ):
            invalid.add("gemeente", "unknown_value", f"Gemeente '{municipality}' bestaat niet.")
    elif policy.is_contact(principal):
        municipality = _municipality(principal, body, invalid)
    else:
        if other is not None or body.gemeente is not None:
            raise ForbiddenError("Een expert meldt alleen zichzelf aan, zonder naam of gemeente.")
        organisation = principal.organisation_code
    invalid.raise_if_any()
    if other is None:
        me = registrations.user(session, user_id)
        if me is None:
            raise UnauthenticatedError
        return Person(me.name, me.email.strip().lower(), user_id, municipality, organisation)
    name, email = other
    account = registrations.active_user_by_email(session, email)
    return Person(name, email, account.id if account else None, municipality, organisation)


# ---------------------------------------------------------------------------------------------
# Places


def _require_open(meeting: Meeting, now: datetime) -> None:
    if meeting.status is MeetingStatus.CANCELLED:
        raise ConflictError("Deze bijeenkomst is geannuleerd; aanmelden kan niet meer.")
    if meeting.ends_at <= now:
        raise ConflictError("Deze bijeenkomst is afgelopen; aanmelden kan niet meer.")
    if meeting.kind is MeetingKind.CONSULTATION_HOUR:
        raise ConflictError("Voor een spreekuur boekt u een tijdslot in plaats van aan te melden.")
    if meeting.status is MeetingStatus.PLANNED:
        raise ConflictError("Aanmelden voor deze bijeenkomst is nog niet geopend.")
    closes = service.registration_closes_at(meeting)
    if now >= closes:
        raise ConflictError(f"Aanmelden kon tot {dutch_moment(closes)} uur.")


def _registered(session: Session, meeting: Meeting) -> int:
    return registrations.count(session, meeting.id, RegistrationStatus.REGISTERED)


def _has_room(session: Session, meeting: Meeting) -> bool:
    return meeting.capacity is None or _registered(session, meeting) < meeting.capacity


def position(session: Session, registration: Registration) -> int | None:
    if registration.status is not RegistrationStatus.WAITING:
        return None
    queue = registrations.waiting(session, registration.meeting_id)
    return next((n for n, r in enumerate(queue, 1) if r.id == registration.id), None)


def fill_free_places(
    session: Session, settings: Settings, meeting: Meeting, actor: str
) -> list[Registration]:
    """Gives every free place to the first on the waiting list, in order, and tells each by
    mail. With the meeting's row locked (repository.get_for_update); also after the capacity
    was raised."""
    promoted: list[Registration] = []
    # No capacity: everyone waiting gets a place (no limit on the one read of the list).
    free = None if meeting.capacity is None else meeting.capacity - _registered(session, meeting)
    if free is not None and free <= 0:
        return promoted
    for registration in registrations.waiting(session, meeting.id, limit=free):
        registration.status = RegistrationStatus.REGISTERED
        promoted.append(registration)
        history.record(session, meeting, "van-wachtlijst", actor, {"aanmelding": registration.id})
        send(session, settings, meeting, registration, Occasion.PROMOTED)
    session.flush()
    return promoted


def take_place(
    session: Session,
    principal: Principal,
    meeting: Meeting,
    person: Person,
    given_up: Registration | None,
    status: RegistrationStatus,
    now: datetime,
) -> Registration:
    """Her place (or place on the waiting list), under the meeting's lock: a new row, or the
    one she gave up before (one row per address), asked for anew: at the back of the queue,
    nothing of its earlier life kept. Keeps `vol` in step and records the step."""
    registration = given_up
    if registration is None:
        registration = Registration(meeting_id=meeting.id, email=person.email, is_demo=False)
        session.add(registration)
    registration.name = person.name
    registration.user_id = person.user_id
    registration.municipality_code = person.municipality_code
    registration.organisation_code = person.organisation_code
    registration.registered_by = principal.user_id
    registration.status = status
    registration.queued_at = now
    registration.registered_at = now
    registration.cancelled_at = None
    registration.attendance = None
    registration.attendance_recorded_by = None
    registration.reminded_at = None
    registration.sent_sequence = None
    session.flush()
    service.refresh_full(session, meeting)
    history.record(
        session,
        meeting,
        "aangemeld" if status is RegistrationStatus.REGISTERED else "wachtlijst",
        principal.subject,
        {history.REGISTRATION: registration.id},
    )
    return registration


def register(
    session: Session,
    settings: Settings,
    principal: Principal,
    meeting_id: int,
    body: RegistrationCreate,
) -> Listed:
    """A place, or a place on the waiting list when the meeting is full; the confirmation (with
    the .ics) or the waiting list's mail goes out with it."""
    _person_id(principal)
    meeting = repository.get_for_update(session, meeting_id)
    if meeting is None:
        raise policy.not_found(meeting_id)
    person = _person(session, principal, meeting, body)
    now = clock.now()
    _require_open(meeting, now)
    registration = registrations.by_email(session, meeting.id, person.email)
    if registration is not None and registration.status is not RegistrationStatus.CANCELLED:
        where = (
            "staat al op de wachtlijst"
            if registration.status is RegistrationStatus.WAITING
            else "is al aangemeld"
        )
        raise ConflictError(f"{person.email} {where} voor deze bijeenkomst.")
    # Nobody passes the waiting list: a place that is somehow free goes to it first.
    fill_free_places(session, settings, meeting, "systeem")
    status = (
        RegistrationStatus.REGISTERED
        if _has_room(session, meeting) and not registrations.waiting(session, meeting.id, 1)
        else RegistrationStatus.WAITING
    )
    registration = take_place(session, principal, meeting, person, registration, status, now)
    place = position(session, registration)
    send(
        session,
        settings,
        meeting,
        registration,
        Occasion.REGISTERED if place is None else Occasion.WAITING,
        position=place,
    )
    session.flush()
    return _listed(session, meeting, [registration])


def _give_up(
    session: Session, settings: Settings, meeting: Meeting, registration: Registration, actor: str
) -> None:
    now = clock.now()
    if registration.status is RegistrationStatus.CANCELLED:
        on = clock.dutch_date(registration.cancelled_at or now)
        raise ConflictError(f"Deze aanmelding is al afgemeld (op {on:%d-%m-%Y}).")
    if meeting.status is MeetingStatus.CANCELLED:
        raise ConflictError("Deze bijeenkomst is geannuleerd; afmelden is niet meer nodig.")
    if meeting.starts_at <= now:
        raise ConflictError("Deze bijeenkomst is al begonnen; afmelden kan niet meer.")
    held_place = registration.status is RegistrationStatus.REGISTERED
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    late = held_place and meeting.starts_at - now < LATE
    if late:
        registration.attendance = Attendance.CANCELLED_LATE
    # A consultation hour's place takes its booked slot with it, so another municipality
    # can book it (the booking cancelled in slots.py gives up the place the other way round).
    slot_release.free_of_registration(session, meeting, registration.id, actor)
    session.flush()
    history.record(
        session,
        meeting,
        "afgemeld",
        actor,
        {"aanmelding": registration.id, "laat": late, "hadPlaats": held_place},
    )
    # Only who was sent an invitation needs the cancelling .ics to clear her calendar; the
    # waiting list had none, and hears nothing of giving up a place it did not have.
    if registration.sent_sequence is not None:
        send(session, settings, meeting, registration, Occasion.CANCELLED)
    if held_place:
        fill_free_places(session, settings, meeting, "systeem")
    service.refresh_full(session, meeting)
    session.flush()


def _may_see(principal: Principal, meeting: Meeting, registration: Registration) -> bool:
    """The team and the organiser; the person herself and who registered her; a contact of the
    municipality she comes for."""
    if policy.may_manage(principal, meeting):
        return True
    me = principal.user_id
    if me is not None and me in (registration.user_id, registration.registered_by):
        return True
    return (
        policy.is_contact(principal)
        and registration.municipality_code is not None
        and principal.may_act_for(registration.municipality_code)
    )


def cancel(
    session: Session,
    settings: Settings,
    principal: Principal,
    meeting_id: int,
    registration_id: int,
) -> None:
    if not principal.is_authenticated:
        raise UnauthenticatedError
    meeting = repository.get_for_update(session, meeting_id)
    if meeting is None:
        raise policy.not_found(meeting_id)
    registration = registrations.registration(session, meeting.id, registration_id)
    if registration is None or not _may_see(principal, meeting, registration):
        raise _unknown_registration(registration_id)
    _give_up(session, settings, meeting, registration, principal.subject)


def _by_token(session: Session, token: str) -> Registration:
    registration = registrations.by_token_hash(session, hash_token(token))
    if registration is None:
        raise _unknown_link()
    return registration


def look_up(session: Session, token: str) -> Lookup:
    """What the link in a mail names: the meeting, her name and the status of her place (also
    after she cancelled, so the page can say so)."""
    registration = _by_token(session, token)
    meeting = service.get(session, registration.meeting_id)
    return Lookup(meeting, registration)


def cancel_by_token(session: Session, settings: Settings, token: str) -> None:
    """Gives up the place the link names, without logging in."""
    found = _by_token(session, token)
    meeting = repository.get_for_update(session, found.meeting_id)
    if meeting is None:
        raise _unknown_link()
    # Read again under the lock: another request may have changed it since.
    session.refresh(found)
    if found.token_hash != hash_token(token):
        raise _unknown_link()
    _give_up(session, settings, meeting, found, BY_MAIL_LINK)


# ---------------------------------------------------------------------------------------------
# Reading


def of_meeting(session: Session, principal: Principal, meeting_id: int) -> Listed:
    """The team and the organiser see everyone; a contact those of her municipalities."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    meeting = service.get(session, meeting_id)
    if policy.may_manage(principal, meeting):
        items = registrations.of_meeting(session, meeting.id)
    elif policy.is_contact(principal):
        items = registrations.of_meeting(session, meeting.id, principal.municipalities)
    else:
        raise ForbiddenError(
            "De aanmeldingen ziet alleen het programmateam, de organisator en de "
            "contactpersoon voor haar gemeente."
        )
    order = {RegistrationStatus.REGISTERED: 0, RegistrationStatus.WAITING: 1}
    items.sort(key=lambda r: order.get(r.status, 2))
    return _listed(session, meeting, items)


@dataclass(frozen=True)
class Mine:
    coming: list[Listed]
    past: list[Listed]


def mine(session: Session, principal: Principal) -> Mine:
    """Her own places and those of the colleagues she registered, per meeting."""
    user_id = _person_id(principal)
    me = registrations.user(session, user_id)
    if me is None:
        raise UnauthenticatedError
    items = registrations.of_person(session, user_id, me.email.strip().lower())
    meetings = {m.id: m for m in registrations.meetings(session, (r.meeting_id for r in items))}
    now = clock.now()
    listed = [
        _listed(session, meeting, [r for r in items if r.meeting_id == meeting.id])
        for meeting in meetings.values()
    ]
    coming = sorted(
        (x for x in listed if x.meeting.ends_at > now), key=lambda x: x.meeting.starts_at
    )
    past = sorted(
        (x for x in listed if x.meeting.ends_at <= now),
        key=lambda x: x.meeting.starts_at,
        reverse=True,
    )
    return Mine(coming, past)


# ---------------------------------------------------------------------------------------------
# Hand-overs and the reminder


def meeting_cancelled(session: Session, settings: Settings, meeting_id: int) -> int:
    """Tells everyone registered or waiting that the meeting is off, with a cancelling .ics;
    once: who was sent this SEQUENCE already is left out. Returns how many were told."""
    meeting = repository.get(session, meeting_id)
    if meeting is None:
        return 0
    told = 0
    statuses = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITING)
    for registration in registrations.to_notify(session, meeting.id, statuses):
        if (
            registration.sent_sequence is not None
            and registration.sent_sequence >= meeting.sequence
        ):
            continue
        send(session, settings, meeting, registration, Occasion.MEETING_CANCELLED)
        told += 1
    session.flush()
    return told


def meeting_moved(session: Session, settings: Settings, meeting_id: int, fields: list[str]) -> int:
    """Sends everyone registered the updated .ics (the same UID, the higher SEQUENCE), once per
    SEQUENCE; the waiting list hears of the change without one (an invitation would put a
    meeting in a calendar she has no place at)."""
    meeting = repository.get(session, meeting_id)
    if meeting is None or meeting.status is MeetingStatus.CANCELLED:
        return 0
    told = 0
    statuses = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITING)
    for registration in registrations.to_notify(session, meeting.id, statuses):
        if registration.status is RegistrationStatus.WAITING:
            send(session, settings, meeting, registration, Occasion.MOVED_WAITING, fields=fields)
        elif registration.sent_sequence is None or registration.sent_sequence < meeting.sequence:
            send(session, settings, meeting, registration, Occasion.MOVED, fields=fields)
        else:
            continue
        told += 1
    session.flush()
    return told


def remind(session: Session, settings: Settings, now: datetime) -> int:
    """The reminder the day before (by the Dutch calendar), with the .ics, once per place:
    `reminded_at` is set in the transaction of the mail. Returns how many went out."""
    # The agenda's counter before the rows, as every writer of the agenda takes them (no
    # deadlock with a registration changing at the same moment).
    data_versions.writing(session, data_versions.MEETINGS)
    tomorrow = clock.dutch_date(now) + timedelta(days=1)
    begin, end = clock.start_of_day(tomorrow), clock.start_of_day(tomorrow + timedelta(days=1))
    due = registrations.due_reminders(session, begin, end)
    meetings = {m.id: m for m in registrations.meetings(session, (r.meeting_id for r in due))}
    for registration in due:
        registration.reminded_at = now
        send(session, settings, meetings[registration.meeting_id], registration, Occasion.REMINDER)
    session.flush()
    return len(due)


ERASED_NAME = "[gewist]"


def erase_person(session: Session, email: str) -> int:
    """For the erasure of a person (api/questions/privacy.py): her name and address leave her
    registrations, her comments leave her evaluations, and their links stop working; the
    places, their municipality, her attendance and her scores stay, so the places, the reach
    and the satisfaction figures do not change after the fact. The history names her through
    her registration (history.named), so it shows her erased too. Returns how many
    registrations were emptied."""
    found = registrations.of_address(session, email.strip().lower())
    for registration in found:
        registration.name = ERASED_NAME
        # Unique per meeting, and no address: the outbox never writes to .invalid.
        registration.email = f"gewist-{registration.id}@gewist.invalid"
        registration.user_id = None
        registration.token_hash = None
    ratings.forget_attendee(session, [r.id for r in found])
    session.flush()
    return len(found)
