"""Forged, altered and stale access tokens are refused with 401 problem+json."""

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from jose import jwt
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import SigningKeyRow
from api.core.tokens import generate_signing_key, signing_key_from_pem
from tests.auth import ADMIN, EDITOR, login, signed_as_the_server

PROTECTED = "/api/v1/mijn-account"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unverified(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    header, payload, _ = token.split(".")
    pad = lambda part: part + "=" * (-len(part) % 4)  # noqa: E731
    return (
        json.loads(base64.urlsafe_b64decode(pad(header))),
        json.loads(base64.urlsafe_b64decode(pad(payload))),
    )


def segments(header: dict[str, Any], payload: dict[str, Any]) -> str:
    return f"{b64(json.dumps(header).encode())}.{b64(json.dumps(payload).encode())}"


def unsigned(header: dict[str, Any], payload: dict[str, Any], signature: bytes = b"") -> str:
    return f"{segments(header, payload)}.{b64(signature)}"


async def refused(client: httpx.AsyncClient, token: str) -> None:
    response = await client.get(PROTECTED, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.fixture
async def genuine(client: httpx.AsyncClient) -> str:
    await login(client, EDITOR)
    token = client.cookies.get("spoorboek_sessie")
    assert token
    client.cookies.clear()
    ok = await client.get(PROTECTED, headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200, "the genuine token must work, or the refusals prove nothing"
    return token


async def test_alg_none_is_refused(client: httpx.AsyncClient, genuine: str) -> None:
    header, payload = unverified(genuine)
    await refused(client, unsigned({**header, "alg": "none"}, payload))
    await refused(client, unsigned({**header, "alg": "None"}, payload))


async def test_a_token_signed_with_another_key_is_refused(
    client: httpx.AsyncClient, genuine: str
) -> None:
    header, payload = unverified(genuine)
    other = generate_signing_key()
    forged = jwt.encode(
        payload, other.private_pem, algorithm="RS256", headers={"kid": header["kid"]}
    )
    await refused(client, forged)


async def test_hs256_with_the_public_key_as_secret_is_refused(
    client: httpx.AsyncClient, genuine: str, db: Session
) -> None:
    header, payload = unverified(genuine)
    row = db.scalars(select(SigningKeyRow).where(SigningKeyRow.kid == header["kid"])).one()
    public_pem = signing_key_from_pem(row.private_pem, row.kid).public_pem.encode()
    signing_input = segments({**header, "alg": "HS256"}, payload)
    signature = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
    await refused(client, f"{signing_input}.{b64(signature)}")


@pytest.mark.parametrize(
    ("claim", "value"),
    [
        ("exp", int(time.time()) - 60),
        ("aud", "een-andere-api"),
        ("iss", "een-andere-uitgever"),
        ("roles", ["beheerder"]),
        ("sub", "user:1"),
    ],
)
async def test_tampered_claims_break_the_signature(
    client: httpx.AsyncClient, genuine: str, claim: str, value: object
) -> None:
    header, payload = unverified(genuine)
    _, _, signature = genuine.split(".")
    tampered = f"{segments(header, {**payload, claim: value})}.{signature}"
    await refused(client, tampered)


async def test_validly_signed_but_expired_wrong_audience_or_issuer(
    client: httpx.AsyncClient, genuine: str, db: Session
) -> None:
    header, payload = unverified(genuine)
    for change in (
        {"exp": int(time.time()) - 5},
        {"aud": "andere-api"},
        {"iss": "andere-uitgever"},
    ):
        await refused(client, signed_as_the_server(db, header["kid"], {**payload, **change}))
    still_good = signed_as_the_server(db, header["kid"], payload)
    ok = await client.get(PROTECTED, headers={"Authorization": f"Bearer {still_good}"})
    assert ok.status_code == 200


@pytest.mark.parametrize("token", ["", "abc", "a.b.c", "Basic dXNlcjpwdw=="])
async def test_garbage_is_refused(client: httpx.AsyncClient, token: str) -> None:
    response = await client.get(PROTECTED, headers={"Authorization": f"Bearer {token}".strip()})
    assert response.status_code == 401
    basic = await client.get(PROTECTED, headers={"Authorization": "Basic dXNlcjpwdw=="})
    assert basic.status_code == 401


async def test_role_claim_is_not_trusted_even_when_signed(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    """Rights come from the database: a (hypothetically) signed admin claim grants nothing."""
    editor = clients()
    await login(editor, EDITOR)
    token = editor.cookies.get("spoorboek_sessie") or ""
    header, payload = unverified(token)
    promoted = signed_as_the_server(db, header["kid"], {**payload, "roles": ["beheerder"]})
    response = await clients().get(
        "/api/v1/gebruikers", headers={"Authorization": f"Bearer {promoted}"}
    )
    assert response.status_code == 403
    admin = clients()
    await login(admin, ADMIN)
    assert (await admin.get("/api/v1/gebruikers")).status_code == 200
