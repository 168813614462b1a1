"""A supplier's overview names the open signals about it, for the team only: the count is the
register's open signals naming the supplier (checked by brute force over every row), a closed
signal leaves it, and the supplier's own client gets null. The list of suppliers gives every
supplier's count, from one grouped query."""

from collections.abc import Callable

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.core.security import Principal, Role
from api.organisations.models import Organisation
from api.signals import of_supplier
from api.signals.models import Signal
from tests.auth import UTRECHT
from tests.ict.helpers import person, supplier
from tests.signals.helpers import report, walk

OWN = "demo-rekenwerk"


def brute_force(db: Session) -> dict[str, list[int]]:
    """Per supplier the ids of the signals naming it that are neither fed back nor rejected."""
    db.expire_all()
    found: dict[str, list[int]] = {}
    for signal in db.scalars(select(Signal)):
        if signal.supplier_code is not None and signal.status not in (
            "teruggekoppeld",
            "afgewezen",
        ):
            found.setdefault(signal.supplier_code, []).append(signal.id)
    return found


async def test_open_signals_per_supplier_for_the_team_only(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor, contact, own = (
        await person(clients),
        await person(clients, UTRECHT),
        await supplier(clients),
    )
    first = await report(contact, leverancier=OWN, titel="Release komt na de ingangsdatum")
    second = await report(editor, leverancier=OWN, titel="Koppeling ontbreekt nog")
    closed = await report(editor, leverancier=OWN, titel="Al afgehandeld")
    await report(editor, leverancier="demo-tulpdata")
    await report(editor)  # names no supplier
    await walk(editor, closed["id"], "afgewezen")
    await walk(editor, first["id"], "doorgezet")  # passed on, still open

    expected = brute_force(db)
    codes = db.scalars(select(Organisation.code).where(Organisation.kind == "leverancier")).all()
    assert OWN in codes
    assert len(codes) >= 3
    for code in codes:
        response = await editor.get(f"/api/v1/ict/leveranciers/{code}/overzicht")
        assert response.status_code == 200, response.text
        signals = response.json()["openSignalen"]
        ids = sorted(expected.get(code, []), reverse=True)
        assert signals["aantal"] == len(ids), code
        assert [s["id"] for s in signals["laatste"]] == ids[:3], code
    listed = await editor.get("/api/v1/ict/leveranciers")
    assert listed.status_code == 200, listed.text
    per_supplier = {s["code"]: s["openSignalen"] for s in listed.json()["resultaten"]}
    assert per_supplier == {code: len(expected.get(code, [])) for code in codes}
    contact_principal = Principal(kind="user", user_id=2, roles=frozenset({Role.MUNICIPAL_CONTACT}))
    assert of_supplier.open_of(db, contact_principal, OWN) is None
    mine = (await editor.get(f"/api/v1/ict/leveranciers/{OWN}/overzicht")).json()["openSignalen"]
    assert closed["id"] not in {s["id"] for s in mine["laatste"]}
    assert {"id": second["id"], "titel": "Koppeling ontbreekt nog"} in mine["laatste"]

    # The register, filtered as the supplier page links to it, counts the same.
    register = await editor.get("/api/v1/signalen", params={"leverancier": OWN, "open": "true"})
    assert register.json()["paginering"]["totaal"] == mine["aantal"]

    # Rejecting one more takes it out of the count at once.
    await walk(editor, second["id"], "afgewezen")
    after = (await editor.get(f"/api/v1/ict/leveranciers/{OWN}/overzicht")).json()
    assert after["openSignalen"]["aantal"] == mine["aantal"] - 1 == len(brute_force(db)[OWN])
    listed = (await editor.get("/api/v1/ict/leveranciers")).json()["resultaten"]
    own_count = next(s["openSignalen"] for s in listed if s["code"] == OWN)
    assert own_count == after["openSignalen"]["aantal"]

    # The supplier's own client sees its overview, never the signals about it.
    theirs = await own.get(f"/api/v1/ict/leveranciers/{OWN}/overzicht")
    assert theirs.status_code == 200, theirs.text
    assert theirs.json()["openSignalen"] is None
    assert "Release komt na" not in theirs.text
