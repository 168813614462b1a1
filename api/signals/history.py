"""A signal's history: what changed, by whom, appended and never rewritten."""

from sqlalchemy.orm import Session

from api.core import clock
from api.signals.models import Signal, SignalEvent, SignalStatus


def record(
    session: Session,
    signal: Signal,
    kind: str,
    actor: str,
    *,
    before: SignalStatus | None = None,
    details: dict[str, object] | None = None,
) -> None:
    """Appends to the history and raises the signal's version (its ETag)."""
    session.add(
        SignalEvent(
            signal_id=signal.id,
            kind=kind,
            from_status=before.value if before else None,
            to_status=signal.status.value if before else None,
            actor=actor,
            details=details or {},
        )
    )
    signal.version += 1
    signal.updated_at = clock.now()
