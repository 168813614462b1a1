"""What if a date moves: the preview says what saving then does (every cell's light, the help
list, the products flagged, the notifications), and saves and sends nothing itself."""

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.audit.models import AuditEvent
from api.core import clock, data_versions
from api.mail.models import OutboxMessage
from api.notifications.models import Notification
from api.products.models import ProductChange
from api.progress.models import ProgressStatus, RoadmapStep
from tests.auth import EDITOR, UTRECHT, login
from tests.products.helpers import create, publish

# Wave 2 (M13) takes effect on 1 January 2027: by 1 July 2026 its impact analysis is late
# everywhere; moved half a year on, every cell of M13 is on track again.
MID_2026 = datetime(2026, 7, 1, 10, 0, tzinfo=UTC)
TABLES = (AuditEvent, Notification, OutboxMessage, ProductChange, ProgressStatus, RoadmapStep)


def _stored(db: Session) -> tuple[dict[str, int], dict[str, int]]:
    """Row counts of what a change could write, and the data versions."""
    counts = {t.__tablename__: db.scalar(select(func.count()).select_from(t)) or 0 for t in TABLES}
    return counts, data_versions.current(db)


async def _lights(editor: httpx.AsyncClient) -> dict[tuple[str, str], str]:
    matrix = (await editor.get("/api/v1/voortgang/matrix")).json()
    codes = [m["code"] for m in matrix["maatregelen"]]
    return {
        (row["gemeente"]["code"], code): light
        for row in matrix["gemeenten"]
        for code, light in zip(codes, row["verkeerslichten"], strict=True)
    }


def _expected(before: dict[tuple[str, str], str], preview: dict[str, Any]) -> dict[Any, str]:
    after = dict(before)
    for cell in preview["cellen"]["resultaten"]:
        key = (cell["gemeente"]["code"], cell["maatregel"]["code"])
        assert before[key] == cell["voor"]
        after[key] = cell["na"]
    return after


