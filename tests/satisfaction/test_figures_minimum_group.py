"""The minimum group size is never bypassed: every grouping and filter that would single out one
municipality (the only one of its province that rated or answered) shows "te weinig
antwoorden", never a number."""

from collections.abc import Iterator
from datetime import date, timedelta

import httpx
import pytest
from sqlalchemy.orm import Session

from api.municipalities.models import Municipality
from tests.auth import ADMIN, EDITOR, login
from tests.satisfaction import figures_factories as f

URL = "/api/v1/tevredenheid/cijfers"
RANGE = {"van": "2031-01-01", "tot": "2031-12-31"}


def _alone(db: Session) -> tuple[Municipality, f.World]:
    """One municipality rates eight answers and answers the survey with its two contacts; it
    is the only one of its province. Forty municipalities elsewhere do the same."""
    w = f.world(db)
    alone = next(p for p in w.places if p.code == "GM0344")
    others = [p for p in w.places if p.province_code != alone.province_code][:40]
    survey = f.survey_round(db, opens=date(2031, 3, 1), period="2031-min")
    for n in range(8):
        f.rating(
            db,
            w,
            day=date(2031, 3, 1) + timedelta(days=n),
            score=1,
            measures=["M01"],
            municipality=alone.code,
            advisor=w.editor,
        )
    f.invite(db, survey, alone.code, (1, 1))
    f.invite(db, survey, alone.code, (2, 1))
    for n, place in enumerate(others):
        f.rating(
            db,
            w,
            day=date(2031, 3, 1) + timedelta(days=n % 20),
            score=5,
            measures=["M01"],
            municipality=place.code,
            advisor=w.editor,
        )
        f.invite(db, survey, place.code, (5, 4))
    db.flush()
    return alone, w


def _figures(body: dict[str, object]) -> Iterator[tuple[str, dict[str, object]]]:
    for touchpoint in ("antwoorden", "peiling"):
        section = body.get(touchpoint)
        if not section:
            continue
        for group in section["groepen"]:  # type: ignore[index]
            for figure in (group["totaal"], *group["trend"]):
                yield f"{touchpoint} {group['groep']['code']}", figure
                for question in figure.get("vragen", []):
                    yield f"{touchpoint} vraag", question


def _singles_out(body: dict[str, object], group: str | None = None) -> list[str]:
    """The figures that show a number, of this group or of every group."""
    return [
        name
        for name, figure in _figures(body)
        if (group is None or name.endswith(f" {group}")) and not figure["teWeinigAntwoorden"]
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"groep": "land", "provincie": "{province}"},
        {"groep": "land", "arbeidsmarktregio": "{region}"},
        {"groep": "arbeidsmarktregio", "provincie": "{province}"},
        {"groep": "provincie", "arbeidsmarktregio": "{region}"},
        {"groep": "maatregel", "provincie": "{province}"},
        {"groep": "thema", "provincie": "{province}"},
        {"groep": "fase", "arbeidsmarktregio": "{region}", "periode": "maand"},
        {"groep": "maatregel", "arbeidsmarktregio": "{region}", "contactpunt": "antwoorden"},
    ],
)
async def test_filters_that_leave_one_municipality_show_no_number(
    client: httpx.AsyncClient, db: Session, params: dict[str, str]
) -> None:
    alone, _ = _alone(db)
    await login(client, EDITOR)
    values = {
        k: v.format(province=alone.province_code, region=alone.labour_market_region_code)
        for k, v in params.items()
    }
    response = await client.get(URL, params={**RANGE, **values})
    assert response.status_code == 200, response.text
    body = response.json()
    assert list(_figures(body)), "the figures list the groups, withheld"
    assert _singles_out(body) == []
    assert 'gemiddelde":1.0' not in response.text


@pytest.mark.parametrize("grouping", ["provincie", "arbeidsmarktregio"])
async def test_its_group_is_withheld_and_the_others_shown(
    client: httpx.AsyncClient, db: Session, grouping: str
) -> None:
    alone, _ = _alone(db)
    await login(client, ADMIN)
    body = (await client.get(URL, params={**RANGE, "groep": grouping})).json()
    own = alone.province_code if grouping == "provincie" else alone.labour_market_region_code
    assert _singles_out(body, own) == []
    withheld = next(g for g in body["antwoorden"]["groepen"] if g["groep"]["code"] == own)
    assert withheld["totaal"]["toelichting"] == "te weinig antwoorden"
    assert withheld["totaal"]["aantalGevraagd"] is None
    assert _singles_out(body), "groups of enough municipalities are shown"


async def test_the_csv_withholds_the_same_groups(client: httpx.AsyncClient, db: Session) -> None:
    alone, _ = _alone(db)
    await login(client, ADMIN)
    response = await client.get(
        URL, params={**RANGE, "provincie": alone.province_code, "formaat": "csv"}
    )
    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").splitlines()[1:]
    assert lines, "the withheld groups are listed"
    assert all(line.endswith(";;te weinig antwoorden") for line in lines), lines[:3]


async def test_the_national_figure_less_the_shown_provinces_singles_out_nobody(
    client: httpx.AsyncClient, db: Session
) -> None:
    alone, w = _alone(db)
    await login(client, EDITOR)
    params = {**RANGE, "contactpunt": "antwoorden"}
    national = (await client.get(URL, params={**params, "groep": "land"})).json()
    total = national["antwoorden"]["groepen"][0]["totaal"]
    assert not total["teWeinigAntwoorden"]
    per_province = (await client.get(URL, params={**params, "groep": "provincie"})).json()
    province_of = {p.code: p.province_code for p in w.places}
    rated_by: dict[str, set[str]] = {}
    for rating in w.ratings:
        code = str(rating["municipality"])
        rated_by.setdefault(province_of[code], set()).add(code)
    withheld = [
        g["groep"]["code"]
        for g in per_province["antwoorden"]["groepen"]
        if g["totaal"]["teWeinigAntwoorden"]
    ]
    assert alone.province_code in withheld
    behind = set().union(*(rated_by[code] for code in withheld))
    assert len(behind) >= 5, f"the withheld provinces together are {sorted(behind)}"
    shown = sum(
        g["totaal"]["aantalBeoordeeld"]
        for g in per_province["antwoorden"]["groepen"]
        if not g["totaal"]["teWeinigAntwoorden"]
    )
    assert total["aantalBeoordeeld"] - shown > 8, "more than the one municipality's ratings"


@pytest.mark.parametrize(
    "params",
    [
        {"provincie": "{province}", "maatregel": "M01"},
        {"provincie": "{province}", "adviseur": "ik"},
        {"arbeidsmarktregio": "{region}", "thema": "{theme}"},
    ],
)
async def test_two_filters_at_once_are_refused(
    client: httpx.AsyncClient, db: Session, params: dict[str, str]
) -> None:
    """A figure with two filters less the same with one could leave a handful of
    respondents; the guard checks a filtered figure against the unfiltered one only."""
    alone, _ = _alone(db)
    await login(client, EDITOR)
    values = {
        k: v.format(
            province=alone.province_code,
            region=alone.labour_market_region_code,
            theme="aanvraagprocedure",
        )
        for k, v in params.items()
    }
    response = await client.get(URL, params={**RANGE, **values})
    assert response.status_code == 400, response.text
    assert "één filter" in response.json()["invalidParams"][0]["reason"]
