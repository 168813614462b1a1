"""Calendars of the agenda: the public feed, one meeting's .ics and a person's own feed, each
read back with an independent parser (vobject). Times carry the Amsterdam zone on both sides of
a daylight-saving change, a meeting keeps its UID, a cancelled one reads CANCELLED, a join link
reaches only those who may see it, a personal feed's secret URL dies when renewed or removed
and never reaches the logs, and an invitation travels as a calendar part of the mail."""

import smtplib
import uuid
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
import vobject  # type: ignore[import-untyped]
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.core import clock
from api.mail import service as mail
from api.mail.models import OutboxMessage
from api.meetings.calendar import calendar_feed, meeting_ics
from api.meetings.models import (
    Audience,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Registration,
    RegistrationStatus,
)
from tests.auth import EDITOR, UTRECHT, login, mails
from tests.conftest import make_settings

FEED = "/api/v1/bijeenkomsten/kalender"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
JOIN = "https://meet.example/"


def _at(month: int, hour: int = 10) -> datetime:
    """A moment next year in Dutch wall-clock time: March is winter time, July summer time."""
    return datetime(clock.today().year + 1, month, 10, hour, tzinfo=AMSTERDAM).astimezone(UTC)


def _meeting(**fields: Any) -> Meeting:
    starts = fields.pop("starts_at", _at(3))
    values: dict[str, Any] = {
        "kind": MeetingKind.WEBINAR,
        "title": "Webinar over de giftenvrijlating",
        "description": "Wat verandert er per 1 januari.",
        "audience": Audience.MUNICIPALITIES,
        "is_online": True,
        "join_url": f"{JOIN}{uuid.uuid4().hex}",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=1, minutes=30),
        "status": MeetingStatus.OPEN,
        "uid": f"{uuid.uuid4()}@spoorboek.test",
        "sequence": 0,
        "updated_at": datetime(2026, 5, 1, tzinfo=UTC),
    }
    values.update(fields)
    return Meeting(**values)


def _add(db: Session, **fields: Any) -> Meeting:
    meeting = _meeting(**fields)
    db.add(meeting)
    db.flush()
    return meeting


def _user(db: Session, email: str) -> User:
    return db.scalars(select(User).where(User.email == email)).one()


def _register(
    db: Session, meeting: Meeting, user: User, status: RegistrationStatus
) -> Registration:
    registration = Registration(
        meeting_id=meeting.id,
        user_id=user.id,
        name=user.name,
        email=user.email,
        status=status,
    )
    db.add(registration)
    db.flush()
    return registration


def _unfolded(text: str) -> str:
    """The text with its long lines joined again (RFC 5545 folds them at 75 octets)."""
    return text.replace("\r\n ", "")


def _events(text: str) -> dict[str, Any]:
    calendar = vobject.readOne(text)
    return {str(event.uid.value): event for event in calendar.vevent_list}


