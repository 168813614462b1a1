"""Answering the survey: from the mail's link without logging in, or under Mijn peilingen; one
set of answers per invitation, changed while the round is open and not after, every invalid
field named at once, and a link that answers its own invitation only."""

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.core import clock
from api.surveys.models import Invitation, SurveyAnswer
from tests.auth import BOLLENSTREEK, EDITOR, UTRECHT
from tests.surveys.helpers import editor, full_answers, new_round, person, send, survey_links


async def _sent_round(clients: object, tmp_path: Path) -> tuple[dict[str, Any], dict[str, str]]:
    e = await editor(clients)
    round_ = await new_round(e)
    await send(e, round_["id"])
    return round_, survey_links(tmp_path / "outbox")


def _answers(db: Session, invitation_id: int) -> dict[int, tuple[int | None, str | None]]:
    rows = db.scalars(select(SurveyAnswer).where(SurveyAnswer.invitation_id == invitation_id))
    return {a.question_id: (a.score, a.text) for a in rows}


def _invitation(db: Session, round_id: object, user_email: str) -> Invitation:
    from api.accounts.models import User

    user = db.scalars(select(User).where(User.email == user_email)).one()
    return db.scalars(
        select(Invitation).where(Invitation.round_id == round_id, Invitation.user_id == user.id)
    ).one()


