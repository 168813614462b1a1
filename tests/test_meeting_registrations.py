"""Registering for a meeting: oneself or a colleague, who may register whom, the waiting list and
its promotion, cancelling (signed in or by the mail's link, late or not), one's own meetings,
the mails with their .ics when a meeting is cancelled or moved, and the reminder the day before.
On PostgreSQL, parallel registrations never take more places than there are."""

import re
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from uuid import uuid4

import httpx
import pytest
import vobject  # type: ignore[import-untyped]
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.accounts.secrets import hash_token, new_token
from api.core import clock
from api.core.security import Principal, Role
from api.meetings import handovers, registrations
from api.meetings.models import (
    Attendance,
    Audience,
    Meeting,
    MeetingEvent,
    MeetingKind,
    MeetingRating,
    MeetingStatus,
    Registration,
    RegistrationStatus,
    Slot,
)
from api.meetings.schemas import RegistrationCreate
from api.satisfaction import scoring
from api.seed.reference import load_reference_data
from tests.auth import BOLLENSTREEK, EDITOR, STIMULANSZ, UTRECHT, login, mails
from tests.meeting_concurrency import at_once, own_database, postgres_only

Clients = Callable[[], httpx.AsyncClient]
LOOKUP = "/api/v1/aanmelding-opzoeken"
CANCEL = "/api/v1/aanmelding-annuleren"
COLLEAGUE = {"naam": "Joke de Vries", "email": "J.deVries@Utrecht.example"}


def _meeting(
    db: Session,
    *,
    capacity: int | None = 20,
    status: MeetingStatus = MeetingStatus.OPEN,
    audience: Audience = Audience.MUNICIPALITIES,
    starts_at: datetime | None = None,
    deadline: datetime | None = None,
) -> Meeting:
    starts = starts_at or clock.now().replace(microsecond=0) + timedelta(days=10)
    meeting = Meeting(
        kind=MeetingKind.WEBINAR,
        title="Webinar vrijlating van giften",
        description="Wat de nieuwe vrijlating betekent voor de uitvoering.",
        audience=audience,
        is_online=True,
        join_url="https://vergaderen.example/webinar-giften",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        capacity=capacity,
        registration_deadline=deadline,
        status=status,
        uid=f"{uuid4()}@spoorboek",
        sequence=0,
        version=1,
    )
    db.add(meeting)
    db.commit()
    return meeting


def _path(meeting: Meeting) -> str:
    return f"/api/v1/bijeenkomsten/{meeting.id}/aanmeldingen"


async def _signed_in(clients: Clients, email: str) -> httpx.AsyncClient:
    c = clients()
    await login(c, email)
    return c


def _mails_to(outbox: Path, address: str) -> list[EmailMessage]:
    return [m for m in mails(outbox) if m["To"] == address]


def _about(outbox: Path, address: str, subject: str) -> list[EmailMessage]:
    return [m for m in _mails_to(outbox, address) if m["Subject"].startswith(subject)]