def _calendar(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    return _events(response.text)


# ---------------------------------------------------------------------------------------------
# The builder


@pytest.mark.engine_neutral
def test_a_feed_over_several_years_keeps_summer_time_in_every_year() -> None:
    """The zone's rules hold for every year: a reader that takes a VTIMEZONE's first change
    only (RDATE lists) put a meeting in a later summer an hour off."""
    years = range(clock.today().year, clock.today().year + 4)
    meetings = [
        _meeting(
            id=n,
            starts_at=datetime(year, month, 10, 10, tzinfo=AMSTERDAM).astimezone(UTC),
        )
        for n, (year, month) in enumerate(((y, m) for y in years for m in (1, 7)), start=1)
    ]
    events = _events(calendar_feed(meetings, name="Agenda", include_join_url=False))
    for meeting in meetings:
        start = events[meeting.uid].dtstart.value
        summer = meeting.starts_at.astimezone(AMSTERDAM).month == 7
        assert (start.hour, start.utcoffset()) == (10, timedelta(hours=2 if summer else 1))
        assert start == meeting.starts_at


@pytest.mark.engine_neutral
def test_an_invitation_carries_the_amsterdam_time_on_either_side_of_the_change() -> None:
    winter = _meeting(id=1, starts_at=_at(3), sequence=2)
    summer = _meeting(id=2, starts_at=_at(7))
    for meeting, offset in ((winter, 1), (summer, 2)):
        text = meeting_ics(meeting, attendee_email="a@gemeente.example", include_join_url=True)
        assert "\r\n" in text
        parsed = vobject.readOne(text)
        assert parsed.method.value == "REQUEST"
        assert parsed.vtimezone.tzid.value == "Europe/Amsterdam"
        [event] = parsed.vevent_list
        start = event.dtstart.value
        assert "DTSTART;TZID=Europe/Amsterdam:" in text
        assert (start.hour, start.utcoffset()) == (10, timedelta(hours=offset))
        assert start == meeting.starts_at
        assert event.dtend.value == meeting.ends_at
        assert event.uid.value == meeting.uid
        assert int(event.sequence.value) == meeting.sequence
        assert event.status.value == "CONFIRMED"
        assert event.attendee.value == "mailto:a@gemeente.example"
        assert event.organizer.value == "mailto:noreply@spoorboek.example"
        assert meeting.join_url in event.description.value
        assert event.url.value == f"https://spoorboek.example/bijeenkomsten/{meeting.id}"
        assert event.location.value == "Online"


@pytest.mark.engine_neutral
def test_a_cancelling_ics_keeps_the_uid_and_a_place_reads_as_the_location() -> None:
    meeting = _meeting(
        id=3,
        is_online=False,
        join_url=None,
        venue="Stadskantoor",
        address="Stadsplateau 1, Utrecht",
        sequence=4,
        status=MeetingStatus.CANCELLED,
        cancel_reason="De spreker is ziek.",
    )
    text = meeting_ics(meeting, method="CANCEL", include_join_url=False)
    parsed = vobject.readOne(text)
    assert parsed.method.value == "CANCEL"
    [event] = parsed.vevent_list
    assert (event.uid.value, event.sequence.value) == (meeting.uid, "4")
    assert event.status.value == "CANCELLED"
    assert event.location.value == "Stadskantoor, Stadsplateau 1, Utrecht"
    assert "De spreker is ziek." in event.description.value


@pytest.mark.engine_neutral
def test_a_feed_without_the_join_links_names_no_link() -> None:
    meetings = [_meeting(id=4), _meeting(id=5, starts_at=_at(7))]
    text = calendar_feed(meetings, name="Agenda", include_join_url=False)
    parsed = vobject.readOne(text)
    assert not hasattr(parsed, "method")
    assert parsed.contents["x-wr-calname"][0].value == "Agenda"
    assert set(_events(text)) == {m.uid for m in meetings}
    assert JOIN not in _unfolded(text)


# ---------------------------------------------------------------------------------------------
# The public feed


async def test_the_public_feed_holds_the_agenda_without_join_links(
    client: httpx.AsyncClient, db: Session
) -> None:
    winter = _add(db, starts_at=_at(3))
    summer = _add(db, starts_at=_at(7), is_online=False, join_url=None, venue="Jaarbeurs")
    cancelled = _add(db, starts_at=_at(5), status=MeetingStatus.CANCELLED, sequence=1)
    long_ago = _add(db, starts_at=clock.now() - timedelta(days=400))

    response = await client.get(FEED)

    events = _calendar(response)
    assert {winter.uid, summer.uid, cancelled.uid} <= set(events)
    assert long_ago.uid not in events
    assert events[winter.uid].dtstart.value.utcoffset() == timedelta(hours=1)
    assert events[summer.uid].dtstart.value.utcoffset() == timedelta(hours=2)
    assert events[summer.uid].dtstart.value.hour == events[winter.uid].dtstart.value.hour == 10
    assert events[cancelled.uid].status.value == "CANCELLED"
    assert events[winter.uid].status.value == "CONFIRMED"
    assert JOIN not in _unfolded(response.text)
    assert "Deelnemen: " not in _unfolded(response.text)  # no meeting's link, demo ones included
    assert response.headers["cache-control"].startswith("public")


async def test_the_public_feed_answers_304_until_a_meeting_changes(
    client: httpx.AsyncClient, db: Session
) -> None:
    meeting = _add(db)
    first = await client.get(FEED)
    etag = first.headers["etag"]
    again = await client.get(FEED, headers={"If-None-Match": etag})
    assert (again.status_code, again.content) == (304, b"")

    meeting.title = "Webinar over de giftenvrijlating, verplaatst"
    meeting.sequence += 1
    db.flush()

    changed = await client.get(FEED, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag
    event = _calendar(changed)[meeting.uid]
    assert (event.summary.value, event.sequence.value) == (meeting.title, "1")


async def test_the_feed_refuses_a_client_that_takes_no_calendar(client: httpx.AsyncClient) -> None:
    assert (await client.get(FEED, headers={"Accept": "application/json"})).status_code == 406
    assert (await client.get(FEED, headers={"Accept": "text/calendar"})).status_code == 200


# ---------------------------------------------------------------------------------------------
# One meeting's .ics


async def test_the_join_link_is_in_the_ics_only_for_who_holds_a_place_and_the_team(
    clients: Any, client: httpx.AsyncClient, db: Session
) -> None:
    meeting = _add(db)
    link = meeting.join_url
    assert link is not None
    url = f"/api/v1/bijeenkomsten/{meeting.id}/kalender"

    anonymous = await client.get(url)
    [event] = _calendar(anonymous).values()
    assert event.uid.value == meeting.uid
    assert link not in _unfolded(anonymous.text)
    assert anonymous.headers["content-disposition"] == (
        f'attachment; filename="bijeenkomst-{meeting.id}.ics"'
    )

    contact = clients()
    await login(contact, UTRECHT)
    registration = _register(db, meeting, _user(db, UTRECHT), RegistrationStatus.WAITING)
    waiting = await contact.get(url)
    assert link not in _unfolded(waiting.text)  # a place on the list gives no link
    registration.status = RegistrationStatus.REGISTERED
    db.flush()
    registered = await contact.get(url)
    assert meeting.join_url in _calendar(registered)[meeting.uid].description.value
    assert registered.headers["cache-control"] == "private, no-cache"

    editor = clients()
    await login(editor, EDITOR)
    assert meeting.join_url in _calendar(await editor.get(url))[meeting.uid].description.value

    missing = await client.get("/api/v1/bijeenkomsten/2147483647/kalender")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


# ---------------------------------------------------------------------------------------------
# A person's own feed


async def _renew(person: httpx.AsyncClient) -> str:
    made = await person.post("/api/v1/mijn-kalender")
    assert made.status_code == 201, made.text
    assert made.headers["cache-control"] == "no-store"
    url: str = made.json()["url"]
    assert url.startswith("https://spoorboek.example/api/v1/kalenders/")
    assert made.json()["actief"] is True
    return url.removeprefix("https://spoorboek.example")


async def test_a_personal_feed_holds_her_places_with_their_links(
    clients: Any, client: httpx.AsyncClient, db: Session
) -> None:
    utrecht = _user(db, UTRECHT)
    held = _add(db, starts_at=_at(3))
    summer = _add(db, starts_at=_at(7))
    waiting = _add(db)
    cancelled_place = _add(db)
    someone_elses = _add(db)
    _register(db, held, utrecht, RegistrationStatus.REGISTERED)
    _register(db, summer, utrecht, RegistrationStatus.REGISTERED)
    _register(db, waiting, utrecht, RegistrationStatus.WAITING)
    _register(db, cancelled_place, utrecht, RegistrationStatus.CANCELLED)
    _register(db, someone_elses, _user(db, EDITOR), RegistrationStatus.REGISTERED)
    contact = clients()
    await login(contact, UTRECHT)
    path = await _renew(contact)

    # A calendar program: no cookie, no header of ours.
    response = await client.get(path)

    events = _calendar(response)
    # Of these meetings (the demo's contact holds places in the demo agenda too).
    ours = {m.uid for m in (held, summer, waiting, cancelled_place, someone_elses)}
    assert set(events) & ours == {held.uid, summer.uid}
    assert held.join_url in events[held.uid].description.value
    assert events[summer.uid].dtstart.value.utcoffset() == timedelta(hours=2)
    assert response.headers["cache-control"] == "private, no-cache"
    assert (
        await client.get(path, headers={"If-None-Match": response.headers["etag"]})
    ).status_code == 304


async def test_renewing_or_removing_the_personal_feed_kills_its_old_url(
    clients: Any, client: httpx.AsyncClient
) -> None:
    assert (await client.get("/api/v1/mijn-kalender")).status_code == 401
    contact = clients()
    await login(contact, UTRECHT)
    none_yet = (await contact.get("/api/v1/mijn-kalender")).json()
    assert none_yet == {"url": None, "actief": False, "aangemaaktOp": None}

    old = await _renew(contact)
    assert (await client.get(old)).status_code == 200
    shown = (await contact.get("/api/v1/mijn-kalender")).json()
    assert (shown["url"], shown["actief"]) == (None, True)  # the secret is not kept to show

    new = await _renew(contact)
    assert new != old
    gone = await client.get(old)
    assert gone.status_code == 404
    assert gone.headers["content-type"] == "application/problem+json"
    assert (await client.get(new)).status_code == 200

    assert (await contact.delete("/api/v1/mijn-kalender")).status_code == 204
    assert (await client.get(new)).status_code == 404
    assert (await contact.get("/api/v1/mijn-kalender")).json()["actief"] is False
    assert (await client.get("/api/v1/kalenders/geen-geheim")).status_code == 404


async def test_a_personal_feed_stops_with_her_account_and_tells_its_dutch_time(
    clients: Any, client: httpx.AsyncClient, db: Session
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    with clock.fixed_clock(datetime(2026, 7, 1, 10, 0, tzinfo=UTC)):
        made = await contact.post("/api/v1/mijn-kalender")
        shown = (await contact.get("/api/v1/mijn-kalender")).json()
    assert made.json()["aangemaaktOp"] == "2026-07-01T12:00:00+02:00"
    assert shown["aangemaaktOp"] == "2026-07-01T12:00:00+02:00"
    path = made.json()["url"].removeprefix("https://spoorboek.example")
    assert (await client.get(path)).status_code == 200

    utrecht = _user(db, UTRECHT)
    utrecht.is_active = False
    db.commit()
    gone = await client.get(path)
    assert gone.status_code == 404, "a deactivated account's calendar says nothing any more"
    assert gone.headers["content-type"] == "application/problem+json"
    utrecht.is_active = True
    db.commit()
    assert (await client.get(path)).status_code == 200, "reactivated, the same address works"


async def test_the_secret_of_a_personal_feed_stays_out_of_the_logs(
    clients: Any, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    path = await _renew(contact)
    secret = path.rsplit("/", 1)[1]

    with caplog.at_level("INFO"):
        assert (await client.get(path)).status_code == 200
        assert (await client.get(f"{path}x")).status_code == 404

    logged = [r for r in caplog.records if r.name == "spoorboek.access"]
    assert len(logged) == 2
    assert all(r.path == "/api/v1/kalenders/[verborgen]" for r in logged)  # type: ignore[attr-defined]
    ours = [r for r in caplog.records if r.name.startswith("spoorboek")]
    assert not any(secret in str(vars(r)) for r in ours)


# ---------------------------------------------------------------------------------------------
# The invitation as a part of the mail


def _send_invitation(db: Session, settings: Any) -> Meeting:
    meeting = _meeting(id=7, sequence=3)
    ics = meeting_ics(meeting, attendee_email="e@gemeente.example", include_join_url=True)
    mail.send(
        db,
        settings,
        to="e@gemeente.example",
        subject="Aangemeld",
        body="U bent aangemeld.",
        html="<p>U bent aangemeld.</p>",
        attachments=[
            {
                "filename": "bijeenkomst.ics",
                "content_type": "text/calendar; method=REQUEST",
                "content": ics,
            }
        ],
    )
    db.commit()
    return meeting


def _invitation_part(message: EmailMessage) -> EmailMessage:
    [part] = list(message.iter_attachments())
    assert isinstance(part, EmailMessage)
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "REQUEST"
    assert part.get_filename() == "bijeenkomst.ics"
    return part


def _check_invitation(part: EmailMessage, meeting: Meeting) -> None:
    event = vobject.readOne(part.get_content()).vevent
    assert (event.uid.value, event.sequence.value) == (meeting.uid, "3")
    assert event.dtstart.value == meeting.starts_at


def test_the_file_backend_writes_the_invitation_as_a_calendar_part(
    db: Session, tmp_path: Path
) -> None:
    meeting = _send_invitation(db, make_settings("sqlite://", tmp_path))
    [sent] = mails(tmp_path / "outbox")
    assert sent.get_body(("plain",)).get_content().strip() == "U bent aangemeld."  # type: ignore[union-attr]
    _check_invitation(_invitation_part(sent), meeting)
    row = db.scalars(select(OutboxMessage).where(OutboxMessage.subject == "Aangemeld")).one()
    db.refresh(row)
    assert row.attachments == []  # delivered: not kept


def test_the_smtp_backend_sends_the_invitation_as_a_calendar_part(
    db: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[EmailMessage] = []

    class Server:
        def __init__(self, host: str, port: int, timeout: float) -> None:
            pass

        def __enter__(self) -> "Server":
            return self

        def __exit__(self, *_exc: object) -> None:
            pass

        def starttls(self) -> None:
            pass

        def send_message(self, message: EmailMessage) -> None:
            sent.append(message)

    monkeypatch.setattr(smtplib, "SMTP", Server)
    meeting = _send_invitation(db, make_settings("sqlite://", tmp_path, mail_backend="smtp"))
    [message] = sent
    _check_invitation(_invitation_part(message), meeting)


def test_the_console_backend_names_the_attachment(
    db: Session, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings("sqlite://", tmp_path, mail_backend="console", log_level="INFO")
    with caplog.at_level("INFO", logger="spoorboek.mail"):
        _send_invitation(db, settings)
    [logged] = [r for r in caplog.records if r.getMessage() == "mail (console)"]
    assert logged.attachments == ["bijeenkomst.ics"]  # type: ignore[attr-defined]
    assert logged.body.strip() == "U bent aangemeld."  # type: ignore[attr-defined]
