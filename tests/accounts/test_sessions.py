"""Logging in and out, refresh-token rotation, CSRF, and deactivation ending sessions at once."""

from collections.abc import Callable

import httpx

from api.seed.demo_accounts import DEMO_PASSWORD
from tests.auth import ADMIN, EDITOR, UTRECHT, login


def cookie_attributes(response: httpx.Response, name: str) -> str:
    for header in response.headers.get_list("set-cookie"):
        if header.startswith(f"{name}="):
            return header.lower()
    raise AssertionError(f"no cookie {name}")


async def test_login_sets_secure_httponly_strict_cookies(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/sessies", json={"email": UTRECHT, "wachtwoord": DEMO_PASSWORD}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["gebruiker"]["email"] == UTRECHT
    assert body["gebruiker"]["rollen"] == ["gemeente"]
    assert [g["code"] for g in body["gebruiker"]["gemeenten"]] == ["GM0344"]
    assert "access_token" not in response.text
    for name in ("spoorboek_sessie", "spoorboek_vernieuwing"):
        attributes = cookie_attributes(response, name)
        assert "httponly" in attributes
        assert "secure" in attributes
        assert "samesite=strict" in attributes
    csrf = cookie_attributes(response, "spoorboek_csrf")
    assert "httponly" not in csrf
    assert body["csrfToken"].lower() in csrf


async def test_who_am_i_and_logout(client: httpx.AsyncClient) -> None:
    await login(client, EDITOR)
    me = await client.get("/api/v1/sessies/huidig")
    assert me.status_code == 200
    assert me.json()["gebruiker"]["rollen"] == ["redacteur"]
    out = await client.delete("/api/v1/sessies/huidig")
    assert out.status_code == 204
    after = await client.get("/api/v1/sessies/huidig")
    assert after.status_code == 401
    assert after.headers["content-type"] == "application/problem+json"


async def test_a_copied_access_token_stops_working_after_logout(
    client: httpx.AsyncClient, clients: Callable[[], httpx.AsyncClient]
) -> None:
    await login(client, EDITOR)
    stolen = client.cookies.get("spoorboek_sessie")
    assert stolen
    await client.delete("/api/v1/sessies/huidig")
    thief = clients()
    response = await thief.get(
        "/api/v1/sessies/huidig", headers={"Authorization": f"Bearer {stolen}"}
    )
    assert response.status_code == 401


async def test_unknown_email_and_wrong_password_look_the_same(client: httpx.AsyncClient) -> None:
    wrong = await client.post(
        "/api/v1/sessies", json={"email": UTRECHT, "wachtwoord": "niet-het-wachtwoord"}
    )
    unknown = await client.post(
        "/api/v1/sessies",
        json={"email": "niemand@demo.spoorboek.example", "wachtwoord": "niet-het-wachtwoord"},
    )
    assert wrong.status_code == unknown.status_code == 401
    strip = lambda r: {k: v for k, v in r.json().items() if k != "instance"}  # noqa: E731
    assert strip(wrong) == strip(unknown)
    assert wrong.json()["detail"] == "E-mailadres of wachtwoord onjuist."


async def test_email_is_case_insensitive(client: httpx.AsyncClient) -> None:
    await login(client, UTRECHT.upper())


async def test_unsafe_requests_with_the_cookie_need_the_csrf_header(
    client: httpx.AsyncClient,
) -> None:
    await login(client, UTRECHT)
    token = client.headers.pop("X-CSRF-Token")
    missing = await client.patch("/api/v1/mijn-account", json={"naam": "Ulla"})
    assert missing.status_code == 403
    assert "CSRF" in missing.json()["detail"]
    wrong = await client.patch(
        "/api/v1/mijn-account", json={"naam": "Ulla"}, headers={"X-CSRF-Token": "x" * 20}
    )
    assert wrong.status_code == 403
    right = await client.patch(
        "/api/v1/mijn-account", json={"naam": "Ulla"}, headers={"X-CSRF-Token": token}
    )
    assert right.status_code == 200
    assert right.json()["naam"] == "Ulla"


async def test_refresh_rotates_and_reuse_ends_the_session(
    client: httpx.AsyncClient, clients: Callable[[], httpx.AsyncClient]
) -> None:
    await login(client, EDITOR)
    first_refresh = client.cookies.get("spoorboek_vernieuwing", path="/api/v1/sessies")
    rotated = await client.post("/api/v1/sessies/huidig/vernieuwing")
    assert rotated.status_code == 200
    second_refresh = client.cookies.get("spoorboek_vernieuwing", path="/api/v1/sessies")
    assert second_refresh != first_refresh
    client.headers["X-CSRF-Token"] = rotated.json()["csrfToken"]
    assert (await client.get("/api/v1/sessies/huidig")).status_code == 200

    # A thief replaying the rotated token ends the whole family, the owner's session too.
    thief = clients()
    thief.cookies.set("spoorboek_vernieuwing", first_refresh or "", path="/api/v1/sessies")
    thief.cookies.set("spoorboek_csrf", "thief-csrf-token-1234")
    thief.headers["X-CSRF-Token"] = "thief-csrf-token-1234"
    replay = await thief.post("/api/v1/sessies/huidig/vernieuwing")
    assert replay.status_code == 401
    after = await client.post("/api/v1/sessies/huidig/vernieuwing")
    assert after.status_code == 401
    assert (await client.get("/api/v1/sessies/huidig")).status_code == 401


async def test_refresh_without_or_with_a_made_up_token(client: httpx.AsyncClient) -> None:
    client.cookies.set("spoorboek_csrf", "abcdefghijklmnop")
    client.headers["X-CSRF-Token"] = "abcdefghijklmnop"
    assert (await client.post("/api/v1/sessies/huidig/vernieuwing")).status_code == 401
    client.cookies.set("spoorboek_vernieuwing", "verzonnen-token", path="/api/v1/sessies")
    assert (await client.post("/api/v1/sessies/huidig/vernieuwing")).status_code == 401


async def test_deactivating_a_user_ends_their_sessions_at_once(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    admin, contact = clients(), clients()
    await login(admin, ADMIN)
    me = await login(contact, UTRECHT)
    assert (await contact.get("/api/v1/mijn-account")).status_code == 200
    user_id = me["gebruiker"]["id"]  # type: ignore[index]
    response = await admin.patch(f"/api/v1/gebruikers/{user_id}", json={"actief": False})
    assert response.status_code == 200
    assert response.json()["actief"] is False
    assert (await contact.get("/api/v1/mijn-account")).status_code == 401
    assert (await contact.post("/api/v1/sessies/huidig/vernieuwing")).status_code == 401
    again = await contact.post(
        "/api/v1/sessies", json={"email": UTRECHT, "wachtwoord": DEMO_PASSWORD}
    )
    assert again.status_code == 401


async def test_login_body_is_validated(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/sessies", json={"email": "geen-adres", "extra": 1})
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"email", "wachtwoord", "extra"}
    not_json = await client.post(
        "/api/v1/sessies", content=b"{", headers={"content-type": "application/json"}
    )
    assert not_json.status_code == 400
