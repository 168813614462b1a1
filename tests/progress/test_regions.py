"""Provinces and labour-market regions as views of their own: their figures and their ranked
municipalities match a brute-force count over the stored rows, and so do the map's values per
province and region; comparison rows say what kind of group they are."""

from collections import Counter
from collections.abc import Callable

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.progress.models import ProgressStatus
from tests.auth import UTRECHT, login
from tests.progress.helpers import move_utrechts_m20

DONE = {"geimplementeerd", "geevalueerd"}


def phases_per_municipality(db: Session, column: str, code: str) -> dict[str, Counter[str]]:
    """Per municipality of the province or region, the phases of its 23 cells, counted from
    the rows (a cell never written is niet-gestart)."""
    members = [m.code for m in db.scalars(select(Municipality)) if getattr(m, column) == code]
    measures = list(db.scalars(select(Measure.code)))
    stored = {
        (s.municipality_code, s.measure_code): s.phase.value
        for s in db.scalars(select(ProgressStatus))
    }
    return {
        m: Counter(stored.get((m, measure), "niet-gestart") for measure in measures)
        for m in members
    }


def share(phases: Counter[str]) -> float:
    return round(sum(phases[p] for p in DONE) / sum(phases.values()), 4)


async def test_region_figures_equal_a_brute_force_count(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    public, contact = clients(), clients()
    await login(contact, UTRECHT)
    await move_utrechts_m20(contact)  # a fresh write is counted (the kept grid is patched)
    for path, column, code in (
        ("provincies", "province_code", "PV20"),
        ("provincies", "province_code", "PV26"),
        ("arbeidsmarktregios", "labour_market_region_code", "AM20"),
    ):
        response = await public.get(f"/api/v1/{path}/{code}/voortgang")
        assert response.status_code == 200, response.text
        body = response.json()
        counted = phases_per_municipality(db, column, code)
        whole = sum(counted.values(), Counter[str]())
        assert body["regio"]["code"] == code
        assert body["cijfers"]["cellen"] == sum(whole.values()) == len(counted) * 23
        assert body["cijfers"]["perFase"] == {
            p: whole.get(p, 0) for p in body["cijfers"]["perFase"]
        }
        assert body["cijfers"]["aandeelGeimplementeerd"] == share(whole)
        rows = body["gemeenten"]
        assert {r["gemeente"]["code"]: r["aandeelGeimplementeerd"] for r in rows} == {
            m: share(p) for m, p in counted.items()
        }
        shares = [r["aandeelGeimplementeerd"] for r in rows]
        assert shares == sorted(shares, reverse=True)
        assert [r["rang"] for r in rows] == [1 + sum(s > own for s in shares) for own in shares]
        assert sum(r["verkeerslichten"]["te-laat"] for r in rows) == body["cijfers"]["teLaat"]
        assert sum(r["verkeerslichten"]["risico"] for r in rows) == body["cijfers"]["risico"]
        assert all(sum(r["verkeerslichten"].values()) == 23 for r in rows)
        # The map's value per province or region is the same count.
        level = "provincie" if path == "provincies" else "arbeidsmarktregio"
        values = (await public.get("/api/v1/kaart/waarden", params={"niveau": level})).json()
        assert values["niveau"] == level
        assert {v["code"]: v["waarde"] for v in values["waarden"]}[code] == share(whole)
    provinces = (await public.get("/api/v1/kaart/waarden?niveau=provincie")).json()["waarden"]
    assert len(provinces) == 12
    assert next(v for v in provinces if v["code"] == "PV20")["naam"] == "Groningen"
    regions = (await public.get("/api/v1/kaart/waarden?niveau=arbeidsmarktregio")).json()
    late = (
        await public.get(
            "/api/v1/kaart/waarden", params={"niveau": "arbeidsmarktregio", "indicator": "te-laat"}
        )
    ).json()
    assert len(regions["waarden"]) == len(late["waarden"]) == 35
    # Per region, `te-laat` is the late measures per municipality, on a municipality's scale.
    am20 = (await public.get("/api/v1/arbeidsmarktregios/AM20/voortgang")).json()
    assert {v["code"]: v["waarde"] for v in late["waarden"]}["AM20"] == round(
        am20["cijfers"]["teLaat"] / len(am20["gemeenten"]), 1
    )
    # Without `niveau` the map values stay per municipality.
    assert len((await public.get("/api/v1/kaart/waarden")).json()["waarden"]) == 342


async def test_region_pages_are_cached_and_refuse_what_does_not_exist(
    client: httpx.AsyncClient,
) -> None:
    first = await client.get("/api/v1/provincies/PV20/voortgang")
    assert first.headers["cache-control"].startswith("public")
    again = await client.get(
        "/api/v1/provincies/PV20/voortgang", headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    csv = await client.get("/api/v1/provincies/PV20/voortgang?formaat=csv")
    assert csv.status_code == 200
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert [line.split(";")[0] for line in lines[1:]] == [
        r["gemeente"]["code"] for r in first.json()["gemeenten"]
    ]
    for path in ("/api/v1/provincies/PV99/voortgang", "/api/v1/arbeidsmarktregios/AM99/voortgang"):
        missing = await client.get(path)
        assert missing.status_code == 404
        assert missing.headers["content-type"] == "application/problem+json"
    for path in (
        "/api/v1/provincies/GM0014/voortgang",
        "/api/v1/kaart/waarden?niveau=wijk",
        "/api/v1/kaart/waarden?niveau=provincie&fase=9",
    ):
        assert (await client.get(path)).status_code == 400, path


async def test_comparison_rows_say_what_kind_of_group_they_are(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/v1/gemeenten/GM0014/vergelijking")).json()
    assert [f["groep"]["naam"] for f in body["cijfers"]] == [
        "Gemeente Groningen",
        "Vergelijkbare gemeenten",
        "Provincie Groningen",
        "Arbeidsmarktregio Groningen",
        "Nederland",
    ]
    assert body["gemeente"]["naam"] == "Groningen"
