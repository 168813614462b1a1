"""The measures (maatregelen), waves (fasen), themes and impact areas, through the HTTP API."""

import csv
from datetime import date
from pathlib import Path

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from api.measures.models import Measure, Wave

SEED_MEASURES = Path(__file__).parents[1] / "api" / "seed" / "data" / "measures.csv"


def seed_rows() -> list[dict[str, str]]:
    with SEED_MEASURES.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


async def all_measures(client: httpx.AsyncClient, query: str = "") -> list[dict[str, object]]:
    response = await client.get(f"/api/v1/maatregelen?paginaGrootte=100{query}")
    assert response.status_code == 200, response.text
    return response.json()["resultaten"]  # type: ignore[no-any-return]


async def test_lists_all_23_measures_with_their_facts(client: httpx.AsyncClient) -> None:
    measures = await all_measures(client)
    assert [m["code"] for m in measures] == [f"M{n:02d}" for n in range(1, 24)]
    m01 = measures[0]
    assert m01["titel"] == "Giftenvrijlating"
    assert m01["fase"] == {"nummer": 1, "naam": "Fase 1: in werking per 1 januari 2026"}
    assert m01["thema"]["code"] == "vaststellen-recht-op-bijstand"
    assert m01["ingangsdatum"] == "2026-01-01"
    assert m01["verplichting"] == "verplicht"
    assert m01["betrouwbaarheid"] == "wet"
    assert m01["artikelen"] == ["Pw 31(2)(m)", "Pw 18(8)", "Pw 39(1)"]
    assert [s["code"] for s in m01["bronnen"]] == ["S1", "S3", "S8"]
    assert m01["_links"]["self"]["href"] == "/api/v1/maatregelen/M01"


