"""Security events land in the audit log, which only admins can read."""

from collections.abc import Callable

import httpx

from tests.auth import ADMIN, EDITOR, PARTNER, UTRECHT, login, machine_token


async def events(admin: httpx.AsyncClient, query: str = "") -> list[dict[str, object]]:
    response = await admin.get(f"/api/v1/audit-gebeurtenissen?paginaGrootte=100{query}")
    assert response.status_code == 200, response.text
    return response.json()["resultaten"]  # type: ignore[no-any-return]


async def test_security_events_are_recorded(clients: Callable[[], httpx.AsyncClient]) -> None:
    admin, editor, anonymous = clients(), clients(), clients()
    await anonymous.post(
        "/api/v1/sessies", json={"email": UTRECHT, "wachtwoord": "fout-wachtwoord"}
    )
    session = await login(editor, EDITOR)
    await editor.post("/api/v1/sessies/huidig/vernieuwing")
    await machine_token(anonymous, PARTNER.client_id, PARTNER.secret)
    await login(admin, ADMIN)
    created = await admin.post(
        "/api/v1/koppelingen",
        json={
            "naam": "Audit",
            "soort": "partner",
            "scopes": ["producten:lezen"],
            "organisatie": "vng",
        },
    )
    editor_id = session["gebruiker"]["id"]  # type: ignore[index]
    await admin.patch(
        f"/api/v1/gebruikers/{editor_id}", json={"rollen": ["redacteur", "beheerder"]}
    )

    log = await events(admin)
    kinds = [e["gebeurtenis"] for e in log]
    for expected in (
        "login.mislukt",
        "login.gelukt",
        "token.vernieuwd",
        "token.uitgegeven",
        "koppeling.aangemaakt",
        "gebruiker.rollen_gewijzigd",
    ):
        assert expected in kinds, expected
    failed = next(e for e in log if e["gebeurtenis"] == "login.mislukt")
    assert failed["uitkomst"] == "geweigerd"
    assert failed["adres"] == "10.1.2.3"
    assert failed["requestId"]
    change = next(e for e in log if e["gebeurtenis"] == "gebruiker.rollen_gewijzigd")
    assert change["onderwerp"] == f"user:{editor_id}"
    assert change["details"] == {
        "rollen": {"van": ["redacteur"], "naar": ["beheerder", "redacteur"]}
    }
    client_event = next(e for e in log if e["gebeurtenis"] == "koppeling.aangemaakt")
    assert client_event["onderwerp"] == f"client:{created.json()['koppeling']['clientId']}"
    assert created.json()["clientSecret"] not in str(log), "secrets never reach the log"


async def test_filters_and_newest_first(clients: Callable[[], httpx.AsyncClient]) -> None:
    admin = clients()
    await login(admin, ADMIN)
    await login(clients(), EDITOR)
    logins = await events(admin, "&gebeurtenis=login.gelukt")
    assert {e["gebeurtenis"] for e in logins} == {"login.gelukt"}
    assert [e["id"] for e in logins] == sorted((e["id"] for e in logins), reverse=True)
    none = await events(admin, "&vanaf=2100-12-31T00:00:00Z")
    assert none == []
    bad = await admin.get("/api/v1/audit-gebeurtenissen?vanaf=gisteren")
    assert bad.status_code == 400


async def test_times_without_a_zone_are_refused(clients: Callable[[], httpx.AsyncClient]) -> None:
    admin = clients()
    await login(admin, ADMIN)
    for value in ("2026-11-28", "2026-11-28T10:00:00"):
        response = await admin.get(f"/api/v1/audit-gebeurtenissen?vanaf={value}")
        assert response.status_code == 400, value
