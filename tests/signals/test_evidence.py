"""Evidence behind a signal: linked questions and blockers, municipalities that say "this
applies to us too", and the reach computed from them (never typed in)."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.municipalities.models import Municipality
from api.questions.models import Question
from tests.auth import BOLLENSTREEK
from tests.signals.helpers import blocked_cells, editor, person, report, utrecht


def _brute_force_reach(db: Session, signal: dict[str, object], questions: list[int]) -> set[str]:
    codes: set[str] = set()
    if signal.get("gemeente"):
        codes.add(signal["gemeente"]["code"])  # type: ignore[index]
    for item in signal["knelpunten"]:  # type: ignore[attr-defined]
        codes.add(item["gemeente"]["code"])
    for item in signal["ookBij"]:  # type: ignore[attr-defined]
        codes.add(item["gemeente"]["code"])
    for question in db.scalars(select(Question).where(Question.id.in_(questions))):
        if question.municipality_code:
            codes.add(question.municipality_code)
    return codes


async def test_reach_counts_every_municipality_behind_the_evidence_once(
    clients: object, db: Session
) -> None:
    contact = await utrecht(clients)
    signal = await report(contact)
    e = await editor(clients)
    cells = blocked_cells(db, 3, not_in={"GM0344"})
    questions = list(
        db.scalars(
            select(Question.id)
            .where(Question.municipality_code.is_not(None), Question.erased_at.is_(None))
            .order_by(Question.id)
            .limit(4)
        )
    )
    # The same municipality through a blocker and a question counts once.
    response = await e.post(
        f"/api/v1/signalen/{signal['id']}/bewijs",
        json={
            "vragen": questions,
            "knelpunten": [
                {"gemeente": c.municipality_code, "maatregel": c.measure_code} for c in cells
            ],
        },
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"vragen": len(questions), "knelpunten": 3}
    again = await e.post(f"/api/v1/signalen/{signal['id']}/bewijs", json={"vragen": questions[:1]})
    assert again.json() == {"vragen": 0, "knelpunten": 0}
    read = (await e.get(f"/api/v1/signalen/{signal['id']}")).json()
    expected = _brute_force_reach(db, read, questions)
    population = dict(
        db.execute(
            select(Municipality.code, Municipality.population).where(
                Municipality.code.in_(expected)
            )
        ).all()
    )
    assert read["bereik"] == {
        "gemeenten": len(expected),
        "inwoners": sum(population.values()),
    }
    assert {k["tekst"] for k in read["knelpunten"]} == {c.blockers for c in cells}
    # Unlinking takes a municipality out again, unless other evidence keeps it in.
    first = cells[0]
    removed = await e.delete(
        f"/api/v1/signalen/{signal['id']}/bewijs/knelpunten/"
        f"{first.municipality_code}/{first.measure_code}"
    )
    assert removed.status_code == 204
    read = (await e.get(f"/api/v1/signalen/{signal['id']}")).json()
    assert read["bereik"]["gemeenten"] == len(_brute_force_reach(db, read, questions))
    twice = await e.delete(
        f"/api/v1/signalen/{signal['id']}/bewijs/knelpunten/"
        f"{first.municipality_code}/{first.measure_code}"
    )
    assert twice.status_code == 409


async def test_evidence_that_does_not_exist_is_a_400_and_nothing_is_linked(
    clients: object, db: Session
) -> None:
    e = await editor(clients)
    signal = await report(e)
    cell = blocked_cells(db, 1)[0]
    response = await e.post(
        f"/api/v1/signalen/{signal['id']}/bewijs",
        json={
            "vragen": [2_000_000_000],
            "knelpunten": [
                {"gemeente": cell.municipality_code, "maatregel": cell.measure_code},
                {"gemeente": "GM9999", "maatregel": "M01"},
            ],
        },
    )
    assert response.status_code == 400, response.text
    names = [p["name"] for p in response.json()["invalidParams"]]
    assert names.count("vragen") == 1
    assert names.count("knelpunten") == 1
    read = (await e.get(f"/api/v1/signalen/{signal['id']}")).json()
    assert read["knelpunten"] == []
    assert read["bereik"]["gemeenten"] == 0


async def test_also_for_us_once_per_municipality_and_only_for_ones_own(clients: object) -> None:
    e = await editor(clients)
    signal = await report(e)
    contact = await utrecht(clients)
    # A private signal of someone else is not hers to see, nor to back.
    hidden = await contact.post(f"/api/v1/signalen/{signal['id']}/ook-bij-ons", json={})
    assert hidden.status_code == 404
    made_public = await e.patch(f"/api/v1/signalen/{signal['id']}", json={"openbaar": True})
    assert made_public.status_code == 200, made_public.text
    backed = await contact.post(
        f"/api/v1/signalen/{signal['id']}/ook-bij-ons", json={"toelichting": "Ook bij ons."}
    )
    assert backed.status_code == 201, backed.text
    assert [s["gemeente"]["code"] for s in backed.json()["ookBij"]] == ["GM0344"]
    assert backed.json()["bereik"]["gemeenten"] == 1
    twice = await contact.post(f"/api/v1/signalen/{signal['id']}/ook-bij-ons", json={})
    assert twice.status_code == 409
    other = await contact.post(
        f"/api/v1/signalen/{signal['id']}/ook-bij-ons", json={"gemeente": "GM0363"}
    )
    assert other.status_code == 403
    # A contact of several municipalities says for which.
    shared = await person(clients, BOLLENSTREEK)
    unnamed = await shared.post(f"/api/v1/signalen/{signal['id']}/ook-bij-ons", json={})
    assert unnamed.status_code == 400
    assert unnamed.json()["invalidParams"][0]["name"] == "gemeente"
    # The editor cannot speak for a municipality.
    refused = await e.post(f"/api/v1/signalen/{signal['id']}/ook-bij-ons", json={})
    assert refused.status_code == 403


async def test_a_municipality_cannot_back_its_own_signal(clients: object) -> None:
    contact = await utrecht(clients)
    signal = await report(contact)
    e = await editor(clients)
    await e.patch(f"/api/v1/signalen/{signal['id']}", json={"openbaar": True})
    response = await contact.post(f"/api/v1/signalen/{signal['id']}/ook-bij-ons", json={})
    assert response.status_code == 409
