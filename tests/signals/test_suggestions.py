"""Suggestions: a group of blockers or a cluster of questions is proposed once it crosses a
threshold (municipalities, or rising this month), stays away once dismissed until its evidence
grows, and taken over becomes a derived signal with all its evidence."""

from datetime import UTC, datetime, time, timedelta

import httpx
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit.models import AuditEvent
from api.core import clock
from api.municipalities.models import Municipality
from api.progress.models import BlockerKind, ProgressStatus
from api.signals.models import DismissedSuggestion, Signal
from tests.auth import STIMULANSZ
from tests.conftest import api_of
from tests.questions.helpers import log_call
from tests.signals.blocker_helpers import block, free_cells
from tests.signals.helpers import editor, person, report, utrecht

SUGGESTIONS = "/api/v1/signalen/suggesties"

BLOCKER_TEXTS = [
    "Het Inlichtingenbureau levert de signalen over vermogen in het buitenland nog niet aan.",
    "Signalen van het Inlichtingenbureau over buitenlands vermogen ontbreken nog.",
    "Wij krijgen van het Inlichtingenbureau nog geen signalen over vermogen in het buitenland.",
]
QUESTION_TEXTS = [
    "Telt een lijfrente-uitkering uit Duitsland mee als inkomen bij de giftenvrijlating?",
    "Lijfrente uit Duitsland en de giftenvrijlating: telt die lijfrente als inkomen?",
    "Moeten wij een Duitse lijfrente als inkomen zien naast de giftenvrijlating?",
]
# Before last month, within the 90 days of questions: neither new this month nor last month.
LONG_AGO = timedelta(days=70)


def _last_month() -> datetime:
    start = clock.today().replace(day=1)
    previous = (start - timedelta(days=1)).replace(day=10)
    return datetime.combine(previous, time(12), tzinfo=clock.AMSTERDAM)


async def _suggestions(client: httpx.AsyncClient) -> dict[str, dict]:  # type: ignore[type-arg]
    response = await client.get(SUGGESTIONS)
    assert response.status_code == 200, response.text
    return {s["sleutel"]: s for s in response.json()["resultaten"]}


def _holding(found: dict[str, dict], cell: ProgressStatus) -> dict | None:  # type: ignore[type-arg]
    """The suggestion with this cell among its evidence."""
    for suggestion in found.values():
        for item in suggestion["knelpunten"]:
            if (item["gemeente"]["code"], item["maatregel"]["code"]) == (
                cell.municipality_code,
                cell.measure_code,
            ):
                return suggestion
    return None


async def test_a_group_of_blockers_is_suggested_once_enough_municipalities_show_it(
    app: FastAPI, clients: object, db: Session
) -> None:
    cells = free_cells(db, 5)
    long_ago = datetime.now(UTC) - LONG_AGO
    block(db, cells[:4], BLOCKER_TEXTS, at=long_ago, kind=BlockerKind.CHAIN_PARTNERS)
    e = await editor(clients)
    response = await e.get(SUGGESTIONS)
    assert response.json()["drempels"] == {"gemeenten": 5, "stijgendMinimaal": 2, "dagenVragen": 90}
    assert _holding(await _suggestions(e), cells[0]) is None

    block(db, cells[4:], BLOCKER_TEXTS[:1], at=long_ago, kind=BlockerKind.CHAIN_PARTNERS)
    suggestion = _holding(await _suggestions(e), cells[0])
    assert suggestion is not None
    assert suggestion["sleutel"] == f"knelpunten-{cells[0].municipality_code}-M05"
    assert suggestion["bron"] == "knelpunten"
    assert [r["code"] for r in suggestion["redenen"]] == ["gemeenten"]
    assert suggestion["aantalGemeenten"] == 5
    assert suggestion["aantalBewijs"] == 5
    assert {k["gemeente"]["code"] for k in suggestion["knelpunten"]} == {
        c.municipality_code for c in cells
    }
    assert suggestion["voorstel"]["soort"] == "ketenpartners"
    assert suggestion["voorstel"]["maatregelen"] == ["M05"]

    # The threshold is a setting.
    api = api_of(app)
    api.state.settings = api.state.settings.model_copy(
        update={"signal_suggestion_municipalities": 6}
    )
    assert _holding(await _suggestions(e), cells[0]) is None


