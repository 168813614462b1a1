"""The meetings' reach, the invitations where they matter and the effect afterwards: every
figure checked against a count over the rows themselves, the traffic lights against the help
list and against the deadline rules applied to the progress history by hand."""

import csv
import io
import itertools
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session, selectinload
from starlette.datastructures import State

from api.accounts.models import User, UserRole, user_municipalities
from api.core import clock
from api.core.clock import AMSTERDAM
from api.core.figure_cache import CachedFigure
from api.core.security import Principal, Role
from api.measures.models import Measure
from api.meetings import invitations
from api.meetings.models import (
    Attendance,
    Audience,
    Invitation,
    Meeting,
    MeetingEvent,
    MeetingKind,
    MeetingStatus,
    Registration,
    RegistrationStatus,
    meeting_measures,
)
from api.meetings.reach import reached_by
from api.meetings.reach_schemas import InvitationResult
from api.meetings.repository_reach import Seat
from api.municipalities.models import LabourMarketRegion, Municipality, Province
from api.progress.deadlines import TrafficLight, derive
from api.progress.models import (
    PHASE_ORDER,
    Phase,
    ProgressSnapshot,
    ProgressStatus,
    RoadmapStep,
    Source,
)
from api.seed.reference import load_reference_data
from tests.auth import EDITOR, UTRECHT, login, mails
from tests.meeting_concurrency import at_once, own_database, postgres_only
from tests.progress.helpers import every_row

REACH = "/api/v1/bijeenkomsten/bereik"
_numbers = itertools.count(1)


def _meeting(
    db: Session,
    starts_at: datetime,
    measures: list[str],
    *,
    kind: MeetingKind = MeetingKind.WORK_SESSION,
    status: MeetingStatus = MeetingStatus.OPEN,
    audience: Audience = Audience.MUNICIPALITIES,
) -> Meeting:
    meeting = Meeting(
        kind=kind,
        title=f"Werksessie bereik {next(_numbers)}",
        audience=audience,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        status=status,
        uid=f"bereik-{next(_numbers)}@spoorboek.test",
        is_online=True,
    )
    db.add(meeting)
    db.flush()
    for code in measures:
        db.execute(insert(meeting_measures).values(meeting_id=meeting.id, measure_code=code))
    # Committed (a savepoint of the test's transaction): a refused request rolls its own back.
    db.commit()
    return meeting


def _seat(
    db: Session,
    meeting: Meeting,
    municipality: str | None,
    status: RegistrationStatus = RegistrationStatus.REGISTERED,
    attendance: Attendance | None = None,
    user_id: int | None = None,
) -> None:
    db.add(
        Registration(
            meeting_id=meeting.id,
            municipality_code=municipality,
            organisation_code=None,
            name="Deelnemer",
            email=f"deelnemer{next(_numbers)}@gemeente.test",
            status=status,
            attendance=attendance,
            user_id=user_id,
        )
    )
    db.commit()


def _contact(db: Session, municipality: str, name: str, *, active: bool = True) -> int:
    """A municipal contact of `municipality`; her address is derived from her name and id."""
    person = User(email=f"{name}@tmp.test", name=name, is_active=active)
    db.add(person)
    db.flush()
    person.email = f"{name.split()[0].lower()}.{name.split()[1].lower()}{person.id}@gemeente.test"
    db.add(UserRole(user_id=person.id, role=Role.MUNICIPAL_CONTACT))
    db.execute(
        insert(user_municipalities).values(user_id=person.id, municipality_code=municipality)
    )
    db.commit()
    return person.id


async def _editor(clients: Callable[[], httpx.AsyncClient]) -> httpx.AsyncClient:
    editor = clients()
    await login(editor, EDITOR)
    return editor


# ---------------------------------------------------------------------------------------------
# Reach, counted by hand


