"""The blockers view: counts per measure and kind that match a count over the cells, groups of
similar texts with a key that holds as they grow, and a group made a signal in one step."""

from collections import Counter
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit.models import AuditEvent
from api.progress.models import BlockerKind, ProgressStatus
from api.signals.blockers import BlockerKindFilter
from tests.auth import STIMULANSZ
from tests.signals.blocker_helpers import block, free_cells
from tests.signals.helpers import editor, person, report, utrecht

VIEW = "/api/v1/signalen/knelpunten"
GROUPS = "/api/v1/signalen/knelpunten/groepen"

SIMILAR = [
    "De koppeling met het inkomstenregister van onze leverancier werkt nog niet.",
    "Koppeling inkomstenregister: leverancier levert niet op tijd.",
    "Leverancier heeft de koppeling met het inkomstenregister nog niet klaar.",
]
UNRELATED = "De wethouder wil eerst de evaluatie van de pilot met vrijwilligers afwachten."


def _brute_force(db: Session, measure: str | None = None, kind: str | None = None) -> dict:  # type: ignore[type-arg]
    cells = [
        c
        for c in db.scalars(select(ProgressStatus).where(ProgressStatus.blockers.is_not(None)))
        if (measure is None or c.measure_code == measure)
        and (kind is None or (c.blocker_kind.value if c.blocker_kind else "geen") == kind)
    ]

    def kind_of(c: ProgressStatus) -> str:
        return c.blocker_kind.value if c.blocker_kind else "geen"

    per_pair: dict[tuple[str, str], set[str]] = {}
    per_kind: dict[str, set[str]] = {}
    per_kind_cells: Counter[str] = Counter()
    for c in cells:
        per_pair.setdefault((c.measure_code, kind_of(c)), set()).add(c.municipality_code)
        per_kind.setdefault(kind_of(c), set()).add(c.municipality_code)
        per_kind_cells[kind_of(c)] += 1
    return {
        "cells": {(c.municipality_code, c.measure_code) for c in cells},
        "municipalities": {c.municipality_code for c in cells},
        # One cell per municipality and measure: cells and municipalities per pair are equal.
        "pairs": {pair: (len(codes), len(codes)) for pair, codes in per_pair.items()},
        "kinds": {k: (per_kind_cells[k], len(codes)) for k, codes in per_kind.items()},
    }


def _answer_counts(body: dict) -> dict:  # type: ignore[type-arg]
    return {
        "pairs": {
            (m["maatregel"]["code"], k["soort"]): (k["aantalKnelpunten"], k["aantalGemeenten"])
            for m in body["perMaatregel"]
            for k in m["perSoort"]
        },
        "kinds": {
            k["soort"]: (k["aantalKnelpunten"], k["aantalGemeenten"]) for k in body["perSoort"]
        },
    }


def _group_of(body: dict, municipality: str, measure: str) -> dict:  # type: ignore[type-arg]
    [group] = [
        g
        for g in body["groepen"]
        if any(
            k["gemeente"]["code"] == municipality and k["maatregel"]["code"] == measure
            for k in g["knelpunten"]
        )
    ]
    return group  # type: ignore[no-any-return]


async def test_counts_per_measure_and_kind_match_a_count_over_the_cells(
    clients: object, db: Session
) -> None:
    # Some blockers without a kind beside the demo's, so "geen" is counted too.
    block(db, free_cells(db, 3), [UNRELATED])
    e = await editor(clients)
    response = await e.get(VIEW)
    assert response.status_code == 200, response.text
    body = response.json()
    expected = _brute_force(db)
    assert body["aantalKnelpunten"] == len(expected["cells"])
    assert body["aantalGemeenten"] == len(expected["municipalities"])
    assert _answer_counts(body) == {"pairs": expected["pairs"], "kinds": expected["kinds"]}
    assert "geen" in _answer_counts(body)["kinds"]
    for measure in body["perMaatregel"]:
        assert measure["aantalKnelpunten"] == sum(
            k["aantalKnelpunten"] for k in measure["perSoort"]
        )
    # Every blocker is in exactly one group, and a group counts what it lists.
    listed = [
        (k["gemeente"]["code"], k["maatregel"]["code"])
        for g in body["groepen"]
        for k in g["knelpunten"]
    ]
    assert sorted(listed) == sorted(expected["cells"])
    for group in body["groepen"]:
        assert group["aantalKnelpunten"] == len(group["knelpunten"])
        assert group["aantalGemeenten"] == len({k["gemeente"]["code"] for k in group["knelpunten"]})
    places = [g["aantalGemeenten"] for g in body["groepen"]]
    assert places == sorted(places, reverse=True)


