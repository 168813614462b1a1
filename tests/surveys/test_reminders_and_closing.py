"""The survey's daily job on a moved clock: one reminder, only to those who did not answer,
only while the round is open; the round closes after its closing date; a second run the same
day does nothing again."""

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from fastapi import FastAPI
from sqlalchemy.orm import Session

from api.core import clock
from api.core.settings import Settings
from api.jobs.registry import JOBS
from api.surveys.models import Invitation, RoundStatus, SurveyRound
from tests.auth import BOLLENSTREEK, UTRECHT, mails
from tests.surveys.helpers import (
    editor,
    full_answers,
    invitations,
    new_round,
    send,
    survey_links,
)


def _noon(day: object) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)  # type: ignore[arg-type]


def _run(db: Session, settings: Settings, moment: datetime) -> str:
    with clock.fixed_clock(moment):
        return JOBS["peiling-rondes"].work(db, settings, moment)


def _reminders(folder: Path, round_title: str) -> list[str]:
    return [
        str(m["To"])
        for m in mails(folder)
        if str(m["Subject"]) == f"Herinnering peiling: {round_title}"
    ]


async def test_one_reminder_to_those_who_did_not_answer_then_the_round_closes(
    clients: object, client: object, app: FastAPI, db: Session, tmp_path: Path
) -> None:
    settings: Settings = app.state.settings
    outbox = tmp_path / "outbox"
    start = clock.today()
    e = await editor(clients)
    round_ = await new_round(e, opens_on=start, days=21, remind_after=7)
    await send(e, round_["id"])
    first_links = survey_links(outbox)
    form = (
        await client.post("/api/v1/peiling-via-link", json={"token": first_links[UTRECHT]})  # type: ignore[attr-defined]
    ).json()
    answered = await client.put(  # type: ignore[attr-defined]
        "/api/v1/peiling-via-link/antwoorden",
        json={"token": first_links[UTRECHT], "antwoorden": full_answers(form, 4)},
    )
    assert answered.status_code == 200
    title = round_["titel"]

    # Too early: nobody is reminded.
    _run(db, settings, _noon(start + timedelta(days=6)))
    assert _reminders(outbox, title) == []

    _run(db, settings, _noon(start + timedelta(days=7)))
    reminded = _reminders(outbox, title)
    waiting = {
        i.user_id for i in invitations(db, round_["id"]) if i.answered_at is None and i.user_id
    }
    assert len(reminded) == len(waiting) == len(set(reminded))
    assert BOLLENSTREEK in reminded
    assert UTRECHT not in reminded
    for invitation in invitations(db, round_["id"]):
        db.refresh(invitation)
        assert (invitation.reminded_at is not None) == (invitation.user_id in waiting)

    # Once: the same day again, and the days after, nobody gets a second one.
    _run(db, settings, _noon(start + timedelta(days=7)))
    _run(db, settings, _noon(start + timedelta(days=15)))
    assert len(_reminders(outbox, title)) == len(reminded)

    # The reminder carries a new link; the first one no longer opens the form.
    new_links = survey_links(outbox)
    assert new_links[BOLLENSTREEK] != first_links[BOLLENSTREEK]
    old = await client.post("/api/v1/peiling-via-link", json={"token": first_links[BOLLENSTREEK]})  # type: ignore[attr-defined]
    assert old.status_code == 404
    fresh = await client.post("/api/v1/peiling-via-link", json={"token": new_links[BOLLENSTREEK]})  # type: ignore[attr-defined]
    assert fresh.status_code == 200

    # Open through its closing day, closed the day after.
    closes_on = start + timedelta(days=21)
    _run(db, settings, _noon(closes_on))
    assert db.get_one(SurveyRound, round_["id"]).status == RoundStatus.OPEN
    outcome = _run(db, settings, _noon(closes_on + timedelta(days=1)))
    db.refresh(db.get_one(SurveyRound, round_["id"]))
    assert db.get_one(SurveyRound, round_["id"]).status == RoundStatus.CLOSED
    assert "gesloten" in outcome
    with clock.fixed_clock(_noon(closes_on + timedelta(days=1))):
        late = await client.put(  # type: ignore[attr-defined]
            "/api/v1/peiling-via-link/antwoorden",
            json={"token": new_links[BOLLENSTREEK], "antwoorden": full_answers(form, 2)},
        )
    assert late.status_code == 409
    assert len(_reminders(outbox, title)) == len(reminded)


async def test_no_reminder_after_closing_even_if_none_was_due_before(
    clients: object, app: FastAPI, db: Session, tmp_path: Path
) -> None:
    settings: Settings = app.state.settings
    start = clock.today()
    e = await editor(clients)
    # The reminder would be due after 9 days, but the round closes after 10: run only later.
    round_ = await new_round(e, "2031-Q3", opens_on=start, days=10, remind_after=9)
    await send(e, round_["id"])
    _run(db, settings, _noon(start + timedelta(days=12)))
    assert _reminders(tmp_path / "outbox", round_["titel"]) == []
    assert all(i.reminded_at is None for i in invitations(db, round_["id"]))
    assert db.get_one(SurveyRound, round_["id"]).status == RoundStatus.CLOSED
    assert db.query(Invitation).filter(Invitation.round_id == round_["id"]).count() > 0
