"""Peers who can help (docs/peers.md): municipalities that implemented a measure, ranked by the
documented score (checked against a score computed here from the tables, over every
municipality), naming only contacts who agreed to it, for the team and the municipality's own
contacts; and a contact's agreement under "mijn account"."""

import math
from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.ict.models import Application, Domain, SoftwareMeasure, Usage
from api.municipalities.models import Municipality
from api.progress.grid import Place
from api.progress.peers import likeness
from tests.auth import BOLLENSTREEK, EDITOR, SCRIPT, UTRECHT, login, machine_token

MINE = "/api/v1/mijn-account/collegiaal-contact"
DONE = {"geimplementeerd", "geevalueerd"}


def peers_url(code: str, measure: str) -> str:
    return f"/api/v1/gemeenten/{code}/voortgang/{measure}/collegas"


@pytest.mark.engine_neutral
def test_the_score_is_the_documented_one() -> None:
    def place(code: str, population: int, province: str, region: str) -> Place:
        return Place(code, code, code, population, province, region)

    own = place("GM0001", 100_000, "PV01", "AM01")
    # Twice as large, same region and province, same supplier: 2.10 + 2 + 1 + 2.
    assert likeness(own, place("GM0002", 200_000, "PV01", "AM01"), "a", "a").score == (
        pytest.approx(3 * (1 - math.log(2) / math.log(10)) + 5)
    )
    # Five times as small elsewhere, supplier unknown on one side: size only, 0.90.
    far = likeness(own, place("GM0003", 20_000, "PV02", "AM02"), "a", None)
    assert far.score == pytest.approx(0.9, abs=0.01)
    assert far.alike == ()
    # Ten times apart is worth nothing, and further apart never less.
    assert likeness(own, place("GM0004", 2_000_000, "PV02", "AM02"), None, None).score == 0


async def test_peers_implemented_it_and_come_in_the_order_of_the_score(
    client: httpx.AsyncClient, db: Session
) -> None:
    await login(client, EDITOR)
    needing = set(
        db.scalars(select(SoftwareMeasure.measure_code).where(SoftwareMeasure.needs_software))
    )
    suppliers = dict(
        db.execute(
            select(Usage.municipality_code, Application.supplier_code)
            .join(Application, Application.id == Usage.application_id)
            .where(Usage.domain == Domain.INCOME)
        ).all()
    )
    places = {m.code: m for m in db.scalars(select(Municipality))}
    matrix = (await client.get("/api/v1/voortgang/matrix")).json()
    measures = [m["code"] for m in matrix["maatregelen"]]
    phases = {row["gemeente"]["code"]: row["fasen"] for row in matrix["gemeenten"]}
    # One measure that needs software (where the supplier counts) and one that does not.
    chosen = [min(needing), min(set(measures) - needing)] if needing else measures[:2]
    for own in ("GM0344", "GM0534"):
        for measure in chosen:
            body = (await client.get(peers_url(own, measure))).json()
            index = measures.index(measure)
            me = places[own]
            software = measure in needing

            def score(
                code: str, me: Municipality = me, software: bool = software, own: str = own
            ) -> float:
                other = places[code]
                points = 3 * max(
                    0, 1 - abs(math.log(other.population / me.population)) / math.log(10)
                )
                points += 2 * (other.labour_market_region_code == me.labour_market_region_code)
                points += other.province_code == me.province_code
                same = software and suppliers.get(own) is not None
                points += 2 * (same and suppliers.get(own) == suppliers.get(code))
                return points

            done = [c for c in phases if c != own and phases[c][index] in DONE]
            expected = sorted(
                done,
                key=lambda c: (
                    -score(c),
                    abs(math.log(places[c].population / me.population)),
                    c,
                ),
            )[:5]
            assert [p["gemeente"]["code"] for p in body["collegas"]] == expected
            assert [p["score"] for p in body["collegas"]] == [round(score(c), 3) for c in expected]
            assert {p["fase"] for p in body["collegas"]} <= DONE
            assert body["fase"] == phases[own][index]


async def _only_utrecht_and_a_member_did(editor: httpx.AsyncClient, measure: str) -> None:
    """Every municipality back to not started on `measure`, except Utrecht and Hillegom (a
    member of the Bollenstreek), which implemented it."""
    codes = [
        row["gemeente"]["code"]
        for row in (await editor.get("/api/v1/voortgang/matrix")).json()["gemeenten"]
    ]
    rows = [
        {
            "gemeente": code,
            "maatregel": measure,
            "fase": "geimplementeerd" if code in ("GM0344", "GM0534") else "niet-gestart",
        }
        for code in codes
    ]
    written = await editor.post("/api/v1/voortgang/bulk", json={"rijen": rows})
    assert written.status_code == 200, written.text


