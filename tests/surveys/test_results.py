"""A round's results: for the programme team only, with the response rate, each municipality's
answers, figures per group under the minimum group size rule, and open answers only when they
passed the personal-data check."""

from pathlib import Path

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.municipalities.models import Municipality
from api.surveys.models import Invitation, SurveyAnswer, SurveyRound
from tests.auth import BOLLENSTREEK, PARTNER, STIMULANSZ, UTRECHT, machine_token
from tests.surveys.helpers import editor, full_answers, new_round, person, send, survey_links


async def test_results_are_for_the_team_only(
    clients: object, client: httpx.AsyncClient, db: Session
) -> None:
    closed = db.scalars(select(SurveyRound).where(SurveyRound.is_demo.is_(True))).first()
    assert closed is not None
    path = f"/api/v1/peilingrondes/{closed.id}/resultaten"
    assert (await client.get(path)).status_code == 401
    for email in (UTRECHT, STIMULANSZ):
        assert (await (await person(clients, email)).get(path)).status_code == 403
    token = await machine_token(client, PARTNER.client_id, PARTNER.secret)
    machine = await client.get(path, headers={"Authorization": f"Bearer {token}"})
    assert machine.status_code == 403
    assert "gemeenten" not in machine.text
    e = await editor(clients)
    assert (await e.get(path)).status_code == 200
    assert (await e.get("/api/v1/peilingrondes/999999/resultaten")).status_code == 404


async def test_the_team_sees_the_response_rate_and_each_municipality(
    clients: object, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    e = await editor(clients)
    round_ = await new_round(e)
    await send(e, round_["id"])
    links = survey_links(tmp_path / "outbox")
    form = (await client.post("/api/v1/peiling-via-link", json={"token": links[UTRECHT]})).json()
    await client.put(
        "/api/v1/peiling-via-link/antwoorden",
        json={"token": links[UTRECHT], "antwoorden": full_answers(form, 5, "Meer voorbeelden.")},
    )
    form_b = (
        await client.post("/api/v1/peiling-via-link", json={"token": links[BOLLENSTREEK]})
    ).json()
    await client.put(
        "/api/v1/peiling-via-link/antwoorden",
        json={
            "token": links[BOLLENSTREEK],
            "antwoorden": full_answers(form_b, 2, "Bel mij op 030 123 4567 voor een toelichting."),
        },
    )
    results = (await e.get(f"/api/v1/peilingrondes/{round_['id']}/resultaten")).json()
    invited = len(links)
    assert (results["ronde"]["uitgenodigd"], results["ronde"]["beantwoord"]) == (invited, 2)
    assert results["ronde"]["respons"] == round(100 * 2 / invited, 1)
    assert results["minimaleGroep"] == 5
    by_code = {g["gemeente"]["code"]: g for g in results["gemeenten"]}
    utrecht, bollenstreek = by_code["GM0344"], by_code["GM0534"]
    assert (utrecht["uitgenodigd"], utrecht["beantwoord"]) == (1, 1)
    assert sorted(a["score"] for a in utrecht["antwoorden"] if a["score"]) == [5, 5, 5, 5]
    assert [a["tekst"] for a in utrecht["antwoorden"] if a["tekst"]] == ["Meer voorbeelden."]
    # A telephone number: kept from every team-wide view, counted as not shown.
    assert [a["tekstNietGetoond"] for a in bollenstreek["antwoorden"] if a["score"] is None] == [
        True
    ]
    assert "030 123 4567" not in str(results)
    open_question = next(q for q in results["vragen"] if q["vraag"]["soort"] == "open")
    assert open_question["openAntwoorden"] == ["Meer voorbeelden."]
    assert open_question["nietGetoond"] == 1
    # Two respondents: no figure anywhere, "te weinig antwoorden" instead of a number.
    for question in results["vragen"]:
        if question["vraag"]["soort"] != "schaal":
            continue
        assert question["totaal"]["teWeinigAntwoorden"] is True
        assert question["totaal"]["gemiddelde"] is None
        assert question["totaal"]["respondenten"] is None
        assert all(g["teWeinigAntwoorden"] for g in question["groepen"])


async def test_the_demo_round_shows_large_groups_and_hides_small_ones(
    clients: object, db: Session
) -> None:
    closed = db.scalars(
        select(SurveyRound).where(SurveyRound.is_demo.is_(True), SurveyRound.status == "gesloten")
    ).one()
    e = await editor(clients)
    results = (
        await e.get(
            f"/api/v1/peilingrondes/{closed.id}/resultaten",
            params={"groepering": "arbeidsmarktregio"},
        )
    ).json()
    rows = db.execute(
        select(Invitation.municipality_code, SurveyAnswer.score, SurveyAnswer.question_id)
        .join(SurveyAnswer, SurveyAnswer.invitation_id == Invitation.id)
        .where(Invitation.round_id == closed.id, SurveyAnswer.score.is_not(None))
    ).all()
    question = next(q for q in results["vragen"] if q["vraag"]["soort"] == "schaal")
    scores = [s for _, s, q in rows if q == question["vraag"]["id"]]
    total = question["totaal"]
    assert total["respondenten"] == len(scores)
    assert total["gemiddelde"] == round(sum(scores) / len(scores), 2)
    shown = [g for g in question["groepen"] if not g["teWeinigAntwoorden"]]
    hidden = [g for g in question["groepen"] if g["teWeinigAntwoorden"]]
    assert shown
    assert hidden
    assert all(g["respondenten"] >= 5 for g in shown)
    assert all(g["respondenten"] is None and g["gemiddelde"] is None for g in hidden)
    rest = total["respondenten"] - sum(g["respondenten"] for g in shown)
    assert rest == 0 or rest >= 5
    assert (
        await e.get(f"/api/v1/peilingrondes/{closed.id}/resultaten?groepering=x")
    ).status_code == 400


async def test_a_region_on_one_page_and_its_province_on_the_other_single_no_one_out(
    clients: object, db: Session
) -> None:
    closed = db.scalars(
        select(SurveyRound).where(SurveyRound.is_demo.is_(True), SurveyRound.status == "gesloten")
    ).one()
    e = await editor(clients)
    rows = db.execute(
        select(Invitation.id, Municipality.province_code, Municipality.labour_market_region_code)
        .join(Municipality, Municipality.code == Invitation.municipality_code)
        .where(Invitation.round_id == closed.id, Invitation.answered_at.is_not(None))
    ).all()
    members: dict[str, set[int]] = {}
    for invitation, province, region in rows:
        members.setdefault(province, set()).add(invitation)
        members.setdefault(region, set()).add(invitation)
    shown: list[frozenset[int]] = []
    for grouping in ("provincie", "arbeidsmarktregio"):
        results = (
            await e.get(
                f"/api/v1/peilingrondes/{closed.id}/resultaten", params={"groepering": grouping}
            )
        ).json()
        first = next(q for q in results["vragen"] if q["vraag"]["soort"] == "schaal")
        for group in first["groepen"]:
            if not group["teWeinigAntwoorden"]:
                assert group["respondenten"] == len(members[group["sleutel"]])
                shown.append(frozenset(members[group["sleutel"]]))
    assert shown
    for a in shown:
        for b in shown:
            if a < b:
                assert len(b) - len(a) >= 5
