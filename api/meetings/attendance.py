"""Who came: the check-in list (presentielijst) and attendance recorded by the team or the
meeting's organiser, from the meeting's start on, only for the meeting's own places taken
(aangemeld)."""

from collections import Counter
from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.core.errors import ConflictError
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.meetings import history, policy, session_access
from api.meetings import repository_slots as repository
from api.meetings.models import Attendance, Meeting, MeetingStatus, Registration, RegistrationStatus

ACTION = "Aanwezigheid vastleggen"


@dataclass(frozen=True)
class CheckIn:
    meeting: Meeting
    registrations: list[Registration]
    municipalities: dict[str, str]
    organisations: dict[str, str]
    """Names by code."""


def check_in_list(session: Session, principal: Principal, meeting_id: int) -> CheckIn:
    """Everyone holding a place, by municipality name and then by name; chain partners (no
    municipality) after the municipalities, by their own name."""
    meeting = session_access.meeting(session, meeting_id)
    policy.require_manager(principal, meeting, "De presentielijst inzien")
    found = repository.registrations(session, meeting.id, RegistrationStatus.REGISTERED)
    municipalities = repository.municipality_names(session, (r.municipality_code for r in found))
    organisations = repository.organisation_names(session, (r.organisation_code for r in found))

    def order(r: Registration) -> tuple[bool, str, str]:
        where = municipalities.get(r.municipality_code or "")
        return (where is None, (where or "").casefold(), r.name.casefold())

    return CheckIn(meeting, sorted(found, key=order), municipalities, organisations)


@dataclass(frozen=True)
class Mark:
    registration_id: int
    attendance: Attendance


def record(session: Session, principal: Principal, meeting_id: int, marks: list[Mark]) -> Meeting:
    meeting = session_access.meeting(session, meeting_id, for_update=True)
    policy.require_manager(principal, meeting, ACTION)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ConflictError("Deze bijeenkomst is geannuleerd.")
    if not session_access.has_started(meeting):
        raise ConflictError("Aanwezigheid kan pas vanaf het begin van de bijeenkomst.")
    found = repository.registrations_by_id(session, meeting.id, (m.registration_id for m in marks))
    invalid = InvalidParams()
    seen: set[int] = set()
    for index, mark in enumerate(marks):
        name = f"aanwezigheid[{index}].aanmelding"
        if mark.registration_id not in found:
            invalid.add(
                name,
                "unknown_value",
                f"Aanmelding {mark.registration_id} hoort niet bij deze bijeenkomst.",
                "body",
            )
        elif mark.registration_id in seen:
            invalid.add(
                name, "duplicate", f"Aanmelding {mark.registration_id} staat er al.", "body"
            )
        elif found[mark.registration_id].status is not RegistrationStatus.REGISTERED:
            # Who waited or gave her place up was not expected; a late cancellation keeps the
            # `laat-afgemeld` its cancelling recorded.
            invalid.add(
                name,
                "not_allowed",
                f"Aanmelding {mark.registration_id} heeft geen plaats "
                f"({found[mark.registration_id].status}); aanwezigheid geldt alleen voor wie "
                "aangemeld is.",
                "body",
            )
        seen.add(mark.registration_id)
    invalid.raise_if_any()
    for mark in marks:
        place = found[mark.registration_id]
        place.attendance = mark.attendance
        place.attendance_recorded_by = principal.user_id
    tally = Counter(str(m.attendance) for m in marks)
    history.record(session, meeting, "aanwezigheid", principal.subject, dict(sorted(tally.items())))
    session.flush()
    return meeting
