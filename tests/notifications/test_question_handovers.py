"""The hand-overs of a question reach exactly who must act: the experts of the organisation it
is put to (not another's), and the advisors when the expert answers."""

from collections.abc import Callable

import httpx
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api.accounts.repository import user_by_email
from api.notifications.kinds import Kind
from api.notifications.models import Notification
from tests.auth import ADMIN, DIVOSA, STIMULANSZ, login
from tests.questions.helpers import editor, editor_id, log_call, move

Clients = Callable[[], httpx.AsyncClient]


def _told(db: Session, kind: Kind) -> list[tuple[int, str]]:
    query = select(Notification).where(Notification.kind == kind).order_by(Notification.id)
    return [(n.user_id, n.link) for n in db.scalars(query)]


def _id(db: Session, email: str) -> int:
    found = user_by_email(db, email)
    assert found is not None
    return found.id


async def test_a_question_put_to_stimulansz_reaches_its_experts_and_the_answer_its_advisors(
    clients: Clients, db: Session
) -> None:
    db.execute(delete(Notification))
    advisor = await editor(clients)
    advisor_id = await editor_id(advisor)
    admin = clients()
    await login(admin, ADMIN)
    question = await log_call(advisor)
    # An admin assigns it to the advisor: she is told, the admin (who did it) is not.
    assigned = await move(admin, question["id"], "toegewezen", behandelaarId=advisor_id)
    assert assigned.status_code == 200, assigned.text
    assert _told(db, Kind.QUESTION_ASSIGNED) == [(advisor_id, f"/vragen/{question['id']}")]

    waiting = await move(advisor, question["id"], "wacht-op-expert", expertOrganisatie="stimulansz")
    assert waiting.status_code == 200, waiting.text
    [request] = waiting.json()["expertverzoeken"]

    assert _told(db, Kind.QUESTION_ESCALATED) == [
        (_id(db, STIMULANSZ), f"/expertvragen/{request['id']}")
    ]
    assert _id(db, DIVOSA) not in {user for user, _ in _told(db, Kind.QUESTION_ESCALATED)}

    expert = clients()
    await login(expert, STIMULANSZ)
    answered = await expert.post(
        f"/api/v1/expertvragen/{request['id']}/antwoord",
        json={"antwoord": "Ja, giften in natura tellen mee voor de vrijlating."},
    )
    assert answered.status_code == 200, answered.text
    # The advisor handles it and put it to the experts: one notification, not two.
    assert _told(db, Kind.EXPERT_ANSWERED) == [(advisor_id, f"/vragen/{question['id']}")]
