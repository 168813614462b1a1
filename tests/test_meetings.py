"""The agenda's core: planning, reading, changing and cancelling meetings, who may do which, the
join link's secrecy, the agenda's filters and pages, the status shown after the end, the
calendar SEQUENCE and its event, and the public copy kept per version."""

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.audit.models import AuditEvent
from api.core import clock, events
from api.core.conditional import PUBLIC_SHARED
from api.core.errors import ForbiddenError
from api.core.security import Principal, Role
from api.meetings import policy, service
from api.meetings.models import (
    Meeting,
    MeetingKind,
    MeetingStatus,
    Registration,
    RegistrationStatus,
)
from api.seed.demo_meetings import DEMO_MEETINGS, load_demo_meetings
from tests.auth import ADMIN, EDITOR, STIMULANSZ, UTRECHT, login
from tests.conftest import QueryCounter

AGENDA = "/api/v1/bijeenkomsten"
# A year no demo meeting reaches, so a window over it holds only what a test planned.
FAR = datetime(2090, 3, 5, 9, 0, tzinfo=clock.AMSTERDAM)


def moment(value: datetime) -> str:
    return value.isoformat()


def body(**overrides: object) -> dict[str, object]:
    start = clock.now().astimezone(clock.AMSTERDAM).replace(microsecond=0) + timedelta(days=10)
    values: dict[str, object] = {
        "soort": "werksessie",
        "titel": "Werksessie giftenvrijlating",
        "omschrijving": "Hoe richt u de vrijlating van giften in?",
        "maatregelen": ["M01"],
        "themas": ["vaststellen-recht-op-bijstand"],
        "organisatoren": [
            {"organisatie": "vng"},
            {"organisatie": "divosa", "rol": "medeorganisator"},
        ],
        "locatie": "Stadskantoor",
        "adres": "Stadsplateau 1, Utrecht",
        "provincie": "PV26",
        "arbeidsmarktregio": "AM13",
        "begin": moment(start),
        "einde": moment(start + timedelta(hours=2)),
        "capaciteit": 30,
        "status": "open",
    }
    values.update(overrides)
    return values


async def person(clients: Callable[[], httpx.AsyncClient], email: str) -> httpx.AsyncClient:
    client = clients()
    await login(client, email)
    return client


async def plan(client: httpx.AsyncClient, **overrides: object) -> dict[str, Any]:
    response = await client.post(AGENDA, json=body(**overrides))
    assert response.status_code == 201, response.text
    assert response.headers["ETag"] == '"v1"'
    assert response.headers["Location"] == f"{AGENDA}/{response.json()['id']}"
    return response.json()  # type: ignore[no-any-return]


async def change(client: httpx.AsyncClient, meeting_id: int, **fields: object) -> httpx.Response:
    current = await client.get(f"{AGENDA}/{meeting_id}")
    return await client.patch(
        f"{AGENDA}/{meeting_id}", json=fields, headers={"If-Match": current.headers["ETag"]}
    )


def user_id(db: Session, email: str) -> int:
    found = db.scalar(select(User.id).where(User.email == email))
    assert found is not None
    return found


def status_of(meeting: Meeting) -> MeetingStatus:
    """Read afresh: a request changed it since (mypy would hold on to the last check)."""
    return meeting.status


def register(db: Session, meeting_id: int, email: str, status: RegistrationStatus) -> None:
    """A place as the registrations would have made it."""
    db.add(
        Registration(
            meeting_id=meeting_id,
            user_id=user_id(db, email),
            name="Deelnemer",
            email=email,
            status=status,
        )
    )
    db.flush()


