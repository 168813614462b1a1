"""Writing to and reading from the audit log. Services call `record`; only admins read it."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from api.audit import repository
from api.audit.models import AuditEvent
from api.core.errors import ForbiddenError, UnauthenticatedError
from api.core.pagination import PageParams
from api.core.requests import RequestContext
from api.core.security import Principal


def record(
    session: Session,
    ctx: RequestContext | None,
    event: str,
    *,
    actor: str,
    subject: str | None = None,
    outcome: str = "ok",
    details: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEvent(
            event=event,
            actor=actor,
            subject=subject,
            outcome=outcome,
            address=ctx.address if ctx else None,
            request_id=ctx.request_id if ctx else None,
            details=details or {},
        )
    )


@dataclass(frozen=True)
class AuditFilter:
    event: str | None = None
    actor: str | None = None
    subject: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def ensure_can_read(principal: Principal) -> None:
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if not principal.is_admin:
        raise ForbiddenError("Alleen beheerders kunnen het auditlog lezen.")


def find_events(
    session: Session, principal: Principal, criteria: AuditFilter, page: PageParams
) -> tuple[list[AuditEvent], int]:
    ensure_can_read(principal)
    return repository.list_events(
        session, criteria, page.offset, page.size
    ), repository.count_events(session, criteria)
