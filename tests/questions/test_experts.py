"""Questions put to a partner organisation's experts: the request and its event, who sees it
(and the asker only when shared), the expert's answer handing the question back to the
advisor, the expert's own service level, and the events of assigning and handing over."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session

from api.core import clock, events
from api.core.db import get_session, transactional
from api.main import create_app
from tests.auth import ADMIN, DIVOSA, STIMULANSZ, UTRECHT, login, mails
from tests.conftest import api_of, http_client, make_settings
from tests.questions.helpers import ask, contact, editor, editor_id, log_call, move

Clients = Callable[[], httpx.AsyncClient]
Published = list[tuple[str, dict[str, Any]]]
ASKER_EMAIL = "p.jansen@voorbeeldgemeente.example"
EXPERT_QUESTION = "Geldt de vrijlating ook voor giften in natura, zoals boodschappen?"


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> Published:
    """The question events published during the test, besides their real handlers."""
    seen: Published = []
    monkeypatch.setattr(events, "_handlers", {k: list(v) for k, v in events._handlers.items()})

    def recorder(name: str) -> events.Handler:
        return lambda _session, payload: seen.append((name, payload))

    for name in (events.QUESTION_ASSIGNED, events.QUESTION_ESCALATED, events.EXPERT_ANSWERED):
        events.subscribe(name, recorder(name))
    return seen


def of_kind(seen: Published, kind: str) -> list[dict[str, Any]]:
    return [payload for name, payload in seen if name == kind]


async def person(clients: Clients, email: str | None) -> httpx.AsyncClient:
    client = clients()
    if email is not None:
        await login(client, email)
    return client


async def escalated(
    e: httpx.AsyncClient, organisation: str = "stimulansz", **extra: object
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A phone question, assigned to the calling editor and put to an organisation's experts;
    returns the question as the team sees it then, and its request."""
    q = await log_call(e)
    assigned = await move(e, q["id"], "toegewezen", behandelaarId=await editor_id(e))
    assert assigned.status_code == 200, assigned.text
    waiting = await move(e, q["id"], "wacht-op-expert", expertOrganisatie=organisation, **extra)
    assert waiting.status_code == 200, waiting.text
    read = waiting.json()
    [request] = [r for r in read["expertverzoeken"] if r["status"] == "open"]
    return read, request


async def test_putting_a_question_to_experts_makes_one_request_and_one_event(
    clients: Clients, published: Published
) -> None:
    e = await editor(clients)
    me = await editor_id(e)
    read, request = await escalated(e, expertVraag=EXPERT_QUESTION)
    assert read["status"] == "wacht-op-expert"
    assert len(read["expertverzoeken"]) == 1
    assert request["organisatie"] == {"code": "stimulansz", "naam": "Stimulansz"}
    assert request["expertVraag"] == EXPERT_QUESTION
    assert request["contactGedeeld"] is False
    assert request["gesteldDoor"]["id"] == me
    assert request["termijn"] == read["expert"]["termijn"]
    assert request["antwoord"] is None
    [event] = of_kind(published, events.QUESTION_ESCALATED)
    assert event == {
        "question": read["id"],
        "request": request["id"],
        "subject": read["onderwerp"],
        "organisation": "stimulansz",
        "due": datetime.fromisoformat(request["termijn"]).date(),
        "actor": me,
    }
    history = (await e.get(f"/api/v1/vragen/{read['id']}/geschiedenis")).json()["resultaten"]
    assert history[-1]["details"]["expert"]["verzoek"] == request["id"]


async def test_the_expert_of_that_organisation_sees_the_question_and_no_one_else(
    clients: Clients,
) -> None:
    e = await editor(clients)
    read, request = await escalated(e, expertVraag=EXPERT_QUESTION)
    path = f"/api/v1/expertvragen/{request['id']}"

    stimulansz = await person(clients, STIMULANSZ)
    inbox = (await stimulansz.get("/api/v1/expertvragen")).json()
    [listed] = [r for r in inbox["resultaten"] if r["id"] == request["id"]]
    assert listed["status"] == "open"
    assert listed["onderwerp"] == read["onderwerp"]
    assert listed["termijn"] == request["termijn"]
    mine = await stimulansz.get(path)
    assert mine.status_code == 200, mine.text
    body = mine.json()
    assert body["vraagId"] == read["id"]
    assert body["vraag"] == read["vraag"]
    assert [m["code"] for m in body["maatregelen"]] == ["M01"]
    assert body["thema"] == read["thema"]
    assert body["expertVraag"] == EXPERT_QUESTION
    assert body["termijn"] == request["termijn"]
    # Not shared: nothing that tells who asked, nor from which municipality.
    assert body["contactGedeeld"] is False
    assert body["vragensteller"] is None
    assert body["gemeente"] is None
    for detail in ("Petra Jansen", ASKER_EMAIL, "Gemeente Utrecht", "GM0344"):
        assert detail not in mine.text

    divosa = await person(clients, DIVOSA)
    other = await divosa.get(path)
    missing = await divosa.get("/api/v1/expertvragen/2000000000")
    assert other.status_code == missing.status_code == 404
    assert other.json()["detail"].replace(str(request["id"]), "N") == missing.json()[
        "detail"
    ].replace("2000000000", "N")
    divosa_inbox = (await divosa.get("/api/v1/expertvragen?paginaGrootte=100")).json()
    assert request["id"] not in [r["id"] for r in divosa_inbox["resultaten"]]

    for email, status in ((UTRECHT, 403), (None, 401)):
        outsider = await person(clients, email)
        assert (await outsider.get(path)).status_code == status
        assert (await outsider.get("/api/v1/expertvragen")).status_code == status
    # The programme team consults experts; it does not answer in their name.
    assert (await e.get(path)).status_code == 403
    refused = await e.post(f"{path}/antwoord", json={"antwoord": "Ik doe het zelf."})
    assert refused.status_code == 403


