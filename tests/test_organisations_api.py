"""Partner organisations and (demo) shared services, through the HTTP API."""

import httpx


async def test_partner_organisations_are_listed(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/v1/organisaties?soort=vereniging")).json()
    assert {o["afkorting"] for o in body["resultaten"]} == {"VNG", "Divosa"}
    assert body["paginering"]["totaal"] == 2


async def test_organisation_detail(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/v1/organisaties/szw")).json()
    assert body["naam"] == "Ministerie van Sociale Zaken en Werkgelegenheid"
    assert body["soort"] == "ministerie"
    assert body["leden"] == []
    assert body["demo"] is False


async def test_shared_services_list_their_member_municipalities(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/v1/organisaties?soort=samenwerkingsverband")).json()
    services = {o["code"]: o for o in body["resultaten"]}
    bollenstreek = services["demo-isd-bollenstreek"]
    assert bollenstreek["demo"] is True
    assert [m["naam"] for m in bollenstreek["leden"]] == [
        "Hillegom",
        "Lisse",
        "Noordwijk",
        "Teylingen",
    ]


async def test_unknown_kind_and_code(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/v1/organisaties?soort=club")).status_code == 400
    assert (await client.get("/api/v1/organisaties/bestaat-niet")).status_code == 404
    assert (await client.get("/api/v1/organisaties/Hoofd_Letters")).status_code == 400
