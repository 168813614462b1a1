"""Public shape of audit events."""

from datetime import datetime
from typing import Any

from pydantic import Field

from api.audit.models import AuditEvent
from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel


class AuditEventRead(ApiModel):
    id: int
    tijdstip: datetime
    gebeurtenis: str = Field(examples=["login.gelukt"])
    actor: str = Field(description="Wie: user:<id>, client:<clientId>, anonymous of system.")
    onderwerp: str | None
    uitkomst: str
    adres: str | None
    request_id: str | None
    details: dict[str, Any]

    @classmethod
    def of(cls, event: AuditEvent) -> "AuditEventRead":
        return cls(
            id=event.id,
            tijdstip=event.occurred_at,
            gebeurtenis=event.event,
            actor=event.actor,
            onderwerp=event.subject,
            uitkomst=event.outcome,
            adres=event.address,
            request_id=event.request_id,
            details=event.details,
        )


class AuditPage(ApiModel):
    resultaten: list[AuditEventRead]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")
