"""The matrix for the heat map, peers of similar size, and map data."""

from collections.abc import Callable

import httpx

from tests.auth import EDITOR, UTRECHT, login


async def test_matrix_for_the_programme_team(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor, contact = clients(), clients()
    await login(editor, EDITOR)
    await login(contact, UTRECHT)
    assert (await contact.get("/api/v1/voortgang/matrix")).status_code == 403
    full = (await editor.get("/api/v1/voortgang/matrix")).json()
    assert len(full["maatregelen"]) == 23
    assert len(full["gemeenten"]) == 342
    assert all(len(r["fasen"]) == 23 == len(r["verkeerslichten"]) for r in full["gemeenten"])
    utrecht = (await editor.get("/api/v1/voortgang/matrix?provincie=PV26&fase=2")).json()
    assert [m["code"] for m in utrecht["maatregelen"]] == ["M13", "M14"]
    assert len(utrecht["gemeenten"]) == 26
    own = (await contact.get("/api/v1/gemeenten/GM0344/voortgang")).json()["resultaten"]
    row = next(r for r in full["gemeenten"] if r["gemeente"]["code"] == "GM0344")
    assert row["fasen"] == [c["fase"] for c in own]


async def test_comparison_with_peers(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/v1/gemeenten/GM0344/vergelijking")).json()
    assert body["gemeente"]["naam"] == "Utrecht"
    assert len(body["vergelijkbaar"]) == 10
    assert "GM0344" not in [p["code"] for p in body["vergelijkbaar"]]
    assert [f["groep"]["code"] for f in body["cijfers"]] == [
        "GM0344",
        "vergelijkbaar",
        "PV26",
        "AM20",
        "NL",
    ] or next(f["groep"]["code"] for f in body["cijfers"]) == "GM0344"
    assert body["cijfers"][0]["cellen"] == 23
    assert body["cijfers"][-1]["cellen"] == 342 * 23
    assert "notitie" not in str(body)
    assert (await client.get("/api/v1/gemeenten/GM9999/vergelijking")).status_code == 404


async def test_map_data_is_geojson_with_values(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/api/v1/kaart/gemeenten?indicator=aandeel-geimplementeerd&fase=1",
        headers={"Accept": "application/geo+json"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 342
    assert "CC BY 4.0" in data["bron"]
    utrecht = next(f for f in data["features"] if f["properties"]["code"] == "GM0344")
    assert 0 <= utrecht["properties"]["waarde"] <= 1
    again = await client.get(
        "/api/v1/kaart/gemeenten?indicator=aandeel-geimplementeerd&fase=1",
        headers={"If-None-Match": response.headers["etag"]},
    )
    assert again.status_code == 304
    assert (await client.get("/api/v1/kaart/gemeenten?indicator=mooi")).status_code == 400
