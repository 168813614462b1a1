"""The demo's programme year of meetings (loaded once for the suite, tests/conftest.py): every
kind, measure and most provinces; past meetings with their attendance, evaluations only from
those present, consultation hours whose booked slots are questions of channel spreekuur,
materials sent, the full meeting full with a waiting list; and loading the demo again adds
nothing."""

from collections import Counter
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.core import clock
from api.core.settings import Settings
from api.meetings import service
from api.meetings.models import (
    Attendance,
    Invitation,
    Material,
    Meeting,
    MeetingKind,
    MeetingQuestion,
    MeetingRating,
    MeetingStatus,
    Registration,
    RegistrationStatus,
    Slot,
    meeting_measures,
)
from api.products.models import Product, ProductType
from api.questions.models import Channel, Question
from api.seed.demo import load_demo_data
from api.seed.demo_meetings import DEMO_MEETINGS, FULL_MEETING

TABLES = (Meeting, Registration, Slot, MeetingRating, Material, Invitation, MeetingQuestion)


def _demo(db: Session) -> list[Meeting]:
    return list(db.scalars(select(Meeting).where(Meeting.is_demo.is_(True))))


def _held(meeting: Meeting) -> bool:
    """Past, and a meeting people registered for here (not someone else's event, not one that
    never opened)."""
    return (
        meeting.ends_at <= clock.now()
        and meeting.kind is not MeetingKind.ELSEWHERE
        and meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED)
    )


def test_a_programme_year_of_every_kind_measure_and_many_provinces(db: Session) -> None:
    demo = _demo(db)
    assert len(demo) == len(DEMO_MEETINGS) >= 40
    assert {m.kind for m in demo} == set(MeetingKind)
    today = clock.today()
    days = [(clock.dutch_date(m.starts_at) - today).days for m in demo]
    assert min(days) <= -270
    assert max(days) >= 50
    ids = [m.id for m in demo]
    measures = set(
        db.scalars(
            select(meeting_measures.c.measure_code).where(meeting_measures.c.meeting_id.in_(ids))
        )
    )
    assert len(measures) == 23
    assert len({m.province_code for m in demo if m.province_code}) >= 8
    assert sum(m.is_online for m in demo) >= 10


def test_past_meetings_have_attendance_and_ratings_only_from_who_was_there(db: Session) -> None:
    held = [m for m in _demo(db) if _held(m)]
    assert len(held) >= 25
    for meeting in held:
        marks = Counter(
            db.scalars(
                select(Registration.attendance).where(
                    Registration.meeting_id == meeting.id, Registration.is_demo.is_(True)
                )
            )
        )
        assert marks[Attendance.PRESENT] > 0, meeting.title
    everywhere = Counter(
        db.scalars(select(Registration.attendance).where(Registration.is_demo.is_(True)))
    )
    assert everywhere[Attendance.PRESENT] > everywhere[Attendance.ABSENT] > 0
    assert everywhere[Attendance.CANCELLED_LATE] > 0
    rated = db.execute(
        select(Registration.attendance, MeetingRating.score)
        .join(MeetingRating, MeetingRating.registration_id == Registration.id)
        .where(MeetingRating.is_demo.is_(True))
    ).all()
    assert rated
    assert {attendance for attendance, _ in rated} == {Attendance.PRESENT}
    scores = Counter(score for _, score in rated if score is not None)
    assert scores[4] + scores[5] > 2 * (scores[1] + scores[2] + scores[3]) > 0
    # Nobody comes or rates a meeting that has yet to take place.
    coming = db.scalar(
        select(func.count())
        .select_from(Registration)
        .join(Meeting, Meeting.id == Registration.meeting_id)
        .where(Meeting.ends_at > clock.now(), Registration.attendance == Attendance.PRESENT)
    )
    assert coming == 0


def test_the_full_meeting_is_full_with_a_waiting_list(db: Session) -> None:
    meeting = db.scalars(select(Meeting).where(Meeting.uid == FULL_MEETING)).one()
    statuses = Counter(
        db.scalars(select(Registration.status).where(Registration.meeting_id == meeting.id))
    )
    assert meeting.capacity is not None
    assert statuses[RegistrationStatus.REGISTERED] == meeting.capacity
    assert statuses[RegistrationStatus.WAITING] > 0
    assert service.shown_status(meeting, clock.now()) is MeetingStatus.FULL
    # Every coming meeting with room left is still open: none is over its capacity.
    for other in _demo(db):
        if other.capacity is None or other.id == meeting.id:
            continue
        places = db.scalar(
            select(func.count()).where(
                Registration.meeting_id == other.id,
                Registration.status == RegistrationStatus.REGISTERED,
            )
        )
        assert (places or 0) < other.capacity, other.title


def test_booked_slots_are_questions_of_channel_spreekuur(db: Session) -> None:
    booked = db.execute(
        select(Slot, Question)
        .join(Question, Question.id == Slot.question_id)
        .join(Meeting, Meeting.id == Slot.meeting_id)
        .where(Meeting.is_demo.is_(True))
    ).all()
    assert len(booked) >= 10
    linked = set(db.execute(select(MeetingQuestion.meeting_id, MeetingQuestion.question_id)))
    for slot, question in booked:
        assert question.channel is Channel.CONSULTATION_HOUR
        assert question.municipality_code == slot.municipality_code
        assert (slot.meeting_id, question.id) in linked
        assert slot.registration_id is not None
    per_hour = Counter((s.meeting_id, s.municipality_code) for s, _ in booked)
    assert max(per_hour.values()) == 1, "one slot per municipality per consultation hour"


def test_materials_and_invitations(db: Session) -> None:
    materials = db.execute(
        select(Material, Product.type, Meeting.ends_at)
        .join(Product, Product.id == Material.product_id)
        .join(Meeting, Meeting.id == Material.meeting_id)
        .where(Meeting.is_demo.is_(True))
    ).all()
    assert len(materials) >= 5
    assert {kind for _, kind, _ in materials} <= {ProductType.PRESENTATION, ProductType.RECORDING}
    assert all(m.sent_at is not None and ended < m.sent_at for m, _, ended in materials)
    reasons = set(
        db.scalars(
            select(Invitation.reason)
            .join(Meeting, Meeting.id == Invitation.meeting_id)
            .where(Meeting.is_demo.is_(True))
        )
    )
    assert reasons == {"te-laat", "risico"}


def _counts(db: Session) -> dict[str, int]:
    found = {t.__name__: int(db.scalar(select(func.count()).select_from(t)) or 0) for t in TABLES}
    found["vragen"] = int(db.scalar(select(func.count()).select_from(Question)) or 0)
    return found


def test_loading_the_demo_again_adds_nothing(
    db: Session, database_url: str, storage_dir: Path
) -> None:
    before = _counts(db)
    reports = load_demo_data(db, Settings(database_url=database_url, storage_dir=str(storage_dir)))
    made = {r.part: r.created for r in reports}
    assert made["bijeenkomsten"] == 0
    assert made["deelnemers"] == 0
    assert _counts(db) == before
