"""The team's satisfaction figures against a count over the rows: random scores at every
touchpoint, every grouping, filters, periods; and the CSV carries the same numbers."""

import csv
import io
import random
from collections import defaultdict
from datetime import date, timedelta

import httpx
import pytest
from sqlalchemy.orm import Session

from api.products.models import product_measures
from api.satisfaction.figures_periods import between
from tests.auth import ADMIN, login
from tests.satisfaction import figures_factories as f

URL = "/api/v1/tevredenheid/cijfers"
RANGE = {"van": "2031-01-01", "tot": "2031-12-31"}


def _random_world(db: Session, seed: int = 16) -> f.World:
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    w = f.world(db)
    places = rng.sample(w.places, 70)
    for _ in range(420):
        day = f.START + timedelta(days=rng.randrange(365))
        count = rng.choice([1, 1, 1, 2])
        measures = [m.code for m in rng.sample(w.measures, count)]
        score = None if rng.random() < 0.2 else rng.choices([1, 2, 3, 4, 5], [1, 1, 2, 3, 3])[0]
        place = rng.choice(places).code if rng.random() < 0.95 else None
        advisor = rng.choice([w.editor, w.admin, None])
        f.rating(
            db,
            w,
            day=day,
            score=score,
            measures=measures,
            municipality=place,
            advisor=advisor,
            save=False,
        )
    f.save_ratings(db, w)
    for version in f.published_versions(db, 12):
        for _ in range(rng.randrange(2, 25)):
            f.vote(
                db,
                w,
                version,
                day=f.START + timedelta(days=rng.randrange(365)),
                useful=rng.random() < 0.7,
            )
    db.flush()
    return w


def _groups_of(rating: dict[str, object], grouping: str, w: f.World) -> set[str]:
    measures = {m.code: m for m in w.measures}
    place = {p.code: p for p in w.places}.get(rating["municipality"])  # type: ignore[arg-type]
    codes: list[str] = rating["measures"]  # type: ignore[assignment]
    if grouping == "land":
        return {"NL"}
    if grouping == "maatregel":
        return set(codes)
    if grouping == "thema":
        return {measures[c].theme_code for c in codes}
    if grouping == "fase":
        return {str(measures[c].wave_number) for c in codes}
    if grouping == "adviseur":
        return {str(rating["advisor"])} if rating["advisor"] else set()
    if place is None:
        return set()
    return {place.province_code if grouping == "provincie" else place.labour_market_region_code}


def _expected_answers(rows: list[dict[str, object]]) -> dict[str, object]:
    scores = [r["score"] for r in rows if r["score"] is not None]
    return {
        "aantalGevraagd": len(rows),
        "aantalBeoordeeld": len(scores),
        "responspercentage": round(len(scores) / len(rows), 4),
        "gemiddelde": round(sum(scores) / len(scores), 2),  # type: ignore[arg-type]
        "verdeling": [{"score": n, "aantal": scores.count(n)} for n in range(1, 6)],
    }


def _respondents(rows: list[dict[str, object]]) -> int:
    return len(
        {r["municipality"] or f"vraag:{id(r['question'])}" for r in rows if r["score"] is not None}
    )


def _check_answer_figure(shown: dict[str, object], rows: list[dict[str, object]]) -> bool:
    """Whatever is shown is the count over the rows; a small group is never shown."""
    if shown["teWeinigAntwoorden"]:
        assert shown["gemiddelde"] is None
        assert shown["aantalBeoordeeld"] is None
        assert shown["verdeling"] is None
        assert shown["toelichting"] == "te weinig antwoorden"
        return False
    assert _respondents(rows) >= 5, "a group of fewer than five respondents was shown"
    for key, value in _expected_answers(rows).items():
        assert shown[key] == value, (key, shown[key], value)
    return True


