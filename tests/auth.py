"""Helpers for tests that log in: people through the session endpoint, machines through the
OAuth token endpoint, and reading the mail the outbox wrote."""

import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest
from jose import jwt
from jose.backends.base import Key
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import SigningKeyRow
from api.core.tokens import signing_key_from_pem
from api.mail import service as outbox
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


_signers: dict[str, Key] = {}
_OWN_KID = object()


def signed_as_the_server(
    db: Session, kid: str, payload: dict[str, object], *, header_kid: object = _OWN_KID
) -> str:
    """`payload` signed with the server's own key `kid`: a genuine signature over whatever
    claims a test wants refused. `header_kid` puts another key id in the header. The key is
    parsed once per run: given a PEM, the JWT library parses and checks the RSA key again for
    every token, which cost more than the rest of such a test."""
    if kid not in _signers:
        row = db.scalars(select(SigningKeyRow).where(SigningKeyRow.kid == kid)).one()
        _signers[kid] = signing_key_from_pem(row.private_pem, row.kid).signer
    headers = {"kid": kid if header_kid is _OWN_KID else header_kid}
    return jwt.encode(payload, _signers[kid], algorithm="RS256", headers=headers)


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


def mail_fails_at(monkeypatch: pytest.MonkeyPatch, call: int) -> None:
    """From now on, the `call`-th mail put in the outbox fails as a lost connection would: the
    test of a send that stops halfway and is taken up again."""
    calls = 0
    real_send = outbox.send

    def send(*args: object, **kwargs: object) -> int:
        nonlocal calls
        calls += 1
        if calls == call:
            raise RuntimeError("de verbinding viel weg")
        return real_send(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(outbox, "send", send)