def _brute_reach(db: Session, start: date, end: date) -> dict[str, Any]:
    """Every figure of the reach, from the rows, group by group, the slow and obvious way."""
    lower = datetime.combine(start, time.min, AMSTERDAM)
    upper = datetime.combine(end + timedelta(days=1), time.min, AMSTERDAM)
    meetings = [
        m
        for m in db.scalars(select(Meeting))
        if lower <= m.starts_at < upper and m.status is not MeetingStatus.CANCELLED
    ]
    links = db.execute(select(meeting_measures)).all()
    seats = list(db.scalars(select(Registration)))
    places = {m.code: m for m in db.scalars(select(Municipality))}

    def filled_in(meeting: Meeting) -> bool:
        """A place taken has its attendance; a late cancellation's says nothing of who came."""
        return any(
            s.attendance is not None and s.status == RegistrationStatus.REGISTERED
            for s in seats
            if s.meeting_id == meeting.id
        )

    def reached(meeting: Meeting) -> set[str]:
        own = [s for s in seats if s.meeting_id == meeting.id]
        if filled_in(meeting):
            return {
                s.municipality_code
                for s in own
                if s.attendance == Attendance.PRESENT and s.municipality_code
            }
        return {
            s.municipality_code
            for s in own
            if s.status == RegistrationStatus.REGISTERED and s.municipality_code
        }

    def figures(chosen: list[Meeting], seat_ok: Callable[[Registration], bool]) -> dict[str, int]:
        ids = {m.id for m in chosen}
        mine = [s for s in seats if s.meeting_id in ids and seat_ok(s)]
        places_reached: set[str] = set()
        for m in chosen:
            places_reached |= {c for c in reached(m) if seat_ok_code(seat_ok, c)}
        unrecorded = [m for m in chosen if not filled_in(m)]
        return {
            "bijeenkomsten": len(chosen),
            "aanmeldingen": sum(s.status == RegistrationStatus.REGISTERED for s in mine),
            "aanwezig": sum(s.attendance == Attendance.PRESENT for s in mine),
            "gemeentenBereikt": len(places_reached),
            "bijeenkomstenZonderPresentie": len(unrecorded),
        }

    def seat_ok_code(seat_ok: Callable[[Registration], bool], code: str) -> bool:
        probe = Registration(
            municipality_code=code, status=RegistrationStatus.REGISTERED, attendance=None
        )
        return seat_ok(probe)

    def anyone(_: Registration) -> bool:
        return True

    expected: dict[str, Any] = {"totaal": figures(meetings, anyone)}
    expected["perMaatregel"] = {
        code: figures([m for m in meetings if (m.id, code) in {(a, b) for a, b in links}], anyone)
        for code in db.scalars(select(Measure.code))
    }
    expected["perSoort"] = {
        kind.value: figures([m for m in meetings if m.kind == kind], anyone) for kind in MeetingKind
    }
    for key, attribute, table in (
        ("perProvincie", "province_code", Province),
        ("perArbeidsmarktregio", "labour_market_region_code", LabourMarketRegion),
    ):
        groups = {}
        for code in db.scalars(select(table.code)):

            def inside(s: Registration, code: str = code, attribute: str = attribute) -> bool:
                return (
                    s.municipality_code is not None
                    and getattr(places[s.municipality_code], attribute) == code
                )

            def counted(s: Registration) -> bool:
                return s.status == RegistrationStatus.REGISTERED or (
                    s.attendance == Attendance.PRESENT
                )

            chosen = [
                m
                for m in meetings
                if any(s.meeting_id == m.id and inside(s) and counted(s) for s in seats)
            ]
            groups[code] = figures(chosen, inside)
        expected[key] = groups
    everywhere: set[str] = set()
    for m in meetings:
        everywhere |= reached(m)
    unreached = sorted(
        (p for p in places.values() if p.code not in everywhere),
        key=lambda p: (-p.population, p.sort_name),
    )
    expected["nietBereikt"] = [(p.code, p.population) for p in unreached]
    return expected


def _figures(group: dict[str, Any]) -> dict[str, int]:
    return {
        k: group[k]
        for k in (
            "bijeenkomsten",
            "aanmeldingen",
            "aanwezig",
            "gemeentenBereikt",
            "bijeenkomstenZonderPresentie",
        )
    }


