"""During and after a meeting: a consultation hour's slots made and booked (the topic becomes a
question with channel spreekuur), one municipality per slot even when two book at once, the
check-in list and attendance, materials sent once, and the questions asked there."""

import contextlib
import re
import threading
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from api.accounts.models import User, UserRole
from api.core import clock
from api.core.errors import DomainError
from api.core.security import Principal, Role
from api.mail.models import OutboxMessage
from api.measures.models import Measure
from api.meetings import slots
from api.meetings.models import (
    Attendance,
    Audience,
    Meeting,
    MeetingEvent,
    MeetingKind,
    MeetingQuestion,
    MeetingStatus,
    Registration,
    RegistrationStatus,
    Slot,
)
from api.municipalities.models import Municipality
from api.products.feed import is_public
from api.products.models import Product, ProductType
from api.products.repository import DETAILS
from api.questions.models import Channel, Question
from api.seed.reference import load_reference_data
from tests.auth import BOLLENSTREEK, EDITOR, STIMULANSZ, UTRECHT, login, mails
from tests.meeting_concurrency import own_database, postgres_only

Clients = Callable[[], httpx.AsyncClient]
TOPIC = {"onderwerp": "Vrijlating giften", "toelichting": "Hoe passen wij de nieuwe regels toe?"}


def _meeting(
    db: Session,
    *,
    kind: MeetingKind = MeetingKind.CONSULTATION_HOUR,
    starts_in: timedelta = timedelta(days=2),
    minutes: int = 60,
    slot_minutes: int | None = 20,
    status: MeetingStatus = MeetingStatus.OPEN,
) -> Meeting:
    start = (clock.now() + starts_in).replace(microsecond=0)
    meeting = Meeting(
        kind=kind,
        title="Spreekuur vrijlating",
        description="",
        audience=Audience.MUNICIPALITIES,
        is_online=True,
        join_url="https://vergader.example/spreekuur",
        starts_at=start,
        ends_at=start + timedelta(minutes=minutes),
        status=status,
        slot_minutes=slot_minutes,
        uid=f"{uuid.uuid4()}@spoorboek.test",
    )
    meeting.measures = [db.get_one(Measure, "M15")]
    db.add(meeting)
    # Kept when a refused request rolls the session back (the test's transaction still ends).
    db.commit()
    return meeting


async def _as(clients: Clients, email: str) -> httpx.AsyncClient:
    client = clients()
    await login(client, email)
    return client


def _path(meeting: Meeting, *rest: object) -> str:
    return "/".join(["/api/v1/bijeenkomsten", str(meeting.id), *(str(r) for r in rest)])


async def _slots(editor: httpx.AsyncClient, meeting: Meeting, **body: Any) -> list[dict[str, Any]]:
    made = await editor.post(_path(meeting, "tijdsloten"), json=body)
    assert made.status_code == 201, made.text
    return made.json()["tijdsloten"]  # type: ignore[no-any-return]


def _outbox(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(OutboxMessage)) or 0


async def test_slots_are_made_in_whole_steps_and_remade_until_one_is_booked(
    clients: Clients, db: Session
) -> None:
    meeting = _meeting(db, minutes=60)
    editor, contact = await _as(clients, EDITOR), await _as(clients, UTRECHT)

    made = await _slots(editor, meeting, tijdslotMinuten=25)
    assert len(made) == 2, "25 + 25 minutes fit, the last 10 are dropped"
    first = made[0]
    assert first["vrij"] is True
    assert first["gemeente"] is None
    assert first["einde"] > first["begin"]
    db.refresh(meeting)
    assert meeting.slot_minutes == 25

    remade = await _slots(editor, meeting, tijdslotMinuten=20)
    assert [s["id"] for s in remade] != [s["id"] for s in made]
    assert len(remade) == 3
    assert (await contact.post(_path(meeting, "tijdsloten"), json={})).status_code == 403

    booked = await contact.post(
        _path(meeting, "tijdsloten", remade[1]["id"], "boeking"), json=TOPIC
    )
    assert booked.status_code == 201, booked.text
    refused = await editor.post(_path(meeting, "tijdsloten"), json={"tijdslotMinuten": 30})
    assert refused.status_code == 409, refused.text
    assert len(db.scalars(select(Slot).where(Slot.meeting_id == meeting.id)).all()) == 3

    webinar = _meeting(db, kind=MeetingKind.WEBINAR)
    assert (await editor.post(_path(webinar, "tijdsloten"), json={})).status_code == 409
    too_long = await editor.post(_path(_meeting(db), "tijdsloten"), json={"tijdslotMinuten": 90})
    assert too_long.status_code == 400
    assert too_long.json()["invalidParams"][0]["name"] == "tijdslotMinuten"
    day = _meeting(db, minutes=24 * 60)
    too_many = await editor.post(_path(day, "tijdsloten"), json={"tijdslotMinuten": 5})
    assert too_many.status_code == 400, "288 slots is a mistake in the times"
    assert len(await _slots(editor, day, tijdslotMinuten=10)) == 144


