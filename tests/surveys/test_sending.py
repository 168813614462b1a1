"""The questions and rounds of the survey: the standard set, editors configuring questions, a
round that keeps the questions it was sent with, and sending that invites everyone once."""

from pathlib import Path

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User, UserRole
from api.core.security import Role
from api.surveys.models import Invitation, RoundQuestion, SurveyQuestion
from api.surveys.questions import STANDARD_QUESTIONS
from tests.auth import BOLLENSTREEK, PARTNER, STIMULANSZ, UTRECHT, machine_token, mails
from tests.surveys.helpers import (
    add_contact,
    editor,
    invitations,
    new_round,
    person,
    send,
    survey_links,
)


def _active_contacts(db: Session) -> set[str]:
    """Every active contact with a municipality, counted straight from the tables."""
    query = select(User.email).where(
        User.is_active.is_(True),
        User.role_rows.any(UserRole.role == Role.MUNICIPAL_CONTACT),
        User.municipalities.any(),
    )
    return set(db.scalars(query))


async def test_the_standard_questions_are_loaded_and_editors_configure_them(
    clients: object,
) -> None:
    e = await editor(clients)
    listed = (await e.get("/api/v1/peilingvragen")).json()["resultaten"]
    texts = [q["tekst"] for q in listed]
    for text, kind, touchpoint in STANDARD_QUESTIONS:
        found = next(q for q in listed if q["tekst"] == text)
        assert (found["soort"], found["contactpunt"]) == (kind.value, touchpoint.value)
    assert "Wat kan beter?" in texts

    added = await e.post(
        "/api/v1/peilingvragen",
        json={
            "tekst": "Hoe bruikbaar is het dashboard?",
            "soort": "schaal",
            "contactpunt": "overig",
        },
    )
    assert added.status_code == 201, added.text
    assert added.json()["positie"] == max(q["positie"] for q in listed) + 1
    assert added.headers["Location"].endswith(f"/peilingvragen/{added.json()['id']}")
    changed = await e.patch(
        f"/api/v1/peilingvragen/{added.json()['id']}",
        json={"tekst": "Hoe bruikbaar is het openbare dashboard?", "positie": 0, "actief": False},
    )
    assert changed.status_code == 200
    # Never sent: edited in place.
    assert changed.json()["id"] == added.json()["id"]
    assert (changed.json()["positie"], changed.json()["actief"]) == (0, False)

    bad = await e.post(
        "/api/v1/peilingvragen",
        json={"tekst": "Te\x07kort", "soort": "cijfer", "contactpunt": "overal"},
    )
    assert bad.status_code == 400
    assert {p["name"] for p in bad.json()["invalidParams"]} >= {"tekst", "soort", "contactpunt"}
    missing = await e.patch("/api/v1/peilingvragen/999999", json={"actief": False})
    assert missing.status_code == 404


async def test_only_the_team_configures_the_survey(
    clients: object, client: httpx.AsyncClient
) -> None:
    assert (await client.get("/api/v1/peilingvragen")).status_code == 401
    assert (await client.get("/api/v1/peilingrondes")).status_code == 401
    for email in (UTRECHT, STIMULANSZ):
        someone = await person(clients, email)
        assert (await someone.get("/api/v1/peilingvragen")).status_code == 403
        refused = await someone.post(
            "/api/v1/peilingrondes",
            json={
                "titel": "Eigen peiling",
                "periode": "2031-H1",
                "openOp": "2031-01-01",
                "sluitOp": "2031-01-31",
            },
        )
        assert refused.status_code == 403
    token = await machine_token(client, PARTNER.client_id, PARTNER.secret)
    machine = await client.get(
        "/api/v1/peilingrondes", headers={"Authorization": f"Bearer {token}"}
    )
    assert machine.status_code == 403


async def test_a_round_is_checked_and_one_per_period(clients: object) -> None:
    e = await editor(clients)
    wrong = await e.post(
        "/api/v1/peilingrondes",
        json={
            "titel": "Peiling",
            "periode": "2031-H3",
            "openOp": "2031-02-01",
            "sluitOp": "2031-01-01",
            "herinnerNaDagen": 0,
        },
    )
    assert wrong.status_code == 400
    assert {p["name"] for p in wrong.json()["invalidParams"]} == {"periode", "herinnerNaDagen"}
    backwards = await e.post(
        "/api/v1/peilingrondes",
        json={
            "titel": "Peiling",
            "periode": "2031-Q1",
            "openOp": "2031-02-01",
            "sluitOp": "2031-01-01",
        },
    )
    assert backwards.status_code == 400
    assert [p["name"] for p in backwards.json()["invalidParams"]] == ["sluitOp"]
    await new_round(e, "2031-Q2")
    again = await e.post(
        "/api/v1/peilingrondes",
        json={
            "titel": "Peiling",
            "periode": "2031-Q2",
            "openOp": "2031-04-01",
            "sluitOp": "2031-04-30",
        },
    )
    assert again.status_code == 409