def _assert_matches(body: dict[str, Any], expected: dict[str, Any]) -> None:
    assert _figures(body["totaal"]) == expected["totaal"]
    for key in ("perMaatregel", "perSoort", "perProvincie", "perArbeidsmarktregio"):
        assert {g["groep"]["code"]: _figures(g) for g in body[key]} == expected[key], key
    assert [(m["code"], m["inwoners"]) for m in body["nietBereikt"]] == expected["nietBereikt"]


NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _this_half_year(db: Session) -> dict[str, Meeting]:
    """A past work session with attendance, a coming webinar without, a cancelled meeting and
    one of the half-year before."""
    past = _meeting(db, NOW - timedelta(days=10), ["M01"])
    _seat(db, past, "GM0344", attendance=Attendance.PRESENT)
    _seat(db, past, "GM0363", attendance=Attendance.ABSENT)
    _seat(db, past, "GM0599")  # registered, but the list says nothing of her: not reached
    _seat(db, past, None, attendance=Attendance.PRESENT)  # a chain partner
    _seat(db, past, "GM0518", RegistrationStatus.CANCELLED, Attendance.CANCELLED_LATE)
    coming = _meeting(db, NOW + timedelta(days=10), ["M01", "M02"], kind=MeetingKind.WEBINAR)
    _seat(db, coming, "GM0599")
    _seat(db, coming, "GM0599")
    _seat(db, coming, "GM0014", RegistrationStatus.WAITING)
    _seat(db, coming, "GM0034", RegistrationStatus.CANCELLED)
    cancelled = _meeting(db, NOW - timedelta(days=3), ["M01"], status=MeetingStatus.CANCELLED)
    _seat(db, cancelled, "GM0014", attendance=Attendance.PRESENT)
    earlier = _meeting(db, datetime(2026, 6, 20, 9, 0, tzinfo=UTC), ["M02"])
    _seat(db, earlier, "GM0034", attendance=Attendance.PRESENT)
    return {"past": past, "coming": coming, "cancelled": cancelled, "earlier": earlier}


