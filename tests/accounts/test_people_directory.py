"""The people directory: editors pick a reviewer by name without the admins' user list; it
shows no e-mail addresses and is closed to everyone but the team."""

from collections.abc import Callable

import httpx

from tests.auth import ADMIN, EDITOR, PARTNER, UTRECHT, login, machine_token

Clients = Callable[[], httpx.AsyncClient]


async def test_an_editor_finds_municipal_contacts_by_name_and_municipality(
    clients: Clients,
) -> None:
    editor = clients()
    await login(editor, EDITOR)

    everyone = await editor.get("/api/v1/personen", params={"rol": "gemeente"})
    by_name = await editor.get("/api/v1/personen", params={"rol": "gemeente", "zoek": "UTRECHT"})
    by_place = await editor.get(
        "/api/v1/personen", params={"rol": "gemeente", "gemeente": "GM0344"}
    )

    assert everyone.status_code == 200, everyone.text
    people = everyone.json()["resultaten"]
    assert len(people) >= 2
    assert all("gemeente" in p["rollen"] for p in people)
    assert all(set(p) == {"id", "naam", "organisatie", "gemeenten", "rollen"} for p in people)
    assert [p["naam"] for p in by_name.json()["resultaten"]] == [
        p["naam"] for p in people if "utrecht" in p["naam"].casefold()
    ]
    assert by_place.json()["resultaten"]
    assert all(
        any(g["code"] == "GM0344" for g in p["gemeenten"]) for p in by_place.json()["resultaten"]
    )
    assert everyone.json()["paginering"]["totaal"] == len(people)


async def test_an_e_mail_address_finds_nobody(clients: Clients) -> None:
    admin = clients()
    await login(admin, ADMIN)

    found = await admin.get(
        "/api/v1/personen", params={"rol": "gemeente", "zoek": "demo.spoorboek.example"}
    )

    assert found.status_code == 200
    assert found.json()["resultaten"] == []


async def test_only_the_team_may_look_people_up(
    client: httpx.AsyncClient, clients: Clients
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    machine = clients()
    machine.headers["Authorization"] = (
        f"Bearer {await machine_token(machine, PARTNER.client_id, PARTNER.secret)}"
    )

    assert (await client.get("/api/v1/personen", params={"rol": "gemeente"})).status_code == 401
    assert (await contact.get("/api/v1/personen", params={"rol": "gemeente"})).status_code == 403
    assert (await machine.get("/api/v1/personen", params={"rol": "gemeente"})).status_code == 403
    assert (await contact.get("/api/v1/personen", params={"rol": "niemand"})).status_code == 400
