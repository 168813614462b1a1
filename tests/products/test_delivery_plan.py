"""The delivery plan per wave: types present and missing, late products, what is due soon."""

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import httpx
from sqlalchemy import update
from sqlalchemy.orm import Session

from api.core import clock
from api.products.models import Product, ProductChange, ProductVersion
from tests.auth import EDITOR, UTRECHT, login
from tests.products.helpers import create, move, publish


async def test_plan_per_wave(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor = clients()
    await login(editor, EDITOR)
    today = clock.today()
    due = today + timedelta(days=20)
    moved = await editor.patch("/api/v1/fasen/3", json={"productenGereedOp": due.isoformat()})
    assert moved.status_code == 200, moved.text
    late = await create(
        editor, titel="Te late impactanalyse", soort="impactanalyse", maatregelen=["M17"]
    )
    after = today + timedelta(days=30)
    plan = (await editor.get(f"/api/v1/leveringsplan?peildatum={after}&fase=3")).json()
    assert [w["fase"] for w in plan["fasen"]] == [3]
    m17 = next(m for m in plan["fasen"][0]["maatregelen"] if m["maatregel"]["code"] == "M17")
    assert "impactanalyse" in m17["aanwezigeSoorten"]
    assert set(m17["ontbrekendeSoorten"]).isdisjoint(m17["aanwezigeSoorten"])
    assert late["id"] in [p["id"] for p in m17["teLaat"]]
    early = (await editor.get(f"/api/v1/leveringsplan?peildatum={today}&fase=3&weken=6")).json()
    m17_early = next(m for m in early["fasen"][0]["maatregelen"] if m["maatregel"]["code"] == "M17")
    assert late["id"] not in [p["id"] for p in m17_early["teLaat"]]
    assert late["id"] in [p["id"] for p in early["binnenkort"]]
    horizon = today + timedelta(weeks=6)
    assert all(str(today) <= p["uitersteLeverdatum"] <= str(horizon) for p in early["binnenkort"])


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def _backdate(db: Session, product_id: int, created: date, **changes: date) -> None:
    """Moves a product's history into the past: its creation, its status changes (by the
    status they moved to), and the publication of its first version."""
    db.execute(update(Product).where(Product.id == product_id).values(created_at=_moment(created)))
    for status, day in changes.items():
        kind = "status:" + status.replace("_", "-")
        db.execute(
            update(ProductChange)
            .where(ProductChange.product_id == product_id, ProductChange.kind == kind)
            .values(occurred_at=_moment(day))
        )
        if status == "gepubliceerd":
            db.execute(
                update(ProductVersion)
                .where(ProductVersion.product_id == product_id, ProductVersion.number == 1)
                .values(published_at=_moment(day))
            )
    db.commit()
    db.expire_all()


def _m17(plan: dict[str, Any]) -> dict[str, Any]:
    measures = plan["fasen"][0]["maatregelen"]
    return next(m for m in measures if m["maatregel"]["code"] == "M17")  # type: ignore[no-any-return]


async def test_a_past_plan_counts_the_products_as_they_were(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor, tester = clients(), clients()
    await login(editor, EDITOR)
    today = clock.today()
    day = today - timedelta(days=10)
    await editor.patch(
        "/api/v1/fasen/3", json={"productenGereedOp": str(today - timedelta(days=15))}
    )
    # Late on the day asked, published since.
    since = await create(editor, titel="Later gepubliceerd", maatregelen=["M17"])
    await publish(editor, tester, since["id"])
    _backdate(
        db,
        since["id"],
        today - timedelta(days=30),
        in_ontwikkeling=today - timedelta(days=25),
        in_toetsing=today - timedelta(days=8),
        gepubliceerd=today - timedelta(days=5),
    )
    # Created after the day asked.
    newer = await create(editor, titel="Pas later gemaakt", maatregelen=["M17"])
    # Published before the day asked, withdrawn after it; of a type M17 has nowhere else.
    present = _m17((await editor.get("/api/v1/leveringsplan?fase=3")).json())["aanwezigeSoorten"]
    rare = next(t for t in ("opname", "presentatie", "modelbeschikking") if t not in present)
    gone = await create(editor, titel="Ingetrokken", soort=rare, maatregelen=["M17"])
    await publish(editor, tester, gone["id"])
    await move(editor, gone["id"], "ingetrokken", toelichting="Vervangen")
    _backdate(
        db,
        gone["id"],
        today - timedelta(days=40),
        in_ontwikkeling=today - timedelta(days=40),
        in_toetsing=today - timedelta(days=35),
        gepubliceerd=today - timedelta(days=30),
        ingetrokken=today - timedelta(days=5),
    )

    then = _m17((await editor.get(f"/api/v1/leveringsplan?peildatum={day}&fase=3")).json())
    late_then = {p["id"]: p for p in then["teLaat"]}
    assert since["id"] in late_then
    assert late_then[since["id"]]["status"] == "in-ontwikkeling"
    assert newer["id"] not in late_then
    assert rare in then["aanwezigeSoorten"]

    now = _m17((await editor.get(f"/api/v1/leveringsplan?peildatum={today}&fase=3")).json())
    late_now = {p["id"] for p in now["teLaat"]}
    assert since["id"] not in late_now
    assert newer["id"] in late_now
    assert rare not in now["aanwezigeSoorten"]


async def test_plan_is_for_the_programme_team(clients: Callable[[], httpx.AsyncClient]) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    assert (await contact.get("/api/v1/leveringsplan")).status_code == 403
    assert (await clients().get("/api/v1/leveringsplan")).status_code == 401
    editor = clients()
    await login(editor, EDITOR)
    assert (await editor.get("/api/v1/leveringsplan?weken=0")).status_code == 400