async def test_a_contact_answers_from_the_link_and_changes_it_while_open(
    clients: object, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    round_, links = await _sent_round(clients, tmp_path)
    token = links[UTRECHT]
    form = await client.post("/api/v1/peiling-via-link", json={"token": token})
    assert form.status_code == 200, form.text
    body = form.json()
    assert body["ronde"]["id"] == round_["id"]
    assert body["gemeente"] == {"code": "GM0344", "naam": "Utrecht"}
    assert (body["wijzigbaar"], body["beantwoordOp"], body["antwoorden"]) == (True, None, [])

    saved = await client.put(
        "/api/v1/peiling-via-link/antwoorden",
        json={"token": token, "antwoorden": full_answers(body, 4, "Meer regionale bijeenkomsten.")},
    )
    assert saved.status_code == 200, saved.text
    invitation = _invitation(db, round_["id"], UTRECHT)
    db.refresh(invitation)
    assert invitation.answered_at is not None
    scale = [q["id"] for q in body["vragen"] if q["soort"] == "schaal"]
    open_ = [q["id"] for q in body["vragen"] if q["soort"] == "open"]
    stored = _answers(db, invitation.id)
    assert {q: stored[q] for q in scale} == dict.fromkeys(scale, (4, None))
    assert {q: stored[q] for q in open_} == dict.fromkeys(
        open_, (None, "Meer regionale bijeenkomsten.")
    )

    # Changed while open: the same invitation, its answers replaced (the open one left empty).
    changed = await client.put(
        "/api/v1/peiling-via-link/antwoorden",
        json={"token": token, "antwoorden": full_answers(body, 2)},
    )
    assert changed.status_code == 200
    assert _answers(db, invitation.id) == dict.fromkeys(scale, (2, None))
    again = (await client.post("/api/v1/peiling-via-link", json={"token": token})).json()
    assert {a["vraag"]: a["score"] for a in again["antwoorden"]} == dict.fromkeys(scale, 2)
    rate = (await (await editor(clients)).get(f"/api/v1/peilingrondes/{round_['id']}")).json()
    assert rate["beantwoord"] == 1


async def test_after_closing_nothing_changes(
    clients: object, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    round_, links = await _sent_round(clients, tmp_path)
    token = links[UTRECHT]
    form = (await client.post("/api/v1/peiling-via-link", json={"token": token})).json()
    await client.put(
        "/api/v1/peiling-via-link/antwoorden",
        json={"token": token, "antwoorden": full_answers(form, 5)},
    )
    invitation = _invitation(db, round_["id"], UTRECHT)
    before = _answers(db, invitation.id)
    answered_at = invitation.answered_at
    past_closing = datetime.combine(
        datetime.fromisoformat(round_["sluitOp"]).date() + timedelta(days=1),
        datetime.min.time(),
        tzinfo=UTC,
    ) + timedelta(hours=12)
    with clock.fixed_clock(past_closing):
        late = await client.put(
            "/api/v1/peiling-via-link/antwoorden",
            json={"token": token, "antwoorden": full_answers(form, 1)},
        )
        assert late.status_code == 409
        assert late.headers["Content-Type"].startswith("application/problem+json")
        contact = await person(clients, UTRECHT)
        mine = await contact.put(
            f"/api/v1/mijn-peilingen/{round_['id']}/antwoorden",
            json={"antwoorden": full_answers(form, 1)},
        )
        assert mine.status_code == 409
        shown = (await client.post("/api/v1/peiling-via-link", json={"token": token})).json()
        assert shown["wijzigbaar"] is False
    db.expire_all()
    assert _answers(db, invitation.id) == before
    assert db.get_one(Invitation, invitation.id).answered_at == answered_at


async def test_logged_in_under_mijn_peilingen(clients: object, db: Session, tmp_path: Path) -> None:
    round_, _ = await _sent_round(clients, tmp_path)
    contact = await person(clients, BOLLENSTREEK)
    mine = (await contact.get("/api/v1/mijn-peilingen")).json()["resultaten"]
    assert mine[0]["wijzigbaar"] is True
    assert round_["id"] in [m["ronde"]["id"] for m in mine]
    # The demo's open round too, and the closed one she answered, last.
    assert mine[-1]["wijzigbaar"] is False
    form = await contact.get(f"/api/v1/mijn-peilingen/{round_['id']}")
    assert form.status_code == 200
    assert form.json()["gemeente"]["code"] == "GM0534"
    saved = await contact.put(
        f"/api/v1/mijn-peilingen/{round_['id']}/antwoorden",
        json={"antwoorden": full_answers(form.json(), 3, "Duidelijker planning.")},
    )
    assert saved.status_code == 200, saved.text
    assert saved.json()["beantwoordOp"] is not None
    invitation = _invitation(db, round_["id"], BOLLENSTREEK)
    assert {v for v in _answers(db, invitation.id).values()} == {
        (3, None),
        (None, "Duidelijker planning."),
    }
    # Someone else's round number, or a draft: not hers.
    e = await editor(clients)
    draft = await new_round(e, "2031-H2")
    assert (await contact.get(f"/api/v1/mijn-peilingen/{draft['id']}")).status_code == 404
    editor_view = await e.get("/api/v1/mijn-peilingen")
    assert editor_view.status_code == 403


async def test_every_invalid_answer_is_named_at_once(
    clients: object, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    round_, links = await _sent_round(clients, tmp_path)
    token = links[UTRECHT]
    form = (await client.post("/api/v1/peiling-via-link", json={"token": token})).json()
    scale = [q["id"] for q in form["vragen"] if q["soort"] == "schaal"]
    open_ = next(q["id"] for q in form["vragen"] if q["soort"] == "open")
    given = [
        {"vraag": scale[0], "score": 6},
        {"vraag": scale[1], "score": 0},
        {"vraag": scale[2], "tekst": "vier"},
        # scale[3] left out
        {"vraag": open_, "tekst": "x" * 2001},
        {"vraag": 999_999, "score": 3},
    ]
    response = await client.put(
        "/api/v1/peiling-via-link/antwoorden", json={"token": token, "antwoorden": given}
    )
    assert response.status_code == 400
    problems = {(p["name"], p["code"]) for p in response.json()["invalidParams"]}
    assert problems == {
        (f"vraag-{scale[0]}", "out_of_range"),
        (f"vraag-{scale[1]}", "out_of_range"),
        (f"vraag-{scale[2]}", "not_allowed"),
        (f"vraag-{scale[2]}", "missing"),
        (f"vraag-{scale[3]}", "missing"),
        (f"vraag-{open_}", "string_too_long"),
        ("antwoorden.4.vraag", "unknown_value"),
    }
    control = await client.put(
        "/api/v1/peiling-via-link/antwoorden",
        json={
            "token": token,
            "antwoorden": [*full_answers(form, 4), {"vraag": open_, "tekst": "a\x1bb"}],
        },
    )
    assert control.status_code == 400
    assert [p["name"] for p in control.json()["invalidParams"]] == [f"vraag-{open_}"]
    invitation = _invitation(db, round_["id"], UTRECHT)
    assert _answers(db, invitation.id) == {}
    assert invitation.answered_at is None


async def test_a_link_answers_its_own_invitation_only(
    clients: object, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    round_, links = await _sent_round(clients, tmp_path)
    mine, theirs = links[UTRECHT], links[BOLLENSTREEK]
    form = (await client.post("/api/v1/peiling-via-link", json={"token": mine})).json()
    await client.put(
        "/api/v1/peiling-via-link/antwoorden",
        json={"token": mine, "antwoorden": full_answers(form, 5)},
    )
    assert _answers(db, _invitation(db, round_["id"], BOLLENSTREEK).id) == {}
    # Nor can a link reach a question outside its round.
    stray = await client.put(
        "/api/v1/peiling-via-link/antwoorden",
        json={"token": theirs, "antwoorden": [{"vraag": 10**6, "score": 3}]},
    )
    assert stray.status_code == 400
    assert _answers(db, _invitation(db, round_["id"], BOLLENSTREEK).id) == {}
    for bad in ("", "x" * 201, "bestaat-niet-" + "a" * 30, "a\x00b" * 10):
        response = await client.post("/api/v1/peiling-via-link", json={"token": bad})
        assert response.status_code in (400, 404), bad
    unknown = await client.post("/api/v1/peiling-via-link", json={"token": "A" * 43})
    assert unknown.status_code == 404
    # A logged-in editor is no contact: the link is what counts, not the session.
    e = await person(clients, EDITOR)
    via_editor = await e.post("/api/v1/peiling-via-link", json={"token": theirs})
    assert via_editor.json()["gemeente"]["code"] == "GM0534"
