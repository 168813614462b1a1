"""The survey's privacy: open answers are cleared after the retention period by the daily
job, and a person's erasure unlinks her invitations from her account and clears her open
answers, while her scores stay counted under her municipality."""

from datetime import timedelta
from pathlib import Path

import httpx
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.core import clock
from api.core.settings import Settings
from api.jobs.registry import JOBS
from api.surveys.models import Invitation, SurveyAnswer
from tests.auth import UTRECHT
from tests.surveys.helpers import editor, full_answers, new_round, person, send, survey_links


async def _answered(
    clients: object, client: httpx.AsyncClient, tmp_path: Path, text: str
) -> tuple[dict[str, object], Invitation]:
    e = await editor(clients)
    round_ = await new_round(e)
    await send(e, round_["id"])
    token = survey_links(tmp_path / "outbox")[UTRECHT]
    form = (await client.post("/api/v1/peiling-via-link", json={"token": token})).json()
    saved = await client.put(
        "/api/v1/peiling-via-link/antwoorden",
        json={"token": token, "antwoorden": full_answers(form, 4, text)},
    )
    assert saved.status_code == 200
    return round_, saved


def _mine(db: Session, round_id: object) -> Invitation:
    user = db.scalars(select(User).where(User.email == UTRECHT)).one()
    return db.scalars(
        select(Invitation).where(Invitation.round_id == round_id, Invitation.user_id == user.id)
    ).one()


def _texts(db: Session, invitation_id: int) -> list[str | None]:
    rows = db.scalars(select(SurveyAnswer).where(SurveyAnswer.invitation_id == invitation_id))
    return [a.text for a in rows if a.score is None]


async def test_open_answers_are_cleared_after_the_retention_period(
    clients: object, client: httpx.AsyncClient, app: FastAPI, db: Session, tmp_path: Path
) -> None:
    settings: Settings = app.state.settings
    assert settings.satisfaction_comment_retention_days == 730
    round_, _ = await _answered(clients, client, tmp_path, "Meer voorbeelden graag.")
    invitation = _mine(db, round_["id"])
    answered_at = invitation.answered_at
    assert answered_at is not None
    job = JOBS["peiling-bewaartermijn"]

    day_before = answered_at + timedelta(days=730) - timedelta(hours=1)
    with clock.fixed_clock(day_before):
        job.work(db, settings, day_before)
    db.expire_all()
    assert _texts(db, invitation.id) == ["Meer voorbeelden graag."]

    after = answered_at + timedelta(days=730, hours=1)
    with clock.fixed_clock(after):
        outcome = job.work(db, settings, after)
    db.expire_all()
    assert _texts(db, invitation.id) == [None]
    assert "gewist" in outcome
    scores = db.scalars(
        select(SurveyAnswer.score).where(
            SurveyAnswer.invitation_id == invitation.id, SurveyAnswer.score.is_not(None)
        )
    ).all()
    assert scores == [4, 4, 4, 4]


async def test_erasure_unlinks_her_invitations_and_clears_her_texts(
    clients: object, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    round_, _ = await _answered(clients, client, tmp_path, "Wij missen een planning per fase.")
    invitation = _mine(db, round_["id"])
    user_id = invitation.user_id
    mine_before = db.scalars(select(Invitation.id).where(Invitation.user_id == user_id)).all()
    assert len(mine_before) >= 2  # this round and the demo rounds
    e = await editor(clients)
    erased = await e.post("/api/v1/vragenstellers/wissingen", json={"email": UTRECHT})
    assert erased.status_code == 200, erased.text
    db.expire_all()
    assert db.scalars(select(Invitation.id).where(Invitation.user_id == user_id)).all() == []
    for invitation_id in mine_before:
        kept = db.get_one(Invitation, invitation_id)
        assert kept.user_id is None
        assert kept.municipality_code == "GM0344"
        assert [t for t in _texts(db, invitation_id) if t] == []
    # Her scores still count: the round's response rate does not change.
    detail = (await e.get(f"/api/v1/peilingrondes/{round_['id']}")).json()
    assert detail["beantwoord"] == 1
    results = (await e.get(f"/api/v1/peilingrondes/{round_['id']}/resultaten")).json()
    utrecht = next(g for g in results["gemeenten"] if g["gemeente"]["code"] == "GM0344")
    assert sorted(a["score"] for a in utrecht["antwoorden"] if a["score"]) == [4, 4, 4, 4]
    assert "planning per fase" not in str(results)
    # Her account, which the erasure leaves in place, no longer finds the survey as hers.
    contact = await person(clients, UTRECHT)
    assert (await contact.get("/api/v1/mijn-peilingen")).json()["resultaten"] == []
