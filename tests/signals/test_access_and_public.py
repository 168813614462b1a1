"""Who may report and read signals, and what the public register shows: never a private
signal, never who reported one, never the questions and blockers behind it."""

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User
from tests.auth import PARTNER, STIMULANSZ, UTRECHT, machine_token
from tests.signals.helpers import editor, person, report, utrecht


async def test_a_contact_reports_for_her_municipality_and_sees_only_her_signals(
    clients: object,
) -> None:
    contact = await utrecht(clients)
    own = await report(contact)
    assert own["melderSoort"] == "gemeente"
    assert own["gemeente"]["code"] == "GM0344"
    assert own["melder"] is None, "a contact does not see the reporter field of the team"
    e = await editor(clients)
    other = await report(e, titel="Een signaal van de redactie zelf")
    listed = (await contact.get("/api/v1/signalen", params={"paginaGrootte": 100})).json()
    ids = [s["id"] for s in listed["resultaten"]]
    assert own["id"] in ids
    assert other["id"] not in ids
    for listed_id in ids:
        # Her municipality reported or backs each one (the demo has some of both).
        read = (await contact.get(f"/api/v1/signalen/{listed_id}")).json()
        backers = {b["gemeente"]["code"] for b in read["ookBij"]}
        assert "GM0344" in backers | {(read["gemeente"] or {}).get("code")}
    assert (await contact.get(f"/api/v1/signalen/{other['id']}")).status_code == 404
    assert (await contact.get(f"/api/v1/signalen/{own['id']}")).status_code == 200
    for_other = await contact.post(
        "/api/v1/signalen",
        json={
            "titel": "Namens een andere gemeente",
            "omschrijving": "Dit mag een contactpersoon niet.",
            "soort": "financien",
            "gemeente": "GM0363",
        },
    )
    assert for_other.status_code == 403
    # The team changes signals; the contact does not.
    assert (
        await contact.patch(f"/api/v1/signalen/{own['id']}", json={"titel": "Anders genoemd"})
    ).status_code == 403


async def test_the_team_sees_the_register_with_its_filters(clients: object) -> None:
    e = await editor(clients)
    law = await report(e, soort="wet-en-regelgeving", maatregelen=["M02"])
    ict = await report(e, soort="ict-en-leveranciers", maatregelen=["M03"])
    found = (await e.get("/api/v1/signalen", params={"soort": "wet-en-regelgeving"})).json()
    ids = [s["id"] for s in found["resultaten"]]
    assert law["id"] in ids
    assert ict["id"] not in ids
    by_measure = (await e.get("/api/v1/signalen", params={"maatregel": "M03"})).json()
    assert ict["id"] in [s["id"] for s in by_measure["resultaten"]]
    assert law["id"] not in [s["id"] for s in by_measure["resultaten"]]
    bad = await e.get("/api/v1/signalen", params={"soort": "iets-anders"})
    assert bad.status_code == 400


async def test_an_expert_reports_but_machines_and_the_public_do_not(
    clients: object, client: httpx.AsyncClient
) -> None:
    expert = await person(clients, STIMULANSZ)
    signal = await report(expert)
    assert signal["melderSoort"] == "expert"
    assert (await client.get("/api/v1/signalen")).status_code == 401
    token = await machine_token(client, PARTNER.client_id, PARTNER.secret)
    machine = await client.get("/api/v1/signalen", headers={"Authorization": f"Bearer {token}"})
    assert machine.status_code == 403


async def test_the_public_register_shows_public_signals_without_their_reporter(
    clients: object, client: httpx.AsyncClient, db: Session
) -> None:
    contact = await utrecht(clients)
    public = await report(contact, titel="Rekenregels voor de vrijlating zijn onduidelijk")
    private = await report(contact, titel="Een signaal dat intern blijft")
    e = await editor(clients)
    await e.post(f"/api/v1/signalen/{public['id']}/bewijs", json={"vragen": []})
    assert (
        await e.patch(f"/api/v1/signalen/{public['id']}", json={"openbaar": True})
    ).status_code == 200
    listed = await client.get("/api/v1/openbare-signalen")
    assert listed.status_code == 200
    ids = [s["id"] for s in listed.json()["resultaten"]]
    assert public["id"] in ids
    assert private["id"] not in ids
    assert (await client.get(f"/api/v1/openbare-signalen/{private['id']}")).status_code == 404
    one = await client.get(f"/api/v1/openbare-signalen/{public['id']}")
    assert one.status_code == 200
    reporter = db.scalars(select(User).where(User.email == UTRECHT)).one()
    for text in (listed.text, one.text):
        assert reporter.name not in text
        assert UTRECHT not in text
        assert "GM0344" not in text
    assert set(one.json()) >= {"titel", "status", "bereik", "reactie", "doorgezetAan"}
    assert "melder" not in one.json()
    assert "vragen" not in one.json()


async def test_personal_data_keeps_a_signal_from_the_public_register(clients: object) -> None:
    e = await editor(clients)
    signal = await report(
        e,
        omschrijving="Mevrouw De Vries belde hierover; bereikbaar op 030 286 00 00.",
    )
    response = await e.patch(f"/api/v1/signalen/{signal['id']}", json={"openbaar": True})
    assert response.status_code == 400, response.text
    assert {p["name"] for p in response.json()["invalidParams"]} == {"omschrijving"}
    read = (await e.get(f"/api/v1/signalen/{signal['id']}")).json()
    assert read["openbaar"] is False
