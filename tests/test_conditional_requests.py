"""ETag and If-None-Match on reads: a client that has the current representation gets 304."""

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from api.core.settings import API_VERSION
from api.measures.models import Measure


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/maatregelen",
        "/api/v1/maatregelen/M01",
        "/api/v1/fasen",
        "/api/v1/gemeenten?provincie=PV23",
        "/api/v1/provincies",
        "/api/v1/organisaties",
    ],
)
async def test_if_none_match_gives_304(client: httpx.AsyncClient, path: str) -> None:
    first = await client.get(path)
    etag = first.headers["etag"]
    assert etag.startswith('"')
    again = await client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["api-version"] == API_VERSION
    weak = await client.get(path, headers={"If-None-Match": f'"other", W/{etag}'})
    assert weak.status_code == 304
    stale = await client.get(path, headers={"If-None-Match": '"stale"'})
    assert stale.status_code == 200


async def test_etag_changes_with_the_data(client: httpx.AsyncClient, db: Session) -> None:
    before = (await client.get("/api/v1/maatregelen/M05")).headers["etag"]
    db.execute(update(Measure).where(Measure.code == "M05").values(title="Gewijzigde titel"))
    db.flush()
    after = await client.get("/api/v1/maatregelen/M05", headers={"If-None-Match": before})
    assert after.status_code == 200
    assert after.headers["etag"] != before


async def test_public_data_may_be_shared_by_a_proxy_for_a_minute(client: httpx.AsyncClient) -> None:
    # A browser revalidates every time; a reverse proxy or CDN may answer for 60 s and serve
    # its copy while it revalidates, so a spike never reaches the workers all at once.
    for path in ("/api/v1/themas", "/api/v1/voortgang/overzicht", "/api/v1/kaart/waarden"):
        response = await client.get(path)
        assert response.status_code == 200, path
        directives = {d.strip() for d in response.headers["cache-control"].split(",")}
        assert directives == {
            "public",
            "max-age=0",
            "must-revalidate",
            "s-maxage=60",
            "stale-while-revalidate=300",
        }, path
    assert (await client.get("/api/v1/health")).headers["cache-control"] == "no-store"