async def test_wave_split_is_12_2_9(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/fasen")
    waves = response.json()["resultaten"]
    assert [(w["nummer"], w["aantalMaatregelen"]) for w in waves] == [(1, 12), (2, 2), (3, 9)]
    transition = waves[1]
    assert transition["ingangsdatum"] == "2027-01-01"
    assert transition["toepasbaarVanaf"] == "2026-01-01"
    assert transition["productenGereedOp"] == "2026-07-01"


async def test_transition_year_measures_may_apply_early(client: httpx.AsyncClient) -> None:
    measures = await all_measures(client, "&fase=2")
    assert {m["code"]: m["toepasbaarVanaf"] for m in measures} == {
        "M13": "2026-01-01",
        "M14": "2026-01-01",
    }
    assert all(m["ingangsdatum"] == "2027-01-01" for m in measures)


@pytest.mark.parametrize(
    ("query", "column", "value"),
    [
        ("&thema=aanvraagprocedure", "theme", "aanvraagprocedure"),
        ("&verplichting=kan-bepaling", "obligation", "kan-bepaling"),
        ("&fase=3", "wave", "3"),
    ],
)
async def test_filters_match_the_seed_data(
    client: httpx.AsyncClient, query: str, column: str, value: str
) -> None:
    expected = [r["code"] for r in seed_rows() if r[column] == value]
    assert expected, "the filter must select something to be a meaningful test"
    assert [m["code"] for m in await all_measures(client, query)] == expected


async def test_filter_by_impact_area(client: httpx.AsyncClient) -> None:
    expected = [r["code"] for r in seed_rows() if "ict" in r["impact_areas"].split()]
    measures = await all_measures(client, "&impactgebied=ict")
    assert [m["code"] for m in measures] == expected
    assert all("ict" in [a["code"] for a in m["impactgebieden"]] for m in measures)


async def test_filters_combine(client: httpx.AsyncClient) -> None:
    measures = await all_measures(
        client, "&fase=1&verplichting=kan-bepaling&thema=aanvraagprocedure"
    )
    assert [m["code"] for m in measures] == ["M04", "M05", "M10"]


@pytest.mark.parametrize(
    ("term", "codes"),
    [("giften", ["M01"]), ("MANTELZORG", ["M07"]), ("m23", ["M23"]), ("100%_", [])],
)
async def test_text_search(client: httpx.AsyncClient, term: str, codes: list[str]) -> None:
    measures = await all_measures(client, f"&zoek={term}")
    assert [m["code"] for m in measures] == codes


async def test_sorting(client: httpx.AsyncClient) -> None:
    descending = await all_measures(client, "&sorteer=-code")
    assert descending[0]["code"] == "M23"
    by_date = await all_measures(client, "&sorteer=-ingangsdatum,titel")
    dates = [m["ingangsdatum"] for m in by_date]
    assert dates == sorted(dates, reverse=True)
    first_wave_titles = [m["titel"] for m in by_date if m["ingangsdatum"] == "2027-01-01"]
    assert first_wave_titles == sorted(first_wave_titles)


async def test_pagination_with_total_and_links(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/maatregelen?paginaGrootte=10&pagina=2")
    body = response.json()
    assert [m["code"] for m in body["resultaten"]] == [f"M{n}" for n in range(11, 21)]
    assert body["paginering"] == {
        "pagina": 2,
        "paginaGrootte": 10,
        "totaal": 23,
        "aantalPaginas": 3,
    }
    links = body["_links"]
    assert links["prev"]["href"].endswith("pagina=1")
    assert links["next"]["href"].endswith("pagina=3")
    assert links["last"]["href"].endswith("pagina=3")
    follow = await client.get(links["next"]["href"])
    assert [m["code"] for m in follow.json()["resultaten"]] == ["M21", "M22", "M23"]
    assert follow.json()["_links"]["next"] is None


async def test_page_beyond_the_end_is_empty_not_an_error(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/maatregelen?pagina=9")
    assert response.status_code == 200
    assert response.json()["resultaten"] == []
    assert response.json()["paginering"]["totaal"] == 23


async def test_one_measure(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/maatregelen/M14")
    assert response.status_code == 200
    assert response.json()["titel"].startswith("Maatschappelijke participatie")


async def test_unknown_measure_is_404_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/maatregelen/M99")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "Maatregel M99 bestaat niet."


@pytest.mark.parametrize("code", ["M1", "m01", "M001", "X01"])
async def test_malformed_measure_code_is_400(client: httpx.AsyncClient, code: str) -> None:
    response = await client.get(f"/api/v1/maatregelen/{code}")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "code"


async def test_unknown_filter_values_are_all_reported(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/api/v1/maatregelen?fase=7&thema=onbekend&impactgebied=zzz&sorteer=kleur"
    )
    assert response.status_code == 400
    problem = response.json()
    names = {p["name"] for p in problem["invalidParams"]}
    assert names == {"fase", "thema", "impactgebied", "sorteer"}
    assert problem["status"] == 400


async def test_schema_errors_are_all_reported(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/api/v1/maatregelen?verplichting=misschien&paginaGrootte=10000&pagina=0&zoek=x"
    )
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"verplichting", "paginaGrootte", "pagina", "zoek"}


async def test_unknown_sort_field_is_400(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/maatregelen?sorteer=titel,-kleur")
    assert response.status_code == 400
    [param] = response.json()["invalidParams"]
    assert param["name"] == "sorteer"
    assert "-kleur" in param["reason"]


async def test_themes_and_impact_areas(client: httpx.AsyncClient) -> None:
    themes = (await client.get("/api/v1/themas")).json()["resultaten"]
    assert themes[0]["code"] == "aanvraagprocedure"
    assert sum(t["aantalMaatregelen"] for t in themes) == 23
    one = await client.get("/api/v1/themas/overig")
    assert one.json()["aantalMaatregelen"] == 1
    assert (await client.get("/api/v1/themas/onbekend")).status_code == 404
    areas = (await client.get("/api/v1/impactgebieden")).json()["resultaten"]
    assert {a["code"] for a in areas} >= {"beleid-en-regelgeving", "ict", "werkproces"}
    assert (await client.get("/api/v1/fasen/4")).status_code == 404
    assert (await client.get("/api/v1/fasen/2")).json()["aantalMaatregelen"] == 2


async def test_moving_a_wave_date_moves_its_measures(
    client: httpx.AsyncClient, db: Session
) -> None:
    db.execute(update(Wave).where(Wave.number == 3).values(legal_effective_date=date(2027, 7, 1)))
    db.flush()
    measures = await all_measures(client, "&fase=3")
    assert {m["ingangsdatum"] for m in measures} == {"2027-07-01"}
    wave = (await client.get("/api/v1/fasen/3")).json()
    assert wave["ingangsdatum"] == "2027-07-01"


async def test_a_measure_can_have_its_own_date(client: httpx.AsyncClient, db: Session) -> None:
    db.execute(
        update(Measure)
        .where(Measure.code == "M22")
        .values(effective_date_override=date(2028, 1, 1))
    )
    db.flush()
    by_date = await all_measures(client, "&sorteer=-ingangsdatum")
    assert by_date[0]["code"] == "M22"
    assert by_date[0]["ingangsdatum"] == "2028-01-01"
    m21 = (await client.get("/api/v1/maatregelen/M21")).json()
    assert m21["ingangsdatum"] == "2027-01-01"


@pytest.mark.parametrize(
    "path", ["/api/v1/maatregelen", "/api/v1/gemeenten", "/api/v1/organisaties"]
)
async def test_queries_do_not_grow_with_page_size(
    client: httpx.AsyncClient,
    count_queries,
    path: str,  # type: ignore[no-untyped-def]
) -> None:
    counts = []
    for size in (1, 10, 100):
        before = count_queries.count
        response = await client.get(f"{path}?paginaGrootte={size}")
        assert response.status_code == 200
        counts.append(count_queries.count - before)
    assert counts[0] == counts[1] == counts[2], counts
    assert counts[0] <= 7, "one of them reads the version of the reference data"


async def test_the_default_page_holds_all_23_measures(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/v1/maatregelen")).json()
    assert len(body["resultaten"]) == 23
    assert body["paginering"]["paginaGrootte"] == 25
    assert body["_links"]["next"] is None