async def test_filters_count_what_they_select_and_show_the_groups_they_touch(
    clients: object, db: Session
) -> None:
    e = await editor(clients)
    for params in (
        {"maatregel": "M03"},
        {"soort": "geen"},
        {"maatregel": "M03", "soort": "wet-en-regelgeving"},
    ):
        body = (await e.get(VIEW, params=params)).json()
        expected = _brute_force(db, params.get("maatregel"), params.get("soort"))
        assert body["aantalKnelpunten"] == len(expected["cells"]), params
        assert _answer_counts(body) == {"pairs": expected["pairs"], "kinds": expected["kinds"]}
        for group in body["groepen"]:
            assert any(
                (k["gemeente"]["code"], k["maatregel"]["code"]) in expected["cells"]
                for k in group["knelpunten"]
            ), params
    unknown = await e.get(VIEW, params={"maatregel": "M99", "soort": "onzin"})
    assert unknown.status_code == 400
    assert {p["name"] for p in unknown.json()["invalidParams"]} == {"soort"}
    missing = await e.get(VIEW, params={"maatregel": "M99"})
    assert missing.status_code == 400
    assert missing.json()["invalidParams"][0]["name"] == "maatregel"


async def test_similar_texts_group_together_and_unrelated_ones_do_not(
    clients: object, db: Session
) -> None:
    cells = free_cells(db, 4)
    block(db, cells[:3], SIMILAR, kind=BlockerKind.ICT)
    block(db, cells[3:], [UNRELATED])
    e = await editor(clients)
    body = (await e.get(VIEW)).json()
    group = _group_of(body, cells[0].municipality_code, "M05")
    members = {k["gemeente"]["code"] for k in group["knelpunten"]}
    assert members == {c.municipality_code for c in cells[:3]}
    assert {"koppel", "leverancier"} <= set(group["kernwoorden"])
    assert any(k.startswith("inkomstenreg") for k in group["kernwoorden"])
    other = _group_of(body, cells[3].municipality_code, "M05")
    assert other["sleutel"] != group["sleutel"]
    assert group["voorstel"]["soort"] == "ict-en-leveranciers"
    assert group["voorstel"]["maatregelen"] == ["M05"]


async def test_a_group_keeps_its_key_as_it_grows(clients: object, db: Session) -> None:
    cells = free_cells(db, 3)
    earlier = datetime.now(UTC) - timedelta(days=3)
    block(db, cells[1:2], SIMILAR[:1], at=earlier)
    block(db, cells[2:], SIMILAR[1:2], at=earlier + timedelta(hours=1))
    e = await editor(clients)
    before = _group_of((await e.get(VIEW)).json(), cells[1].municipality_code, "M05")
    assert before["sleutel"] == f"knelpunten-{cells[1].municipality_code}-M05"
    # A newer blocker joins; the oldest stays the leader, so the key stays.
    block(db, cells[:1], SIMILAR[2:])
    after = _group_of((await e.get(VIEW)).json(), cells[1].municipality_code, "M05")
    assert after["sleutel"] == before["sleutel"]
    assert after["aantalKnelpunten"] == before["aantalKnelpunten"] + 1
    assert after["knelpunten"][0]["gemeente"]["code"] == cells[1].municipality_code