async def test_a_rising_group_is_suggested_below_the_threshold(
    clients: object, db: Session
) -> None:
    cells = free_cells(db, 4)
    block(db, cells[:2], BLOCKER_TEXTS, at=_last_month())
    block(db, cells[2:], BLOCKER_TEXTS)
    e = await editor(clients)
    # Two new this month, two the month before: not rising.
    assert _holding(await _suggestions(e), cells[0]) is None
    # One of last month's is solved: two new against one.
    cells[1].blockers = None
    db.flush()
    suggestion = _holding(await _suggestions(e), cells[0])
    assert suggestion is not None
    assert [r["code"] for r in suggestion["redenen"]] == ["stijgend"]
    assert (suggestion["nieuwDezeMaand"], suggestion["nieuwVorigeMaand"]) == (2, 1)
    assert suggestion["aantalGemeenten"] == 3
    # Without a kind in the evidence the proposal leaves the kind to the advisor.
    assert suggestion["voorstel"]["soort"] is None


async def test_a_dismissed_suggestion_stays_away_until_its_evidence_grows(
    clients: object, db: Session
) -> None:
    cells = free_cells(db, 6)
    long_ago = datetime.now(UTC) - LONG_AGO
    block(db, cells[:5], BLOCKER_TEXTS, at=long_ago)
    e = await editor(clients)
    key = _holding(await _suggestions(e), cells[0])["sleutel"]  # type: ignore[index]
    dismissed = await e.post(f"{SUGGESTIONS}/{key}/afwijzen")
    assert dismissed.status_code == 204, dismissed.text
    assert key not in await _suggestions(e)
    assert db.get(DismissedSuggestion, key).evidence == 5  # type: ignore[union-attr]
    audited = db.scalars(
        select(AuditEvent).where(
            AuditEvent.event == "signal.suggestion_dismissed",
            AuditEvent.subject == f"suggestion:{key}",
        )
    ).all()
    assert [a.details["bewijs"] for a in audited] == [5]

    # Another municipality reports it: the evidence grew, so it is back.
    block(db, cells[5:], BLOCKER_TEXTS, at=long_ago)
    back = (await _suggestions(e))[key]
    assert back["aantalBewijs"] == 6
    assert back["eerderAfgewezen"]["aantalBewijs"] == 5
    again = await e.post(f"{SUGGESTIONS}/{key}/afwijzen")
    assert again.status_code == 204
    assert key not in await _suggestions(e)
    db.expire_all()
    assert db.get(DismissedSuggestion, key).evidence == 6  # type: ignore[union-attr]


async def test_taking_over_a_question_cluster_makes_a_derived_signal_with_its_questions(
    clients: object, db: Session
) -> None:
    places = list(db.scalars(select(Municipality.code).order_by(Municipality.code.desc()).limit(5)))
    received = (datetime.now(UTC) - LONG_AGO).isoformat()
    e = await editor(clients)
    asked = [
        (
            await log_call(
                e,
                onderwerp=f"Lijfrente uit Duitsland ({place})",
                vraag=QUESTION_TEXTS[i % 3],
                gemeente=place,
                ontvangenOp=received,
            )
        )["id"]
        for i, place in enumerate(places)
    ]
    key = f"vragen-{asked[0]}"
    suggestion = (await _suggestions(e))[key]
    assert suggestion["bron"] == "vragen"
    assert {q["id"] for q in suggestion["vragen"]} == set(asked)
    assert suggestion["aantalGemeenten"] == 5
    assert suggestion["voorstel"]["maatregelen"] == ["M01"]
    assert suggestion["voorstel"]["soort"] is None

    # Nothing says which kind it is: the advisor chooses it as she takes it over.
    unchosen = await e.post(f"{SUGGESTIONS}/{key}/overnemen")
    assert unchosen.status_code == 400
    assert unchosen.json()["invalidParams"][0]["name"] == "soort"
    taken = await e.post(f"{SUGGESTIONS}/{key}/overnemen", json={"soort": "wet-en-regelgeving"})
    assert taken.status_code == 201, taken.text
    signal = taken.json()
    assert taken.headers["Location"] == f"/api/v1/signalen/{signal['id']}"
    assert signal["melderSoort"] == "afgeleid"
    assert signal["titel"] == suggestion["voorstel"]["titel"]
    assert {q["id"] for q in signal["vragen"]} == set(asked)
    assert signal["bereik"]["gemeenten"] == 5
    assert db.get(Signal, signal["id"]).suggestion_key == key  # type: ignore[union-attr]
    assert key not in await _suggestions(e)
    assert (
        await e.post(f"{SUGGESTIONS}/{key}/overnemen", json={"soort": "financien"})
    ).status_code == 409
    assert (await e.post(f"{SUGGESTIONS}/{key}/afwijzen")).status_code == 409
    audited = db.scalars(
        select(AuditEvent).where(
            AuditEvent.event == "signal.suggestion_accepted",
            AuditEvent.subject == f"signal:{signal['id']}",
        )
    ).all()
    assert [(a.details["sleutel"], a.details["vragen"]) for a in audited] == [(key, 5)]