async def test_a_booking_files_a_spreekuur_question_linked_to_the_slot(
    clients: Clients, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    meeting = _meeting(db)
    editor, contact = await _as(clients, EDITOR), await _as(clients, UTRECHT)
    slot = (await _slots(editor, meeting))[0]

    booked = await contact.post(_path(meeting, "tijdsloten", slot["id"], "boeking"), json=TOPIC)
    assert booked.status_code == 201, booked.text
    body = booked.json()
    assert body["tijdslot"]["gemeente"] == {"code": "GM0344", "naam": "Utrecht"}
    question = db.get_one(Question, body["vraag"])
    utrecht = db.scalars(select(User).where(User.email == UTRECHT)).one()
    assert question.channel == Channel.CONSULTATION_HOUR
    assert (question.subject, question.asker_user_id) == (TOPIC["onderwerp"], utrecht.id)
    assert question.municipality_code == "GM0344"
    db.refresh(question, ["measures"])
    assert [m.code for m in question.measures] == ["M15"]
    row = db.get_one(Slot, slot["id"])
    assert (row.question_id, row.municipality_code) == (question.id, "GM0344")
    place = db.get_one(Registration, body["aanmelding"])
    assert (place.email, place.status, place.user_id) == (
        UTRECHT,
        RegistrationStatus.REGISTERED,
        utrecht.id,
    )
    assert row.registration_id == place.id
    calendars = [
        part.get_content_type()
        for m in mails(tmp_path / "outbox")
        if m["To"] == UTRECHT
        for part in m.iter_attachments()
    ]
    assert calendars == ["text/calendar"], "the booker is sent her place with its .ics"
    mine = await contact.get(f"/api/v1/vragen/{question.id}")
    assert mine.status_code == 200
    assert mine.json()["kanaal"] == "spreekuur"

    listed = await editor.get(_path(meeting, "vragen"))
    assert listed.status_code == 200, listed.text
    assert [(q["id"], q["kanaal"], q["onderwerp"]) for q in listed.json()["vragen"]] == [
        (question.id, "spreekuur", TOPIC["onderwerp"])
    ]

    public = (await client.get(_path(meeting, "tijdsloten"))).json()["tijdsloten"][0]
    assert (public["vrij"], public["gemeente"], public["vraag"]) == (False, None, None)
    own = (await contact.get(_path(meeting, "tijdsloten"))).json()["tijdsloten"][0]
    assert (own["gemeente"]["code"], own["vraag"]) == ("GM0344", question.id)
    other = await _as(clients, BOLLENSTREEK)
    theirs = (await other.get(_path(meeting, "tijdsloten"))).json()["tijdsloten"][0]
    assert (theirs["gemeente"], theirs["vraag"]) == (None, None), "another municipality's booking"


async def test_who_may_book(clients: Clients, client: httpx.AsyncClient, db: Session) -> None:
    meeting = _meeting(db)
    editor = await _as(clients, EDITOR)
    slot = (await _slots(editor, meeting))[0]
    path = _path(meeting, "tijdsloten", slot["id"], "boeking")

    assert (await client.post(path, json=TOPIC)).status_code == 401
    assert (await (await _as(clients, STIMULANSZ)).post(path, json=TOPIC)).status_code == 403
    assert (await editor.post(path, json=TOPIC)).status_code == 403
    several = await _as(clients, BOLLENSTREEK)
    foreign = await several.post(path, json={**TOPIC, "gemeente": "GM0344"})
    assert foreign.status_code == 403, "not one of her municipalities"
    unnamed = await several.post(path, json=TOPIC)
    assert unnamed.status_code == 400
    assert unnamed.json()["invalidParams"][0]["name"] == "gemeente"
    short = await several.post(path, json={"onderwerp": "Hoi", "toelichting": "kort"})
    assert {p["name"] for p in short.json()["invalidParams"]} == {"onderwerp", "toelichting"}
    assert db.get_one(Slot, slot["id"]).municipality_code is None

    planned = _meeting(db, status=MeetingStatus.PLANNED)
    not_yet = (await _slots(editor, planned))[0]
    later = await several.post(
        _path(planned, "tijdsloten", not_yet["id"], "boeking"), json={**TOPIC, "gemeente": "GM0534"}
    )
    assert later.status_code == 409, "registration is not open yet"


async def test_one_municipality_per_slot_and_one_slot_per_municipality(
    clients: Clients, db: Session
) -> None:
    meeting = _meeting(db)
    editor = await _as(clients, EDITOR)
    first, second, third = (s["id"] for s in await _slots(editor, meeting))
    utrecht, several = await _as(clients, UTRECHT), await _as(clients, BOLLENSTREEK)

    def book(slot_id: int) -> str:
        return _path(meeting, "tijdsloten", slot_id, "boeking")

    assert (await utrecht.post(book(first), json=TOPIC)).status_code == 201
    taken = await several.post(book(first), json={**TOPIC, "gemeente": "GM0534"})
    assert taken.status_code == 409, "one municipality per slot"
    again = await utrecht.post(book(second), json=TOPIC)
    assert again.status_code == 409, "one slot per municipality per consultation hour"
    assert again.json()["tijdslot"] == first
    assert (
        await several.post(book(second), json={**TOPIC, "gemeente": "GM0534"})
    ).status_code == 201
    assert (
        await several.post(book(third), json={**TOPIC, "gemeente": "GM0553"})
    ).status_code == 201
    booked = db.scalars(select(Slot).where(Slot.meeting_id == meeting.id).order_by(Slot.id)).all()
    assert [s.municipality_code for s in booked] == ["GM0344", "GM0534", "GM0553"]
    places = db.scalars(select(Registration).where(Registration.meeting_id == meeting.id)).all()
    assert sorted(p.email for p in places) == sorted([UTRECHT, BOLLENSTREEK]), "one place each"


async def test_cancelling_a_booking_frees_the_slot_and_keeps_the_question(
    clients: Clients, db: Session
) -> None:
    meeting = _meeting(db)
    editor = await _as(clients, EDITOR)
    slot = (await _slots(editor, meeting))[0]
    utrecht, several = await _as(clients, UTRECHT), await _as(clients, BOLLENSTREEK)
    path = _path(meeting, "tijdsloten", slot["id"], "boeking")
    booked = (await utrecht.post(path, json=TOPIC)).json()

    assert (await several.delete(path)).status_code == 403, "another municipality's booking"
    assert (await utrecht.delete(path)).status_code == 204
    assert (await utrecht.delete(path)).status_code == 409, "nothing left to cancel"
    row = db.get_one(Slot, slot["id"])
    db.refresh(row)
    assert (row.municipality_code, row.question_id, row.registration_id) == (None, None, None)
    assert db.get(Question, booked["vraag"]) is not None, "the question stays"
    place = db.get_one(Registration, booked["aanmelding"])
    db.refresh(place)
    assert place.status == RegistrationStatus.CANCELLED
    kinds = db.scalars(select(MeetingEvent.kind).where(MeetingEvent.meeting_id == meeting.id)).all()
    assert "boeking-geannuleerd" in kinds

    rebooked = await several.post(path, json={**TOPIC, "gemeente": "GM0575"})
    assert rebooked.status_code == 201, rebooked.text


async def test_giving_up_the_place_by_the_mails_link_frees_the_slot(
    clients: Clients, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    meeting = _meeting(db)
    slot = (await _slots(await _as(clients, EDITOR), meeting))[0]
    utrecht = await _as(clients, UTRECHT)
    booked = await utrecht.post(_path(meeting, "tijdsloten", slot["id"], "boeking"), json=TOPIC)
    assert booked.status_code == 201, booked.text
    (confirmation,) = [
        m for m in mails(tmp_path / "outbox") if m["To"] == UTRECHT and any(m.iter_attachments())
    ]

    text = confirmation.get_body(("plain",))
    assert text is not None
    token = re.search(r"/aanmelding-annuleren#token=([A-Za-z0-9_-]+)", str(text.get_content()))
    assert token, "the confirmation carries the link that gives up her place"
    cancelled = await client.post("/api/v1/aanmelding-annuleren", json={"token": token.group(1)})
    assert cancelled.status_code == 204, cancelled.text
    shown = (await utrecht.get(_path(meeting, "tijdsloten"))).json()["tijdsloten"][0]
    assert (shown["vrij"], shown["gemeente"]) == (True, None)
    assert db.get(Question, booked.json()["vraag"]) is not None, "the question stays"
    again = await utrecht.post(_path(meeting, "tijdsloten", slot["id"], "boeking"), json=TOPIC)
    assert again.status_code == 201, "her municipality holds no slot any more"


def _register(db: Session, meeting: Meeting, name: str, municipality: str | None) -> Registration:
    place = Registration(
        meeting_id=meeting.id,
        municipality_code=municipality,
        organisation_code=None if municipality else "divosa",
        name=name,
        email=f"{name.split()[0].lower()}.{uuid.uuid4().hex[:6]}@gemeente.example",
        status=RegistrationStatus.REGISTERED,
    )
    db.add(place)
    db.commit()
    return place


async def test_the_check_in_list_and_attendance_from_the_start_on(
    clients: Clients, db: Session
) -> None:
    running = _meeting(
        db, kind=MeetingKind.WORK_SESSION, starts_in=timedelta(hours=-1), minutes=120
    )
    coming = _meeting(db, kind=MeetingKind.WORK_SESSION)
    ada = _register(db, running, "Ada Zwart", "GM0344")  # Utrecht
    bob = _register(db, running, "Bob Aalders", "GM0344")
    cor = _register(db, running, "Cor Jansen", "GM0363")  # Amsterdam
    dirk = _register(db, running, "Dirk Divosa", None)
    elsewhere = _register(db, coming, "Eva Elders", "GM0344")
    editor, contact = await _as(clients, EDITOR), await _as(clients, UTRECHT)

    listed = await editor.get(_path(running, "presentielijst"))
    assert listed.status_code == 200, listed.text
    names = [r["naam"] for r in listed.json()["aanmeldingen"]]
    assert names == ["Cor Jansen", "Ada Zwart", "Bob Aalders", "Dirk Divosa"]
    assert (await contact.get(_path(running, "presentielijst"))).status_code == 403

    marks = {
        "aanwezigheid": [
            {"aanmelding": ada.id, "status": "aanwezig"},
            {"aanmelding": bob.id, "status": "afwezig"},
            {"aanmelding": cor.id, "status": "laat-afgemeld"},
        ]
    }
    assert (await contact.put(_path(running, "aanwezigheid"), json=marks)).status_code == 403
    early = await editor.put(
        _path(coming, "aanwezigheid"),
        json={"aanwezigheid": [{"aanmelding": elsewhere.id, "status": "aanwezig"}]},
    )
    assert early.status_code == 409, "not before the start"
    foreign = {
        "aanwezigheid": [
            {"aanmelding": ada.id, "status": "aanwezig"},
            {"aanmelding": elsewhere.id, "status": "aanwezig"},
        ]
    }
    refused = await editor.put(_path(running, "aanwezigheid"), json=foreign)
    assert refused.status_code == 400
    assert [p["name"] for p in refused.json()["invalidParams"]] == ["aanwezigheid[1].aanmelding"]
    db.refresh(ada)
    assert ada.attendance is None, "nothing recorded of a refused list"

    recorded = await editor.put(_path(running, "aanwezigheid"), json=marks)
    assert recorded.status_code == 200, recorded.text
    shown = {r["id"]: r["aanwezigheid"] for r in recorded.json()["aanmeldingen"]}
    assert shown == {ada.id: "aanwezig", bob.id: "afwezig", cor.id: "laat-afgemeld", dirk.id: None}
    assert recorded.json()["plaatsen"]["aangemeld"] == 4
    for place, expected in ((ada, Attendance.PRESENT), (cor, Attendance.CANCELLED_LATE)):
        db.refresh(place)
        assert place.attendance == expected
    history = db.scalars(
        select(MeetingEvent).where(
            MeetingEvent.meeting_id == running.id, MeetingEvent.kind == "aanwezigheid"
        )
    ).one()
    assert history.details == {"aanwezig": 1, "afwezig": 1, "laat-afgemeld": 1}


async def test_attendance_only_for_places_taken(clients: Clients, db: Session) -> None:
    running = _meeting(
        db, kind=MeetingKind.WORK_SESSION, starts_in=timedelta(hours=-1), minutes=120
    )
    ada = _register(db, running, "Ada Zwart", "GM0344")
    waiting = _register(db, running, "Wim Wachter", "GM0344")
    waiting.status = RegistrationStatus.WAITING
    late = _register(db, running, "Lot Laat", "GM0363")
    late.status = RegistrationStatus.CANCELLED
    late.attendance = Attendance.CANCELLED_LATE
    gone = _register(db, running, "Gijs Weg", "GM0363")
    gone.status = RegistrationStatus.CANCELLED
    db.commit()
    editor = await _as(clients, EDITOR)

    marks = {
        "aanwezigheid": [
            {"aanmelding": ada.id, "status": "aanwezig"},
            {"aanmelding": waiting.id, "status": "aanwezig"},
            {"aanmelding": late.id, "status": "afwezig"},
            {"aanmelding": gone.id, "status": "aanwezig"},
        ]
    }
    refused = await editor.put(_path(running, "aanwezigheid"), json=marks)
    assert refused.status_code == 400, refused.text
    problems = refused.json()["invalidParams"]
    assert [p["name"] for p in problems] == [f"aanwezigheid[{i}].aanmelding" for i in (1, 2, 3)]
    assert str(waiting.id) in problems[0]["reason"]
    for place, expected in ((ada, None), (waiting, None), (late, Attendance.CANCELLED_LATE)):
        db.refresh(place)
        assert place.attendance == expected, place.name

    taken = {"aanwezigheid": marks["aanwezigheid"][:1]}
    assert (await editor.put(_path(running, "aanwezigheid"), json=taken)).status_code == 200
    db.refresh(ada)
    assert ada.attendance == Attendance.PRESENT


def _product(db: Session, kind: ProductType) -> Product:
    found = db.scalars(select(Product).where(Product.type == kind).options(*DETAILS)).all()
    public = [p for p in found if is_public(p)]
    assert public, f"the demo catalogue has a published {kind}"
    return public[0]


async def test_materials_of_the_right_kinds_are_sent_once(
    clients: Clients, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    meeting = _meeting(db, kind=MeetingKind.WEBINAR, starts_in=timedelta(minutes=-90))
    for name in ("Ada Zwart", "Bob Aalders", "Cor Jansen"):
        _register(db, meeting, name, "GM0344")
    gone = _register(db, meeting, "Dirk Weg", "GM0344")
    gone.status = RegistrationStatus.CANCELLED
    db.commit()
    editor = await _as(clients, EDITOR)
    presentation = _product(db, ProductType.PRESENTATION)
    guide = _product(db, ProductType.GUIDE)
    path = _path(meeting, "materialen")

    wrong = await editor.post(path, json={"product": guide.id})
    assert wrong.status_code == 400, wrong.text
    assert wrong.json()["invalidParams"][0]["name"] == "product"
    assert (await editor.post(path, json={"product": 2_000_000_000})).status_code == 404
    assert (
        await (await _as(clients, UTRECHT)).post(path, json={"product": presentation.id})
    ).status_code == 403
    added = await editor.post(path, json={"product": presentation.id})
    assert added.status_code == 201, added.text
    assert added.json()["product"]["soort"] == "presentatie"
    assert (await editor.post(path, json={"product": presentation.id})).status_code == 409
    listed = (await client.get(path)).json()["materialen"]
    assert [(m["product"]["id"], m["verstuurdOp"]) for m in listed] == [(presentation.id, None)]

    before = _outbox(db)
    sent = await editor.post(_path(meeting, "materialen", "versturen"))
    assert sent.status_code == 200, sent.text
    assert sent.json() == {"verstuurd": 3}, "everyone registered, not who cancelled"
    assert _outbox(db) == before + 3
    delivered = [m for m in mails(tmp_path / "outbox") if m["Subject"].startswith("Materiaal")]
    assert len(delivered) == 3
    text = delivered[0].get_content()
    assert presentation.title in text
    assert f"/producten/{presentation.id}" in text

    again = await editor.post(_path(meeting, "materialen", "versturen"))
    assert again.json() == {"verstuurd": 0}
    assert _outbox(db) == before + 3, "sending again mails nothing"
    assert (await client.get(path)).json()["materialen"][0]["verstuurdOp"] is not None

    assert (await editor.delete(_path(meeting, "materialen", presentation.id))).status_code == 204
    assert (await editor.delete(_path(meeting, "materialen", presentation.id))).status_code == 404
    assert (await client.get(path)).json()["materialen"] == []


async def test_materials_are_sent_from_the_start_and_never_for_a_cancelled_meeting(
    clients: Clients, db: Session
) -> None:
    coming = _meeting(db, kind=MeetingKind.WEBINAR)
    _register(db, coming, "Ada Zwart", "GM0344")
    cancelled = _meeting(db, kind=MeetingKind.WEBINAR, status=MeetingStatus.CANCELLED)
    editor = await _as(clients, EDITOR)
    presentation = _product(db, ProductType.PRESENTATION)
    before = _outbox(db)

    added = await editor.post(_path(coming, "materialen"), json={"product": presentation.id})
    assert added.status_code == 201, "a presentation may be added beforehand"
    early = await editor.post(_path(coming, "materialen", "versturen"))
    assert early.status_code == 409, early.text
    assert early.headers["content-type"].startswith("application/problem+json")
    assert "begonnen" in early.json()["detail"]
    assert _outbox(db) == before
    listed = await editor.get(_path(coming, "materialen"))
    assert listed.json()["materialen"][0]["verstuurdOp"] is None, "still to be sent"

    refused = await editor.post(_path(cancelled, "materialen"), json={"product": presentation.id})
    assert refused.status_code == 409, refused.text
    assert "geannuleerd" in refused.json()["detail"]
    assert (await editor.get(_path(cancelled, "materialen"))).json()["materialen"] == []


async def test_questions_asked_during_a_meeting_are_linked_and_unlinked(
    clients: Clients, client: httpx.AsyncClient, db: Session
) -> None:
    meeting = _meeting(db, kind=MeetingKind.WEBINAR)
    question = db.scalars(select(Question).order_by(Question.id).limit(1)).one()
    editor, contact = await _as(clients, EDITOR), await _as(clients, UTRECHT)
    path = _path(meeting, "vragen")

    assert (await client.post(path, json={"vraag": question.id})).status_code == 401
    assert (await contact.post(path, json={"vraag": question.id})).status_code == 403
    assert (await editor.post(path, json={"vraag": 2_000_000_000})).status_code == 404
    linked = await editor.post(path, json={"vraag": question.id})
    assert linked.status_code == 201, linked.text
    assert linked.json()["onderwerp"] == question.subject
    assert linked.json()["status"] == question.status
    assert (await editor.post(path, json={"vraag": question.id})).status_code == 409
    assert [q["id"] for q in (await editor.get(path)).json()["vragen"]] == [question.id]
    assert (await contact.get(path)).status_code == 403

    assert (await editor.delete(f"{path}/{question.id}")).status_code == 204
    assert (await editor.delete(f"{path}/{question.id}")).status_code == 404
    assert (await editor.get(path)).json()["vragen"] == []
    assert db.get(Question, question.id) is not None


def _contact(session: Session, email: str, municipality: str) -> Principal:
    user = User(email=email, name=email.split("@")[0], is_active=True)
    user.role_rows = [UserRole(role=Role.MUNICIPAL_CONTACT)]
    user.municipalities = [session.get_one(Municipality, municipality)]
    session.add(user)
    session.flush()
    return Principal(
        kind="user",
        user_id=user.id,
        roles=frozenset({Role.MUNICIPAL_CONTACT}),
        municipalities=frozenset({municipality}),
    )


@postgres_only
def test_two_municipalities_booking_one_slot_at_once_one_gets_it(tmp_path: Path) -> None:
    with own_database("slot_concurrency", tmp_path) as (engine, settings):
        with Session(engine) as session:
            load_reference_data(session)
            utrecht = _contact(session, "utrecht@gemeente.example", "GM0344")
            amsterdam = _contact(session, "amsterdam@gemeente.example", "GM0363")
            meeting = _meeting(session)
            editor = Principal(kind="user", user_id=None, roles=frozenset({Role.EDITOR}))
            slots.make(session, editor, meeting.id, slots.SlotPlan(None, None, None))
            session.commit()
            meeting_id = meeting.id
            slot_id = session.scalars(
                select(Slot.id).where(Slot.meeting_id == meeting_id).order_by(Slot.starts_at)
            ).first()
            assert slot_id is not None

        # The first to hold the meeting's lock waits until the other has asked for it too (or a
        # second has passed: the other is then queued behind the lock), so the two overlap.
        both_asked = threading.Barrier(2, timeout=1)
        paused = threading.local()

        def pause_after_the_lock(*args: Any) -> None:
            statement: str = args[2]
            is_lock = "FOR UPDATE" in statement and "meetings" in statement
            if is_lock and not getattr(paused, "done", False):
                paused.done = True
                with contextlib.suppress(threading.BrokenBarrierError):
                    both_asked.wait()

        event.listen(engine, "after_cursor_execute", pause_after_the_lock)
        answers: dict[str, str | DomainError] = {}
        errors: list[BaseException] = []

        def book(who: str, principal: Principal) -> None:
            try:
                with Session(engine) as session:
                    try:
                        topic = slots.Topic(None, "Vrijlating giften", "Hoe passen wij dit toe?")
                        slots.book(session, settings, principal, meeting_id, slot_id, topic)
                        session.commit()
                        answers[who] = "geboekt"
                    except DomainError as exc:
                        session.rollback()
                        answers[who] = exc
            except BaseException as exc:
                errors.append(exc)

        threads = [
            threading.Thread(target=book, args=("GM0344", utrecht)),
            threading.Thread(target=book, args=("GM0363", amsterdam)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        event.remove(engine, "after_cursor_execute", pause_after_the_lock)

        assert not errors, f"a booking failed with a 500: {errors[0]!r}"
        won = [who for who, answer in answers.items() if answer == "geboekt"]
        refused = [a for a in answers.values() if isinstance(a, DomainError)]
        assert len(won) == 1, answers
        assert len(refused) == 1, answers
        assert refused[0].status == 409, answers
        with Session(engine) as session:
            assert session.get_one(Slot, slot_id).municipality_code == won[0]
            asked = session.scalars(
                select(Question).where(Question.channel == Channel.CONSULTATION_HOUR)
            ).all()
            assert [q.municipality_code for q in asked] == won, "the loser filed nothing"
            links = session.scalars(select(MeetingQuestion.question_id)).all()
            assert links == [asked[0].id]
            places = session.scalars(select(Registration.email)).all()
            assert len(places) == 1