@pytest.fixture
def published() -> Iterator[list[tuple[str, dict[str, Any]]]]:
    """The core events the meetings publish, as the registrations' mails would hear them."""
    heard: list[tuple[str, dict[str, Any]]] = []
    saved = {
        name: list(events._handlers.get(name, []))
        for name in (events.MEETING_MOVED, events.MEETING_CANCELLED)
    }

    def hearing(name: str) -> events.Handler:
        def heard_one(_session: Session, payload: dict[str, Any]) -> None:
            heard.append((name, payload))

        return heard_one

    for name in saved:
        events._handlers[name] = [hearing(name)]
    yield heard
    for name, handlers in saved.items():
        events._handlers[name] = handlers


async def test_plan_read_change_and_cancel(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor = await person(clients, EDITOR)
    made = await plan(editor, organisator=user_id(db, ADMIN))
    assert made["status"] == "open"
    assert made["versie"] == 1
    assert made["begin"].endswith(("+01:00", "+02:00")), "shown in Europe/Amsterdam"
    assert [h["code"] for h in made["organisatoren"]] == ["vng", "divosa"]
    assert made["organisator"]["naam"] == "Bea Beheer (demo)"
    assert made["plaatsen"] == {"capaciteit": 30, "aangemeld": 0, "wachtlijst": 0, "vrij": 30}
    assert made["aanmeldenMogelijk"] is True
    assert made["_links"]["kalender"]["href"] == f"{AGENDA}/{made['id']}/kalender"

    visitor = clients()
    seen = await visitor.get(f"{AGENDA}/{made['id']}")
    assert seen.status_code == 200
    assert seen.json()["titel"] == made["titel"]
    assert seen.json()["organisator"] is None, "the organiser is the team's business"

    changed = await change(editor, made["id"], titel="Werksessie giften en bijdragen")
    assert changed.status_code == 200, changed.text
    assert changed.headers["ETag"] == '"v2"'
    assert changed.json()["titel"] == "Werksessie giften en bijdragen"

    cancel = await editor.post(
        f"{AGENDA}/{made['id']}/annulering",
        json={"reden": "De spreker is ziek."},
        headers={"If-Match": '"v2"'},
    )
    assert cancel.status_code == 200, cancel.text
    assert cancel.json()["status"] == "geannuleerd"
    assert cancel.json()["redenAnnulering"] == "De spreker is ziek."
    again = await editor.post(
        f"{AGENDA}/{made['id']}/annulering",
        json={"reden": "Nogmaals."},
        headers={"If-Match": '"v3"'},
    )
    assert again.status_code == 409
    assert (await change(editor, made["id"], titel="Toch doorgaan graag")).status_code == 409

    steps = (await editor.get(f"{AGENDA}/{made['id']}/geschiedenis")).json()
    assert [s["soort"] for s in steps] == ["aangemaakt", "gewijzigd", "geannuleerd"]
    assert {s["door"] for s in steps} == {"Ruud Redactie (demo)"}
    assert steps[1]["gegevens"] == {"titel": "Werksessie giften en bijdragen"}
    audited = db.scalars(
        select(AuditEvent.event).where(AuditEvent.subject == f"meeting:{made['id']}")
    ).all()
    assert sorted(audited) == ["meeting.cancelled", "meeting.changed", "meeting.created"]


# One moment for the cases and the test that sends them.
START = (clock.now() + timedelta(days=3)).astimezone(clock.AMSTERDAM).replace(microsecond=0)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"einde": moment(START - timedelta(hours=1))}, "einde"),
        ({"einde": moment(START)}, "einde"),
        ({"adres": None}, "adres"),
        ({"deelnamelink": "https://vergader.example/abc"}, "deelnamelink"),
        ({"maatregelen": ["M01", "M99"]}, "maatregelen"),
        ({"themas": ["bestaat-niet"]}, "themas"),
        ({"organisatoren": [{"organisatie": "bestaat-niet"}]}, "organisatoren"),
        ({"provincie": "PV99"}, "provincie"),
        ({"arbeidsmarktregio": "AM99"}, "arbeidsmarktregio"),
        ({"tijdslotMinuten": 20}, "tijdslotMinuten"),
        ({"aanmeldenTot": moment(START + timedelta(minutes=1))}, "aanmeldenTot"),
        ({"status": "vol"}, "status"),
        ({"status": "afgelopen"}, "status"),
        ({"organisator": "utrecht"}, "organisator"),
        ({"organisator": 2_000_000}, "organisator"),
        ({"organisator": 2**40}, "organisator"),
    ],
)
async def test_an_invalid_meeting_is_refused_naming_the_field(
    clients: Callable[[], httpx.AsyncClient],
    db: Session,
    overrides: dict[str, object],
    field: str,
) -> None:
    editor = await person(clients, EDITOR)
    if overrides.get("organisator") == "utrecht":
        overrides = {"organisator": user_id(db, UTRECHT)}
    sent = body(begin=moment(START), einde=moment(START + timedelta(hours=2)))
    sent.update(overrides)
    response = await editor.post(AGENDA, json=sent)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalidParams"]] == [field]
    assert db.scalar(select(Meeting.id).where(Meeting.title == sent["titel"])) is None


