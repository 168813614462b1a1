"""How the built SPA and the API's answers travel: hashed assets precompressed and cached for a
year, index.html revalidated, larger JSON and HTML gzipped on the fly."""

import gzip
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from api.core.static import accepted_codings
from api.main import create_app
from tests.auth import EDITOR, login
from tests.conftest import http_client, make_settings
from tests.products.helpers import PDF, create, move, upload

IMMUTABLE = "public, max-age=31536000, immutable"
SCRIPT = b"export const greeting = 'Goedemorgen, gemeente!';\n" * 40
BROTLI = b"brotli bytes as the build wrote them"  # what is on disk is sent, never recompressed
INDEX = (
    b"<!doctype html><html lang='nl'><head><title>Spoorboek</title>"
    b"<script type='module' src='/assets/index-Abc123.js'></script></head>"
    b"<body><div id='root'></div></body></html>"
)


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    dist = tmp_path / "dist"
    assets = dist / "assets"
    assets.mkdir(parents=True)
    (dist / "index.html").write_bytes(INDEX)
    (assets / "index-Abc123.js").write_bytes(SCRIPT)
    (assets / "index-Abc123.js.br").write_bytes(BROTLI)
    (assets / "index-Abc123.js.gz").write_bytes(gzip.compress(SCRIPT))
    (assets / "logo-Def456.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return dist


@pytest.fixture
async def spa_client(
    database_url: str, tmp_path: Path, dist: Path
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(make_settings(database_url, tmp_path, spa_dist=str(dist)))
    async with http_client(app) as client:
        yield client


async def raw_get(
    client: httpx.AsyncClient, url: str, **headers: str
) -> tuple[httpx.Response, bytes]:
    """The response and its body exactly as sent (httpx would otherwise decode it)."""
    async with client.stream("GET", url, headers=headers) as response:
        body = b"".join([chunk async for chunk in response.aiter_raw()])
    return response, body


def assert_cached_asset(response: httpx.Response) -> None:
    assert response.headers["cache-control"] == IMMUTABLE
    assert "accept-encoding" in response.headers["vary"].lower()


async def test_an_asset_is_sent_as_the_brotli_file_to_a_browser_that_accepts_it(
    spa_client: httpx.AsyncClient,
) -> None:
    response, body = await raw_get(
        spa_client, "/assets/index-Abc123.js", **{"Accept-Encoding": "gzip, deflate, br, zstd"}
    )
    assert response.status_code == 200
    assert body == BROTLI
    assert response.headers["content-encoding"] == "br"
    assert response.headers["content-length"] == str(len(BROTLI))
    assert response.headers["content-type"].startswith("text/javascript")
    assert_cached_asset(response)


async def test_an_asset_is_sent_gzipped_when_brotli_is_not_accepted(
    spa_client: httpx.AsyncClient,
) -> None:
    response, body = await raw_get(
        spa_client, "/assets/index-Abc123.js", **{"Accept-Encoding": "br;q=0, gzip"}
    )
    assert response.headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == SCRIPT
    assert response.headers["content-type"].startswith("text/javascript")
    assert_cached_asset(response)


async def test_an_asset_is_sent_as_is_without_accept_encoding(
    spa_client: httpx.AsyncClient,
) -> None:
    response, body = await raw_get(spa_client, "/assets/index-Abc123.js", **{"Accept-Encoding": ""})
    assert body == SCRIPT
    assert "content-encoding" not in response.headers
    assert response.headers["content-type"].startswith("text/javascript")
    assert_cached_asset(response)


async def test_an_asset_without_compressed_copies_is_cached_too(
    spa_client: httpx.AsyncClient,
) -> None:
    response, _ = await raw_get(spa_client, "/assets/logo-Def456.png", **{"Accept-Encoding": "br"})
    assert response.status_code == 200
    assert "content-encoding" not in response.headers
    assert response.headers["content-type"] == "image/png"
    assert response.headers["cache-control"] == IMMUTABLE


async def test_a_compressed_copy_asked_for_by_name_is_not_a_script(
    spa_client: httpx.AsyncClient,
) -> None:
    response, body = await raw_get(
        spa_client, "/assets/index-Abc123.js.br", **{"Accept-Encoding": "br"}
    )
    assert body == BROTLI
    assert response.headers["content-type"] == "application/octet-stream"
    assert "content-encoding" not in response.headers


async def test_an_asset_revalidates_per_encoding(spa_client: httpx.AsyncClient) -> None:
    brotli, _ = await raw_get(spa_client, "/assets/index-Abc123.js", **{"Accept-Encoding": "br"})
    identity, _ = await raw_get(
        spa_client, "/assets/index-Abc123.js", **{"Accept-Encoding": "identity"}
    )
    assert brotli.headers["etag"] != identity.headers["etag"]

    again, body = await raw_get(
        spa_client,
        "/assets/index-Abc123.js",
        **{"Accept-Encoding": "br", "If-None-Match": brotli.headers["etag"]},
    )
    assert again.status_code == 304
    assert body == b""
    assert_cached_asset(again)


async def test_a_missing_asset_is_a_404_that_is_not_cached(spa_client: httpx.AsyncClient) -> None:
    response = await spa_client.get("/assets/index-Gone999.js", headers={"Accept-Encoding": "br"})
    assert response.status_code == 404
    assert response.headers["cache-control"] == "no-store"


async def test_index_html_is_revalidated_on_every_visit(spa_client: httpx.AsyncClient) -> None:
    for path in ("/", "/mijn-gemeente"):
        response = await spa_client.get(path)
        assert response.status_code == 200
        assert response.content == INDEX
        assert response.headers["cache-control"] == "no-cache"
        assert "immutable" not in response.headers["cache-control"]
        assert response.headers["etag"]

    again = await spa_client.get("/", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["cache-control"] == "no-cache"
    # The browser keeps the headers of a 304 for the page it already has: the page's own policy,
    # not the API's default-src 'none', which would block its scripts.
    assert "script-src 'self'" in again.headers["content-security-policy"]


async def test_a_large_json_answer_is_gzipped(client: httpx.AsyncClient) -> None:
    response, body = await raw_get(
        client, "/api/v1/gemeenten?paginaGrootte=100", **{"Accept-Encoding": "gzip"}
    )
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert "accept-encoding" in response.headers["vary"].lower()
    assert len(body) < len(gzip.decompress(body)) / 3
    assert gzip.decompress(body).startswith(b"{")

    # The ETag names the representation's content, whichever coding carried it: still a 304.
    again = await client.get(
        "/api/v1/gemeenten?paginaGrootte=100",
        headers={"Accept-Encoding": "gzip", "If-None-Match": response.headers["etag"]},
    )
    assert again.status_code == 304


async def test_a_small_json_answer_is_sent_as_is(client: httpx.AsyncClient) -> None:
    response, body = await raw_get(client, "/api/v1/health", **{"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert len(body) < 1024
    assert "content-encoding" not in response.headers


async def test_an_uploaded_document_is_sent_as_stored(client: httpx.AsyncClient) -> None:
    """PDF and office files are compressed already: gzipping them again only costs time."""
    await login(client, EDITOR)
    product = await create(client)
    await move(client, product["id"], "in-ontwikkeling")
    document = PDF + b"%" + b"Toelichting bij de maatregel. " * 200 + b"\n"
    uploaded = await upload(client, product["id"], document, "handreiking.pdf")
    assert uploaded.status_code == 201

    response, body = await raw_get(
        client, uploaded.json()["download"], **{"Accept-Encoding": "gzip"}
    )
    assert response.status_code == 200
    assert "content-encoding" not in response.headers
    assert body == document


@pytest.mark.parametrize(
    ("header", "codings"),
    [
        ("", set()),
        ("gzip, deflate, br, zstd", {"gzip", "deflate", "br", "zstd"}),
        ("br;q=0, gzip;q=0.8", {"gzip"}),
        ("*", {"br", "gzip"}),
        ("*;q=0.5, br;q=0", {"gzip"}),
        ("identity", {"identity"}),
        ("BR ; Q=1.0", {"br"}),
        ("gzip;q=nonsense", set()),
    ],
)
def test_accept_encoding_is_read_as_the_rfc_says(header: str, codings: set[str]) -> None:
    assert accepted_codings(header) == codings
