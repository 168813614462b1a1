"""Input no client should send (NUL bytes, ids of an impossible shape) is refused with a 4xx on
both databases: PostgreSQL rejects a NUL byte in a query, which must not become a 500."""

import httpx
import pytest

TOKEN = "/api/v1/oauth/token"
GRANT = {"grant_type": "client_credentials"}


@pytest.mark.parametrize(
    ("form", "headers"),
    [
        ({**GRANT, "client_id": "ab\x00c", "client_secret": "geheim"}, {}),
        ({**GRANT, "client_id": "x" * 41, "client_secret": "geheim"}, {}),
        (GRANT, {"Authorization": "Basic YWIAYzpnZWhlaW0="}),  # "ab\0c:geheim"
    ],
    ids=["nul-in-form", "too-long", "nul-in-basic"],
)
async def test_impossible_client_ids_are_unknown_clients(
    client: httpx.AsyncClient, form: dict[str, str], headers: dict[str, str]
) -> None:
    response = await client.post(TOKEN, data=form, headers=headers)
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["error"] == "invalid_client"
