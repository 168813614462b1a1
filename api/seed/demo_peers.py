"""The demo contacts who agreed to be named to peers (collegiaal contact, docs/peers.md).

Bas Bollenstreek agreed, so his four municipalities show him to similar municipalities behind
on a measure they implemented; Ulla Utrecht did not (yet): the browser test has her agree in
"mijn account". A contact who chose herself (an audit event of her choice) is left alone, so
loading the demo again never undoes her choice."""

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.audit.models import AuditEvent

DEMO_PEER_CONTACTS = ("bollenstreek@demo.spoorboek.example",)
CHOSEN = "collegiaal-contact.gekozen"


def load_demo_peers(session: Session, on_row: Callable[[], None]) -> tuple[int, int]:
    """(agreed now, already agreed or chose herself)."""
    created = existing = 0
    for user in session.scalars(select(User).where(User.email.in_(DEMO_PEER_CONTACTS))):
        chose = session.scalar(
            select(AuditEvent.id)
            .where(AuditEvent.event == CHOSEN, AuditEvent.actor == f"user:{user.id}")
            .limit(1)
        )
        if user.is_peer_contact or chose is not None:
            existing += 1
        else:
            user.is_peer_contact = True
            created += 1
        on_row()
    session.flush()
    return created, existing