async def test_a_group_becomes_a_signal_in_one_step_and_joins_another_in_one_more(
    clients: object, db: Session
) -> None:
    cells = free_cells(db, 3)
    block(db, cells, SIMILAR, kind=BlockerKind.ICT)
    e = await editor(clients)
    group = _group_of((await e.get(VIEW)).json(), cells[0].municipality_code, "M05")
    made = await e.post(GROUPS, json={"sleutel": group["sleutel"]})
    assert made.status_code == 201, made.text
    signal = made.json()
    assert made.headers["Location"] == f"/api/v1/signalen/{signal['id']}"
    assert signal["melderSoort"] == "adviseur"
    assert signal["soort"] == "ict-en-leveranciers"
    assert signal["titel"] == group["voorstel"]["titel"]
    assert [m["code"] for m in signal["maatregelen"]] == ["M05"]
    linked = {(k["gemeente"]["code"], k["maatregel"]) for k in signal["knelpunten"]}
    assert linked == {(c.municipality_code, "M05") for c in cells}
    assert signal["bereik"]["gemeenten"] == 3
    again = await e.post(GROUPS, json={"sleutel": group["sleutel"]})
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"
    audited = db.scalars(
        select(AuditEvent).where(
            AuditEvent.event == "signal.made_from_blockers",
            AuditEvent.subject == f"signal:{signal['id']}",
        )
    ).all()
    assert [a.details["sleutel"] for a in audited] == [group["sleutel"]]

    # Adding the group to an existing signal is the evidence endpoint with its cells.
    other = await report(e)
    added = await e.post(
        f"/api/v1/signalen/{other['id']}/bewijs",
        json={
            "knelpunten": [
                {"gemeente": k["gemeente"]["code"], "maatregel": k["maatregel"]["code"]}
                for k in group["knelpunten"]
            ]
        },
    )
    assert added.json() == {"vragen": 0, "knelpunten": 3}
    after = _group_of((await e.get(VIEW)).json(), cells[0].municipality_code, "M05")
    assert {(s["id"], s["aantalBewijs"]) for s in after["signalen"]} == {
        (signal["id"], 3),
        (other["id"], 3),
    }
    assert {s["id"] for k in after["knelpunten"] for s in k["signalen"]} == {
        signal["id"],
        other["id"],
    }


async def test_a_group_without_a_kind_asks_for_one_and_takes_changes(
    clients: object, db: Session
) -> None:
    cells = free_cells(db, 2)
    block(db, cells, SIMILAR[:2])
    e = await editor(clients)
    group = _group_of((await e.get(VIEW)).json(), cells[0].municipality_code, "M05")
    assert group["voorstel"]["soort"] is None
    refused = await e.post(GROUPS, json={"sleutel": group["sleutel"]})
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["name"] == "soort"
    made = await e.post(
        GROUPS,
        json={
            "sleutel": group["sleutel"],
            "soort": "ketenpartners",
            "titel": "Koppeling met het inkomstenregister",
            "maatregelen": ["M05", "M06"],
        },
    )
    assert made.status_code == 201, made.text
    assert made.json()["soort"] == "ketenpartners"
    assert made.json()["titel"] == "Koppeling met het inkomstenregister"
    assert [m["code"] for m in made.json()["maatregelen"]] == ["M05", "M06"]
    gone = await e.post(GROUPS, json={"sleutel": "knelpunten-GM9999-M05", "soort": "financien"})
    assert gone.status_code == 400
    assert gone.json()["invalidParams"][0]["name"] == "sleutel"
    malformed = await e.post(GROUPS, json={"sleutel": "iets-anders"})
    assert malformed.status_code == 400


async def test_only_the_programme_team(clients: object) -> None:
    anonymous: httpx.AsyncClient = clients()  # type: ignore[operator]
    assert (await anonymous.get(VIEW)).status_code == 401
    assert (
        await anonymous.post(GROUPS, json={"sleutel": "knelpunten-GM0344-M01"})
    ).status_code == 401
    for caller in (await utrecht(clients), await person(clients, STIMULANSZ)):
        response = await caller.get(VIEW)
        assert response.status_code == 403
        assert response.headers["content-type"] == "application/problem+json"
        posted = await caller.post(GROUPS, json={"sleutel": "knelpunten-GM0344-M01"})
        assert posted.status_code == 403


@pytest.mark.engine_neutral
def test_the_kind_filter_is_every_kind_and_none() -> None:
    assert {k.value for k in BlockerKindFilter} == {k.value for k in BlockerKind} | {"geen"}
