"""Cross-cutting HTTP behaviour required by the NL GOV API Design Rules, on every response."""

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session

from api.core.db import get_session
from api.core.logging import JsonFormatter
from api.core.settings import API_VERSION
from api.main import create_app
from tests.conftest import api_of, make_settings

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "strict-transport-security": "max-age=31536000; includeSubDomains",
}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/v1/maatregelen", 200),
        ("GET", "/api/v1/maatregelen/M77", 404),
        ("GET", "/api/v1/maatregelen?paginaGrootte=0", 400),
        ("DELETE", "/api/v1/maatregelen/M01", 405),
        ("GET", "/api/v1/bestaat-niet", 404),
        ("GET", "/api/v2/maatregelen", 404),
    ],
)
async def test_every_response_has_version_and_security_headers(
    client: httpx.AsyncClient, method: str, path: str, status: int
) -> None:
    response = await client.request(method, path)
    assert response.status_code == status
    assert response.headers["api-version"] == API_VERSION
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"]
    if status >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == status
        assert problem["title"]
        assert problem["detail"]


@pytest.mark.parametrize(
    "path", ["/api/v1/maatregelen/", "/api/v1/gemeenten/GM0363/", "/api/v1/fasen/"]
)
async def test_trailing_slash_is_404_not_a_redirect(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert "location" not in response.headers


async def test_wrong_method_is_405_with_allow(client: httpx.AsyncClient) -> None:
    response = await client.put("/api/v1/maatregelen/M01", json={"titel": "x"})
    assert response.status_code == 405
    assert "GET" in response.headers["allow"]


async def test_unacceptable_media_type_is_406(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/maatregelen", headers={"Accept": "text/html"})
    assert response.status_code == 406
    assert response.headers["content-type"] == "application/problem+json"
    ok = await client.get(
        "/api/v1/maatregelen", headers={"Accept": "text/html, application/json;q=0.5"}
    )
    assert ok.status_code == 200
    refused = await client.get("/api/v1/maatregelen", headers={"Accept": "application/json;q=0"})
    assert refused.status_code == 406


async def test_unsupported_body_type_is_415(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/maatregelen", content=b"<x/>", headers={"Content-Type": "application/xml"}
    )
    assert response.status_code == 415
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["api-version"] == API_VERSION
    assert "application/xml" in response.json()["detail"]


async def test_request_id_is_echoed_or_made(client: httpx.AsyncClient) -> None:
    given = await client.get("/api/v1/fasen", headers={"X-Request-ID": "abc-12345678"})
    assert given.headers["x-request-id"] == "abc-12345678"
    made = await client.get("/api/v1/fasen", headers={"X-Request-ID": "bad id\n"})
    assert made.headers["x-request-id"] != "bad id\n"
    assert len(made.headers["x-request-id"]) == 36
    problem = (await client.get("/api/v1/maatregelen/M99")).json()
    assert problem["instance"].startswith("urn:spoorboek:verzoek:")


async def test_unexpected_error_is_500_without_internals(app: FastAPI) -> None:

    def broken_session() -> Iterator[Session]:
        raise RuntimeError("secret connection string postgres://user:hunter2@db")
        yield  # pragma: no cover

    api_of(app).dependency_overrides[get_session] = broken_session
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.get("/api/v1/maatregelen", headers={"X-Request-ID": "req-00000001"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["api-version"] == API_VERSION
    assert "hunter2" not in response.text
    assert "Traceback" not in response.text
    assert response.json()["instance"] == "urn:spoorboek:verzoek:req-00000001"


@pytest.fixture
def cors_app(database_url: str, tmp_path: Path) -> FastAPI:
    return create_app(
        make_settings(database_url, tmp_path, cors_origins="https://gemeente.example")
    )


async def test_cors_allowlist_echoes_only_allowed_origins(cors_app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=cors_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        allowed = await client.get("/api/v1/health", headers={"Origin": "https://gemeente.example"})
        other = await client.get("/api/v1/health", headers={"Origin": "https://evil.example"})
        preflight = await client.options(
            "/api/v1/maatregelen",
            headers={
                "Origin": "https://gemeente.example",
                "Access-Control-Request-Method": "GET",
            },
        )
        contract = await client.get("/api/v1/openapi.json", headers={"Origin": "https://x.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://gemeente.example"
    assert "access-control-allow-origin" not in other.headers
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://gemeente.example"
    assert "GET" in preflight.headers["access-control-allow-methods"]
    assert "api-version" in allowed.headers["access-control-expose-headers"].lower()
    assert contract.headers["access-control-allow-origin"] == "*"


async def test_api_root_links_to_every_collection(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/v1/")).json()
    for name, link in body["links"].items():
        response = await client.get(link["href"])
        assert response.status_code == 200, name


async def test_spa_fallback_when_not_built(client: httpx.AsyncClient) -> None:
    response = await client.get("/maatregelen")
    assert response.status_code == 503
    assert "make run" in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]


async def test_access_log_is_structured_with_request_id(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO", logger="spoorboek.access"):
        await client.get("/api/v1/maatregelen/M99", headers={"X-Request-ID": "log-test-0001"})
    [record] = [r for r in caplog.records if r.name == "spoorboek.access"]
    assert record.__dict__["request_id"] == "log-test-0001"
    assert record.__dict__["status"] == 404
    assert record.__dict__["path"] == "/api/v1/maatregelen/M99"
    assert record.__dict__["duration_ms"] >= 0


def test_log_lines_are_json() -> None:
    record = logging.LogRecord("spoorboek.access", logging.INFO, __file__, 1, "request", None, None)
    record.request_id = "abc"
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "request"
    assert line["request_id"] == "abc"
    assert line["level"] == "info"


async def test_request_bodies_have_a_size_limit(client: httpx.AsyncClient) -> None:
    huge = b'{"email": "' + b"a" * 5_000_000 + b'"}'
    response = await client.post(
        "/api/v1/sessies", content=huge, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


async def test_chunked_bodies_are_counted_too(client: httpx.AsyncClient) -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(80):
            yield b"a" * 65_536

    response = await client.post(
        "/api/v1/sessies", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
