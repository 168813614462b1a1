"""Municipalities (gemeenten), provinces and labour-market regions, through the HTTP API."""

import csv
from collections import Counter
from pathlib import Path

import httpx
import pytest

SEED = Path(__file__).parents[1] / "api" / "seed" / "data" / "municipalities.csv"


def seed_rows() -> list[dict[str, str]]:
    with SEED.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


async def all_pages(client: httpx.AsyncClient, query: str = "") -> list[dict[str, object]]:
    url: str | None = f"/api/v1/gemeenten?paginaGrootte=100{query}"
    found: list[dict[str, object]] = []
    while url:
        response = await client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        found += body["resultaten"]
        url = body["_links"]["next"]["href"] if body["_links"]["next"] else None
    return found


async def test_all_342_municipalities_by_following_next_links(client: httpx.AsyncClient) -> None:
    municipalities = await all_pages(client)
    assert len(municipalities) == 342
    assert len({m["code"] for m in municipalities}) == 342
    names = [m["naam"] for m in municipalities]
    assert names[0] == "Aa en Hunze"
    assert names.index("'s-Gravenhage") > names.index("Rotterdam")


async def test_one_municipality(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/gemeenten/GM0363")
    body = response.json()
    assert body["naam"] == "Amsterdam"
    assert body["provincie"] == {"code": "PV27", "naam": "Noord-Holland"}
    assert body["inwoners"] == 931298
    assert body["peildatumInwoners"] == "2024-01-01"


async def test_filter_by_province_and_region(client: httpx.AsyncClient) -> None:
    rows = seed_rows()
    in_province = sorted(r["code"] for r in rows if r["province_code"] == "PV26")
    found = await all_pages(client, "&provincie=PV26")
    assert sorted(m["code"] for m in found) == in_province
    in_region = sorted(r["code"] for r in rows if r["labour_market_region_code"] == "AM01")
    found = await all_pages(client, "&arbeidsmarktregio=AM01&provincie=PV20")
    assert sorted(m["code"] for m in found) == sorted(
        r["code"] for r in rows if r["code"] in in_region and r["province_code"] == "PV20"
    )


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("sudwest", "Súdwest-Fryslân"),
        ("'S-GRAVEN", "'s-Gravenhage"),
        ("fryslân", "Súdwest-Fryslân"),
    ],
)
async def test_search_ignores_case_and_accents(
    client: httpx.AsyncClient, term: str, expected: str
) -> None:
    names = [m["naam"] for m in await all_pages(client, f"&zoek={term}")]
    assert expected in names


async def test_sort_by_population(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/v1/gemeenten?sorteer=-inwoners&paginaGrootte=3")).json()
    assert [m["naam"] for m in body["resultaten"]] == ["Amsterdam", "Rotterdam", "'s-Gravenhage"]


@pytest.mark.parametrize("code", ["GM036", "gm0363", "GM03630", "0363"])
async def test_malformed_code_is_400(client: httpx.AsyncClient, code: str) -> None:
    response = await client.get(f"/api/v1/gemeenten/{code}")
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


async def test_unknown_code_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/gemeenten/GM9999")
    assert response.status_code == 404
    assert "GM9999" in response.json()["detail"]


async def test_unknown_province_and_region_filters_are_400(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/gemeenten?provincie=PV99&arbeidsmarktregio=AM99")
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {
        "provincie",
        "arbeidsmarktregio",
    }


async def test_provinces_add_up_to_the_country(client: httpx.AsyncClient) -> None:
    provinces = (await client.get("/api/v1/provincies")).json()["resultaten"]
    rows = seed_rows()
    expected = Counter(r["province_code"] for r in rows)
    assert {p["code"]: p["aantalGemeenten"] for p in provinces} == dict(expected)
    assert sum(p["inwoners"] for p in provinces) == 17_942_942
    one = (await client.get("/api/v1/provincies/PV25")).json()
    assert one["naam"] == "Gelderland"
    assert (await client.get("/api/v1/provincies/PV99")).status_code == 404


async def test_labour_market_regions(client: httpx.AsyncClient) -> None:
    regions = (await client.get("/api/v1/arbeidsmarktregios")).json()["resultaten"]
    assert len(regions) == 35
    assert sum(r["aantalGemeenten"] for r in regions) == 342
    assert (await client.get("/api/v1/arbeidsmarktregios/AM01")).json()["naam"] == "Groningen"
    assert (await client.get("/api/v1/arbeidsmarktregios/XX01")).status_code == 400
