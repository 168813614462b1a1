"""The public dashboard, the deficit trend, and the figures as open data (CSV, CC BY 4.0)."""

import csv
import io
from datetime import date

import httpx

from api.dashboard.service import month_ends
from tests.auth import UTRECHT, login
from tests.progress.helpers import move_utrechts_m20


def _csv(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert "creativecommons.org/licenses/by/4.0" in response.headers["link"]
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_month_ends_run_back_a_year_oldest_first() -> None:
    ends = month_ends(date(2026, 3, 15), 12)
    assert ends[0] == date(2025, 3, 31)
    assert ends[-1] == date(2026, 2, 28)
    assert len(ends) == 12


async def test_the_dashboard_shows_waves_progress_and_publications(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/api/v1/dashboard")
    assert response.status_code == 200, response.text
    body = response.json()
    today = date.fromisoformat(body["peildatum"])
    waves = body["fasen"]
    assert [w["nummer"] for w in waves] == sorted(w["nummer"] for w in waves)
    for wave in waves:
        assert wave["dagenTotIngang"] == (date.fromisoformat(wave["ingangsdatum"]) - today).days
    future = [date.fromisoformat(w["ingangsdatum"]) for w in waves if w["dagenTotIngang"] > 0]
    assert body["volgendeIngangsdatum"] == (min(future).isoformat() if future else None)
    assert body["landelijk"]["cellen"] == sum(m["cellen"] for m in body["perMaatregel"])
    assert len(body["perMaatregel"]) == 23
    assert body["nieuwsteProducten"]
    assert body["nieuwsteFaq"]
    published = [p["gepubliceerdOp"] for p in body["nieuwsteProducten"]]
    assert published == sorted(published, reverse=True)
    assert body["herkomst"]["licentie"] == "CC-BY-4.0"
    again = await client.get(
        "/api/v1/dashboard", headers={"If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304


async def test_the_dashboard_follows_a_progress_change(clients: object) -> None:
    public: httpx.AsyncClient = clients()  # type: ignore[operator]
    contact: httpx.AsyncClient = clients()  # type: ignore[operator]
    await login(contact, UTRECHT)
    before = await public.get("/api/v1/dashboard")
    target = await move_utrechts_m20(contact)
    after = await public.get("/api/v1/dashboard", headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200

    def m20(body: dict[str, object]) -> dict[str, int]:
        rows = body["perMaatregel"]  # type: ignore[index]
        return next(r for r in rows if r["groep"]["code"] == "M20")["perFase"]  # type: ignore[no-any-return]

    assert m20(after.json())[target] == m20(before.json())[target] + 1


async def test_the_trend_has_a_point_per_month_and_matches_the_overview(
    client: httpx.AsyncClient,
) -> None:
    trend = (await client.get("/api/v1/voortgang/trend")).json()
    points = trend["punten"]
    assert len(points) == 13
    assert points[-1]["peildatum"] == trend["peildatum"]
    for point in (points[3], points[-1]):
        overview = await client.get(
            "/api/v1/voortgang/overzicht", params={"peildatum": point["peildatum"]}
        )
        national = overview.json()["groepen"][0]
        assert point["tekort"] == national["tekort"]
        assert point["aandeelGeimplementeerd"] == national["aandeelGeimplementeerd"]
    rows = _csv(await client.get("/api/v1/voortgang/trend", params={"formaat": "csv"}))
    assert [r["peildatum"] for r in rows] == [p["peildatum"] for p in points]
    # Cached per month: asking again gives the same figures.
    assert (await client.get("/api/v1/voortgang/trend")).json()["punten"] == points


async def test_figures_download_as_csv_with_the_same_numbers(client: httpx.AsyncClient) -> None:
    overview = (
        await client.get("/api/v1/voortgang/overzicht", params={"groep": "provincie"})
    ).json()
    assert overview["herkomst"]["csv"].endswith("groep=provincie&formaat=csv")
    rows = _csv(await client.get(overview["herkomst"]["csv"]))
    assert [r["code"] for r in rows] == [g["groep"]["code"] for g in overview["groepen"]]
    for row, group in zip(rows, overview["groepen"], strict=True):
        assert int(row["cellen"]) == group["cellen"]
        assert int(row["fase_geimplementeerd"]) == group["perFase"]["geimplementeerd"]
        # The change since the previous month, as the JSON has it.
        before, change = group["vorigePeriode"], group["verandering"]
        assert row["vorige_peildatum"] == before["peildatum"]
        assert float(row["vorig_aandeel_geimplementeerd"]) == before["aandeelGeimplementeerd"]
        assert float(row["verandering_aandeel_geimplementeerd"]) == change["aandeelGeimplementeerd"]
        deficit = change["tekort"]
        assert row["verandering_tekort"] == ("" if deficit is None else str(deficit))
        assert int(row["verandering_te_laat"]) == change["teLaat"]
        assert int(row["verandering_risico"]) == change["risico"]
    comparison = (await client.get("/api/v1/gemeenten/GM0344/vergelijking")).json()
    rows = _csv(await client.get(comparison["herkomst"]["csv"]))
    assert [r["naam"] for r in rows] == [g["groep"]["naam"] for g in comparison["cijfers"]]


async def test_map_values_are_compact_and_match_the_geojson(client: httpx.AsyncClient) -> None:
    values = (await client.get("/api/v1/kaart/waarden", params={"indicator": "tekort"})).json()
    assert len(values["waarden"]) == 342
    geo = (await client.get("/api/v1/kaart/gemeenten", params={"indicator": "tekort"})).json()
    by_code = {f["properties"]["code"]: f["properties"]["waarde"] for f in geo["features"]}
    assert {v["code"]: v["waarde"] for v in values["waarden"]} == by_code
    rows = _csv(
        await client.get("/api/v1/kaart/waarden", params={"indicator": "tekort", "formaat": "csv"})
    )
    assert len(rows) == 342
    bad = await client.get("/api/v1/kaart/waarden", params={"formaat": "xml"})
    assert bad.status_code == 400


async def test_map_data_for_an_unknown_measure_or_wave_is_a_400(client: httpx.AsyncClient) -> None:
    for path in ("/api/v1/kaart/waarden", "/api/v1/kaart/gemeenten"):
        response = await client.get(path, params={"maatregel": "M99", "fase": 9})
        assert response.status_code == 400
        assert sorted(p["name"] for p in response.json()["invalidParams"]) == ["fase", "maatregel"]


async def test_comparison_per_wave_and_map_areas(client: httpx.AsyncClient) -> None:
    whole = (await client.get("/api/v1/gemeenten/GM0344/vergelijking")).json()
    wave_one = (
        await client.get("/api/v1/gemeenten/GM0344/vergelijking", params={"fase": 1})
    ).json()
    own, own_wave = whole["cijfers"][0], wave_one["cijfers"][0]
    measures = (await client.get("/api/v1/maatregelen", params={"fase": 1})).json()
    assert own_wave["cellen"] == measures["paginering"]["totaal"]
    assert own["cellen"] == 23
    rows = _csv(
        await client.get(
            "/api/v1/gemeenten/GM0344/vergelijking", params={"fase": 1, "formaat": "csv"}
        )
    )
    assert int(rows[0]["cellen"]) == own_wave["cellen"]
    assert (
        await client.get("/api/v1/gemeenten/GM0344/vergelijking", params={"fase": 9})
    ).status_code == 400
    geo = (await client.get("/api/v1/kaart/gemeenten")).json()
    utrecht = next(f for f in geo["features"] if f["properties"]["code"] == "GM0344")
    municipality = (await client.get("/api/v1/gemeenten/GM0344")).json()
    assert utrecht["properties"]["provincie"] == municipality["provincie"]["code"]