async def test_the_asker_is_shown_to_the_experts_only_when_the_advisor_shares_her(
    clients: Clients,
) -> None:
    e = await editor(clients)
    _, request = await escalated(e, contactDelen=True)
    assert request["contactGedeeld"] is True
    stimulansz = await person(clients, STIMULANSZ)
    body = (await stimulansz.get(f"/api/v1/expertvragen/{request['id']}")).json()
    assert body["contactGedeeld"] is True
    assert body["vragensteller"] == {
        "naam": "Petra Jansen",
        "email": ASKER_EMAIL,
        "organisatie": "Gemeente Utrecht",
    }
    assert body["gemeente"] == {"code": "GM0344", "naam": "Utrecht"}


async def test_the_experts_answer_goes_back_to_the_advisor_once(
    clients: Clients, published: Published, tmp_path: Path
) -> None:
    e = await editor(clients)
    me = await editor_id(e)
    read, request = await escalated(e)
    published.clear()
    to_asker = len([m for m in mails(tmp_path / "outbox") if m["To"] == ASKER_EMAIL])
    stimulansz = await person(clients, STIMULANSZ)
    path = f"/api/v1/expertvragen/{request['id']}"

    answered = await stimulansz.post(f"{path}/antwoord", json={"antwoord": "  Ja, ook die.  "})
    assert answered.status_code == 200, answered.text
    body = answered.json()
    assert body["status"] == "beantwoord"
    assert body["antwoord"] == "Ja, ook die."
    assert body["beantwoordDoor"]["naam"] == "Sanne Stimulansz (demo)"

    question = (await e.get(f"/api/v1/vragen/{read['id']}")).json()
    assert question["status"] == "toegewezen"
    assert question["behandelaar"]["id"] == me
    assert question["expert"] is None
    assert question["antwoord"] is None, "the advisor writes the reply to the asker"
    [shown] = question["expertverzoeken"]
    assert shown["status"] == "beantwoord"
    assert shown["antwoord"] == "Ja, ook die."
    assert shown["beantwoordDoor"]["naam"] == "Sanne Stimulansz (demo)"
    assert shown["geslotenOp"] is not None
    history = (await e.get(f"/api/v1/vragen/{read['id']}/geschiedenis")).json()["resultaten"]
    last = history[-1]
    assert (last["soort"], last["van"], last["naar"]) == (
        "expertantwoord",
        "wacht-op-expert",
        "toegewezen",
    )
    assert last["doorNaam"] == "Sanne Stimulansz (demo)"

    [event] = of_kind(published, events.EXPERT_ANSWERED)
    assert event["question"] == read["id"]
    assert event["request"] == request["id"]
    assert event["organisation_name"] == "Stimulansz"
    assert event["advisors"] == [me]
    assert event["actor"] == await editor_id(stimulansz)
    assert of_kind(published, events.QUESTION_ASSIGNED) == []
    # The expert never writes to the asker.
    assert len([m for m in mails(tmp_path / "outbox") if m["To"] == ASKER_EMAIL]) == to_asker

    again = await stimulansz.post(f"{path}/antwoord", json={"antwoord": "Nog iets."})
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"
    assert len(of_kind(published, events.EXPERT_ANSWERED)) == 1
    inbox = (await stimulansz.get("/api/v1/expertvragen?status=open&paginaGrootte=100")).json()
    assert request["id"] not in [r["id"] for r in inbox["resultaten"]]
    done = (await stimulansz.get("/api/v1/expertvragen?status=beantwoord")).json()
    assert request["id"] in [r["id"] for r in done["resultaten"]]