async def test_a_measure_preview_is_what_saving_then_does_and_nothing_before(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor, tester = clients(), clients()
    await login(editor, EDITOR)
    product = await create(editor, maatregelen=["M13"])
    assert (await publish(editor, tester, product["id"])).status_code == 200
    with clock.fixed_clock(MID_2026):
        before = await _lights(editor)
        stored = _stored(db)
        response = await editor.post(
            "/api/v1/maatregelen/M13/voorvertoning?maxCellen=10000",
            json={"ingangsdatum": "2027-07-01"},
        )
        assert response.status_code == 200, response.text
        preview = response.json()

        # Nothing saved, flagged or sent.
        assert _stored(db) == stored
        assert await _lights(editor) == before
        measure = (await editor.get("/api/v1/maatregelen/M13")).json()
        assert measure["ingangsdatum"] == "2027-01-01"
        shown = (await editor.get(f"/api/v1/producten/{product['id']}")).json()
        assert shown["actualiteitControleren"] is False

        assert preview["peildatum"] == "2026-07-01"
        assert [
            (m["maatregel"]["code"], m["ingangsdatumVoor"], m["ingangsdatumNa"])
            for m in preview["maatregelen"]
        ] == [("M13", "2027-01-01", "2027-07-01")]
        cells = preview["cellen"]
        assert cells["aantal"] == len(cells["resultaten"]) > 0
        assert {c["na"] for c in cells["resultaten"]} == {"op-schema"}
        assert preview["hulpNodig"]["eraf"] == cells["aantal"]
        assert preview["hulpNodig"]["erbij"] == 0
        listed = {p["id"]: p["actualiteitControleren"] for p in preview["producten"]}
        assert listed[product["id"]] is True
        capped = await editor.post(
            "/api/v1/maatregelen/M13/voorvertoning?maxCellen=5",
            json={"ingangsdatum": "2027-07-01"},
        )
        assert capped.json()["cellen"]["aantal"] == cells["aantal"]
        assert capped.json()["cellen"]["resultaten"] == cells["resultaten"][:5]

        notifications = db.scalar(select(func.count()).select_from(Notification)) or 0
        saved = await editor.patch("/api/v1/maatregelen/M13", json={"ingangsdatum": "2027-07-01"})
        assert saved.status_code == 200, saved.text
        after = await _lights(editor)

    # Every cell's light after saving is the preview's, and so are the counts.
    assert after == _expected(before, preview)
    counted = Counter(after.values())
    assert {c["verkeerslicht"]: c["na"] for c in preview["verkeerslichten"]} == {
        light: counted[light] for light in ("op-schema", "risico", "te-laat")
    }
    assert {c["verkeerslicht"]: c["voor"] for c in preview["verkeerslichten"]} == {
        light: Counter(before.values())[light] for light in ("op-schema", "risico", "te-laat")
    }
    made = (db.scalar(select(func.count()).select_from(Notification)) or 0) - notifications
    assert made == sum(m["aantal"] for m in preview["meldingen"] if m["moment"] == "direct")
    flagged = (await editor.get(f"/api/v1/producten/{product['id']}")).json()
    assert flagged["actualiteitControleren"] is True


async def test_wave_and_roadmap_previews_check_as_saving_does(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor, contact = clients(), clients()
    await login(editor, EDITOR)
    await login(contact, UTRECHT)
    roadmap = (await editor.get("/api/v1/maatregelen/M13/routekaart")).json()
    steps = [
        {
            "code": s["code"],
            "titel": s["titel"],
            "startDagen": s["startDagen"],
            "eindeDagen": s["eindeDagen"],
            "afhankelijkVan": s["afhankelijkVan"],
        }
        for s in roadmap["stappen"]
    ]
    stored = _stored(db)

    # The same refusals as the change itself, and nothing stored by any of them.
    wrong = [{**steps[0], "startDagen": 10, "eindeDagen": 5}, *steps[1:]]
    for path, body, method in (
        ("/maatregelen/M13/routekaart", {"stappen": wrong}, "put"),
        ("/fasen/2", {"ingangsdatum": None}, "patch"),
        ("/maatregelen/M13", {"thema": "bestaat-niet"}, "patch"),
    ):
        refused = await editor.request(method, f"/api/v1{path}", json=body)
        previewed = await editor.post(f"/api/v1{path}/voorvertoning", json=body)
        assert refused.status_code == previewed.status_code == 400, previewed.text
        assert previewed.json()["invalidParams"] == refused.json()["invalidParams"]
    assert (await editor.post("/api/v1/maatregelen/M99/voorvertoning", json={})).status_code == 404
    assert (await editor.post("/api/v1/fasen/9/voorvertoning", json={})).status_code == 404
    forbidden = await contact.post("/api/v1/fasen/2/voorvertoning", json={"naam": "Fase twee"})
    assert forbidden.status_code == 403
    assert _stored(db) == stored

    # A wave's products-due date moves the products' delivery date, and flags none.
    product = await create(editor, maatregelen=["M13"])
    stored = _stored(db)
    wave = await editor.post(
        "/api/v1/fasen/2/voorvertoning", json={"productenGereedOp": "2026-09-15"}
    )
    assert wave.status_code == 200, wave.text
    moved = [p for p in wave.json()["producten"] if p["id"] == product["id"]]
    assert [(p["uitersteLeverdatumNa"], p["actualiteitControleren"]) for p in moved] == [
        ("2026-09-15", False)
    ]
    assert wave.json()["cellen"]["aantal"] == 0
    version = (await editor.get("/api/v1/fasen/2")).json()["versie"]
    stale = await editor.post(
        "/api/v1/fasen/2/voorvertoning",
        json={"productenGereedOp": "2026-09-15"},
        headers={"If-Match": f'"v{version + 1}"'},
    )
    assert stale.status_code == 412, "the same If-Match check as the change"
    assert _stored(db) == stored

    # Every step nine months later: the preview is what the PUT does.
    with clock.fixed_clock(MID_2026):
        before = await _lights(editor)
        later = [
            {**s, "startDagen": s["startDagen"] + 270, "eindeDagen": s["eindeDagen"] + 270}
            for s in steps
        ]
        response = await editor.post(
            "/api/v1/maatregelen/M13/routekaart/voorvertoning?maxCellen=10000",
            json={"stappen": later},
        )
        assert response.status_code == 200, response.text
        assert await _lights(editor) == before
        saved = await editor.put("/api/v1/maatregelen/M13/routekaart", json={"stappen": later})
        assert saved.status_code == 200, saved.text
        assert await _lights(editor) == _expected(before, response.json())
    assert response.json()["cellen"]["aantal"] > 0
    assert response.json()["maatregelen"] == []
