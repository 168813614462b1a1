"""The programme's demo target: 90 % of a wave's municipality × measure cells implemented by its
legal date (docs/dashboard.md), so the dashboard shows each wave beside a target line.

Only a wave without a target that no editor ever touched gets one: a target an editor set, or
took away (an audit event of the change), is left alone, so loading the demo again never undoes
an editor's choice."""

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit.models import AuditEvent
from api.measures.models import Wave

DEMO_TARGET = 90
CHANGED = "fase.gewijzigd"


def _editor_set_target(session: Session, number: int) -> bool:
    changes = session.scalars(
        select(AuditEvent.details).where(
            AuditEvent.event == CHANGED, AuditEvent.subject == f"fase:{number}"
        )
    )
    return any("doel" in details for details in changes)


def load_demo_targets(session: Session, on_row: Callable[[], None]) -> tuple[int, int]:
    """(waves given the demo target now, waves that had one or whose target an editor chose)."""
    created = existing = 0
    for wave in session.scalars(select(Wave).order_by(Wave.number)):
        if wave.target is not None or _editor_set_target(session, wave.number):
            existing += 1
        else:
            wave.target = DEMO_TARGET
            # A changed wave is a new version: a stale form's If-Match, or a cached ETag, is not
            # taken for the wave with its target.
            wave.version += 1
            created += 1
        on_row()
    session.flush()
    return created, existing