async def test_taking_over_a_group_of_blockers_links_every_cell(
    clients: object, db: Session
) -> None:
    cells = free_cells(db, 5)
    block(db, cells, BLOCKER_TEXTS, at=datetime.now(UTC) - LONG_AGO, kind=BlockerKind.LAW)
    e = await editor(clients)
    key = _holding(await _suggestions(e), cells[0])["sleutel"]  # type: ignore[index]
    taken = await e.post(f"{SUGGESTIONS}/{key}/overnemen")
    assert taken.status_code == 201, taken.text
    signal = taken.json()
    assert signal["soort"] == "wet-en-regelgeving"
    assert signal["melderSoort"] == "afgeleid"
    assert {(k["gemeente"]["code"], k["maatregel"]) for k in signal["knelpunten"]} == {
        (c.municipality_code, "M05") for c in cells
    }
    assert key not in await _suggestions(e)


async def test_a_suggestion_already_in_the_register_is_left_out(
    clients: object, db: Session
) -> None:
    cells = free_cells(db, 5)
    block(db, cells, BLOCKER_TEXTS, at=datetime.now(UTC) - LONG_AGO)
    e = await editor(clients)
    key = _holding(await _suggestions(e), cells[0])["sleutel"]  # type: ignore[index]
    signal = await report(e)
    half = [{"gemeente": c.municipality_code, "maatregel": "M05"} for c in cells[:3]]
    await e.post(f"/api/v1/signalen/{signal['id']}/bewijs", json={"knelpunten": half})
    partly = (await _suggestions(e))[key]
    assert [(s["id"], s["aantalBewijs"]) for s in partly["signalen"]] == [(signal["id"], 3)]
    rest = [{"gemeente": c.municipality_code, "maatregel": "M05"} for c in cells[3:]]
    await e.post(f"/api/v1/signalen/{signal['id']}/bewijs", json={"knelpunten": rest})
    assert key not in await _suggestions(e)


async def test_unknown_and_malformed_keys(clients: object) -> None:
    e = await editor(clients)
    for path in (
        f"{SUGGESTIONS}/vragen-2000000000/overnemen",
        f"{SUGGESTIONS}/knelpunten-GM9999-M01/afwijzen",
    ):
        response = await e.post(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/problem+json"
    malformed = await e.post(f"{SUGGESTIONS}/iets-anders/afwijzen")
    assert malformed.status_code == 400


async def test_only_the_programme_team(clients: object) -> None:
    anonymous: httpx.AsyncClient = clients()  # type: ignore[operator]
    assert (await anonymous.get(SUGGESTIONS)).status_code == 401
    assert (await anonymous.post(f"{SUGGESTIONS}/vragen-1/afwijzen")).status_code == 401
    for caller in (await utrecht(clients), await person(clients, STIMULANSZ)):
        assert (await caller.get(SUGGESTIONS)).status_code == 403
        assert (await caller.post(f"{SUGGESTIONS}/vragen-1/overnemen")).status_code == 403
        assert (await caller.post(f"{SUGGESTIONS}/vragen-1/afwijzen")).status_code == 403
