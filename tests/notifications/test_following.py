"""Following a product: whoever follows it hears of each new published version, once."""

from collections.abc import Callable

import httpx
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api.accounts.repository import user_by_email
from api.notifications.kinds import Kind
from api.notifications.models import Notification
from tests.auth import ADMIN, BOLLENSTREEK, EDITOR, PARTNER, UTRECHT, login, machine_token
from tests.products.helpers import create, move, reviewer_id, upload

Clients = Callable[[], httpx.AsyncClient]


def _id(db: Session, email: str) -> int:
    found = user_by_email(db, email)
    assert found is not None
    return found.id


def _told(db: Session) -> list[tuple[Kind, int]]:
    query = select(Notification).order_by(Notification.id)
    return [(n.kind, n.user_id) for n in db.scalars(query) if n.kind.name.endswith("PUBLISHED")]


async def test_a_follower_hears_of_the_published_version_and_a_tester_only_once(
    clients: Clients, db: Session
) -> None:
    db.execute(delete(Notification))
    editor, tester, admin, contact = clients(), clients(), clients(), clients()
    await login(editor, EDITOR)
    await login(admin, ADMIN)
    await login(contact, BOLLENSTREEK)
    product = await create(editor, titel="Handreiking om te volgen")
    url = f"/api/v1/producten/{product['id']}/volgen"
    # A planned product is not visible to a municipal contact, so she cannot follow it yet;
    # a colleague of the team can.
    assert (await contact.put(url)).status_code == 404
    assert (await admin.put(url)).json() == {"volgt": True}
    assert (await admin.put(url)).json() == {"volgt": True}  # twice changes nothing
    assert (await move(editor, product["id"], "in-ontwikkeling")).status_code == 200
    assert (await upload(editor, product["id"])).status_code == 201
    assert (await move(editor, product["id"], "in-toetsing")).status_code == 200
    invited = await editor.post(
        f"/api/v1/producten/{product['id']}/toetsingen",
        json={"toetserId": await reviewer_id(tester)},
    )
    # Invited, the tester sees the draft, and follows it too.
    assert (await tester.put(url)).json() == {"volgt": True}
    verdict = await tester.put(
        f"/api/v1/producten/{product['id']}/toetsingen/{invited.json()['id']}",
        json={"oordeel": "goedgekeurd"},
    )
    assert verdict.status_code == 200, verdict.text

    assert (await move(editor, product["id"], "gepubliceerd")).status_code == 200

    assert _told(db) == [
        (Kind.REVIEWED_PRODUCT_PUBLISHED, _id(db, UTRECHT)),
        (Kind.FOLLOWED_PRODUCT_PUBLISHED, _id(db, ADMIN)),
    ]


async def test_unfollowing_and_who_may_follow(client: httpx.AsyncClient, clients: Clients) -> None:
    person, machine = clients(), clients()
    await login(person, UTRECHT)
    machine.headers["Authorization"] = (
        f"Bearer {await machine_token(machine, PARTNER.client_id, PARTNER.secret)}"
    )
    url = "/api/v1/producten/2/volgen"  # a published demo product

    assert (await person.put(url)).json() == {"volgt": True}
    assert (await person.delete(url)).json() == {"volgt": False}
    assert (await person.get(url)).json() == {"volgt": False}
    assert (await client.put(url)).status_code == 401
    assert (await machine.put(url)).status_code == 403
    assert (await person.put("/api/v1/producten/999999/volgen")).status_code == 404
