"""A signal's history: what changed, by whom, appended and never rewritten."""

from sqlalchemy.orm import Session

from api.audit import service as audit
from api.core import clock
from api.core.requests import RequestContext
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


def record_and_audit(
    session: Session,
    ctx: RequestContext | None,
    signal: Signal,
    kind: str,
    actor: str,
    audit_event: str,
    details: dict[str, object],
) -> None:
    """A step whose history entry and audit entry say the same thing."""
    record(session, signal, kind, actor, details=details)
    audit.record(
        session, ctx, audit_event, actor=actor, subject=f"signal:{signal.id}", details=details
    )
