"""Liveness and readiness, for load balancers and orchestrators."""

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from api.core.db import SessionDep
from api.core.errors import ServiceUnavailableError
from api.core.routing import json_router
from api.core.schemas import ApiModel

router = json_router(tags=["Beheer"], conditional=False)


class HealthRead(ApiModel):
    status: str


@router.get(
    "/health",
    response_model=HealthRead,
    operation_id="levendOpvragen",
    summary="Draait de dienst? (liveness)",
)
def liveness() -> HealthRead:
    return HealthRead(status="ok")


@router.get(
    "/health/ready",
    response_model=HealthRead,
    operation_id="gereedOpvragen",
    summary="Kan de dienst verzoeken afhandelen? Controleert de database (readiness).",
)
def readiness(session: SessionDep) -> HealthRead:
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        raise ServiceUnavailableError("De database is niet bereikbaar.") from exc
    return HealthRead(status="ok")
