"""The audit log: security events and changes, appended and never rewritten."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from api.core.orm import Base, UTCDateTime, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    event: Mapped[str] = mapped_column(String(60), index=True)
    actor: Mapped[str] = mapped_column(String(80), index=True)
    """Who did it: user:<id>, client:<client_id>, anonymous or system."""
    subject: Mapped[str | None] = mapped_column(String(120), index=True)
    """What it was done to, e.g. user:12 or client:sb_x."""
    outcome: Mapped[str] = mapped_column(String(20), default="ok")
    address: Mapped[str | None] = mapped_column(String(64))
    request_id: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
