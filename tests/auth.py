"""Helpers for tests that log in: people through the session endpoint, machines through the
OAuth token endpoint, and reading the mail the outbox wrote."""

import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import httpx

from api.seed.demo_accounts import DEMO_CLIENTS, DEMO_PASSWORD

ADMIN = "beheerder@demo.spoorboek.example"
EDITOR = "redacteur@demo.spoorboek.example"
UTRECHT = "utrecht@demo.spoorboek.example"
BOLLENSTREEK = "bollenstreek@demo.spoorboek.example"
STIMULANSZ = "expert.stimulansz@demo.spoorboek.example"
DIVOSA = "expert.divosa@demo.spoorboek.example"
PARTNER = DEMO_CLIENTS[0]
SCRIPT = DEMO_CLIENTS[1]


async def login(
    client: httpx.AsyncClient, email: str, password: str = DEMO_PASSWORD, code: str | None = None
) -> dict[str, object]:
    body: dict[str, object] = {"email": email, "wachtwoord": password}
    if code:
        body["code"] = code
    response = await client.post("/api/v1/sessies", json=body)
    assert response.status_code == 201, response.text
    client.headers["X-CSRF-Token"] = response.json()["csrfToken"]
    return response.json()  # type: ignore[no-any-return]


async def machine_token(
    client: httpx.AsyncClient, client_id: str, secret: str, scope: str | None = None
) -> str:
    form = {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}
    if scope:
        form["scope"] = scope
    response = await client.post("/api/v1/oauth/token", data=form)
    assert response.status_code == 200, response.text
    return response.json()["access_token"]  # type: ignore[no-any-return]


def mails(folder: Path) -> list[EmailMessage]:
    if not folder.exists():
        return []
    return [
        message_from_bytes(path.read_bytes(), policy=policy.default)  # type: ignore[misc]
        for path in sorted(folder.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
    ]


def link_token(message: EmailMessage) -> str:
    match = re.search(r"#token=([A-Za-z0-9_-]+)", message.get_content())
    assert match, message.get_content()
    return match.group(1)