async def test_the_preview_names_every_active_contact_once(clients: object, db: Session) -> None:
    e = await editor(clients)
    round_ = await new_round(e)
    preview = (await e.get(f"/api/v1/peilingrondes/{round_['id']}/genodigden")).json()
    names = [g["naam"] for g in preview["genodigden"]]
    assert preview["aantal"] == len(names) == len(set(names))
    assert preview["alUitgenodigd"] == 0
    contacts = {u.name: u for u in db.scalars(select(User)) if u.email in (UTRECHT, BOLLENSTREEK)}
    assert set(contacts) <= set(names)
    shared = next(g for g in preview["genodigden"] if g["naam"] == contacts_name(BOLLENSTREEK))
    # A contact of a shared service answers for herself, once, under her first municipality.
    assert shared["aantalGemeenten"] == 4
    assert shared["gemeente"]["code"] == "GM0534"
    # No e-mail addresses in the preview.
    assert "@" not in str(preview)
    assert len(names) == len(_active_contacts(db))


def contacts_name(email: str) -> str:
    return {UTRECHT: "Ulla Utrecht (demo)", BOLLENSTREEK: "Bas Bollenstreek (demo)"}[email]


async def test_sending_invites_each_contact_once_and_again_only_who_is_new(
    clients: object, db: Session, tmp_path: Path
) -> None:
    e = await editor(clients)
    round_ = await new_round(e)
    first = await send(e, round_["id"])
    contacts = _active_contacts(db)
    assert first == {"uitgenodigd": len(contacts), "alUitgenodigd": 0}
    rows = invitations(db, round_["id"])
    assert len(rows) == len(contacts) == len({r.user_id for r in rows})
    assert {r.municipality_code for r in rows if r.user_id} >= {"GM0344", "GM0534"}
    links = survey_links(tmp_path / "outbox")
    assert set(links) == contacts
    # Only hashes are kept.
    assert not {r.token_hash for r in rows} & set(links.values())
    detail = (await e.get(f"/api/v1/peilingrondes/{round_['id']}")).json()
    assert detail["status"] == "open"
    assert (detail["uitgenodigd"], detail["beantwoord"], detail["respons"]) == (len(rows), 0, 0)

    sent_mail = len(mails(tmp_path / "outbox"))
    second = await send(e, round_["id"])
    assert second == {"uitgenodigd": 0, "alUitgenodigd": len(contacts)}
    assert len(invitations(db, round_["id"])) == len(rows)
    assert len(mails(tmp_path / "outbox")) == sent_mail

    newcomer = add_contact(db, "nieuw@gemeente.example")
    third = await send(e, round_["id"])
    assert third["uitgenodigd"] == 1
    assert invitations(db, round_["id"])[-1].user_id == newcomer.id
    assert len(mails(tmp_path / "outbox")) == sent_mail + 1


async def test_a_sent_round_keeps_its_questions(clients: object, db: Session) -> None:
    e = await editor(clients)
    round_ = await new_round(e)
    asked = [q["id"] for q in round_["vragen"]]
    await send(e, round_["id"])
    first = asked[0]
    reworded = await e.patch(
        f"/api/v1/peilingvragen/{first}",
        json={"tekst": "Hoe tevreden bent u, alles bij elkaar?"},
    )
    assert reworded.status_code == 200
    # The sent question keeps its words; the new wording is a new question for later rounds.
    assert reworded.json()["id"] != first
    old = db.get_one(SurveyQuestion, first)
    db.refresh(old)
    assert old.text != "Hoe tevreden bent u, alles bij elkaar?"
    assert old.active is False
    added = await e.post(
        "/api/v1/peilingvragen",
        json={"tekst": "Een vraag van later", "soort": "open", "contactpunt": "overig"},
    )
    kept = (await e.get(f"/api/v1/peilingrondes/{round_['id']}")).json()["vragen"]
    assert [q["id"] for q in kept] == asked
    assert kept[0]["tekst"] == old.text
    rows = db.scalars(
        select(RoundQuestion.question_id).where(RoundQuestion.round_id == round_["id"])
    )
    assert added.json()["id"] not in set(rows)
    later = await new_round(e, "2031-H2")
    later_ids = [q["id"] for q in later["vragen"]]
    assert reworded.json()["id"] in later_ids
    assert first not in later_ids
    assert added.json()["id"] in later_ids


async def test_a_closed_round_is_not_sent(clients: object, db: Session) -> None:
    e = await editor(clients)
    closed = next(
        r
        for r in (await e.get("/api/v1/peilingrondes")).json()["resultaten"]
        if r["status"] == "gesloten"
    )
    before = db.scalars(select(Invitation.id).where(Invitation.round_id == closed["id"])).all()
    response = await e.post(f"/api/v1/peilingrondes/{closed['id']}/verzending")
    assert response.status_code == 409
    after = db.scalars(select(Invitation.id).where(Invitation.round_id == closed["id"])).all()
    assert before == after