async def test_only_contacts_who_agreed_are_named(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor, utrecht, bollenstreek = clients(), clients(), clients()
    await login(editor, EDITOR)
    await login(utrecht, UTRECHT)
    await login(bollenstreek, BOLLENSTREEK)
    await _only_utrecht_and_a_member_did(editor, "M16")
    # Bas of the Bollenstreek says no (whatever the demo chose for him); Ulla has not chosen.
    assert (await bollenstreek.put(MINE, json={"akkoord": False})).json() == {"akkoord": False}
    assert (await utrecht.get(MINE)).json() == {"akkoord": False}

    before = await editor.get(peers_url("GM0307", "M16"))
    assert before.status_code == 200, before.text
    peers = before.json()["collegas"]
    assert [p["gemeente"]["code"] for p in peers] == ["GM0344", "GM0534"]
    assert all(p["contactpersonen"] == [] for p in peers)

    agreed = await utrecht.put(MINE, json={"akkoord": True})
    assert agreed.status_code == 200, agreed.text
    assert (await utrecht.get(MINE)).json() == {"akkoord": True}
    after = (await editor.get(peers_url("GM0307", "M16"))).text
    named = (await editor.get(peers_url("GM0307", "M16"))).json()["collegas"][0]
    assert named["contactpersonen"] == [
        {"naam": "Ulla Utrecht (demo)", "email": "utrecht@demo.spoorboek.example"}
    ]
    overview = (await editor.get("/api/v1/gemeenten/GM0307/collegas")).json()
    line = next(m for m in overview["maatregelen"] if m["maatregel"]["code"] == "M16")
    assert line["verkeerslicht"] in {"te-laat", "risico"}
    assert line["collega"]["gemeente"]["code"] == "GM0344"
    assert line["collega"]["contactpersonen"] == named["contactpersonen"]
    # Whoever did not agree is nowhere in either answer, by name or by address.
    for text in (after, str(overview)):
        assert "bollenstreek@demo" not in text
        assert "Bas Bollenstreek" not in text

    # Taking it back takes her out at once.
    assert (await utrecht.put(MINE, json={"akkoord": False})).status_code == 200
    again = (await editor.get(peers_url("GM0307", "M16"))).json()["collegas"][0]
    assert again["contactpersonen"] == []


async def test_who_may_see_peers_and_who_may_choose(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    anonymous, editor, utrecht, bollenstreek, script = (clients() for _ in range(5))
    await login(editor, EDITOR)
    await login(utrecht, UTRECHT)
    await login(bollenstreek, BOLLENSTREEK)
    script.headers["Authorization"] = (
        f"Bearer {await machine_token(script, SCRIPT.client_id, SCRIPT.secret)}"
    )

    assert (await utrecht.get(peers_url("GM0344", "M01"))).status_code == 200
    assert (await bollenstreek.get(peers_url("GM0553", "M01"))).status_code == 200
    assert (await editor.get("/api/v1/gemeenten/GM0534/collegas")).status_code == 200
    # Another municipality's, a script's (even for its own), an unknown one: the 404 of progress.
    for caller, url in (
        (bollenstreek, peers_url("GM0344", "M01")),
        (utrecht, "/api/v1/gemeenten/GM0534/collegas"),
        (script, peers_url("GM0344", "M01")),
        (editor, peers_url("GM9999", "M01")),
        (editor, peers_url("GM0344", "M99")),
    ):
        response = await caller.get(url)
        assert response.status_code == 404, url
        assert response.headers["content-type"] == "application/problem+json"
    assert (await anonymous.get(peers_url("GM0344", "M01"))).status_code == 401

    assert (await anonymous.get(MINE)).status_code == 401
    assert (await editor.get(MINE)).status_code == 403
    assert (await editor.put(MINE, json={"akkoord": True})).status_code == 403
    for body in ({}, {"akkoord": "misschien"}, {"akkoord": True, "ook": 1}):
        refused = await utrecht.put(MINE, json=body)
        assert refused.status_code == 400, body
    assert (await utrecht.get(MINE)).json() == {"akkoord": False}
