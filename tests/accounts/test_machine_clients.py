"""Machine clients: the client-credentials grant, scopes, rotation and revocation of secrets."""

import base64
from collections.abc import Callable

import httpx

from tests.auth import ADMIN, PARTNER, SCRIPT, login, machine_token


async def test_client_credentials_grant(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": PARTNER.client_id,
            "client_secret": PARTNER.secret,
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["scope"] == "producten:lezen"
    assert 0 < body["expires_in"] <= 15 * 60
    assert response.headers["cache-control"] == "no-store"


async def test_http_basic_client_authentication(client: httpx.AsyncClient) -> None:
    basic = base64.b64encode(f"{SCRIPT.client_id}:{SCRIPT.secret}".encode()).decode()
    response = await client.post(
        "/api/v1/oauth/token",
        data={"grant_type": "client_credentials", "scope": "voortgang:schrijven"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert response.status_code == 200
    assert response.json()["scope"] == "voortgang:schrijven"


async def test_token_endpoint_errors(client: httpx.AsyncClient) -> None:
    wrong = await client.post(
        "/api/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": PARTNER.client_id,
            "client_secret": "fout",
        },
    )
    assert wrong.status_code == 401
    assert wrong.json()["error"] == "invalid_client"
    assert wrong.headers["content-type"] == "application/problem+json"
    unknown = await client.post(
        "/api/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "sbc_bestaat_niet",
            "client_secret": "x",
        },
    )
    assert unknown.status_code == 401
    assert unknown.json()["detail"] == wrong.json()["detail"]
    scope = await client.post(
        "/api/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": PARTNER.client_id,
            "client_secret": PARTNER.secret,
            "scope": "voortgang:schrijven",
        },
    )
    assert scope.status_code == 400
    assert scope.json()["error"] == "invalid_scope"
    grant = await client.post("/api/v1/oauth/token", data={"grant_type": "password"})
    assert grant.status_code == 400
    assert grant.json()["error"] == "unsupported_grant_type"
    as_json = await client.post("/api/v1/oauth/token", json={"grant_type": "client_credentials"})
    assert as_json.status_code == 400


async def test_machine_tokens_are_not_people(client: httpx.AsyncClient) -> None:
    token = await machine_token(client, PARTNER.client_id, PARTNER.secret)
    response = await client.get(
        "/api/v1/mijn-account", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 403
    admin_only = await client.get(
        "/api/v1/gebruikers", headers={"Authorization": f"Bearer {token}"}
    )
    assert admin_only.status_code == 403


async def create_client(admin: httpx.AsyncClient, **overrides: object) -> dict[str, object]:
    body = {
        "naam": "Test-koppeling",
        "soort": "partner",
        "scopes": ["producten:lezen"],
        "organisatie": "stimulansz",
    }
    body.update(overrides)
    response = await admin.post("/api/v1/koppelingen", json=body)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def test_secret_is_shown_once_and_stored_hashed(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    admin = clients()
    await login(admin, ADMIN)
    created = await create_client(admin)
    secret = str(created["clientSecret"])
    client_id = created["koppeling"]["clientId"]  # type: ignore[index]
    detail = await admin.get(f"/api/v1/koppelingen/{client_id}")
    assert secret not in detail.text
    assert detail.json()["geheimen"][0]["hint"] == secret[-4:]
    listing = await admin.get("/api/v1/koppelingen")
    assert secret not in listing.text
    await machine_token(clients(), client_id, secret)


async def test_rotation_revokes_the_old_secret_and_its_tokens(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    admin, machine = clients(), clients()
    await login(admin, ADMIN)
    created = await create_client(admin)
    client_id, old_secret = created["koppeling"]["clientId"], str(created["clientSecret"])  # type: ignore[index]
    old_token = await machine_token(machine, client_id, old_secret)
    rotated = await admin.post(f"/api/v1/koppelingen/{client_id}/geheimen", json={"overlapUren": 0})
    assert rotated.status_code == 201
    new_secret = rotated.json()["clientSecret"]
    assert new_secret != old_secret
    refused = await machine.post(
        "/api/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": old_secret,
        },
    )
    assert refused.status_code == 401
    stale = await machine.get(
        "/api/v1/sessies/huidig", headers={"Authorization": f"Bearer {old_token}"}
    )
    assert stale.status_code == 401
    await machine_token(machine, client_id, new_secret)


async def test_rotation_with_overlap_keeps_the_old_secret_for_a_while(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    admin = clients()
    await login(admin, ADMIN)
    created = await create_client(admin)
    client_id, old_secret = created["koppeling"]["clientId"], str(created["clientSecret"])  # type: ignore[index]
    rotated = await admin.post(
        f"/api/v1/koppelingen/{client_id}/geheimen", json={"overlapUren": 24}
    )
    assert rotated.status_code == 201
    secrets = rotated.json()["koppeling"]["geheimen"]
    assert secrets[0]["verlooptOp"] is not None
    assert secrets[0]["ingetrokkenOp"] is None
    await machine_token(clients(), client_id, old_secret)
    bad = await admin.post(f"/api/v1/koppelingen/{client_id}/geheimen", json={"overlapUren": 100})
    assert bad.status_code == 400


async def test_revoking_a_client_stops_its_tokens_at_once(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    admin, machine = clients(), clients()
    await login(admin, ADMIN)
    created = await create_client(admin)
    client_id, secret = created["koppeling"]["clientId"], str(created["clientSecret"])  # type: ignore[index]
    token = await machine_token(machine, client_id, secret)
    assert (
        await admin.patch(f"/api/v1/koppelingen/{client_id}", json={"actief": False})
    ).status_code == 200
    response = await machine.get(
        "/api/v1/maatregelen", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200, "public reads stay public"
    protected = await machine.get(
        "/api/v1/gemeenten/GM0344/contactpersonen", headers={"Authorization": f"Bearer {token}"}
    )
    assert protected.status_code == 401
    again = await machine.post(
        "/api/v1/oauth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )
    assert again.status_code == 401


async def test_client_rules(clients: Callable[[], httpx.AsyncClient]) -> None:
    admin = clients()
    await login(admin, ADMIN)
    script_without_municipality = await admin.post(
        "/api/v1/koppelingen", json={"naam": "s", "soort": "script", "scopes": ["producten:lezen"]}
    )
    assert script_without_municipality.status_code == 400
    reasons = {p["name"] for p in script_without_municipality.json()["invalidParams"]}
    assert reasons == {"gemeenten", "scopes"}
    partner_without_org = await admin.post(
        "/api/v1/koppelingen", json={"naam": "p", "soort": "partner", "scopes": ["producten:lezen"]}
    )
    assert partner_without_org.status_code == 400
    unknown_scope = await admin.post(
        "/api/v1/koppelingen",
        json={"naam": "p", "soort": "partner", "scopes": ["alles"], "organisatie": "vng"},
    )
    assert unknown_scope.status_code == 400
    script = await create_client(
        admin,
        soort="script",
        scopes=["voortgang:schrijven"],
        gemeenten=["GM0344"],
        organisatie=None,
    )
    assert [g["code"] for g in script["koppeling"]["gemeenten"]] == ["GM0344"]  # type: ignore[index]