async def test_both_advisors_hear_the_answer_when_the_question_changed_hands(
    clients: Clients, published: Published
) -> None:
    e = await editor(clients)
    me = await editor_id(e)
    read, request = await escalated(e)
    admin = await person(clients, ADMIN)
    admin_id = await editor_id(admin)
    # Taken back, handed to a colleague, put to the experts again by her.
    assert (await move(e, read["id"], "toegewezen")).status_code == 200
    assert (await move(e, read["id"], "toegewezen", behandelaarId=admin_id)).status_code == 200
    second = await move(admin, read["id"], "wacht-op-expert", expertOrganisatie="stimulansz")
    [open_request] = [r for r in second.json()["expertverzoeken"] if r["status"] == "open"]
    stimulansz = await person(clients, STIMULANSZ)
    taken_back = await stimulansz.post(
        f"/api/v1/expertvragen/{request['id']}/antwoord", json={"antwoord": "Te laat."}
    )
    assert taken_back.status_code == 409
    assert (await stimulansz.get(f"/api/v1/expertvragen/{request['id']}")).json()[
        "status"
    ] == "ingetrokken"
    answered = await stimulansz.post(
        f"/api/v1/expertvragen/{open_request['id']}/antwoord", json={"antwoord": "Ja."}
    )
    assert answered.status_code == 200, answered.text
    [event] = of_kind(published, events.EXPERT_ANSWERED)
    assert event["advisors"] == [admin_id]
    assert me not in event["advisors"]


async def test_an_answer_needs_words(clients: Clients) -> None:
    e = await editor(clients)
    _, request = await escalated(e)
    stimulansz = await person(clients, STIMULANSZ)
    path = f"/api/v1/expertvragen/{request['id']}/antwoord"
    blank = await stimulansz.post(path, json={"antwoord": "   "})
    assert blank.status_code == 400
    assert [p["name"] for p in blank.json()["invalidParams"]] == ["antwoord"]
    divosa = await person(clients, DIVOSA)
    assert (await divosa.post(path, json={"antwoord": "Wij weten het."})).status_code == 404
    still = (await stimulansz.get(f"/api/v1/expertvragen/{request['id']}")).json()
    assert still["status"] == "open"


async def test_taking_the_question_back_or_merging_it_closes_the_request(clients: Clients) -> None:
    e = await editor(clients)
    read, request = await escalated(e)
    back = await move(e, read["id"], "toegewezen")
    assert back.status_code == 200
    [shown] = back.json()["expertverzoeken"]
    assert shown["status"] == "ingetrokken"
    assert shown["geslotenOp"] is not None

    main = await log_call(e)
    duplicate, duplicate_request = await escalated(e)
    merged = await e.post(
        f"/api/v1/vragen/{main['id']}/samenvoegingen", json={"vraagId": duplicate["id"]}
    )
    assert merged.status_code == 200, merged.text
    stimulansz = await person(clients, STIMULANSZ)
    inbox = (await stimulansz.get("/api/v1/expertvragen?status=open&paginaGrootte=100")).json()
    open_ids = [r["id"] for r in inbox["resultaten"]]
    assert request["id"] not in open_ids
    assert duplicate_request["id"] not in open_ids


async def test_the_asker_never_sees_the_expert_requests(clients: Clients) -> None:
    e = await editor(clients)
    c = await contact(clients)
    q = await ask(c)
    assert (await move(e, q["id"], "toegewezen", behandelaarId=await editor_id(e))).is_success
    waiting = await move(e, q["id"], "wacht-op-expert", expertOrganisatie="stimulansz")
    assert len(waiting.json()["expertverzoeken"]) == 1
    own = (await c.get(f"/api/v1/vragen/{q['id']}")).json()
    assert own["expertverzoeken"] == []


async def test_the_inbox_puts_open_requests_first_and_shows_which_are_late(
    clients: Clients,
) -> None:
    e = await editor(clients)
    today = clock.today().isoformat()
    _, due_today = await escalated(e, expertTermijn=today)
    _, answered = await escalated(e)
    stimulansz = await person(clients, STIMULANSZ)
    reply = await stimulansz.post(
        f"/api/v1/expertvragen/{answered['id']}/antwoord", json={"antwoord": "Ja."}
    )
    assert reply.status_code == 200
    inbox = (await stimulansz.get("/api/v1/expertvragen?paginaGrootte=100")).json()
    states = [r["status"] for r in inbox["resultaten"]]
    assert states == sorted(states, key=["open", "beantwoord", "ingetrokken"].index)
    assert inbox["paginering"]["totaal"] == len(inbox["resultaten"])
    [listed] = [r for r in inbox["resultaten"] if r["id"] == due_today["id"]]
    assert listed["termijnStatus"] == "bijna-verlopen"
    [done] = [r for r in inbox["resultaten"] if r["id"] == answered["id"]]
    assert done["termijnStatus"] == "afgerond"
    with clock.fixed_clock(datetime.now(UTC) + timedelta(days=3)):
        later = (await stimulansz.get("/api/v1/expertvragen?status=open&paginaGrootte=100")).json()
        [late] = [r for r in later["resultaten"] if r["id"] == due_today["id"]]
        assert late["termijnStatus"] == "verlopen"
        one = await stimulansz.get(f"/api/v1/expertvragen/{due_today['id']}")
        assert one.json()["termijnStatus"] == "verlopen"


