"""Who sees which satisfaction figures: an advisor her own answers' scores, editors the team's,
another advisor's individual scores only an admin; nobody outside the team."""

from collections.abc import Callable
from datetime import date, timedelta

import httpx
import pytest
from sqlalchemy.orm import Session

from tests.accounts.test_access_matrix import as_role
from tests.auth import ADMIN, EDITOR, login
from tests.satisfaction import figures_factories as f

URL = "/api/v1/tevredenheid/cijfers"
RANGE = {"van": "2031-01-01", "tot": "2031-12-31", "contactpunt": "antwoorden"}


def _scores(db: Session) -> f.World:
    """Twelve municipalities rate the editor's answers 4, and the admin's 1."""
    w = f.world(db)
    for n, place in enumerate(w.places[:12]):
        day = date(2031, 3, 1) + timedelta(days=n)
        f.rating(
            db, w, day=day, score=4, measures=["M01"], municipality=place.code, advisor=w.editor
        )
        f.rating(
            db, w, day=day, score=1, measures=["M01"], municipality=place.code, advisor=w.admin
        )
    db.flush()
    return w


def _mean(body: dict[str, object]) -> object:
    return body["antwoorden"]["groepen"][0]["totaal"]["gemiddelde"]  # type: ignore[index]


async def test_an_advisor_sees_her_own_scores_and_the_team_its_own(
    client: httpx.AsyncClient, db: Session
) -> None:
    w = _scores(db)
    await login(client, EDITOR)
    mine = (await client.get(URL, params={**RANGE, "adviseur": "ik"})).json()
    assert mine["adviseur"] == w.editor
    assert _mean(mine) == 4.0
    team = (await client.get(URL, params=RANGE)).json()
    assert team["adviseur"] is None
    assert _mean(team) == 2.5
    # Her own number is the same as 'ik'.
    same = await client.get(URL, params={**RANGE, "adviseur": str(w.editor)})
    assert same.status_code == 200
    assert _mean(same.json()) == 4.0


async def test_another_advisors_scores_are_for_the_admin_only(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    w = _scores(db)
    editor, admin = clients(), clients()
    await login(editor, EDITOR)
    await login(admin, ADMIN)
    for params in ({"adviseur": str(w.admin)}, {"groep": "adviseur"}):
        refused = await editor.get(URL, params={**RANGE, **params})
        assert refused.status_code == 403, refused.text
        assert "beheerder" in refused.json()["detail"]
        assert "gemiddelde" not in refused.text
    theirs = await admin.get(URL, params={**RANGE, "adviseur": str(w.editor)})
    assert _mean(theirs.json()) == 4.0
    grouped = (await admin.get(URL, params={**RANGE, "groep": "adviseur"})).json()
    by_advisor = {g["groep"]["code"]: g for g in grouped["antwoorden"]["groepen"]}
    assert by_advisor[str(w.editor)]["totaal"]["gemiddelde"] == 4.0
    assert by_advisor[str(w.admin)]["totaal"]["gemiddelde"] == 1.0
    assert by_advisor[str(w.editor)]["groep"]["naam"] != str(w.editor), "named, not numbered"


async def test_a_304_does_not_skip_the_access_check(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    _scores(db)
    admin, editor = clients(), clients()
    await login(admin, ADMIN)
    await login(editor, EDITOR)
    params = {**RANGE, "groep": "adviseur"}
    first = await admin.get(URL, params=params)
    tag = first.headers["etag"]
    assert first.headers["cache-control"] == "private, no-cache"
    assert (await admin.get(URL, params=params, headers={"If-None-Match": tag})).status_code == 304
    refused = await editor.get(URL, params=params, headers={"If-None-Match": tag})
    assert refused.status_code == 403


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("publiek", 401),
        ("utrecht", 403),
        ("expert", 403),
        ("partner", 403),
        ("redacteur", 200),
        ("beheerder", 200),
    ],
)
async def test_the_figures_and_low_scores_are_the_teams(
    clients: Callable[[], httpx.AsyncClient], role: str, status: int
) -> None:
    client = await as_role(role, clients)
    for path in (URL, "/api/v1/tevredenheid/lage-scores"):
        response = await client.get(path)
        assert response.status_code == status, (path, response.text)
    made = await client.post(
        "/api/v1/tevredenheid/lage-scores/tevredenheid-M01-1/signaal", json={"soort": "financien"}
    )
    assert made.status_code == (404 if status == 200 else status), made.text