async def test_online_needs_no_address_and_a_change_is_checked_as_a_whole(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = await person(clients, EDITOR)
    made = await plan(
        editor,
        soort="webinar",
        online=True,
        adres=None,
        locatie=None,
        deelnamelink="https://vergader.example/webinar",
    )
    assert made["deelnamelink"] == "https://vergader.example/webinar"
    # Back to a room, still with the link: refused, and so is an end before the start.
    refused = await change(editor, made["id"], online=False, adres="Plein 1, Utrecht")
    assert [p["name"] for p in refused.json()["invalidParams"]] == ["deelnamelink"]
    early = moment(datetime.fromisoformat(made["begin"]) - timedelta(minutes=5))
    refused = await change(editor, made["id"], einde=early, titel=None)
    assert refused.status_code == 400
    assert {p["name"] for p in refused.json()["invalidParams"]} == {"einde", "titel"}
    moved = await change(
        editor, made["id"], online=False, adres="Plein 1, Utrecht", deelnamelink=None
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["online"] is False
    assert moved.json()["deelnamelink"] is None


async def test_changes_need_the_current_version(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = await person(clients, EDITOR)
    made = await plan(editor)
    path = f"{AGENDA}/{made['id']}"
    missing = await editor.patch(path, json={"titel": "Zonder versie gestuurd"})
    assert missing.status_code == 428
    assert (
        await editor.patch(path, json={"titel": "Eerste wijziging"}, headers={"If-Match": '"v1"'})
    ).status_code == 200
    stale = await editor.patch(
        path, json={"titel": "Op een oude stand"}, headers={"If-Match": '"v1"'}
    )
    assert stale.status_code == 412
    assert stale.json()["huidigeVersie"] == 2
    assert stale.headers["ETag"] == '"v2"'
    no_tag = await editor.post(f"{path}/annulering", json={"reden": "Geen versie."})
    assert no_tag.status_code == 428
    stale = await editor.post(
        f"{path}/annulering", json={"reden": "Oude versie."}, headers={"If-Match": '"v1"'}
    )
    assert stale.status_code == 412
    assert (await editor.get(path)).json()["status"] == "open"


ROLES = {"utrecht": UTRECHT, "expert": STIMULANSZ, "redacteur": EDITOR, "beheerder": ADMIN}


@pytest.mark.parametrize(
    ("role", "planning", "changing", "history"),
    [
        ("publiek", 401, 401, 401),
        ("utrecht", 403, 403, 403),
        ("expert", 403, 403, 403),
        ("redacteur", 201, 200, 200),
        ("beheerder", 201, 200, 200),
    ],
)
async def test_only_the_team_plans_changes_and_reads_the_history(
    clients: Callable[[], httpx.AsyncClient],
    role: str,
    planning: int,
    changing: int,
    history: int,
) -> None:
    editor = await person(clients, EDITOR)
    made = await plan(editor)
    caller = await person(clients, ROLES[role]) if role in ROLES else clients()
    assert (await caller.post(AGENDA, json=body())).status_code == planning
    patched = await caller.patch(
        f"{AGENDA}/{made['id']}", json={"titel": "Een nieuwe titel"}, headers={"If-Match": '"v1"'}
    )
    assert patched.status_code == changing, patched.text
    steps = await caller.get(f"{AGENDA}/{made['id']}/geschiedenis")
    assert steps.status_code == history
    # Everyone reads the agenda and the meeting's page.
    assert (await caller.get(AGENDA)).status_code == 200
    assert (await caller.get(f"{AGENDA}/{made['id']}")).status_code == 200


def test_the_organiser_manages_her_meeting_while_she_is_in_the_team() -> None:
    meeting = Meeting(organiser_id=7, audience="gemeenten")
    organiser = Principal(kind="user", user_id=7, roles=frozenset({Role.EDITOR}))
    other = Principal(kind="user", user_id=8, roles=frozenset({Role.MUNICIPAL_CONTACT}))
    editor = Principal(kind="user", user_id=9, roles=frozenset({Role.EDITOR}))
    assert policy.is_organiser(organiser, meeting)
    assert policy.may_manage(organiser, meeting)
    assert not policy.may_manage(other, meeting)
    assert policy.may_manage(editor, meeting)
    assert not policy.is_organiser(editor, meeting)
    assert not policy.may_see_join_link(other, meeting, registered=False)
    assert policy.may_see_join_link(other, meeting, registered=True)
    # She left the team (a contact of her municipality now): her meeting's rights went with it.
    left = Principal(kind="user", user_id=7, roles=frozenset({Role.MUNICIPAL_CONTACT}))
    assert not policy.is_organiser(left, meeting)
    assert not policy.may_manage(left, meeting)
    assert not policy.may_see_join_link(left, meeting, registered=False)
    with pytest.raises(ForbiddenError):
        policy.require_manager(left, meeting)


async def test_the_join_link_reaches_only_the_registered_and_the_team(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor = await person(clients, EDITOR)
    link = "https://vergader.example/geheim-123"
    made = await plan(editor, soort="webinar", online=True, adres=None, deelnamelink=link)
    path = f"{AGENDA}/{made['id']}"
    visitor = clients()
    contact = await person(clients, UTRECHT)
    expert = await person(clients, STIMULANSZ)
    for reader in (visitor, contact, expert):
        shown = await reader.get(path)
        assert shown.json()["deelnamelink"] is None
        assert link not in shown.text
        listed = await reader.get(AGENDA, params={"soort": "webinar", "paginaGrootte": 100})
        assert link not in listed.text
    register(db, made["id"], STIMULANSZ, RegistrationStatus.WAITING)
    waiting = await expert.get(path)
    assert waiting.json()["deelnamelink"] is None
    assert waiting.json()["mijnAanmelding"] == "wachtlijst"
    register(db, made["id"], UTRECHT, RegistrationStatus.REGISTERED)
    registered = await contact.get(path)
    assert registered.json()["deelnamelink"] == link
    assert registered.json()["mijnAanmelding"] == "aangemeld"
    assert registered.headers["Cache-Control"] == "private, no-store"
    assert (await visitor.get(path)).json()["deelnamelink"] is None
    assert (await editor.get(path)).json()["deelnamelink"] == link


async def test_the_agenda_filters_and_pages(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor = await person(clients, EDITOR)
    window = {"van": "2090-01-01", "tot": "2090-12-31"}

    def at(days: int) -> dict[str, object]:
        start = FAR + timedelta(days=days)
        return {"begin": moment(start), "einde": moment(start + timedelta(hours=2))}

    session = await plan(editor, **at(0))
    webinar = await plan(
        editor,
        soort="webinar",
        online=True,
        adres=None,
        provincie=None,
        arbeidsmarktregio=None,
        maatregelen=["M02"],
        themas=["stabiel-en-voldoende-inkomen"],
        doelgroep="iedereen",
        status="gepland",
        **at(7),
    )
    regional = await plan(
        editor,
        soort="regiobijeenkomst",
        provincie="PV28",
        arbeidsmarktregio="AM19",
        adres="Raadhuisplein 1, Hillegom",
        doelgroep="ketenpartners",
        **at(14),
    )

    async def ids(**params: Any) -> list[int]:
        found = await editor.get(AGENDA, params={**window, "paginaGrootte": 100, **params})
        assert found.status_code == 200, found.text
        return [m["id"] for m in found.json()["resultaten"]]

    assert await ids() == [session["id"], webinar["id"], regional["id"]]
    assert await ids(soort="webinar") == [webinar["id"]]
    assert await ids(maatregel="M02") == [webinar["id"]]
    assert await ids(thema="stabiel-en-voldoende-inkomen") == [webinar["id"]]
    assert await ids(provincie="PV28") == [regional["id"]]
    assert await ids(arbeidsmarktregio="AM13") == [session["id"]]
    assert await ids(doelgroep="ketenpartners") == [regional["id"]]
    assert await ids(status="gepland") == [webinar["id"]]
    assert await ids(status="open") == [session["id"], regional["id"]]
    assert await ids(van="2090-03-12", tot="2090-03-12") == [webinar["id"]]
    assert await ids(afgelopen="true") == []

    second = await editor.get(AGENDA, params={**window, "pagina": 2, "paginaGrootte": 1})
    page = second.json()
    assert [m["id"] for m in page["resultaten"]] == [webinar["id"]]
    assert page["paginering"] == {"pagina": 2, "paginaGrootte": 1, "totaal": 3, "aantalPaginas": 3}
    assert "pagina=3" in page["_links"]["next"]["href"]
    assert "pagina=1" in page["_links"]["prev"]["href"]

    backwards = await editor.get(AGENDA, params={"van": "2090-03-20", "tot": "2090-03-01"})
    assert backwards.status_code == 400
    assert [p["name"] for p in backwards.json()["invalidParams"]] == ["tot"]
    unknown = await editor.get(AGENDA, params={"soort": "borrel", "maatregel": "X1"})
    assert unknown.status_code == 400
    assert {p["name"] for p in unknown.json()["invalidParams"]} == {"soort", "maatregel"}

    # A year later the three have ended: the past agenda holds them, latest first.
    with clock.fixed_clock(FAR + timedelta(days=365)):
        assert await ids() == []
        assert await ids(afgelopen="true") == [regional["id"], webinar["id"], session["id"]]
        assert await ids(status="afgelopen") == [regional["id"], webinar["id"], session["id"]]


async def test_a_meeting_reads_afgelopen_once_it_has_ended(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = await person(clients, EDITOR)
    start = clock.now().astimezone(clock.AMSTERDAM) + timedelta(hours=1)
    made = await plan(editor, begin=moment(start), einde=moment(start + timedelta(hours=1)))
    path = f"{AGENDA}/{made['id']}"
    visitor = clients()
    assert (await visitor.get(path)).json()["status"] == "open"
    with clock.fixed_clock(start + timedelta(minutes=30)):
        during = (await visitor.get(path)).json()
        assert during["status"] == "open"
        assert during["aanmeldenMogelijk"] is False, "registration closes at the start"
    with clock.fixed_clock(start + timedelta(hours=1, seconds=1)):
        after = (await visitor.get(path)).json()
        assert after["status"] == "afgelopen"
        assert after["aanmeldenMogelijk"] is False
        assert (await editor.get(path)).json()["status"] == "afgelopen"
        late = await editor.post(
            f"{path}/annulering", json={"reden": "Te laat."}, headers={"If-Match": '"v1"'}
        )
        assert late.status_code == 409
    # Stored, it is still what the team set.
    assert (await editor.get(path)).json()["status"] == "open"


async def test_only_a_new_time_place_or_link_moves_the_meeting(
    clients: Callable[[], httpx.AsyncClient],
    db: Session,
    published: list[tuple[str, dict[str, Any]]],
) -> None:
    editor = await person(clients, EDITOR)
    made = await plan(editor)
    row = db.get(Meeting, made["id"])
    assert row is not None
    assert row.sequence == 0

    for fields in (
        {"titel": "Alleen een andere titel"},
        {"omschrijving": "Andere tekst."},
        {"capaciteit": 40, "maatregelen": ["M01", "M02"]},
        {"adres": "Stadsplateau 1, Utrecht"},  # the same address: no change
    ):
        response = await change(editor, made["id"], **fields)
        assert response.status_code == 200, response.text
    assert published == []
    assert row.sequence == 0

    later = datetime.fromisoformat(made["begin"]) + timedelta(days=1)
    moved = await change(
        editor, made["id"], begin=moment(later), einde=moment(later + timedelta(hours=3))
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["begin"] == moment(later)
    assert row.sequence == 1
    assert published == [
        (
            events.MEETING_MOVED,
            {"meeting": made["id"], "fields": ["begin", "einde"], "actor": user_id(db, EDITOR)},
        )
    ]
    await change(editor, made["id"], locatie="Zaal 2")
    await change(editor, made["id"], online=True, adres=None, deelnamelink="https://v.example/x")
    assert row.sequence == 3
    assert [p["fields"] for _, p in published[1:]] == [
        ["locatie"],
        ["adres", "online", "deelnamelink"],
    ]

    current = (await editor.get(f"{AGENDA}/{made['id']}")).headers["ETag"]
    await editor.post(
        f"{AGENDA}/{made['id']}/annulering",
        json={"reden": "Te weinig aanmeldingen."},
        headers={"If-Match": current},
    )
    assert row.sequence == 4, "a cancelling invitation outranks the last one"
    assert published[-1] == (
        events.MEETING_CANCELLED,
        {"meeting": made["id"], "reason": "Te weinig aanmeldingen.", "actor": user_id(db, EDITOR)},
    )


async def test_the_kept_public_agenda_follows_every_write(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = await person(clients, EDITOR)
    start = FAR + timedelta(days=100)
    made = await plan(editor, begin=moment(start), einde=moment(start + timedelta(hours=1)))
    visitor = clients()
    query = {"van": "2090-06-01", "tot": "2090-06-30"}
    path = f"{AGENDA}/{made['id']}"

    first = await visitor.get(AGENDA, params=query)
    assert first.headers["Cache-Control"] == PUBLIC_SHARED
    assert [m["titel"] for m in first.json()["resultaten"]] == [made["titel"]]
    page = await visitor.get(path)
    assert page.headers["Cache-Control"] == PUBLIC_SHARED
    kept = await visitor.get(AGENDA, params=query, headers={"If-None-Match": first.headers["ETag"]})
    assert kept.status_code == 304

    assert (
        await change(editor, made["id"], titel="Een nieuwe titel voor de agenda")
    ).status_code == 200
    again = await visitor.get(
        AGENDA, params=query, headers={"If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 200
    assert [m["titel"] for m in again.json()["resultaten"]] == ["Een nieuwe titel voor de agenda"]
    assert (await visitor.get(path)).json()["titel"] == "Een nieuwe titel voor de agenda"

    signed_in = await editor.get(AGENDA, params=query)
    assert signed_in.headers["Cache-Control"] == "private, no-cache"


async def test_full_follows_the_places_taken(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor = await person(clients, EDITOR)
    made = await plan(editor, capaciteit=2)
    meeting = db.get(Meeting, made["id"])
    assert meeting is not None
    register(db, made["id"], UTRECHT, RegistrationStatus.REGISTERED)
    service.refresh_full(db, meeting)
    assert status_of(meeting) is MeetingStatus.OPEN
    register(db, made["id"], STIMULANSZ, RegistrationStatus.REGISTERED)
    service.refresh_full(db, meeting)
    assert status_of(meeting) is MeetingStatus.FULL
    shown = (await editor.get(f"{AGENDA}/{made['id']}")).json()
    assert shown["status"] == "vol"
    assert shown["plaatsen"] == {"capaciteit": 2, "aangemeld": 2, "wachtlijst": 0, "vrij": 0}
    assert shown["aanmeldenMogelijk"] is True, "the waiting list takes registrations"
    # More places: open again.
    response = await change(editor, made["id"], capaciteit=3)
    assert response.json()["status"] == "open"
    assert status_of(meeting) is MeetingStatus.OPEN


async def test_the_demo_agenda(clients: Callable[[], httpx.AsyncClient], db: Session) -> None:
    created, existing = load_demo_meetings(db, lambda: None)
    assert created + existing == len(DEMO_MEETINGS) >= 12
    assert load_demo_meetings(db, lambda: None) == (0, len(DEMO_MEETINGS))
    demo = db.scalars(select(Meeting).where(Meeting.is_demo.is_(True))).all()
    now = clock.now()
    assert {m.kind for m in demo} == set(MeetingKind)
    assert {service.shown_status(m, now) for m in demo} >= {
        MeetingStatus.PAST,
        MeetingStatus.OPEN,
        MeetingStatus.FULL,
        MeetingStatus.CANCELLED,
        MeetingStatus.PLANNED,
    }
    assert any(m.is_online for m in demo)
    assert any(not m.is_online for m in demo)
    assert all(m.address for m in demo if not m.is_online)
    visitor = clients()
    coming = (await visitor.get(AGENDA, params={"paginaGrootte": 100})).json()["resultaten"]
    past = (await visitor.get(AGENDA, params={"afgelopen": "true", "paginaGrootte": 100})).json()
    shown = {m["id"] for m in coming} | {m["id"] for m in past["resultaten"]}
    assert {m.id for m in demo} <= shown
    assert all(m["deelnamelink"] is None for m in coming if "deelnamelink" in m)


async def test_a_page_of_the_agenda_costs_the_same_queries_for_more_meetings(
    clients: Callable[[], httpx.AsyncClient], count_queries: QueryCounter
) -> None:
    editor = await person(clients, EDITOR)
    for days in (200, 201, 202):
        start = FAR + timedelta(days=days)
        await plan(editor, begin=moment(start), einde=moment(start + timedelta(hours=1)))

    async def cost(window: dict[str, str]) -> int:
        before = count_queries.count
        found = await editor.get(AGENDA, params=window)
        assert found.status_code == 200
        return count_queries.count - before

    one = await cost({"van": "2090-09-21", "tot": "2090-09-21"})
    three = await cost({"van": "2090-09-21", "tot": "2090-09-23"})
    assert one == three


async def test_the_same_values_in_another_order_change_nothing(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = await person(clients, EDITOR)
    made = await plan(
        editor, themas=["begeleiding-participatie-en-re-integratie", "stabiel-en-voldoende-inkomen"]
    )
    assert [t["code"] for t in made["themas"]] == [
        "stabiel-en-voldoende-inkomen",
        "begeleiding-participatie-en-re-integratie",
    ], "themes in their own order, not the alphabet's"
    same = await change(
        editor,
        made["id"],
        themas=["stabiel-en-voldoende-inkomen", "begeleiding-participatie-en-re-integratie"],
        maatregelen=["M01"],
        organisatoren=[{"organisatie": "divosa", "rol": "medeorganisator"}, {"organisatie": "vng"}],
    )
    assert same.status_code == 200, same.text
    assert same.json()["versie"] == 1
    steps = (await editor.get(f"{AGENDA}/{made['id']}/geschiedenis")).json()
    assert [s["soort"] for s in steps] == ["aangemaakt"]
