"""The overall satisfaction on the public dashboard: the survey's overall question per closed
round and the answers' usefulness per quarter, behind the minimum group size, with source,
moment and a CSV under CC BY 4.0, built once per version of the scores."""

import csv
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from sqlalchemy.orm import Session

from api.core.clock import fixed_clock
from api.surveys.models import RoundStatus
from tests.satisfaction import figures_factories as f

URL = "/api/v1/tevredenheid/landelijk"


@pytest.fixture(autouse=True)
def _today() -> Iterator[None]:
    with fixed_clock(datetime(2031, 6, 30, 10, tzinfo=UTC)):
        yield


def _scores(db: Session) -> None:
    """Q1 2031: twelve municipalities rate answers; Q2: three. A closed round answered by
    eight municipalities, a closed one by three, and an open one."""
    w = f.world(db)
    for n in range(12):
        f.rating(
            db,
            w,
            day=date(2031, 2, 1) + timedelta(days=n),
            score=4 if n % 2 else 3,
            measures=["M02"],
            municipality=w.places[n].code,
            advisor=w.editor,
        )
    for n in range(3):
        f.rating(
            db,
            w,
            day=date(2031, 5, 1),
            score=1,
            measures=["M02"],
            municipality=w.places[n].code,
            advisor=w.editor,
        )
    first = f.survey_round(db, opens=date(2030, 10, 1), period="2030-H2-test")
    for n in range(8):
        f.invite(db, first, w.places[n].code, (4, 3))
    f.invite(db, first, w.places[9].code, None)
    second = f.survey_round(db, opens=date(2031, 3, 1), period="2031-H1-test", same_as=first)
    for n in range(3):
        f.invite(db, second, w.places[n].code, (1, 1))
    still_open = f.survey_round(
        db, opens=date(2031, 6, 1), period="2031-open-test", status=RoundStatus.OPEN, same_as=first
    )
    for n in range(8):
        f.invite(db, still_open, w.places[n].code, (2, 2))
    db.flush()


async def test_the_public_figure_with_its_source_moment_and_guard(
    client: httpx.AsyncClient, db: Session
) -> None:
    _scores(db)
    response = await client.get(URL)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"].startswith("public")
    body = response.json()
    assert body["minimaleGroepsgrootte"] == 5
    survey = {p["periode"]: p for p in body["peiling"]}
    assert set(survey) == {"2030-H2-test", "2031-H1-test"}, "an open round is left out"
    assert survey["2030-H2-test"]["gemiddelde"] == 4.0
    assert survey["2030-H2-test"]["aantal"] == 8
    assert survey["2030-H2-test"]["responspercentage"] == round(8 / 9, 4)
    assert survey["2031-H1-test"]["teWeinigAntwoorden"]
    assert survey["2031-H1-test"]["gemiddelde"] is None
    answers = {p["periode"]: p for p in body["antwoorden"]}
    assert list(answers) == ["2030-Q3", "2030-Q4", "2031-Q1", "2031-Q2"]
    assert answers["2031-Q1"]["gemiddelde"] == 3.5
    assert answers["2031-Q1"]["aantalBeoordeeld"] == 12
    assert answers["2031-Q2"]["teWeinigAntwoorden"]
    assert answers["2031-Q2"]["aantalBeoordeeld"] is None
    source = body["herkomst"]
    assert source["bron"].startswith("Spoorboek")
    assert source["peilmoment"] is not None
    assert source["csv"] == f"{URL}?formaat=csv"
    assert source["licentie"] == "CC-BY-4.0"
    assert source["peildatum"] == "2031-06-30"
    assert "tevredenheid" in body["versie"]


async def test_the_csv_under_cc_by_with_the_same_numbers(
    client: httpx.AsyncClient, db: Session
) -> None:
    _scores(db)
    response = await client.get(URL, params={"formaat": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'rel="license"' in response.headers["link"]
    assert "creativecommons.org/licenses/by/4.0" in response.headers["link"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    by_period = {(r["bron"], r["periode"]): r for r in rows}
    assert by_period["peiling", "2030-H2-test"]["gemiddelde"] == "4.0"
    assert by_period["antwoorden", "2031-Q1"]["gemiddelde"] == "3.5"
    withheld = by_period["antwoorden", "2031-Q2"]
    assert withheld["gemiddelde"] == ""
    assert withheld["aantal"] == ""
    assert withheld["opmerking"] == "te weinig antwoorden"


async def test_built_once_per_version_of_the_scores(client: httpx.AsyncClient, db: Session) -> None:
    _scores(db)
    first = await client.get(URL)
    tag = first.headers["etag"]
    assert (await client.get(URL, headers={"If-None-Match": tag})).status_code == 304
    w = f.world(db)
    f.rating(
        db,
        w,
        day=date(2031, 5, 2),
        score=5,
        measures=["M02"],
        municipality=w.places[30].code,
        advisor=None,
    )
    db.commit()
    changed = await client.get(URL, headers={"If-None-Match": tag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != tag
