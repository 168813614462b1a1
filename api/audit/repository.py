"""Every query of the audit log."""

from typing import TYPE_CHECKING

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from api.audit.models import AuditEvent

if TYPE_CHECKING:
    from api.audit.service import AuditFilter


def _filtered(criteria: "AuditFilter") -> Select[AuditEvent]:
    query = select(AuditEvent)
    if criteria.event:
        query = query.where(AuditEvent.event == criteria.event)
    if criteria.actor:
        query = query.where(AuditEvent.actor == criteria.actor)
    if criteria.subject:
        query = query.where(AuditEvent.subject == criteria.subject)
    if criteria.since:
        query = query.where(AuditEvent.occurred_at >= criteria.since)
    if criteria.until:
        query = query.where(AuditEvent.occurred_at < criteria.until)
    return query


def list_events(
    session: Session, criteria: "AuditFilter", offset: int, limit: int
) -> list[AuditEvent]:
    query = (
        _filtered(criteria)
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return list(session.scalars(query))


def count_events(session: Session, criteria: "AuditFilter") -> int:
    subquery = _filtered(criteria).with_only_columns(AuditEvent.id).subquery()
    return session.scalar(select(func.count()).select_from(subquery)) or 0