@pytest.mark.parametrize(
    "grouping", ["land", "maatregel", "thema", "fase", "provincie", "arbeidsmarktregio", "adviseur"]
)
async def test_answer_figures_match_a_count_over_the_rows(
    client: httpx.AsyncClient, db: Session, grouping: str
) -> None:
    w = _random_world(db)
    await login(client, ADMIN)
    response = await client.get(
        URL, params={**RANGE, "groep": grouping, "contactpunt": "antwoorden"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert [p["code"] for p in body["perioden"]] == ["2031-Q1", "2031-Q2", "2031-Q3", "2031-Q4"]
    members: dict[str, list[dict[str, object]]] = defaultdict(list)
    for r in w.ratings:
        for g in _groups_of(r, grouping, w):
            members[g].append(r)
    groups = body["antwoorden"]["groepen"]
    assert sorted(g["groep"]["code"] for g in groups) == sorted(members)
    shown = 0
    for group in groups:
        rows = members[group["groep"]["code"]]
        shown += _check_answer_figure(group["totaal"], rows)
        for point, period in zip(group["trend"], between(f.START, f.END, "kwartaal"), strict=True):
            in_period = [r for r in rows if period.start <= r["day"] <= period.end]  # type: ignore[operator]
            assert point["periode"] == period.code
            if in_period:
                shown += _check_answer_figure(point, in_period)
            else:
                assert point["teWeinigAntwoorden"]
    assert shown > 0, "the data is large enough to show figures"
    if grouping == "land":
        assert not groups[0]["totaal"]["teWeinigAntwoorden"]


async def test_filters_and_months_match_a_count_over_the_rows(
    client: httpx.AsyncClient, db: Session
) -> None:
    w = _random_world(db)
    await login(client, ADMIN)
    measure = w.measures[3]
    response = await client.get(
        URL,
        params={
            "van": "2031-02-10",
            "tot": "2031-11-20",
            "groep": "provincie",
            "periode": "maand",
            "thema": measure.theme_code,
            "contactpunt": "antwoorden",
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert len(body["perioden"]) == 10
    assert body["perioden"][0]["code"] == "2031-02"
    kept = [
        r
        for r in w.ratings
        if date(2031, 2, 10) <= r["day"] <= date(2031, 11, 20)  # type: ignore[operator]
        and measure.theme_code in _groups_of(r, "thema", w)
    ]
    members: dict[str, list[dict[str, object]]] = defaultdict(list)
    for r in kept:
        for g in _groups_of(r, "provincie", w):
            members[g].append(r)
    groups = body["antwoorden"]["groepen"]
    assert sorted(g["groep"]["code"] for g in groups) == sorted(members)
    for group in groups:
        _check_answer_figure(group["totaal"], members[group["groep"]["code"]])


async def test_product_votes_match_a_count_over_the_rows(
    client: httpx.AsyncClient, db: Session
) -> None:
    w = _random_world(db)
    await login(client, ADMIN)
    body = (await client.get(URL, params={**RANGE, "groep": "maatregel"})).json()
    products = {v.product_id: v for v in f.published_versions(db, 12)}

    links: dict[int, set[str]] = defaultdict(set)
    for product_id, code in db.execute(
        product_measures.select().where(product_measures.c.product_id.in_(products))
    ):
        links[product_id].add(code)
    members: dict[str, list[dict[str, object]]] = defaultdict(list)
    for v in w.votes:
        for code in links[v["product"]]:  # type: ignore[index]
            members[code].append(v)
    groups = body["producten"]["groepen"]
    assert sorted(g["groep"]["code"] for g in groups) == sorted(members)
    for group in groups:
        rows = members[group["groep"]["code"]]
        figure = group["totaal"]
        if len({r["voter"] for r in rows}) < 5:
            assert figure["teWeinigAntwoorden"]
            assert figure["aantalStemmen"] is None
        elif not figure["teWeinigAntwoorden"]:
            useful = sum(1 for r in rows if r["useful"])
            assert figure["aantalStemmen"] == len(rows)
            assert figure["aantalNuttig"] == useful
            assert figure["aandeelNuttig"] == round(useful / len(rows), 4)
    # Votes have no place: per province the products are left out, and say why.
    body = (await client.get(URL, params={**RANGE, "groep": "provincie"})).json()
    assert body["producten"] is None
    assert [n["contactpunt"] for n in body["nietGetoond"]] == ["producten"]


async def test_survey_figures_match_a_count_over_the_rows(
    client: httpx.AsyncClient, db: Session
) -> None:
    w = f.world(db)
    rng = random.Random(7)  # noqa: S311 - test data, not secrets
    first = f.survey_round(db, opens=date(2031, 2, 1), period="2031-Q1-test")
    second = f.survey_round(db, opens=date(2031, 8, 1), period="2031-Q3-test", same_as=first)
    places = rng.sample(w.places, 120)
    for survey in (first, second):
        for place in places:
            answered = rng.random() < 0.6
            scores = (rng.randint(1, 5), rng.randint(1, 5)) if answered else None
            f.invite(db, survey, place.code, scores)
    db.flush()
    await login(client, ADMIN)
    body = (
        await client.get(URL, params={**RANGE, "groep": "provincie", "contactpunt": "peiling"})
    ).json()
    province = {p.code: p.province_code for p in w.places}
    for group in body["peiling"]["groepen"]:
        code = group["groep"]["code"]
        for point, survey in zip(
            [group["trend"][0], group["trend"][2]], (first, second), strict=True
        ):
            rows = [i for i in survey.invitations if province[i["municipality"]] == code]
            answered = [i for i in rows if i["scores"] is not None]
            if len(answered) < 5:
                assert point["teWeinigAntwoorden"]
                assert point["aantalUitgenodigd"] is None
                continue
            if point["teWeinigAntwoorden"]:
                continue
            assert point["aantalUitgenodigd"] == len(rows)
            assert point["aantalBeantwoord"] == len(answered)
            assert point["responspercentage"] == round(len(answered) / len(rows), 4)
            for index, question in enumerate(point["vragen"][:2]):
                values = [i["scores"][index] for i in answered]  # type: ignore[index]
                if not question["teWeinigAntwoorden"]:
                    assert question["aantal"] == len(values)
                    assert question["gemiddelde"] == round(sum(values) / len(values), 2)
            assert [q["vraag"]["contactpunt"] for q in point["vragen"]] == [
                "ondersteuning",
                "producten",
            ], "only scale questions, in their order"
        assert group["trend"][1]["teWeinigAntwoorden"], "no round opened in the second quarter"
    # The survey is not about a measure: per measure it is left out, and says why.
    body = (await client.get(URL, params={**RANGE, "groep": "maatregel"})).json()
    assert body["peiling"] is None
    assert "peiling" in [n["contactpunt"] for n in body["nietGetoond"]]


async def test_the_csv_carries_the_same_numbers(client: httpx.AsyncClient, db: Session) -> None:
    _random_world(db)
    await login(client, ADMIN)
    params = {**RANGE, "groep": "fase", "contactpunt": "antwoorden"}
    body = (await client.get(URL, params=params)).json()
    assert body["antwoorden"]["herkomst"]["csv"].endswith("contactpunt=antwoorden&formaat=csv")
    response = await client.get(body["antwoorden"]["herkomst"]["csv"])
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.headers["cache-control"] == "private, no-cache"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    for group in body["antwoorden"]["groepen"]:
        code, total = group["groep"]["code"], group["totaal"]
        mean = next(
            r
            for r in rows
            if r["groep_code"] == code and r["periode"] == "totaal" and r["cijfer"] == "gemiddelde"
        )
        if total["teWeinigAntwoorden"]:
            assert mean["waarde"] == ""
            assert mean["opmerking"] == "te weinig antwoorden"
        else:
            assert float(mean["waarde"]) == total["gemiddelde"]
    assert {r["contactpunt"] for r in rows} == {"antwoorden"}


async def test_every_figure_names_its_source_moment_and_version(
    client: httpx.AsyncClient, db: Session
) -> None:
    _random_world(db)
    await login(client, ADMIN)
    response = await client.get(URL, params=RANGE)
    body = response.json()
    for touchpoint in ("antwoorden", "producten", "peiling"):
        source = body[touchpoint]["herkomst"]
        assert source["bron"].startswith("Spoorboek")
        assert source["berekendOp"]
        assert "tevredenheid" in source["versie"]
    assert body["antwoorden"]["herkomst"]["peilmoment"] is not None
    again = await client.get(URL, params=RANGE, headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304
    # A new score makes new figures.
    w = f.world(db)
    f.rating(
        db, w, day=date(2031, 5, 5), score=1, measures=["M01"], municipality="GM0344", advisor=None
    )
    db.flush()
    changed = await client.get(
        URL, params=RANGE, headers={"If-None-Match": response.headers["etag"]}
    )
    assert changed.status_code == 200


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"van": "2031-05-01", "tot": "2031-04-01"}, "van"),
        ({"van": "2020-01-01", "tot": "2031-04-01"}, "van"),
        ({"maatregel": "M99"}, "maatregel"),
        ({"provincie": "PV99"}, "provincie"),
        ({"groep": "gemeente"}, "groep"),
        ({"adviseur": "iemand"}, "adviseur"),
    ],
)
async def test_bad_selections_are_400(
    client: httpx.AsyncClient, params: dict[str, str], field: str
) -> None:
    await login(client, ADMIN)
    response = await client.get(URL, params=params)
    assert response.status_code == 400, response.text
    assert field in [p["name"] for p in response.json()["invalidParams"]]