async def test_handing_over_is_published_once_and_assigning_the_same_advisor_not_at_all(
    clients: Clients, published: Published
) -> None:
    e = await editor(clients)
    me = await editor_id(e)
    admin_id = await editor_id(await person(clients, ADMIN))
    q = await log_call(e)
    assert (await move(e, q["id"], "toegewezen", behandelaarId=me)).status_code == 200
    assert of_kind(published, events.QUESTION_ASSIGNED) == [
        {"question": q["id"], "subject": q["onderwerp"], "assignee": me, "actor": me}
    ]
    published.clear()
    same = await move(e, q["id"], "toegewezen", behandelaarId=me)
    assert same.status_code == 200
    assert published == []
    handed = await move(e, q["id"], "toegewezen", behandelaarId=admin_id)
    assert handed.status_code == 200
    assert of_kind(published, events.QUESTION_ASSIGNED) == [
        {"question": q["id"], "subject": q["onderwerp"], "assignee": admin_id, "actor": me}
    ]


async def test_erasure_also_empties_what_the_experts_were_asked_and_answered(
    clients: Clients,
) -> None:
    e = await editor(clients)
    read, request = await escalated(e, expertVraag="Mevrouw Jansen belde hier twee keer over.")
    stimulansz = await person(clients, STIMULANSZ)
    reply = await stimulansz.post(
        f"/api/v1/expertvragen/{request['id']}/antwoord",
        json={"antwoord": "Zeg mevrouw Jansen dat het mag."},
    )
    assert reply.status_code == 200
    erased = await e.post("/api/v1/vragenstellers/wissingen", json={"email": ASKER_EMAIL})
    assert erased.status_code == 200, erased.text
    [shown] = (await e.get(f"/api/v1/vragen/{read['id']}")).json()["expertverzoeken"]
    seen_by_expert = await stimulansz.get(f"/api/v1/expertvragen/{request['id']}")
    for text in (str(shown), seen_by_expert.text):
        assert "Jansen" not in text
    assert shown["antwoord"] == shown["expertVraag"] == seen_by_expert.json()["antwoord"]


# Accounts: an expert belongs to an organisation, and needs a second factor where it counts.


async def test_an_expert_is_invited_only_with_an_organisation(clients: Clients) -> None:
    admin = await person(clients, ADMIN)
    without = await admin.post(
        "/api/v1/gebruikers",
        json={"email": "expert@voorbeeld.nl", "naam": "Eva Expert", "rollen": ["expert"]},
    )
    assert without.status_code == 400
    assert [p["name"] for p in without.json()["invalidParams"]] == ["organisatie"]
    invited = await admin.post(
        "/api/v1/gebruikers",
        json={
            "email": "expert@voorbeeld.nl",
            "naam": "Eva Expert",
            "rollen": ["expert"],
            "organisatie": "stimulansz",
        },
    )
    assert invited.status_code == 201, invited.text
    user = invited.json()
    assert user["rollen"] == ["expert"]
    cleared = await admin.patch(f"/api/v1/gebruikers/{user['id']}", json={"organisatie": None})
    assert cleared.status_code == 400
    assert [p["name"] for p in cleared.json()["invalidParams"]] == ["organisatie"]
    moved = await admin.patch(f"/api/v1/gebruikers/{user['id']}", json={"organisatie": "divosa"})
    assert moved.status_code == 200, moved.text


@pytest.fixture
def enforcing_app(database_url: str, db: Session, tmp_path: Path) -> FastAPI:
    """The second factor as required outside demo mode when nothing is configured."""
    app = create_app(make_settings(database_url, tmp_path, second_factor_roles=None))
    api_of(app).dependency_overrides[get_session] = lambda: (yield from transactional(db))
    return app


async def test_an_expert_sets_up_a_second_factor_before_she_sees_any_question(
    enforcing_app: FastAPI,
) -> None:
    async with http_client(enforcing_app) as expert:
        session = await login(expert, STIMULANSZ)
        assert session["tweedeFactorInstellen"] is True
        blocked = await expert.get("/api/v1/expertvragen")
        assert blocked.status_code == 403
        assert blocked.json()["code"] == "tweede_factor_instellen"
