"""Who sees a rating, and what becomes of its comment: the advisor who answered, editors and
admins see the score (and the comment only when the personal-data check found nothing in it);
contacts of other municipalities, experts and the public never; erasure and the retention job
empty comments and keep the scores."""

from datetime import timedelta
from pathlib import Path

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.core import clock
from api.core.settings import Settings
from api.jobs.registry import JOBS
from api.satisfaction.models import AnswerRating
from tests.auth import ADMIN, BOLLENSTREEK, STIMULANSZ, login
from tests.questions.helpers import answer, ask, contact, editor
from tests.satisfaction.helpers import RATING, latest_token

ANSWER = "De vrijlating geldt per persoon, niet per huishouden."
UTRECHT = "utrecht@demo.spoorboek.example"


async def _rated(clients: object, outbox: Path, comment: str) -> tuple[dict, httpx.AsyncClient]:
    e = await editor(clients)
    c = await contact(clients)
    q = await ask(c)
    await answer(e, q["id"], ANSWER)
    rated = await c.put(
        f"/api/v1/vragen/{q['id']}/beoordeling", json={"score": 2, "toelichting": comment}
    )
    assert rated.status_code == 200, rated.text
    assert rated.json()["toelichting"] == comment
    return q, e


async def _as(clients: object, email: str) -> httpx.AsyncClient:
    client: httpx.AsyncClient = clients()  # type: ignore[operator]
    await login(client, email)
    return client


async def test_the_team_sees_the_score_and_a_clean_comment_and_nobody_else_sees_anything(
    clients: object, tmp_path: Path
) -> None:
    q, advisor = await _rated(clients, tmp_path / "outbox", "Het antwoord miste een voorbeeld.")
    path = f"/api/v1/vragen/{q['id']}/beoordeling"
    for team in (advisor, await _as(clients, ADMIN)):
        seen = await team.get(path)
        assert seen.status_code == 200, seen.text
        assert seen.json()["score"] == 2
        assert seen.json()["toelichting"] == "Het antwoord miste een voorbeeld."
        assert seen.json()["toelichtingAfgeschermd"] is False
    public: httpx.AsyncClient = clients()  # type: ignore[operator]
    assert (await public.get(path)).status_code == 401
    for outsider in (BOLLENSTREEK, STIMULANSZ):
        other = await _as(clients, outsider)
        refused = await other.get(path)
        assert refused.status_code == 404, (outsider, refused.text)
        assert "miste" not in refused.text
        assert (await other.put(path, json={"score": 5})).status_code == 404


async def test_a_comment_naming_someone_is_kept_for_her_but_not_shown_to_the_team(
    clients: object, db: Session, tmp_path: Path
) -> None:
    comment = "Mevrouw De Vries van de afdeling hielp ons beter dan dit antwoord."
    q, advisor = await _rated(clients, tmp_path / "outbox", comment)
    rating = db.scalars(select(AnswerRating).where(AnswerRating.question_id == q["id"])).one()
    assert rating.comment == comment
    assert rating.comment_cleared is False
    seen = (await advisor.get(f"/api/v1/vragen/{q['id']}/beoordeling")).json()
    assert seen["score"] == 2
    assert seen["toelichting"] is None
    assert seen["toelichtingAfgeschermd"] is True
    assert "Vries" not in str(seen)
    # Her own name and her municipality's count as well.
    c = await contact(clients)
    for named in ("Ulla was blij met het antwoord.", "Voor Utrecht werkt dit niet."):
        await c.put(
            f"/api/v1/vragen/{q['id']}/beoordeling", json={"score": 3, "toelichting": named}
        )
        db.expire_all()
        assert db.get(AnswerRating, rating.id).comment_cleared is False  # type: ignore[union-attr]
    await c.put(
        f"/api/v1/vragen/{q['id']}/beoordeling", json={"score": 3, "toelichting": "Heel bruikbaar."}
    )
    db.expire_all()
    assert db.get(AnswerRating, rating.id).comment_cleared is True  # type: ignore[union-attr]


async def test_erasure_empties_her_comments_keeps_the_scores_and_closes_the_links(
    clients: object, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    q, advisor = await _rated(clients, tmp_path / "outbox", "Heel bruikbaar, dank.")
    token = latest_token(tmp_path / "outbox", UTRECHT)
    c = await contact(clients)
    hers = [v["id"] for v in (await c.get("/api/v1/vragenstellers/gegevens")).json()["vragen"]]
    erased = await advisor.post("/api/v1/vragenstellers/wissingen", json={"email": UTRECHT})
    assert erased.status_code == 200, erased.text
    db.expire_all()
    rating = db.scalars(select(AnswerRating).where(AnswerRating.question_id == q["id"])).one()
    assert rating.score == 2
    assert rating.comment is None
    assert rating.comment_cleared is False
    after = await client.put(RATING, params={"token": token}, json={"score": 5, "toelichting": "x"})
    assert after.status_code == 409
    db.expire_all()
    assert db.get(AnswerRating, rating.id).comment is None  # type: ignore[union-attr]
    # Her other ratings (the demo's among them) lost their comments too.
    left = db.scalars(select(AnswerRating).where(AnswerRating.question_id.in_(hers))).all()
    assert len(left) > 1
    assert [r.comment for r in left] == [None] * len(left)


async def test_the_retention_job_empties_comments_older_than_the_setting(
    clients: object, db: Session, tmp_path: Path
) -> None:
    q, _ = await _rated(clients, tmp_path / "outbox", "Heel bruikbaar, dank.")
    job = JOBS["beoordelingen-toelichtingen-opruimen"]
    settings = Settings(satisfaction_comment_retention_days=30)
    rating = db.scalars(select(AnswerRating).where(AnswerRating.question_id == q["id"])).one()
    written = rating.changed_at
    assert written is not None
    job.work(db, settings, written + timedelta(days=29))
    db.expire_all()
    assert db.get(AnswerRating, rating.id).comment == "Heel bruikbaar, dank."  # type: ignore[union-attr]
    outcome = job.work(db, settings, written + timedelta(days=30, seconds=1))
    assert "geleegd" in outcome
    db.expire_all()
    kept = db.get(AnswerRating, rating.id)
    assert kept is not None
    assert kept.comment is None
    assert kept.score == 2
    # Nothing older keeps a comment; the default keeps two years.
    assert Settings().satisfaction_comment_retention_days == 730
    old = db.scalars(
        select(AnswerRating.id).where(
            AnswerRating.comment.is_not(None),
            AnswerRating.changed_at < clock.now() - timedelta(days=29),
        )
    ).all()
    assert old == []