async def test_reach_per_group_agrees_with_a_count_over_the_rows(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor = await _editor(clients)
    with clock.fixed_clock(NOW):
        before = (await editor.get(REACH)).json()
        _this_half_year(db)
        response = await editor.get(REACH)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["periode"] == {"van": "2026-07-01", "tot": "2026-12-31"}
    _assert_matches(body, _brute_reach(db, date(2026, 7, 1), date(2026, 12, 31)))
    # What the four meetings added: the past one and the coming one, not the cancelled one nor
    # the one of the half-year before.
    added = {k: body["totaal"][k] - before["totaal"][k] for k in _figures(body["totaal"])}
    assert added == {
        "bijeenkomsten": 2,
        "aanmeldingen": 6,  # four places of the past one (whether they came or not), two coming
        "aanwezig": 2,
        "gemeentenBereikt": added["gemeentenBereikt"],
        "bijeenkomstenZonderPresentie": 1,
    }
    unreached = [m["code"] for m in body["nietBereikt"]]
    assert "GM0344" not in unreached  # present at the past meeting
    assert "GM0599" not in unreached  # registered for the coming one (no list yet)
    populations = [m["inwoners"] for m in body["nietBereikt"]]
    assert populations == sorted(populations, reverse=True)
    m01 = next(g for g in body["perMaatregel"] if g["groep"]["code"] == "M01")
    m01_before = next(g for g in before["perMaatregel"] if g["groep"]["code"] == "M01")
    assert m01["bijeenkomsten"] - m01_before["bijeenkomsten"] == 2
    assert "aanmelding" in body["methode"]


async def test_a_late_cancellation_is_no_attendance_list(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    """A place given up late records `laat-afgemeld`; the meeting's list is still unfilled, so
    the one still registered counts as reached."""
    editor = await _editor(clients)
    period = f"{REACH}?van=2027-03-01&tot=2027-03-31"
    with clock.fixed_clock(NOW):
        before = (await editor.get(period)).json()
        meeting = _meeting(db, datetime(2027, 3, 10, 9, 0, tzinfo=UTC), ["M01"])
        _seat(db, meeting, "GM0344")
        _seat(db, meeting, "GM0363", RegistrationStatus.CANCELLED, Attendance.CANCELLED_LATE)
        response = await editor.get(period)
    assert response.status_code == 200, response.text
    body = response.json()
    added = {k: body["totaal"][k] - before["totaal"][k] for k in _figures(body["totaal"])}
    assert added == {
        "bijeenkomsten": 1,
        "aanmeldingen": 1,
        "aanwezig": 0,
        "gemeentenBereikt": added["gemeentenBereikt"],
        "bijeenkomstenZonderPresentie": 1,
    }
    unreached = [m["code"] for m in body["nietBereikt"]]
    assert "GM0344" not in unreached, "registered, and no list says otherwise"
    _assert_matches(body, _brute_reach(db, date(2027, 3, 1), date(2027, 3, 31)))


def test_reached_by_counts_registrations_until_a_taken_place_has_attendance() -> None:
    def seat(code: str, status: RegistrationStatus, attendance: Attendance | None) -> Seat:
        return Seat(1, code, status, attendance)

    registered = seat("GM0344", RegistrationStatus.REGISTERED, None)
    late = seat("GM0363", RegistrationStatus.CANCELLED, Attendance.CANCELLED_LATE)
    assert reached_by([registered, late]) == {"GM0344"}
    # Once a place taken has its attendance, only who was there counts.
    absent = seat("GM0599", RegistrationStatus.REGISTERED, Attendance.ABSENT)
    assert reached_by([registered, late, absent]) == set()


async def test_reach_of_another_period_and_its_csv(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor = await _editor(clients)
    with clock.fixed_clock(NOW):
        _this_half_year(db)
        db.execute(update(Measure).where(Measure.code == "M02").values(title="=HYPERLINK(1)"))
        db.commit()
        response = await editor.get(f"{REACH}?van=2026-06-01")
        as_csv = await editor.get(f"{REACH}?van=2026-06-01", headers={"Accept": "text/csv"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["periode"] == {"van": "2026-06-01", "tot": "2026-06-30"}
    _assert_matches(body, _brute_reach(db, date(2026, 6, 1), date(2026, 6, 30)))
    assert "GM0034" not in [m["code"] for m in body["nietBereikt"]]

    assert as_csv.status_code == 200, as_csv.text
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in as_csv.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig")), delimiter=";"))
    header, data = rows[0], rows[1:]
    assert header[:4] == ["groepering", "code", "naam", "bijeenkomsten"]
    groups = sum(
        len(body[k]) for k in ("perMaatregel", "perSoort", "perProvincie", "perArbeidsmarktregio")
    )
    assert len(data) == 1 + groups + len(body["nietBereikt"])
    m02 = next(r for r in data if r[:2] == ["maatregel", "M02"])
    assert m02[2] == "'=HYPERLINK(1)"  # shown, never run as a formula
    json_m02 = next(g for g in body["perMaatregel"] if g["groep"]["code"] == "M02")
    assert [int(v) for v in m02[3:8]] == list(_figures(json_m02).values())
    first_unreached = next(r for r in data if r[0] == "niet-bereikt")
    assert first_unreached[1] == body["nietBereikt"][0]["code"]
    assert int(first_unreached[9]) == body["nietBereikt"][0]["inwoners"]


async def test_reach_is_for_the_team_and_checks_its_input(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    anonymous = clients()
    assert (await anonymous.get(REACH)).status_code == 401
    contact = clients()
    await login(contact, UTRECHT)
    assert (await contact.get(REACH)).status_code == 403
    editor = await _editor(clients)
    reversed_ = await editor.get(f"{REACH}?van=2026-12-01&tot=2026-11-01")
    assert reversed_.status_code == 400
    assert reversed_.headers["content-type"].startswith("application/problem+json")
    assert (await editor.get(f"{REACH}?van=gisteren")).status_code == 400
    assert (await editor.get(REACH, headers={"Accept": "image/png"})).status_code == 406


# ---------------------------------------------------------------------------------------------
# Invitations

MID_2026 = datetime(2026, 7, 1, 10, 0, tzinfo=UTC)


async def _utrecht_starts_over_with_m17(contact: httpx.AsyncClient) -> None:
    """Utrecht has done no step of M17, a wave 3 measure: on 1 July 2026 it is late."""
    cell = await contact.get("/api/v1/gemeenten/GM0344/voortgang/M17")
    reset = await contact.put(
        "/api/v1/gemeenten/GM0344/voortgang/M17",
        json={"fase": "orienterend", "stappenGereed": []},
        headers={"If-Match": cell.headers["etag"]},
    )
    assert reset.status_code == 200, reset.text


async def test_the_preview_lists_the_help_lists_municipalities_and_their_contacts(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor = await _editor(clients)
    contact = clients()
    me = await login(contact, UTRECHT)
    await _utrecht_starts_over_with_m17(contact)
    with clock.fixed_clock(MID_2026):
        meeting = _meeting(db, MID_2026 + timedelta(days=14), ["M17"])
        url = f"/api/v1/bijeenkomsten/{meeting.id}/uitnodigingen/voorbeeld"
        help_rows = await every_row(editor, "maatregel=M17&oorzaak=voortgang")
        late = await editor.get(f"{url}?criterium=te-laat")
        both = await editor.get(url)
    assert both.status_code == 200, both.text
    body = both.json()
    lights = {r["gemeente"]["code"]: r["verkeerslicht"] for r in help_rows}
    assert {g["gemeente"]["code"]: g["reden"] for g in body["gemeenten"]} == lights
    assert {g["gemeente"]["code"] for g in late.json()["gemeenten"]} == {
        c for c, light in lights.items() if light == "te-laat"
    }
    assert body["uitnodigenMogelijk"] is True
    # Late first.
    reasons = [g["reden"] for g in body["gemeenten"]]
    assert reasons == sorted(reasons, key=lambda r: r != "te-laat")
    for row in help_rows:
        listed = next(g for g in body["gemeenten"] if g["gemeente"] == row["gemeente"])
        assert [p["naam"] for p in listed["contactpersonen"]] == [
            c["naam"] for c in row["contactpersonen"]
        ]
        assert listed["cellen"] == [
            {
                "maatregel": row["maatregel"],
                "fase": row["fase"],
                "verkeerslicht": row["verkeerslicht"],
            }
        ]
    assert body["aantalContactpersonen"] == sum(len(r["contactpersonen"]) for r in help_rows)
    assert "@" not in both.text  # no e-mail addresses in a preview
    utrecht = next(g for g in body["gemeenten"] if g["gemeente"]["code"] == "GM0344")
    assert utrecht["reden"] == "te-laat"
    assert me["gebruiker"]["id"] in [p["id"] for p in utrecht["contactpersonen"]]  # type: ignore[index]


async def test_inviting_mails_each_contact_once_and_skips_the_registered(
    clients: Callable[[], httpx.AsyncClient], db: Session, tmp_path: Path
) -> None:
    editor = await _editor(clients)
    contact = clients()
    await login(contact, UTRECHT)
    await _utrecht_starts_over_with_m17(contact)
    with clock.fixed_clock(MID_2026):
        meeting = _meeting(db, MID_2026 + timedelta(days=14), ["M17"])
        base = f"/api/v1/bijeenkomsten/{meeting.id}/uitnodigingen"
        other = next(
            g["gemeente"]["code"]
            for g in (await editor.get(f"{base}/voorbeeld")).json()["gemeenten"]
            if g["gemeente"]["code"] != "GM0344"
        )
        anna = _contact(db, other, "Anna Aanwezig")
        # She speaks for Utrecht too: still one invitation.
        db.execute(insert(user_municipalities).values(user_id=anna, municipality_code="GM0344"))
        bert = _contact(db, other, "Bert Vertrokken", active=False)
        carla = _contact(db, "GM0344", "Carla Collega")
        # Carla was registered by a colleague, by her address: she is not invited.
        db.add(
            Registration(
                meeting_id=meeting.id,
                municipality_code="GM0344",
                name="Carla Collega",
                email=f"carla.collega{carla}@gemeente.test",
                status=RegistrationStatus.WAITING,
            )
        )
        db.commit()
        preview = (await editor.get(f"{base}/voorbeeld")).json()
        listed = [
            (p["id"], g["gemeente"]["code"])
            for g in preview["gemeenten"]
            for p in g["contactpersonen"]
        ]
        people = dict(listed)
        assert len(people) == len(listed) == preview["aantalContactpersonen"]
        assert anna in people
        assert bert not in people
        assert carla not in people
        first = await editor.post(base, json={"criterium": "beide"})
        again = await editor.post(base, json={})
    assert first.status_code == 200, first.text
    places = {code for code in people.values()}
    assert first.json() == {"uitgenodigd": len(people), "gemeenten": len(places)}
    assert again.json() == {"uitgenodigd": 0, "gemeenten": 0}
    rows = list(db.scalars(select(Invitation).where(Invitation.meeting_id == meeting.id)))
    assert {(r.user_id, r.municipality_code) for r in rows} == set(people.items())
    reasons = {g["gemeente"]["code"]: g["reden"] for g in preview["gemeenten"]}
    assert all(r.reason == reasons[r.municipality_code] for r in rows)
    title = meeting.title
    sent = [m for m in mails(tmp_path / "outbox") if title in str(m["Subject"])]
    assert len(sent) == len(people)
    assert str(next(m for m in sent if "anna" in str(m["To"]))["To"]).startswith("anna.")
    utrecht_mail = next(m for m in sent if m["To"] == UTRECHT).get_content()
    start = (MID_2026 + timedelta(days=14)).astimezone(AMSTERDAM)
    assert f"{start:%H:%M}" in utrecht_mail  # Dutch time: 12:00, not 10:00
    assert "15 juli 2026" in utrecht_mail
    assert "Utrecht loopt achter op" in utrecht_mail
    assert f"/bijeenkomsten/{meeting.id}" in utrecht_mail
    steps = db.scalars(
        select(MeetingEvent).where(
            MeetingEvent.meeting_id == meeting.id, MeetingEvent.kind == "uitgenodigd"
        )
    ).all()
    assert [s.details["uitgenodigd"] for s in steps] == [len(people), 0]


async def test_inviting_only_while_registration_can_still_happen(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor = await _editor(clients)
    with clock.fixed_clock(MID_2026):
        planned = _meeting(db, MID_2026 + timedelta(days=3), ["M17"], status=MeetingStatus.PLANNED)
        past = _meeting(db, MID_2026 - timedelta(days=3), ["M17"])
        partners = _meeting(
            db, MID_2026 + timedelta(days=3), ["M17"], audience=Audience.CHAIN_PARTNERS
        )
        for meeting in (planned, past, partners):
            refused = await editor.post(
                f"/api/v1/bijeenkomsten/{meeting.id}/uitnodigingen", json={}
            )
            assert refused.status_code == 409, refused.text
            assert refused.headers["content-type"].startswith("application/problem+json")
        preview = await editor.get(f"/api/v1/bijeenkomsten/{planned.id}/uitnodigingen/voorbeeld")
        assert preview.json()["uitnodigenMogelijk"] is False
        assert (
            await editor.get("/api/v1/bijeenkomsten/999999/uitnodigingen/voorbeeld")
        ).status_code == 404
        wrong = await editor.get(
            f"/api/v1/bijeenkomsten/{planned.id}/uitnodigingen/voorbeeld?criterium=alles"
        )
        assert wrong.status_code == 400
    contact = clients()
    await login(contact, UTRECHT)
    refused = await contact.post(f"/api/v1/bijeenkomsten/{planned.id}/uitnodigingen", json={})
    assert refused.status_code == 403
    assert not db.scalars(select(Invitation).where(Invitation.meeting_id == planned.id)).all()


# ---------------------------------------------------------------------------------------------
# Effect


def _lights_at_start(db: Session, measure: str, start_day: date) -> dict[str, TrafficLight]:
    """Each municipality's light on `measure` at the start of `start_day`, by the deadline rules
    applied by hand to the last snapshot recorded before that day."""
    cutoff = datetime.combine(start_day, time.min, UTC)
    last: dict[str, ProgressSnapshot] = {}
    for s in db.scalars(select(ProgressSnapshot).where(ProgressSnapshot.measure_code == measure)):
        if s.recorded_at < cutoff and (
            s.municipality_code not in last or s.version > last[s.municipality_code].version
        ):
            last[s.municipality_code] = s
    steps = list(db.scalars(select(RoadmapStep).where(RoadmapStep.measure_code == measure)))
    subject = db.scalars(
        select(Measure).where(Measure.code == measure).options(selectinload(Measure.wave))
    ).one()
    effective = subject.effective_date
    found = {}
    for code in db.scalars(select(Municipality.code)):
        snapshot = last.get(code)
        phase = snapshot.phase if snapshot else Phase.NOT_STARTED
        done = snapshot.steps_done if snapshot else {}
        found[code] = derive(steps, effective, phase, done, start_day).light
    return found


def _phase_now(db: Session, municipality: str, measure: str) -> Phase:
    row = db.get(ProgressStatus, (municipality, measure))
    return row.phase if row else Phase.NOT_STARTED


def _next_phase(phase: Phase) -> Phase:
    return PHASE_ORDER[min(PHASE_ORDER.index(phase) + 1, len(PHASE_ORDER) - 1)]


def _move_forward(db: Session, municipality: str, measure: str) -> None:
    row = db.get(ProgressStatus, (municipality, measure))
    if row is None:
        db.add(
            ProgressStatus(
                municipality_code=municipality,
                measure_code=measure,
                phase=Phase.ORIENTING,
                steps_done={},
                source=Source.PERSON,
                updated_by="test",
            )
        )
    else:
        row.phase = _next_phase(row.phase)
    db.commit()


async def test_the_effect_compares_attended_with_absent_as_a_count_by_hand(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor = await _editor(clients)
    now = clock.now()
    start = now - timedelta(days=20)
    start_day = clock.dutch_date(start)
    measures = ["M17", "M05"]
    meeting = _meeting(db, start, measures)
    lights = {m: _lights_at_start(db, m, start_day) for m in measures}
    behind = sorted(
        code
        for code in lights["M17"]
        if any(lights[m][code] is not TrafficLight.ON_TRACK for m in measures)
    )
    assert len(behind) >= 12, "the demo data should have municipalities behind"
    not_final = [c for c in behind if _phase_now(db, c, "M17") is not PHASE_ORDER[-1]]
    came = not_final[:6]
    for code in came:
        _seat(db, meeting, code, attendance=Attendance.PRESENT)
    _seat(db, meeting, not_final[6], attendance=Attendance.ABSENT)
    # Two who came and one who did not move a phase forward on M17 since.
    for code in (came[0], came[1], not_final[7]):
        _move_forward(db, code, "M17")
    invited = {came[0], not_final[8]}
    for code in invited:
        db.add(Invitation(meeting_id=meeting.id, municipality_code=code, reason="te-laat"))
    db.execute(update(Meeting).where(Meeting.id == meeting.id).values(status=MeetingStatus.OPEN))
    db.commit()

    response = await editor.get(f"/api/v1/bijeenkomsten/{meeting.id}/effect")
    assert response.status_code == 200, response.text
    body = response.json()

    phases_then: dict[tuple[str, str], Phase] = {}
    versions: dict[tuple[str, str], int] = {}
    for m in measures:
        cutoff = datetime.combine(start_day, time.min, UTC)
        for s in db.scalars(select(ProgressSnapshot).where(ProgressSnapshot.measure_code == m)):
            key = (s.municipality_code, m)
            if s.recorded_at < cutoff and (key not in phases_then or s.version > versions[key]):
                phases_then[key] = s.phase
                versions[key] = s.version
    moved = {
        c
        for c in behind
        if any(
            PHASE_ORDER.index(_phase_now(db, c, m))
            > PHASE_ORDER.index(phases_then.get((c, m), Phase.NOT_STARTED))
            for m in measures
        )
    }

    def expected(codes: list[str]) -> dict[str, Any]:
        forward = sum(c in moved for c in codes)
        return {
            "aantal": len(codes),
            "vooruit": forward,
            "aandeel": round(forward / len(codes), 4) if codes else None,
            "teKlein": len(codes) < 5,
            "uitgenodigd": len(invited & set(codes)),
            "gemeenten": [(c, c in moved, c in invited) for c in codes],
        }

    def shown(group: dict[str, Any]) -> dict[str, Any]:
        return {
            **group,
            "gemeenten": [
                (g["gemeente"]["code"], g["vooruit"], g["uitgenodigd"]) for g in group["gemeenten"]
            ],
        }

    assert shown(body["aanwezig"]) == expected([c for c in behind if c in came])
    assert shown(body["nietAanwezig"]) == expected([c for c in behind if c not in came])
    assert body["aanwezig"]["vooruit"] >= 2
    assert body["aanwezig"]["uitgenodigd"] == body["nietAanwezig"]["uitgenodigd"] == 1
    assert body["peildatumBegin"] == start_day.isoformat()
    assert [m["code"] for m in body["maatregelen"]] == ["M05", "M17"]
    assert body["voorbehoud"] is None
    assert "niet waardoor" in body["methode"]
    # The state at the start is worked out once: asked again, it comes from the figure cache.
    assert db.get(CachedFigure, f"bijeenkomst-begin:{start_day}:M05+M17") is not None
    again = await editor.get(f"/api/v1/bijeenkomsten/{meeting.id}/effect")
    assert again.json() == body


async def test_the_effect_warns_for_small_groups_and_waits_for_the_start(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor = await _editor(clients)
    now = clock.now()
    done = _meeting(db, now - timedelta(days=5), ["M17"])
    start_day = clock.dutch_date(done.starts_at)
    behind = [
        c for c, light in _lights_at_start(db, "M17", start_day).items() if light != "op-schema"
    ]
    _seat(db, done, behind[0], attendance=Attendance.PRESENT)
    body = (await editor.get(f"/api/v1/bijeenkomsten/{done.id}/effect")).json()
    assert body["aanwezig"]["aantal"] == 1
    assert body["aanwezig"]["teKlein"] is True
    assert "te weinig" in body["voorbehoud"]

    coming = _meeting(db, now + timedelta(days=5), ["M17"])
    cancelled = _meeting(db, now - timedelta(days=5), ["M17"], status=MeetingStatus.CANCELLED)
    for meeting in (coming, cancelled):
        refused = await editor.get(f"/api/v1/bijeenkomsten/{meeting.id}/effect")
        assert refused.status_code == 409, refused.text
    contact = clients()
    await login(contact, UTRECHT)
    assert (await contact.get(f"/api/v1/bijeenkomsten/{done.id}/effect")).status_code == 403


# ---------------------------------------------------------------------------------------------
# Two rounds at once (PostgreSQL)

ROUNDS = 4


@postgres_only
def test_rounds_at_once_invite_each_contact_once(tmp_path: Path) -> None:
    with own_database("meeting_invitations", tmp_path) as (engine, settings):
        with clock.fixed_clock(MID_2026):
            with Session(engine) as session:
                load_reference_data(session)
                # Nobody has started M17 yet: on 1 July 2026 every municipality is late on it.
                contacts = [
                    _contact(session, code, f"Contact {code}")
                    for code in ("GM0344", "GM0363", "GM0599")
                ]
                editor = User(email="redactie@x.example", name="Ruud Redactie", is_active=True)
                session.add(editor)
                meeting = _meeting(session, MID_2026 + timedelta(days=14), ["M17"])
                session.commit()
                meeting_id, editor_id = meeting.id, editor.id
            team = Principal(kind="user", user_id=editor_id, roles=frozenset({Role.EDITOR}))
            results: list[InvitationResult] = []

            def round_(_: int) -> None:
                with Session(engine) as session:
                    results.append(
                        invitations.invite(session, State(), settings, team, meeting_id, "beide")
                    )
                    session.commit()

            errors = at_once(ROUNDS, round_)
        assert not errors, f"a round failed: {errors[0]!r}"
        assert sorted(r.uitgenodigd for r in results) == [0] * (ROUNDS - 1) + [3]
        with Session(engine) as session:
            invited = session.scalars(
                select(Invitation.user_id).where(Invitation.meeting_id == meeting_id)
            ).all()
            assert len(invited) == len(contacts)
            assert set(invited) == set(contacts)
        assert len(mails(tmp_path / "outbox")) == 3
