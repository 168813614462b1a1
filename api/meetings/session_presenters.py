"""What happens during and after a meeting, in its public shapes: slots (the booking only for
whom slots.sees_booking allows), the check-in list, materials and the questions asked."""

from sqlalchemy.orm import Session

from api.core.schemas import CodeName
from api.core.security import Principal
from api.meetings import (
    attendance,
    materials,
    meeting_questions,
    repository_slots,
    slots,
)
from api.meetings.models import Meeting
from api.meetings.models import Slot as SlotRow
from api.meetings.presenters import local, local_or_none
from api.meetings.session_schemas import (
    Booking,
    CheckInList,
    CheckInRow,
    Material,
    MaterialList,
    MaterialProduct,
    MeetingQuestion,
    MeetingQuestionList,
    Slot,
    SlotList,
)


def _named(code: str | None, names: dict[str, str]) -> CodeName | None:
    return CodeName(code=code, naam=names.get(code, code)) if code else None


def _slot(principal: Principal, meeting: Meeting, row: SlotRow, names: dict[str, str]) -> Slot:
    shown = slots.sees_booking(principal, meeting, row)
    return Slot(
        id=row.id,
        begin=local(row.starts_at),
        einde=local(row.ends_at),
        vrij=row.municipality_code is None,
        gemeente=_named(row.municipality_code, names) if shown else None,
        vraag=row.question_id if shown else None,
    )


def slot_list(
    session: Session, principal: Principal, meeting: Meeting, rows: list[SlotRow]
) -> SlotList:
    names = repository_slots.municipality_names(session, (r.municipality_code for r in rows))
    return SlotList(
        tijdslot_minuten=meeting.slot_minutes,
        tijdsloten=[_slot(principal, meeting, r, names) for r in rows],
    )


def booking(session: Session, principal: Principal, booked: slots.Booked) -> Booking:
    names = repository_slots.municipality_names(session, [booked.slot.municipality_code])
    return Booking(
        tijdslot=_slot(principal, booked.meeting, booked.slot, names),
        vraag=booked.question_id,
        aanmelding=booked.registration_id,
    )


def check_in_list(found: attendance.CheckIn) -> CheckInList:
    return CheckInList(
        bijeenkomst=found.meeting.id,
        titel=found.meeting.title,
        begin=local(found.meeting.starts_at),
        aanmeldingen=[
            CheckInRow(
                aanmelding=r.id,
                naam=r.name,
                email=r.email,
                gemeente=_named(r.municipality_code, found.municipalities),
                organisatie=_named(r.organisation_code, found.organisations),
                aanwezigheid=r.attendance,
            )
            for r in found.registrations
        ],
    )


def material(item: materials.Item) -> Material:
    return Material(
        product=MaterialProduct(
            id=item.product.id, titel=item.product.title, soort=item.product.type
        ),
        toegevoegd_op=local(item.material.added_at),
        verstuurd_op=local_or_none(item.material.sent_at),
    )


def material_list(items: list[materials.Item]) -> MaterialList:
    return MaterialList(materialen=[material(i) for i in items])


def meeting_question(linked: meeting_questions.Linked) -> MeetingQuestion:
    return MeetingQuestion(
        id=linked.question.id,
        onderwerp=linked.question.subject,
        status=linked.question.status,
        kanaal=linked.question.channel,
        toegevoegd_op=local(linked.link.added_at),
    )


def meeting_question_list(found: list[meeting_questions.Linked]) -> MeetingQuestionList:
    return MeetingQuestionList(vragen=[meeting_question(q) for q in found])
