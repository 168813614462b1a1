"""Queries of what happens during and after a meeting: a consultation hour's slots and their
bookings, attendance, materials and the questions asked there."""

from collections.abc import Iterable

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from api.meetings.models import (
    Material,
    MeetingQuestion,
    Registration,
    RegistrationStatus,
    Slot,
)
from api.municipalities.models import Municipality
from api.organisations.models import Organisation
from api.questions.models import Question

# ----------------------------------------------------------------------------------------------
# Slots


def slots(session: Session, meeting_id: int) -> list[Slot]:
    return list(
        session.scalars(select(Slot).where(Slot.meeting_id == meeting_id).order_by(Slot.starts_at))
    )


def slot(session: Session, meeting_id: int, slot_id: int) -> Slot | None:
    return session.scalars(
        select(Slot).where(Slot.meeting_id == meeting_id, Slot.id == slot_id)
    ).one_or_none()


def any_booked(session: Session, meeting_id: int) -> bool:
    return bool(
        session.scalar(
            select(
                exists().where(Slot.meeting_id == meeting_id, Slot.municipality_code.is_not(None))
            )
        )
    )


def slot_of_municipality(session: Session, meeting_id: int, code: str) -> Slot | None:
    return session.scalars(
        select(Slot).where(Slot.meeting_id == meeting_id, Slot.municipality_code == code).limit(1)
    ).first()


def slots_of_registration(session: Session, registration_id: int) -> list[Slot]:
    return list(
        session.scalars(
            select(Slot).where(Slot.registration_id == registration_id).order_by(Slot.starts_at)
        )
    )


def holds_a_slot(session: Session, registration_id: int) -> bool:
    return bool(session.scalar(select(exists().where(Slot.registration_id == registration_id))))


def remove_slots(session: Session, meeting_id: int) -> None:
    session.execute(delete(Slot).where(Slot.meeting_id == meeting_id))


# ----------------------------------------------------------------------------------------------
# Registrations and attendance


def registration_by_email(session: Session, meeting_id: int, email: str) -> Registration | None:
    return session.scalars(
        select(Registration).where(
            Registration.meeting_id == meeting_id, Registration.email == email
        )
    ).one_or_none()


def registration(session: Session, registration_id: int) -> Registration | None:
    return session.get(Registration, registration_id)


def registrations_by_id(
    session: Session, meeting_id: int, ids: Iterable[int]
) -> dict[int, Registration]:
    found = session.scalars(
        select(Registration).where(
            Registration.meeting_id == meeting_id, Registration.id.in_(set(ids))
        )
    )
    return {r.id: r for r in found}


def registrations(
    session: Session, meeting_id: int, status: RegistrationStatus | None = None
) -> list[Registration]:
    query = select(Registration).where(Registration.meeting_id == meeting_id)
    if status is not None:
        query = query.where(Registration.status == status)
    return list(session.scalars(query.order_by(Registration.queued_at, Registration.id)))


def municipality_names(session: Session, codes: Iterable[str | None]) -> dict[str, str]:
    wanted = {c for c in codes if c}
    if not wanted:
        return {}
    rows = session.execute(
        select(Municipality.code, Municipality.name).where(Municipality.code.in_(wanted))
    )
    return {code: name for code, name in rows}


def organisation_names(session: Session, codes: Iterable[str | None]) -> dict[str, str]:
    wanted = {c for c in codes if c}
    if not wanted:
        return {}
    rows = session.execute(
        select(Organisation.code, Organisation.name).where(Organisation.code.in_(wanted))
    )
    return {code: name for code, name in rows}


# ----------------------------------------------------------------------------------------------
# Materials


def materials(session: Session, meeting_id: int) -> list[Material]:
    return list(
        session.scalars(
            select(Material)
            .where(Material.meeting_id == meeting_id)
            .order_by(Material.added_at, Material.product_id)
        )
    )


def material(session: Session, meeting_id: int, product_id: int) -> Material | None:
    return session.get(Material, (meeting_id, product_id))


# ----------------------------------------------------------------------------------------------
# Questions asked during the meeting


def questions(session: Session, meeting_id: int) -> list[tuple[MeetingQuestion, Question]]:
    rows = session.execute(
        select(MeetingQuestion, Question)
        .join(Question, Question.id == MeetingQuestion.question_id)
        .where(MeetingQuestion.meeting_id == meeting_id)
        .order_by(MeetingQuestion.added_at, MeetingQuestion.question_id)
    )
    return [(link, question) for link, question in rows]


def question_link(session: Session, meeting_id: int, question_id: int) -> MeetingQuestion | None:
    return session.get(MeetingQuestion, (meeting_id, question_id))
