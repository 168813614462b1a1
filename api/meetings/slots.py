"""A consultation hour's slots: made by the team, booked by a municipal contact.

A spreekuur is divided into slots of `slot_minutes` from its begin to its end (a last, shorter
rest is dropped). One municipality per slot, and one slot per municipality per consultation
hour: both are decided under the meeting's row lock, so two contacts booking at once queue and
the second finds the slot taken (409). Booking asks for the topic in advance; it becomes the
contact's own question (channel `spreekuur`, the meeting's measures), linked to the slot and to
the meeting, so the advisor can prepare and the answer follows the questions' normal flow. The
booker gets a place (aangemeld), so the confirmation, the .ics and the reminder reach her as
anyone registered. Cancelling a booking frees the slot; the question stays."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from api.core import clock
from api.core.errors import ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError
from api.core.security import Principal
from api.core.settings import Settings
from api.core.validation import InvalidParams
from api.meetings import (
    history,
    mails,
    policy,
    registrations,
    repository,
    service,
    session_access,
    slot_release,
)
from api.meetings import repository_slots as slots_repository
from api.meetings.models import (
    Meeting,
    MeetingKind,
    MeetingQuestion,
    MeetingStatus,
    Registration,
    RegistrationStatus,
    Slot,
)
from api.questions import intake
from api.questions.models import Channel

MAX_SLOTS = 200
"""A day of five-minute slots fits; more is a mistake in the times, not a consultation hour."""


def _consultation_hour(meeting: Meeting) -> None:
    if meeting.kind != MeetingKind.CONSULTATION_HOUR:
        raise ConflictError("Alleen een spreekuur heeft tijdsloten.")


def _slot(session: Session, meeting_id: int, slot_id: int) -> Slot:
    found = slots_repository.slot(session, meeting_id, slot_id)
    if found is None:
        raise NotFoundError(f"Tijdslot {slot_id} bestaat niet bij bijeenkomst {meeting_id}.")
    return found


def steps(begin: datetime, end: datetime, minutes: int) -> list[tuple[datetime, datetime]]:
    """Whole slots from begin to end; what is left at the end is too short to book."""
    length = timedelta(minutes=minutes)
    found = []
    start = begin
    while start + length <= end:
        found.append((start, start + length))
        start += length
    return found


@dataclass(frozen=True)
class SlotPlan:
    begin: datetime | None
    end: datetime | None
    minutes: int | None


def make(session: Session, principal: Principal, meeting_id: int, plan: SlotPlan) -> Meeting:
    """(Re)makes the slots of a consultation hour; refused once one is booked."""
    meeting = session_access.meeting(session, meeting_id, for_update=True)
    policy.require_manager(principal, meeting, "Tijdsloten maken")
    _consultation_hour(meeting)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ConflictError("Deze bijeenkomst is geannuleerd.")
    begin = plan.begin or meeting.starts_at
    end = plan.end or meeting.ends_at
    minutes = plan.minutes or meeting.slot_minutes
    invalid = InvalidParams()
    if begin < meeting.starts_at:
        invalid.add("begin", "out_of_range", "Een tijdslot begint niet vóór het spreekuur.", "body")
    if end > meeting.ends_at:
        invalid.add("einde", "out_of_range", "Een tijdslot eindigt niet na het spreekuur.", "body")
    if end <= begin:
        invalid.add("einde", "invalid", "Kies een einde na het begin.", "body")
    if minutes is None:
        invalid.add("tijdslotMinuten", "required", "Hoe lang duurt een tijdslot?", "body")
    invalid.raise_if_any()
    assert minutes is not None  # noqa: S101 - raised above when missing
    if (end - begin) // timedelta(minutes=minutes) > MAX_SLOTS:
        invalid.add(
            "tijdslotMinuten", "too_many", f"Dat worden meer dan {MAX_SLOTS} tijdsloten.", "body"
        )
        invalid.raise_if_any()
    made = steps(begin, end, minutes)
    if not made:
        invalid.add(
            "tijdslotMinuten", "too_long", f"Er past geen tijdslot van {minutes} minuten.", "body"
        )
        invalid.raise_if_any()
    if slots_repository.any_booked(session, meeting.id):
        raise ConflictError(
            "Er zijn al tijdsloten geboekt; annuleer die boekingen eerst.",
        )
    slots_repository.remove_slots(session, meeting.id)
    session.add_all(Slot(meeting_id=meeting.id, starts_at=s, ends_at=e) for s, e in made)
    if meeting.slot_minutes != minutes:
        # The slot length is part of the meeting's page, so its version (ETag) moves with it.
        meeting.slot_minutes = minutes
        meeting.version += 1
        meeting.updated_at = clock.now()
    history.record(
        session,
        meeting,
        "tijdsloten-gemaakt",
        principal.subject,
        {"aantal": len(made), "minuten": minutes},
    )
    session.flush()
    return meeting


def listing(session: Session, meeting_id: int) -> tuple[Meeting, list[Slot]]:
    """Public: who booked which slot is for the presenter to hide (`sees_booking`)."""
    meeting = session_access.meeting(session, meeting_id)
    return meeting, slots_repository.slots(session, meeting.id)


def sees_booking(principal: Principal, meeting: Meeting, slot: Slot) -> bool:
    """The team and the organiser, and the contacts of the municipality that booked it."""
    if policy.may_manage(principal, meeting):
        return True
    return (
        slot.municipality_code is not None
        and policy.is_contact(principal)
        and principal.may_act_for(slot.municipality_code)
    )


def _booking_municipality(principal: Principal, code: str | None) -> str:
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if not policy.is_contact(principal):
        raise ForbiddenError("Een tijdslot boekt een gemeentelijke contactpersoon.")
    if code is None:
        if len(principal.municipalities) == 1:
            return next(iter(principal.municipalities))
        invalid = InvalidParams()
        invalid.add("gemeente", "required", "Voor welke gemeente boekt u?", "body")
        invalid.raise_if_any()
    assert code is not None  # noqa: S101 - raised above when missing
    if not principal.may_act_for(code):
        raise ForbiddenError(f"U boekt niet namens {code}.")
    return code


def _open_for_booking(meeting: Meeting, slot: Slot) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ConflictError("Deze bijeenkomst is geannuleerd.")
    if meeting.status == MeetingStatus.PLANNED:
        raise ConflictError("Boeken kan nog niet: de aanmelding is nog niet open.")
    now = clock.now()
    if not service.registration_possible(meeting, now) or now >= slot.starts_at:
        raise ConflictError("Boeken kan niet meer: de aanmeldtermijn is voorbij.")


@dataclass(frozen=True)
class Topic:
    municipality: str | None
    subject: str
    text: str


def _register_booker(
    session: Session, settings: Settings, principal: Principal, meeting: Meeting, municipality: str
) -> Registration:
    """Her place at the consultation hour: the one she holds already (booking for a second of
    her municipalities), or a new one, taken as registrations.register takes a place (which
    itself refuses a consultation hour: its places are its slots), confirmed with the .ics."""
    user_id = principal.user_id or 0
    person = repository.users_by_ids(session, [user_id])[user_id]
    email = person.email.strip().lower()
    place = slots_repository.registration_by_email(session, meeting.id, email)
    if place is not None and place.status == RegistrationStatus.REGISTERED:
        return place
    booker = registrations.Person(person.name, email, user_id, municipality, None)
    place = registrations.take_place(
        session, principal, meeting, booker, place, RegistrationStatus.REGISTERED, clock.now()
    )
    mails.send(session, settings, meeting, place, mails.Occasion.REGISTERED)
    return place


@dataclass(frozen=True)
class Booked:
    meeting: Meeting
    slot: Slot
    question_id: int
    registration_id: int


def book(
    session: Session,
    settings: Settings,
    principal: Principal,
    meeting_id: int,
    slot_id: int,
    topic: Topic,
) -> Booked:
    municipality = _booking_municipality(principal, topic.municipality)
    meeting = session_access.meeting(session, meeting_id, for_update=True)
    _consultation_hour(meeting)
    if not policy.audience_admits(principal, meeting):
        raise ForbiddenError("Dit spreekuur is niet voor gemeenten.")
    # Read after the meeting's lock: a booking that committed meanwhile is seen.
    slot = _slot(session, meeting.id, slot_id)
    _open_for_booking(meeting, slot)
    if slot.municipality_code is not None:
        raise ConflictError("Dit tijdslot is al geboekt; kies een ander.")
    other = slots_repository.slot_of_municipality(session, meeting.id, municipality)
    if other is not None:
        raise ConflictError(
            f"{municipality} heeft bij dit spreekuur al een tijdslot "
            f"({other.starts_at.astimezone(clock.AMSTERDAM):%H:%M}).",
            extra={"tijdslot": other.id},
        )
    question = intake.file_question(
        session,
        settings,
        principal,
        intake.Intake(
            subject=topic.subject,
            text=topic.text,
            channel=Channel.CONSULTATION_HOUR,
            measures=[m.code for m in meeting.measures],
            theme=None,
            municipality=municipality,
            asker=None,
            received_at=None,
        ),
        own_channel=Channel.CONSULTATION_HOUR,
    )
    session.add(
        MeetingQuestion(
            meeting_id=meeting.id,
            question_id=question.id,
            added_by=principal.user_id,
            added_at=clock.now(),
        )
    )
    place = _register_booker(session, settings, principal, meeting, municipality)
    slot.municipality_code = municipality
    slot.booked_by = principal.user_id
    slot.booked_at = clock.now()
    slot.question_id = question.id
    slot.registration_id = place.id
    history.record(
        session,
        meeting,
        "tijdslot-geboekt",
        principal.subject,
        {"tijdslot": slot.id, "gemeente": municipality, "vraag": question.id},
    )
    session.flush()
    return Booked(meeting, slot, question.id, place.id)


def cancel(
    session: Session, settings: Settings, principal: Principal, meeting_id: int, slot_id: int
) -> None:
    """Frees the slot; the question stays in the questions' flow. The booker's place goes with
    her last booking of this consultation hour."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    meeting = session_access.meeting(session, meeting_id, for_update=True)
    slot = _slot(session, meeting.id, slot_id)
    manager = policy.may_manage(principal, meeting)
    if not manager and not policy.is_contact(principal):
        raise ForbiddenError("Een boeking annuleert de eigen gemeente of het programmateam.")
    if slot.municipality_code is None:
        raise ConflictError("Dit tijdslot is niet geboekt.")
    if not manager:
        if not principal.may_act_for(slot.municipality_code):
            raise ForbiddenError("Een boeking annuleert de eigen gemeente of het programmateam.")
        if clock.now() >= slot.starts_at:
            raise ConflictError("Dit tijdslot is al begonnen.")
    place_id = slot.registration_id
    slot_release.free(session, meeting, slot, principal.subject)
    if place_id is not None:
        _give_up_place(session, settings, principal, meeting, place_id)


def _give_up_place(
    session: Session, settings: Settings, principal: Principal, meeting: Meeting, place_id: int
) -> None:
    """The booker's place goes with her last booking of this consultation hour, as any place
    given up (a late cancellation recorded, the cancelling .ics sent) while there is still a
    place to give up: not once the consultation hour has begun or was cancelled."""
    place = slots_repository.registration(session, place_id)
    if (
        place is None
        or place.status == RegistrationStatus.CANCELLED
        or meeting.status == MeetingStatus.CANCELLED
        or session_access.has_started(meeting)
        or slots_repository.holds_a_slot(session, place_id)
    ):
        return
    registrations.cancel(session, settings, principal, meeting.id, place_id)