def _text(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def _token(message: EmailMessage) -> str:
    match = re.search(r"/aanmelding-annuleren#token=([A-Za-z0-9_-]+)", _text(message))
    assert match, _text(message)
    return match.group(1)


def _calendar(message: EmailMessage) -> Any:
    """The .ics of a mail, read by an independent parser."""
    [part] = [p for p in message.iter_attachments() if p.get_filename() == "bijeenkomst.ics"]
    assert part.get_content_type() == "text/calendar"
    return vobject.readOne(part.get_content())


def _row(db: Session, registration_id: int) -> Registration:
    db.expire_all()
    return db.get_one(Registration, registration_id)


def _mail_settings(app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hand-overs mail with the process's settings; here, the test's (its outbox)."""
    settings = app.state.settings
    monkeypatch.setattr(handovers, "get_settings", lambda: settings)


# ---------------------------------------------------------------------------------------------
# Registering


async def test_a_contact_registers_herself_and_gets_the_confirmation_with_the_ics(
    clients: Clients, db: Session, tmp_path: Path
) -> None:
    meeting = _meeting(db)
    utrecht = await _signed_in(clients, UTRECHT)
    response = await utrecht.post(_path(meeting), json={})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "aangemeld"
    assert body["email"] == UTRECHT
    assert body["naam"] == "Ulla Utrecht (demo)"
    assert body["gemeente"]["code"] == "GM0344"
    assert body["plaatsOpWachtlijst"] is None

    [mail] = _mails_to(tmp_path / "outbox", UTRECHT)
    assert mail["Subject"] == f"Aangemeld: {meeting.title}"
    text = _text(mail)
    assert "https://vergaderen.example/webinar-giften" in text
    assert "/aanmelding-annuleren#token=" in text
    calendar = _calendar(mail)
    assert calendar.method.value == "REQUEST"
    assert calendar.vevent.uid.value == meeting.uid
    assert int(calendar.vevent.sequence.value) == 0
    assert calendar.vevent.dtstart.value == meeting.starts_at
    row = _row(db, body["id"])
    token = _token(mail)
    assert row.token_hash == hash_token(token)
    assert token not in (row.token_hash or "")
    assert row.sent_sequence == 0
    assert row.user_id is not None
    assert row.registered_by == row.user_id


async def test_a_contact_registers_a_colleague_by_name_and_a_lower_cased_address(
    clients: Clients, db: Session, tmp_path: Path
) -> None:
    meeting = _meeting(db)
    utrecht = await _signed_in(clients, UTRECHT)
    response = await utrecht.post(_path(meeting), json=COLLEAGUE)
    assert response.status_code == 201, response.text
    assert response.json()["email"] == "j.devries@utrecht.example"
    assert response.json()["naam"] == "Joke de Vries"
    assert response.json()["gemeente"]["code"] == "GM0344"
    row = _row(db, response.json()["id"])
    assert row.user_id is None
    assert row.registered_by is not None
    assert [m["Subject"] for m in _mails_to(tmp_path / "outbox", "j.devries@utrecht.example")] == [
        f"Aangemeld: {meeting.title}"
    ]
    assert _mails_to(tmp_path / "outbox", UTRECHT) == []

    for bad, field in (
        ({"naam": "Piet"}, "email"),
        ({"email": "piet@utrecht.example"}, "naam"),
        ({"naam": "Piet", "email": "geen-adres"}, "email"),
        ({"naam": "Piet", "email": "piet@utrecht"}, "email"),
    ):
        refused = await utrecht.post(_path(meeting), json=bad)
        assert refused.status_code == 400, (bad, refused.text)
        assert field in [p["name"] for p in refused.json()["invalidParams"]], refused.text
    control = await utrecht.post(_path(meeting), json={"naam": "Pi\x07et", "email": "p@u.example"})
    assert control.status_code == 400


async def test_who_may_register_whom(
    clients: Clients, client: httpx.AsyncClient, db: Session
) -> None:
    for_municipalities = _meeting(db)
    for_partners = _meeting(db, audience=Audience.CHAIN_PARTNERS)

    anonymous = await client.post(_path(for_municipalities), json={})
    assert anonymous.status_code == 401

    utrecht = await _signed_in(clients, UTRECHT)
    other_town = await utrecht.post(
        _path(for_municipalities), json={**COLLEAGUE, "gemeente": "GM0534"}
    )
    assert other_town.status_code == 403, other_town.text
    assert "GM0534" in other_town.json()["detail"]

    expert = await _signed_in(clients, STIMULANSZ)
    refused = await expert.post(_path(for_municipalities), json={})
    assert refused.status_code == 403, refused.text
    colleague = await expert.post(_path(for_partners), json=COLLEAGUE)
    assert colleague.status_code == 403, colleague.text
    herself = await expert.post(_path(for_partners), json={})
    assert herself.status_code == 201, herself.text
    assert herself.json()["organisatie"]["code"] == "stimulansz"
    assert herself.json()["gemeente"] is None

    several = await _signed_in(clients, BOLLENSTREEK)
    unnamed = await several.post(_path(for_municipalities), json={})
    assert unnamed.status_code == 400
    assert [p["name"] for p in unnamed.json()["invalidParams"]] == ["gemeente"]
    named = await several.post(_path(for_municipalities), json={"gemeente": "GM0534"})
    assert named.status_code == 201, named.text
    assert named.json()["gemeente"]["code"] == "GM0534"

    team = await _signed_in(clients, EDITOR)
    anyone = await team.post(
        _path(for_partners), json={"naam": "Kees Keten", "email": "kees@uwv.example"}
    )
    assert anyone.status_code == 201, anyone.text
    unknown = await team.post(
        _path(for_partners),
        json={"naam": "Kees Keten", "email": "k2@uwv.example", "gemeente": "GM9999"},
    )
    assert unknown.status_code == 400
    missing = await team.post("/api/v1/bijeenkomsten/2147483647/aanmeldingen", json={})
    assert missing.status_code == 404


async def test_one_place_per_address_and_a_cancelled_one_comes_back_at_the_back(
    clients: Clients, db: Session
) -> None:
    meeting = _meeting(db, capacity=1)
    team = await _signed_in(clients, EDITOR)
    first = await team.post(_path(meeting), json={"naam": "Anna Eerst", "email": "a@x.example"})
    assert first.status_code == 201
    again = await team.post(_path(meeting), json={"naam": "Anna", "email": "A@X.example"})
    assert again.status_code == 409, again.text
    assert again.headers["content-type"] == "application/problem+json"
    assert "a@x.example is al aangemeld" in again.json()["detail"]
    second = await team.post(_path(meeting), json={"naam": "Bert Later", "email": "b@x.example"})
    assert second.json()["status"] == "wachtlijst"
    twice = await team.post(_path(meeting), json={"naam": "Bert", "email": "b@x.example"})
    assert twice.status_code == 409
    assert "staat al op de wachtlijst" in twice.json()["detail"]

    gone = await team.delete(f"{_path(meeting)}/{first.json()['id']}")
    assert gone.status_code == 204, gone.text
    back = await team.post(_path(meeting), json={"naam": "Anna Eerst", "email": "a@x.example"})
    assert back.status_code == 201, back.text
    assert back.json()["id"] == first.json()["id"], "the same row, re-activated"
    assert back.json()["status"] == "wachtlijst"
    assert back.json()["plaatsOpWachtlijst"] == 1
    assert back.json()["afgemeldOp"] is None
    assert _row(db, second.json()["id"]).status is RegistrationStatus.REGISTERED


async def _five_ask(team: httpx.AsyncClient, meeting: Meeting) -> list[dict[str, Any]]:
    """Persoon 0 … 4 (p0@x.example …) ask for a place, one after the other."""
    made = []
    for n in range(5):
        response = await team.post(
            _path(meeting), json={"naam": f"Persoon {n}", "email": f"p{n}@x.example"}
        )
        assert response.status_code == 201, response.text
        made.append(response.json())
    return made


async def test_the_waiting_list_is_promoted_in_order_and_the_promoted_are_told(
    clients: Clients, db: Session, tmp_path: Path
) -> None:
    meeting = _meeting(db, capacity=2)
    team = await _signed_in(clients, EDITOR)
    made = await _five_ask(team, meeting)
    assert [r["status"] for r in made] == ["aangemeld"] * 2 + ["wachtlijst"] * 3
    assert [r["plaatsOpWachtlijst"] for r in made] == [None, None, 1, 2, 3]
    db.refresh(meeting)
    assert meeting.status is MeetingStatus.FULL
    waiting_mail = _mails_to(tmp_path / "outbox", "p2@x.example")
    assert [m["Subject"] for m in waiting_mail] == [f"Op de wachtlijst: {meeting.title}"]
    assert "plaats 1" in _text(waiting_mail[0])
    assert not list(waiting_mail[0].iter_attachments()), "no invitation without a place"

    assert (await team.delete(f"{_path(meeting)}/{made[0]['id']}")).status_code == 204
    listing = (await team.get(_path(meeting))).json()
    by_email = {r["email"]: r for r in listing["aanmeldingen"]}
    assert by_email["p2@x.example"]["status"] == "aangemeld"
    assert by_email["p3@x.example"]["plaatsOpWachtlijst"] == 1
    assert by_email["p4@x.example"]["plaatsOpWachtlijst"] == 2
    assert by_email["p0@x.example"]["status"] == "afgemeld"
    assert listing["plaatsen"] == {"capaciteit": 2, "aangemeld": 2, "wachtlijst": 2, "vrij": 0}
    promoted = _mails_to(tmp_path / "outbox", "p2@x.example")
    assert len(promoted) == 2
    [told] = [m for m in promoted if m["Subject"].startswith("Van de wachtlijst aangemeld:")]
    assert _calendar(told).vevent.uid.value == meeting.uid
    assert _calendar(told).method.value == "REQUEST"
    assert len(_mails_to(tmp_path / "outbox", "p3@x.example")) == 1, "the others hear nothing"

    # Giving up a place on the waiting list promotes nobody.
    assert (await team.delete(f"{_path(meeting)}/{made[3]['id']}")).status_code == 204
    assert _row(db, made[4]["id"]).status is RegistrationStatus.WAITING
    db.refresh(meeting)
    assert meeting.status is MeetingStatus.FULL


async def test_more_places_go_to_the_waiting_list_in_order_at_once(
    clients: Clients, app: FastAPI, db: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _mail_settings(app, monkeypatch)
    meeting = _meeting(db, capacity=2)
    team = await _signed_in(clients, EDITOR)
    made = await _five_ask(team, meeting)
    page = f"/api/v1/bijeenkomsten/{meeting.id}"

    async def capacity(places: int) -> None:
        etag = (await team.get(page)).headers["ETag"]
        changed = await team.patch(page, json={"capaciteit": places}, headers={"If-Match": etag})
        assert changed.status_code == 200, changed.text

    await capacity(4)
    statuses = [_row(db, r["id"]).status for r in made]
    assert statuses == [RegistrationStatus.REGISTERED] * 4 + [RegistrationStatus.WAITING]
    db.refresh(meeting)
    assert meeting.status is MeetingStatus.FULL
    told = _mails_to(tmp_path / "outbox", "p3@x.example")
    assert [m["Subject"] for m in told][-1].startswith("Van de wachtlijst aangemeld:")

    await capacity(10)
    assert _row(db, made[4]["id"]).status is RegistrationStatus.REGISTERED
    db.refresh(meeting)
    assert meeting.status is MeetingStatus.OPEN


async def test_the_list_shows_a_contact_only_her_municipalities(
    clients: Clients, client: httpx.AsyncClient, db: Session
) -> None:
    meeting = _meeting(db)
    utrecht = await _signed_in(clients, UTRECHT)
    await utrecht.post(_path(meeting), json={})
    bollenstreek = await _signed_in(clients, BOLLENSTREEK)
    await bollenstreek.post(_path(meeting), json={"gemeente": "GM0534"})
    seen = (await utrecht.get(_path(meeting))).json()
    assert [r["email"] for r in seen["aanmeldingen"]] == [UTRECHT]
    assert seen["plaatsen"]["aangemeld"] == 2
    team = (await (await _signed_in(clients, EDITOR)).get(_path(meeting))).json()
    assert {r["email"] for r in team["aanmeldingen"]} == {UTRECHT, BOLLENSTREEK}
    assert (await client.get(_path(meeting))).status_code == 401
    expert = await _signed_in(clients, STIMULANSZ)
    assert (await expert.get(_path(meeting))).status_code == 403
    # Nor can she cancel another municipality's place: to her it does not exist.
    other = next(r for r in team["aanmeldingen"] if r["email"] == BOLLENSTREEK)
    assert (await utrecht.delete(f"{_path(meeting)}/{other['id']}")).status_code == 404


@pytest.mark.parametrize(
    ("case", "detail"),
    [
        ("deadline", "Aanmelden kon tot"),
        ("cancelled", "geannuleerd"),
        ("past", "afgelopen"),
        ("planned", "nog niet geopend"),
    ],
)
async def test_registering_is_refused_when_it_is_not_possible(
    clients: Clients, db: Session, case: str, detail: str
) -> None:
    now = clock.now().replace(microsecond=0)
    meeting = {
        "deadline": lambda: _meeting(db, deadline=now - timedelta(minutes=1)),
        "cancelled": lambda: _meeting(db, status=MeetingStatus.CANCELLED),
        "past": lambda: _meeting(db, starts_at=now - timedelta(days=2)),
        "planned": lambda: _meeting(db, status=MeetingStatus.PLANNED),
    }[case]()
    utrecht = await _signed_in(clients, UTRECHT)
    response = await utrecht.post(_path(meeting), json={})
    assert response.status_code == 409, response.text
    assert detail in response.json()["detail"]
    assert db.scalars(select(Registration).where(Registration.meeting_id == meeting.id)).all() == []


# ---------------------------------------------------------------------------------------------
# Cancelling


async def test_cancelling_by_the_link_in_the_mail(
    clients: Clients, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    meeting = _meeting(db)
    utrecht = await _signed_in(clients, UTRECHT)
    placed = (await utrecht.post(_path(meeting), json=COLLEAGUE)).json()
    [mail] = _mails_to(tmp_path / "outbox", placed["email"])
    token = _token(mail)

    looked = await client.post(LOOKUP, json={"token": token})
    assert looked.status_code == 200, looked.text
    assert looked.json()["naam"] == "Joke de Vries"
    assert looked.json()["status"] == "aangemeld"
    assert looked.json()["bijeenkomst"]["id"] == meeting.id
    assert "deelnamelink" not in looked.json()["bijeenkomst"]

    wrong = token[:-1] + ("A" if token[-1] != "A" else "B")
    for path in (LOOKUP, CANCEL):
        unknown = await client.post(path, json={"token": wrong})
        assert unknown.status_code == 404, unknown.text
        assert "Joke" not in unknown.text
    assert (await client.post(CANCEL, json={"token": "kort"})).status_code == 400

    done = await client.post(CANCEL, json={"token": token})
    assert done.status_code == 204, done.text
    row = _row(db, placed["id"])
    assert row.status is RegistrationStatus.CANCELLED
    assert row.cancelled_at is not None
    assert row.attendance is None, "ten days ahead is not late"
    used = await client.post(LOOKUP, json={"token": token})
    assert used.json()["status"] == "afgemeld"
    again = await client.post(CANCEL, json={"token": token})
    assert again.status_code == 409
    assert "al afgemeld" in again.json()["detail"]
    confirmation = _mails_to(tmp_path / "outbox", placed["email"])[-1]
    assert confirmation["Subject"] == f"Afgemeld: {meeting.title}"
    calendar = _calendar(confirmation)
    assert calendar.method.value == "CANCEL"
    assert calendar.vevent.uid.value == meeting.uid


async def test_a_consultation_hours_place_cancelled_by_its_link_frees_the_slot(
    client: httpx.AsyncClient, db: Session
) -> None:
    meeting = _meeting(db)
    meeting.kind = MeetingKind.CONSULTATION_HOUR
    token = new_token()
    place = Registration(
        meeting_id=meeting.id,
        name="Ulla Utrecht",
        email="ulla@utrecht.example",
        municipality_code="GM0344",
        status=RegistrationStatus.REGISTERED,
        token_hash=hash_token(token),
    )
    db.add(place)
    db.flush()
    slot = Slot(
        meeting_id=meeting.id,
        starts_at=meeting.starts_at,
        ends_at=meeting.starts_at + timedelta(minutes=20),
        municipality_code="GM0344",
        registration_id=place.id,
    )
    db.add(slot)
    db.commit()
    assert (await client.post(CANCEL, json={"token": token})).status_code == 204
    db.expire_all()
    freed = db.get_one(Slot, slot.id)
    assert freed.municipality_code is None
    assert freed.registration_id is None


async def test_cancelling_within_a_day_of_the_start_is_recorded_as_late(
    clients: Clients, db: Session
) -> None:
    meeting = _meeting(db, starts_at=clock.now().replace(microsecond=0) + timedelta(hours=20))
    utrecht = await _signed_in(clients, UTRECHT)
    placed = (await utrecht.post(_path(meeting), json={})).json()
    assert (await utrecht.delete(f"{_path(meeting)}/{placed['id']}")).status_code == 204
    row = _row(db, placed["id"])
    assert row.attendance is Attendance.CANCELLED_LATE
    listing = (await utrecht.get(_path(meeting))).json()
    assert listing["aanmeldingen"][0]["aanwezigheid"] == "laat-afgemeld"


async def test_my_meetings_hold_my_own_places_and_the_colleagues_i_registered(
    clients: Clients, client: httpx.AsyncClient, db: Session
) -> None:
    later = _meeting(db, starts_at=clock.now().replace(microsecond=0) + timedelta(days=20))
    sooner = _meeting(db, starts_at=clock.now().replace(microsecond=0) + timedelta(days=5))
    utrecht = await _signed_in(clients, UTRECHT)
    await utrecht.post(_path(later), json={})
    await utrecht.post(_path(later), json=COLLEAGUE)
    placed = (await utrecht.post(_path(sooner), json={})).json()
    team = await _signed_in(clients, EDITOR)
    await team.post(_path(sooner), json={"naam": "Iemand Anders", "email": "ander@x.example"})

    mine = (await utrecht.get("/api/v1/mijn-bijeenkomsten")).json()
    ours = [m for m in mine["komend"] if m["bijeenkomst"]["id"] in (later.id, sooner.id)]
    assert [m["bijeenkomst"]["id"] for m in ours] == [sooner.id, later.id]
    assert [r["email"] for r in ours[0]["aanmeldingen"]] == [UTRECHT]
    assert {r["email"] for r in ours[1]["aanmeldingen"]} == {UTRECHT, "j.devries@utrecht.example"}
    assert ours[0]["bijeenkomst"]["mijnAanmelding"] == "aangemeld"

    await utrecht.delete(f"{_path(sooner)}/{placed['id']}")
    mine = (await utrecht.get("/api/v1/mijn-bijeenkomsten")).json()
    assert sooner.id not in [m["bijeenkomst"]["id"] for m in mine["komend"]]
    assert (await client.get("/api/v1/mijn-bijeenkomsten")).status_code == 401


async def test_erasing_a_person_empties_her_registrations_and_keeps_the_places(
    clients: Clients, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    meeting = _meeting(db)
    utrecht = await _signed_in(clients, UTRECHT)
    placed = (await utrecht.post(_path(meeting), json=COLLEAGUE)).json()
    token = _token(_mails_to(tmp_path / "outbox", placed["email"])[0])
    team = await _signed_in(clients, EDITOR)
    erased = await team.post("/api/v1/vragenstellers/wissingen", json={"email": COLLEAGUE["email"]})
    assert erased.status_code == 200, erased.text
    listing = (await team.get(_path(meeting))).json()
    [row] = [r for r in listing["aanmeldingen"] if r["id"] == placed["id"]]
    assert row["naam"] == "[gewist]"
    assert "devries" not in row["email"]
    assert row["status"] == "aangemeld"
    assert row["gemeente"]["code"] == "GM0344"
    assert listing["plaatsen"]["aangemeld"] == 1
    assert (await client.post(LOOKUP, json={"token": token})).status_code == 404


async def test_the_history_names_her_until_she_is_erased_with_her_evaluations_comment(
    clients: Clients, client: httpx.AsyncClient, db: Session
) -> None:
    meeting = _meeting(db)
    utrecht = await _signed_in(clients, UTRECHT)
    placed = (await utrecht.post(_path(meeting), json=COLLEAGUE)).json()
    team = await _signed_in(clients, EDITOR)
    history = f"/api/v1/bijeenkomsten/{meeting.id}/geschiedenis"
    steps = (await team.get(history)).json()
    [step] = [s for s in steps if s["soort"] == "aangemeld"]
    assert step["gegevens"] == {"aanmelding": placed["id"], "naam": COLLEAGUE["naam"]}
    assert "@" not in str(steps), "the history names her, never her address"
    stored = db.scalars(select(MeetingEvent).where(MeetingEvent.meeting_id == meeting.id)).all()
    assert COLLEAGUE["naam"] not in str([e.details for e in stored]), "looked up, not kept"

    # She was there and rated it with a comment; another attendee's evaluation stays as it is.
    rating = MeetingRating(registration_id=placed["id"], meeting_id=meeting.id)
    token = scoring.issue(rating, 14)
    rating.score, rating.comment, rating.comment_cleared = 4, "Joke vond het nuttig.", False
    other = await team.post(_path(meeting), json={"naam": "Ali Ander", "email": "a@x.example"})
    kept = MeetingRating(registration_id=other.json()["id"], meeting_id=meeting.id)
    kept_token = scoring.issue(kept, 14)
    kept.score, kept.comment, kept.comment_cleared = 5, "Heel praktisch.", True
    db.add_all([rating, kept])
    db.commit()
    look_up = "/api/v1/bijeenkomstbeoordeling/opzoeken"
    assert (await client.post(look_up, json={"token": token})).status_code == 200

    erased = await team.post("/api/v1/vragenstellers/wissingen", json={"email": COLLEAGUE["email"]})
    assert erased.status_code == 200, erased.text
    db.expire_all()
    emptied, still = db.get_one(MeetingRating, rating.id), db.get_one(MeetingRating, kept.id)
    assert (emptied.score, emptied.comment, emptied.comment_cleared) == (4, None, False)
    assert (await client.post(look_up, json={"token": token})).status_code == 404
    assert emptied.changeable_until <= clock.now()
    assert (still.score, still.comment) == (5, "Heel praktisch.")
    assert (await client.post(look_up, json={"token": kept_token})).status_code == 200
    steps = (await team.get(history)).json()
    [step] = [
        s
        for s in steps
        if s["soort"] == "aangemeld" and s["gegevens"]["aanmelding"] == placed["id"]
    ]
    assert step["gegevens"]["naam"] == "[gewist]"
    assert "Joke" not in str(steps)


# ---------------------------------------------------------------------------------------------
# The meeting cancelled or moved, and the reminder


async def test_a_cancelled_meeting_sends_everyone_a_cancelling_ics_once(
    clients: Clients, app: FastAPI, db: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _mail_settings(app, monkeypatch)
    meeting = _meeting(db, capacity=1)
    team = await _signed_in(clients, EDITOR)
    await team.post(_path(meeting), json={"naam": "Anna Plaats", "email": "a@x.example"})
    await team.post(_path(meeting), json={"naam": "Bert Wacht", "email": "b@x.example"})
    invitation = _calendar(_mails_to(tmp_path / "outbox", "a@x.example")[0])

    response = await team.post(
        f"/api/v1/bijeenkomsten/{meeting.id}/annulering",
        json={"reden": "De spreker is ziek."},
        headers={"If-Match": '"v1"'},
    )
    assert response.status_code == 200, response.text
    for address in ("a@x.example", "b@x.example"):
        cancelled = _about(tmp_path / "outbox", address, "Geannuleerd:")
        assert len(cancelled) == 1, address
        assert "De spreker is ziek." in _text(cancelled[0])
        calendar = _calendar(cancelled[0])
        assert calendar.method.value == "CANCEL"
        assert calendar.vevent.uid.value == invitation.vevent.uid.value
        assert int(calendar.vevent.sequence.value) > int(invitation.vevent.sequence.value)
        assert calendar.vevent.status.value == "CANCELLED"
    # Told once: the hand-over run again finds everyone told.
    settings = app.state.settings
    assert registrations.meeting_cancelled(db, settings, meeting.id) == 0


async def test_a_moved_meeting_sends_the_updated_ics_with_the_same_uid_and_a_higher_sequence(
    clients: Clients, app: FastAPI, db: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _mail_settings(app, monkeypatch)
    meeting = _meeting(db, capacity=1)
    team = await _signed_in(clients, EDITOR)
    placed = (
        await team.post(_path(meeting), json={"naam": "Anna Plaats", "email": "a@x.example"})
    ).json()
    await team.post(_path(meeting), json={"naam": "Bert Wacht", "email": "b@x.example"})
    invitation = _calendar(_mails_to(tmp_path / "outbox", "a@x.example")[0])
    new_start = meeting.starts_at + timedelta(days=1)

    response = await team.patch(
        f"/api/v1/bijeenkomsten/{meeting.id}",
        json={
            "begin": new_start.isoformat(),
            "einde": (new_start + timedelta(hours=2)).isoformat(),
        },
        headers={"If-Match": '"v1"'},
    )
    assert response.status_code == 200, response.text
    [moved] = _about(tmp_path / "outbox", "a@x.example", "Gewijzigd:")
    calendar = _calendar(moved)
    assert calendar.method.value == "REQUEST"
    assert calendar.vevent.uid.value == invitation.vevent.uid.value
    assert int(calendar.vevent.sequence.value) > int(invitation.vevent.sequence.value)
    assert calendar.vevent.dtstart.value == new_start
    assert "het begin en het einde" in _text(moved)
    assert _row(db, placed["id"]).sent_sequence == int(calendar.vevent.sequence.value)
    [notice] = _about(tmp_path / "outbox", "b@x.example", "Gewijzigd:")
    assert not list(notice.iter_attachments()), "the waiting list gets no invitation"


async def test_the_reminder_goes_out_the_day_before_once(
    clients: Clients, app: FastAPI, db: Session, tmp_path: Path
) -> None:
    tomorrow = clock.today() + timedelta(days=1)
    starts = datetime.combine(tomorrow, time(14, 0), clock.AMSTERDAM).astimezone(UTC)
    meeting = _meeting(db, capacity=1, starts_at=starts)
    later = _meeting(db, starts_at=starts + timedelta(days=1))
    team = await _signed_in(clients, EDITOR)
    placed = (
        await team.post(_path(meeting), json={"naam": "Anna Plaats", "email": "a@x.example"})
    ).json()
    await team.post(_path(meeting), json={"naam": "Bert Wacht", "email": "b@x.example"})
    await team.post(_path(later), json={"naam": "Anna Plaats", "email": "a@x.example"})

    settings = app.state.settings
    assert registrations.remind(db, settings, clock.now()) >= 1
    db.commit()
    reminders = _about(tmp_path / "outbox", "a@x.example", "Morgen")
    assert len(reminders) == 1
    assert _calendar(reminders[0]).vevent.uid.value == meeting.uid
    assert "/aanmelding-annuleren#token=" in _text(reminders[0])
    assert _row(db, placed["id"]).reminded_at is not None
    assert not _about(tmp_path / "outbox", "b@x.example", "Morgen"), "no reminder for waiting"

    registrations.remind(db, settings, clock.now())
    db.commit()
    again = _about(tmp_path / "outbox", "a@x.example", "Morgen")
    assert len(again) == 1, "once"


# ---------------------------------------------------------------------------------------------
# Concurrency (PostgreSQL)

PLACES = 20
ASKING = 50


@postgres_only
def test_fifty_at_once_for_twenty_places_take_exactly_twenty(tmp_path: Path) -> None:
    with own_database("meeting_places", tmp_path) as (engine, settings):
        with Session(engine) as session:
            load_reference_data(session)
            editor = User(email="redactie@x.example", name="Ruud Redactie", is_active=True)
            session.add(editor)
            meeting = _meeting(session, capacity=PLACES)
            session.commit()
            meeting_id, editor_id = meeting.id, editor.id
        team = Principal(kind="user", user_id=editor_id, roles=frozenset({Role.EDITOR}))

        # All fifty at once: those beyond the pool wait for a connection, and each mail is
        # delivered after its request has given its own connection back.
        def ask(n: int) -> None:
            with Session(engine) as session:
                registrations.register(
                    session,
                    settings,
                    team,
                    meeting_id,
                    RegistrationCreate(naam=f"Persoon {n}", email=f"p{n}@x.example"),
                )
                session.commit()

        errors = at_once(ASKING, ask)
        assert not errors, f"a registration failed: {errors[0]!r}"

        with Session(engine) as session:
            rows = session.scalars(
                select(Registration)
                .where(Registration.meeting_id == meeting_id)
                .order_by(Registration.queued_at, Registration.id)
            ).all()
            statuses = [r.status for r in rows]
            assert statuses.count(RegistrationStatus.REGISTERED) == PLACES
            assert statuses.count(RegistrationStatus.WAITING) == ASKING - PLACES
            # First come, first served: every place went to someone who asked before anyone
            # on the waiting list.
            assert statuses == [RegistrationStatus.REGISTERED] * PLACES + [
                RegistrationStatus.WAITING
            ] * (ASKING - PLACES)
            assert session.get_one(Meeting, meeting_id).status is MeetingStatus.FULL
            waiting = [r.id for r in rows if r.status is RegistrationStatus.WAITING]
            leaving = [r.id for r in rows if r.status is RegistrationStatus.REGISTERED][:3]

        for registration_id in leaving:
            with Session(engine) as session:
                registrations.cancel(session, settings, team, meeting_id, registration_id)
                session.commit()
        with Session(engine) as session:
            promoted = session.scalars(
                select(Registration.id).where(
                    Registration.id.in_(waiting),
                    Registration.status == RegistrationStatus.REGISTERED,
                )
            ).all()
            assert sorted(promoted) == sorted(waiting[:3]), "the first three waiting, in order"
