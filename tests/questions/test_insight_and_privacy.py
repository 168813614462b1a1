"""Insight over questions matches a count over the rows; clusters gather similar questions;
an asker's data can be exported and erased while the FAQ stays."""

import statistics
from datetime import date
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError

from api.core import clock
from api.questions.working_days import WorkingDays
from tests.auth import ADMIN, login
from tests.conftest import make_settings
from tests.questions.helpers import answer, ask, contact, editor, log_call, move


async def test_insight_matches_a_count_over_the_questions(clients: object) -> None:
    e = await editor(clients)
    period = {"van": "2026-03-02", "tot": "2026-03-15"}
    before = (await e.get("/api/v1/vragen/inzicht", params=period)).json()
    made = [
        await log_call(e, ontvangenOp="2026-03-02T09:00:00+01:00", maatregelen=["M04"]),
        await log_call(e, ontvangenOp="2026-03-03T09:00:00+01:00", maatregelen=["M04", "M05"]),
        await log_call(e, kanaal="spreekuur", ontvangenOp="2026-03-10T09:00:00+01:00"),
    ]
    await answer(e, made[0]["id"], "Antwoord.")
    after = (await e.get("/api/v1/vragen/inzicht", params=period)).json()
    assert after["aantal"] == before["aantal"] + 3

    def count(rows: list[dict[str, object]], key: str) -> int:
        return next((int(r["aantal"]) for r in rows if r["sleutel"] == key), 0)  # type: ignore[call-overload]

    assert count(after["perMaatregel"], "M04") == count(before["perMaatregel"], "M04") + 2
    assert count(after["perMaatregel"], "M05") == count(before["perMaatregel"], "M05") + 1
    assert count(after["perKanaal"], "spreekuur") == count(before["perKanaal"], "spreekuur") + 1
    weeks = {w["week"]: w["aantal"] for w in after["perWeek"]}
    assert sum(weeks.values()) == after["aantal"]
    # Answered today, received in March: overdue, so not within the service level.
    assert after["aandeelBinnenTermijn"] is not None
    assert after["aandeelBinnenTermijn"] < 1
    if before["aantal"] == 0:
        days = WorkingDays().between(date(2026, 3, 2), clock.today())
        assert after["mediaanWerkdagenTotAntwoord"] == statistics.median([days])
    bad = await e.get("/api/v1/vragen/inzicht", params={"van": "2026-03-15", "tot": "2026-03-01"})
    assert bad.status_code == 400


async def test_similar_questions_form_a_cluster_largest_first(clients: object) -> None:
    e = await editor(clients)
    period = {"van": "2026-02-01", "tot": "2026-02-28"}
    texts = [
        "Hoe berekenen wij de kostendelersnorm voor een inwonende student?",
        "Telt een inwonende student mee voor de kostendelersnorm?",
        "Kostendelersnorm en studerende kinderen die thuis wonen: hoe berekenen?",
    ]
    ids = [
        (
            await log_call(
                e, onderwerp=t[:40], vraag=t, ontvangenOp=f"2026-02-0{i + 2}T09:00:00+01:00"
            )
        )["id"]
        for i, t in enumerate(texts)
    ]
    unrelated = await log_call(
        e,
        onderwerp="Presentatie",
        vraag="Waar vind ik de presentatie van de regiobijeenkomst?",
        ontvangenOp="2026-02-05T09:00:00+01:00",
    )
    clusters = (await e.get("/api/v1/vragen/clusters", params=period)).json()["resultaten"]
    [biggest] = [c for c in clusters if ids[0] in {q["id"] for q in c["vragen"]}]
    assert {q["id"] for q in biggest["vragen"]} >= set(ids[:2])
    sizes = [c["aantal"] for c in clusters]
    assert sizes == sorted(sizes, reverse=True)
    assert unrelated["id"] not in {q["id"] for q in biggest["vragen"]}
    assert any(k.startswith("kostendeler") for k in biggest["kernwoorden"])


