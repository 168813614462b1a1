"""Improvement proposals through the API for tests."""

from collections.abc import Callable

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit.models import AuditEvent
from api.mail.models import OutboxMessage
from api.notifications.kinds import Kind
from api.notifications.models import Notification
from tests.auth import EDITOR, login
from tests.products.helpers import create, publish

Clients = Callable[[], httpx.AsyncClient]
TEXT = "Voeg een rekenvoorbeeld toe voor een gift van de kerk."


async def published_product(clients: Clients) -> tuple[httpx.AsyncClient, httpx.AsyncClient, int]:
    """An editor (the owner), a tester, and a product the editor published."""
    editor, tester = clients(), clients()
    await login(editor, EDITOR)
    product = await create(editor)
    assert (await publish(editor, tester, product["id"])).status_code == 200
    return editor, tester, int(product["id"])  # type: ignore[call-overload]


async def propose(client: httpx.AsyncClient, product: int, **body: object) -> dict[str, object]:
    response = await client.post(
        f"/api/v1/producten/{product}/verbetervoorstellen", json={"tekst": TEXT, **body}
    )
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def step(
    client: httpx.AsyncClient, proposal: object, name: str, etag: str | None, **body: object
) -> httpx.Response:
    headers = {"If-Match": etag} if etag is not None else {}
    return await client.post(
        f"/api/v1/verbetervoorstellen/{proposal}/{name}", json=body or None, headers=headers
    )


async def read(client: httpx.AsyncClient, proposal: object) -> httpx.Response:
    return await client.get(f"/api/v1/verbetervoorstellen/{proposal}")


def told(db: Session, kind: Kind, proposal: object) -> list[tuple[int, str]]:
    """Who got a notification of this kind about this proposal, with its text."""
    rows = db.scalars(
        select(Notification).where(
            Notification.kind == kind, Notification.link == f"/verbetervoorstellen/{proposal}"
        )
    )
    return sorted((n.user_id, n.text) for n in rows)


def mailed(db: Session, address: str) -> list[OutboxMessage]:
    return list(
        db.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.recipient == address)
            .order_by(OutboxMessage.id)
        )
    )


def audited(db: Session, proposal: object) -> list[dict[str, object]]:
    rows = db.scalars(
        select(AuditEvent)
        .where(AuditEvent.subject == f"verbetervoorstel:{proposal}")
        .order_by(AuditEvent.id)
    )
    return [{"event": r.event, **r.details} for r in rows]
