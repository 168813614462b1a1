"""Low answer scores on one measure are suggested in the figures, and an editor turns one into a
signal of the knelpunten register in one step, with the low-rated questions as its evidence."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit.models import AuditEvent
from api.core.clock import fixed_clock
from tests.auth import EDITOR, login
from tests.satisfaction import figures_factories as f

LIST = "/api/v1/tevredenheid/lage-scores"
TODAY = date(2031, 6, 30)


@pytest.fixture(autouse=True)
def _today() -> Iterator[None]:
    with fixed_clock(datetime(2031, 6, 30, 10, tzinfo=UTC)):
        yield


def _ratings(db: Session) -> dict[str, list[int]]:
    """M05 rated low by eight municipalities in the last 90 days (and well before them), M06
    rated well, M07 rated low but by three only. Returns each measure's questions, oldest
    rating first."""
    w = f.world(db)
    made: dict[str, list[int]] = {"M05": [], "M06": [], "M07": []}
    plan = {
        "M05": [1, 2, 1, 3, 2, 2, 4, 1],
        "M06": [4, 5, 4, 5, 3, 4],
        "M07": [1, 1, 1],
    }
    for code, scores in plan.items():
        for n, score in enumerate(scores):
            rated = TODAY - timedelta(days=80 - 5 * n)
            question = f.rating(
                db,
                w,
                day=rated - timedelta(days=1),
                rated=rated,
                score=score,
                measures=[code],
                municipality=w.places[n].code,
                advisor=w.editor,
                subject=f"Vraag {n} over {code}",
            )
            made[code].append(question.id)
    # Long ago, and rated well: outside the window, so it changes nothing.
    f.rating(
        db,
        w,
        day=TODAY - timedelta(days=200),
        score=5,
        measures=["M05"],
        municipality=w.places[20].code,
        advisor=w.editor,
    )
    db.flush()
    return made


async def test_a_measure_rated_low_is_suggested_with_its_low_rated_questions(
    client: httpx.AsyncClient, db: Session
) -> None:
    made = _ratings(db)
    await login(client, EDITOR)
    body = (await client.get(LIST)).json()
    assert body["drempels"] == {"gemiddeldeHoogstens": 2.5, "minimaalBeoordeeld": 5, "dagen": 90}
    assert [s["maatregel"]["code"] for s in body["resultaten"]] == ["M05"]
    found = body["resultaten"][0]
    assert found["sleutel"] == f"tevredenheid-M05-{made['M05'][0]}"
    assert found["gemiddelde"] == 2.0
    assert found["aantalBeoordeeld"] == 8
    low = [q for q, s in zip(made["M05"], [1, 2, 1, 3, 2, 2, 4, 1], strict=True) if s <= 2]
    assert [q["id"] for q in found["vragen"]] == low
    assert found["voorstel"]["maatregelen"] == ["M05"]
    assert "2,0" in found["voorstel"]["omschrijving"] or "2.0" in found["voorstel"]["omschrijving"]


async def test_one_step_makes_a_signal_with_the_questions_as_evidence(
    client: httpx.AsyncClient, db: Session
) -> None:
    _ratings(db)
    await login(client, EDITOR)
    key = (await client.get(LIST)).json()["resultaten"][0]["sleutel"]
    path = f"{LIST}/{key}/signaal"
    response = await client.post(path, json={"soort": "implementatieproducten"})
    assert response.status_code == 201, response.text
    made = response.json()
    assert made["status"] == "gemeld"
    assert made["aantalVragen"] == 6
    assert response.headers["location"] == f"/api/v1/signalen/{made['id']}"
    signal = (await client.get(response.headers["location"])).json()
    assert signal["melderSoort"] == "afgeleid"
    assert signal["soort"] == "implementatieproducten"
    assert [m["code"] for m in signal["maatregelen"]] == ["M05"]
    assert len(signal["vragen"]) == 6
    assert all("M05" in q["onderwerp"] for q in signal["vragen"])
    audited = db.scalar(select(AuditEvent).where(AuditEvent.event == "signal.low_scores_accepted"))
    assert audited is not None
    # Made once: no longer suggested, and a second time is a conflict.
    assert (await client.get(LIST)).json()["resultaten"] == []
    again = await client.post(path, json={"soort": "implementatieproducten"})
    assert again.status_code == 409


async def test_the_kind_is_chosen_and_unknown_keys_are_not_found(
    client: httpx.AsyncClient, db: Session
) -> None:
    made = _ratings(db)
    await login(client, EDITOR)
    key = f"tevredenheid-M05-{made['M05'][0]}"
    missing_kind = await client.post(f"{LIST}/{key}/signaal", json={})
    assert missing_kind.status_code == 400
    for other in (f"tevredenheid-M06-{made['M06'][0]}", "tevredenheid-M05-1"):
        response = await client.post(f"{LIST}/{other}/signaal", json={"soort": "financien"})
        assert response.status_code == 404, response.text
    malformed = await client.post(f"{LIST}/vragen-12/signaal", json={"soort": "financien"})
    assert malformed.status_code == 400