async def test_export_and_erasure_keep_the_faq(clients: object, tmp_path: Path) -> None:
    e = await editor(clients)
    c = await contact(clients)
    own = await ask(c, vraag="Ik, Ulla, vraag: hoe werkt de giftenvrijlating precies?")
    await answer(e, own["id"], "Zo werkt het, Ulla.")
    faq = await e.post(
        "/api/v1/faq",
        json={
            "vraag": "Hoe werkt de giftenvrijlating precies?",
            "antwoord": "Giften tot het vrijgelaten bedrag tellen niet mee.",
            "maatregelen": ["M01"],
            "vragen": [own["id"]],
        },
    )
    assert faq.status_code == 201, faq.text
    mine = (await c.get("/api/v1/vragenstellers/gegevens")).json()
    own_ids = [q["id"] for q in mine["vragen"]]
    assert own["id"] in own_ids
    assert (
        await c.get(
            "/api/v1/vragenstellers/gegevens",
            params={"email": "p.jansen@voorbeeldgemeente.example"},
        )
    ).status_code == 403
    by_team = await e.get(
        "/api/v1/vragenstellers/gegevens", params={"email": "UTRECHT@demo.spoorboek.example"}
    )
    assert [q["id"] for q in by_team.json()["vragen"]] == own_ids
    erased = await e.post(
        "/api/v1/vragenstellers/wissingen", json={"email": "utrecht@demo.spoorboek.example"}
    )
    assert erased.json()["gewisteVragen"] == len(own_ids)
    assert erased.json()["faqBehouden"] >= 1
    after = (await e.get(f"/api/v1/vragen/{own['id']}")).json()
    assert after["gewist"]
    assert after["vragensteller"]["email"] is None
    assert "Ulla" not in str(after)
    public: httpx.AsyncClient = clients()  # type: ignore[operator]
    assert (await public.get(f"/api/v1/faq/{faq.json()['id']}")).status_code == 200
    suggestions = await e.get(
        "/api/v1/vragen/vergelijkbaar", params={"tekst": "Ulla giftenvrijlating"}
    )
    assert own["id"] not in [q["id"] for q in suggestions.json()["vragen"]]
    admin: httpx.AsyncClient = clients()  # type: ignore[operator]
    await login(admin, ADMIN)
    log = (await admin.get("/api/v1/audit-gebeurtenissen")).json()["resultaten"]
    erasures = [a for a in log if a["gebeurtenis"] == "vragen.persoonsgegevens-gewist"]
    assert erasures
    assert "utrecht@" not in str(erasures)


async def test_erasure_also_clears_history_reasons_and_mail_to_the_address(
    clients: object,
) -> None:
    e = await editor(clients)
    q = await log_call(
        e, vragensteller={"naam": "Wim Wisser", "email": "w.wisser@gemeente.example"}
    )
    closed = await move(e, q["id"], "gesloten", toelichting="Wim Wisser belde terug: opgelost.")
    assert closed.status_code == 200
    await e.post("/api/v1/vragenstellers/wissingen", json={"email": "w.wisser@gemeente.example"})
    history = (await e.get(f"/api/v1/vragen/{q['id']}/geschiedenis")).text
    assert "Wisser" not in history
    admin: httpx.AsyncClient = clients()  # type: ignore[operator]
    await login(admin, ADMIN)
    export = await e.get(
        "/api/v1/vragenstellers/gegevens", params={"email": "w.wisser@gemeente.example"}
    )
    assert export.json()["vragen"] == []
    missing = await e.get("/api/v1/vragenstellers/gegevens")
    assert missing.status_code == 400


def test_the_holiday_calendar_always_includes_public_holidays(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        make_settings("sqlite://", tmp_path, holiday_categories="optional")
    assert make_settings("sqlite://", tmp_path, holiday_categories="public,optional")
