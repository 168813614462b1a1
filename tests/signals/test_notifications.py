"""Who hears of a signal: the editors when someone outside the team reports one, and every
contact behind it when it gets its response, exactly once."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.notifications.models import Notification
from api.progress.models import ProgressStatus
from tests.auth import BOLLENSTREEK, EDITOR, UTRECHT
from tests.signals.helpers import editor, move, person, report, utrecht, walk


def _told(db: Session, email: str, kind: str, signal_id: object) -> int:
    user = db.scalars(select(User).where(User.email == email)).one()
    return len(
        db.scalars(
            select(Notification).where(
                Notification.user_id == user.id,
                Notification.kind == kind,
                Notification.link == f"/signalen/{signal_id}",
            )
        ).all()
    )


async def test_editors_hear_of_a_signal_a_contact_reports(clients: object, db: Session) -> None:
    contact = await utrecht(clients)
    signal = await report(contact)
    assert _told(db, EDITOR, "signaal-gemeld", signal["id"]) == 1
    e = await editor(clients)
    own = await report(e)
    assert _told(db, EDITOR, "signaal-gemeld", own["id"]) == 0


async def test_every_contact_behind_a_signal_hears_of_the_response_once(
    clients: object, db: Session
) -> None:
    contact = await utrecht(clients)
    signal = await report(contact)
    e = await editor(clients)
    await e.patch(f"/api/v1/signalen/{signal['id']}", json={"openbaar": True})
    shared = await person(clients, BOLLENSTREEK)
    backed = await shared.post(
        f"/api/v1/signalen/{signal['id']}/ook-bij-ons", json={"gemeente": "GM0575"}
    )
    assert backed.status_code == 201, backed.text
    await walk(e, signal["id"], "doorgezet")
    response = await move(
        e,
        signal["id"],
        "reactie-ontvangen",
        tekst="Komt in de handreiking.",
        uitkomst="handreiking",
    )
    assert response.status_code == 200, response.text
    assert _told(db, UTRECHT, "signaal-reactie", signal["id"]) == 1
    assert _told(db, BOLLENSTREEK, "signaal-reactie", signal["id"]) == 1
    fed_back = await move(e, signal["id"], "teruggekoppeld")
    assert fed_back.status_code == 200, fed_back.text
    # Feedback to the municipalities behind the evidence tells nobody twice.
    assert _told(db, UTRECHT, "signaal-reactie", signal["id"]) == 1
    assert _told(db, BOLLENSTREEK, "signaal-reactie", signal["id"]) == 1


async def test_feedback_reaches_contacts_of_municipalities_behind_linked_blockers(
    clients: object, db: Session
) -> None:
    cell = db.get(ProgressStatus, ("GM0344", "M07")) or ProgressStatus(
        municipality_code="GM0344", measure_code="M07", updated_by="test"
    )
    cell.blockers = "Wij wachten op de nieuwe release van onze leverancier."
    db.add(cell)
    db.flush()
    e = await editor(clients)
    signal = await report(e)
    linked = await e.post(
        f"/api/v1/signalen/{signal['id']}/bewijs",
        json={"knelpunten": [{"gemeente": "GM0344", "maatregel": "M07"}]},
    )
    assert linked.json() == {"vragen": 0, "knelpunten": 1}
    await walk(e, signal["id"], "reactie-ontvangen")
    # Nobody backed it: the response itself tells no contact yet.
    assert _told(db, UTRECHT, "signaal-reactie", signal["id"]) == 0
    fed_back = await move(e, signal["id"], "teruggekoppeld")
    assert fed_back.status_code == 200, fed_back.text
    assert _told(db, UTRECHT, "signaal-reactie", signal["id"]) == 1
