"""Tokens signed with the real key but with claims of the wrong type, out of range, or missing
are refused with 401 problem+json: never a 500, never accepted."""

from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from tests.accounts.test_token_attacks import PROTECTED, refused, unverified
from tests.auth import EDITOR, SCRIPT, login, machine_token, signed_as_the_server

PROGRESS = "/api/v1/gemeenten/GM0344/voortgang"


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()


def resign(db: Session, token: str, changes: dict[str, Any]) -> str:
    header, payload = unverified(token)
    for claim, value in changes.items():
        if value is MISSING:
            payload.pop(claim, None)
        else:
            payload[claim] = value
    return signed_as_the_server(db, header["kid"], payload)


@pytest.fixture
async def person_token(client: httpx.AsyncClient) -> str:
    await login(client, EDITOR)
    token = client.cookies.get("spoorboek_sessie")
    assert token
    client.cookies.clear()
    return token


@pytest.fixture
async def client_token(client: httpx.AsyncClient) -> str:
    return await machine_token(client, SCRIPT.client_id, SCRIPT.secret)


async def accepted(client: httpx.AsyncClient, path: str, token: str) -> None:
    response = await client.get(path, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text


COMMON_CHANGES = [
    {"aud": MISSING},
    {"aud": "een-andere-api"},
    {"aud": ["een-andere-api"]},
    {"aud": 7},
    {"iss": MISSING},
    {"iss": 7},
    {"exp": "morgen"},
    {"exp": [1]},
    {"iat": "vandaag"},
    {"iat": MISSING},
    {"nbf": "gisteren"},
    {"sub": MISSING},
    {"sub": 7},
    {"sub": ["user:1"]},
    {"sub": None},
    {"typ": ["access", "client"]},
    {"typ": MISSING},
]


@pytest.mark.parametrize("changes", COMMON_CHANGES, ids=repr)
async def test_person_token_with_bad_standard_claims_is_refused(
    client: httpx.AsyncClient, db: Session, person_token: str, changes: dict[str, Any]
) -> None:
    await accepted(client, PROTECTED, resign(db, person_token, {}))
    await refused(client, resign(db, person_token, changes))


@pytest.mark.parametrize(
    "changes",
    [
        {"sid": MISSING},
        {"sid": 12},
        {"sid": {"id": "x"}},
        {"sid": "abc\x00def"},
        {"sid": "x" * 5000},
        {"sub": "user:abc"},
        {"sub": "user:"},
        {"sub": "user:-1"},
        {"sub": "user:99999999999999999999"},
        {"sub": "user:1\x00"},
        {"roles": "beheerder"},
    ],
    ids=repr,
)
async def test_person_token_with_bad_own_claims_is_refused(
    client: httpx.AsyncClient, db: Session, person_token: str, changes: dict[str, Any]
) -> None:
    await refused(client, resign(db, person_token, changes))


@pytest.mark.parametrize("changes", COMMON_CHANGES, ids=repr)
async def test_client_token_with_bad_standard_claims_is_refused(
    client: httpx.AsyncClient, db: Session, client_token: str, changes: dict[str, Any]
) -> None:
    await accepted(client, PROGRESS, resign(db, client_token, {}))
    await refused(client, resign(db, client_token, changes))


@pytest.mark.parametrize(
    "changes",
    [
        {"sec": "abc"},
        {"sec": "1"},
        {"sec": [1]},
        {"sec": {"id": 1}},
        {"sec": None},
        {"sec": True},
        {"sec": 1.5},
        {"sec": 99999999999999999999},
        {"sec": -1},
        {"sec": MISSING},
        {"scope": 5},
        {"scope": ["voortgang:lezen"]},
        {"sub": "client:"},
        {"sub": "client:abc\x00"},
        {"sub": "client:" + "x" * 5000},
    ],
    ids=repr,
)
async def test_client_token_with_bad_own_claims_is_refused(
    client: httpx.AsyncClient, db: Session, client_token: str, changes: dict[str, Any]
) -> None:
    await refused(client, resign(db, client_token, changes))


@pytest.mark.parametrize("kid", [7, None, ["x"], "", "x\x00"], ids=repr)
async def test_bad_key_ids_are_refused(
    client: httpx.AsyncClient, db: Session, person_token: str, kid: object
) -> None:
    header, payload = unverified(person_token)
    forged = signed_as_the_server(db, header["kid"], payload, header_kid=kid)
    await refused(client, forged)
