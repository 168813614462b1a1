"""Liveness and readiness, for load balancers and orchestrators; and the problem types, the
documentation the `type` of every error answer points to."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from pydantic import Field
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from api.core.conditional import conditional_json
from api.core.db import SessionDep
from api.core.errors import NotFoundError, ServiceUnavailableError
from api.core.problem_types import MEMBERS, PROBLEM_TYPES, ProblemType, type_uri
from api.core.requests import SettingsDep
from api.core.routing import json_router
from api.core.schemas import ApiModel, Link, SelfLinks
from api.core.settings import Settings
from api.core.urls import api_path

_health = json_router(tags=["Beheer"], conditional=False)
_problem_types = json_router(tags=["Probleemtypen"])


class HealthRead(ApiModel):
    status: str


@_health.get(
    "/health",
    response_model=HealthRead,
    operation_id="levendOpvragen",
    summary="Draait de dienst? (liveness)",
)
def liveness() -> HealthRead:
    return HealthRead(status="ok")


@_health.get(
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


class ExtensionMemberRead(ApiModel):
    naam: str = Field(description="Naam van het extra veld in het foutbericht.")
    betekenis: str


class ProblemTypeRead(ApiModel):
    """Probleemtype: een soort fout van deze API (RFC 9457)."""

    code: str = Field(examples=["ongeldige-invoer"])
    type: str = Field(description="De URI in het veld `type` van het foutbericht.")
    titel: str = Field(description="De vaste `title` van foutberichten van dit type.")
    status: int = Field(description="De HTTP-statuscode.")
    beschrijving: str
    extensies: list[ExtensionMemberRead] = Field(
        description="De extra velden die een foutbericht van dit type kan hebben."
    )
    links: SelfLinks = Field(alias="_links")


class ProblemTypeList(ApiModel):
    resultaten: list[ProblemTypeRead]


ProblemTypeCode = Annotated[
    str,
    Path(
        pattern=r"^[a-z0-9-]{1,80}$",
        description="Code van het probleemtype.",
        examples=["ongeldige-invoer"],
    ),
]


def _problem_type_read(settings: Settings, kind: ProblemType) -> ProblemTypeRead:
    return ProblemTypeRead(
        code=kind.slug,
        type=type_uri(settings.public_url, kind),
        titel=kind.title,
        status=kind.status,
        beschrijving=kind.description,
        extensies=[ExtensionMemberRead(naam=m, betekenis=MEMBERS[m]) for m in kind.members],
        _links=SelfLinks(self=Link(href=api_path("probleemtypen", kind.slug))),
    )


@_problem_types.get(
    "/probleemtypen",
    response_model=ProblemTypeList,
    operation_id="probleemtypenOpvragen",
    summary="Alle probleemtypen",
)
def list_problem_types(request: Request, settings: SettingsDep) -> Response:
    types = [_problem_type_read(settings, kind) for kind in PROBLEM_TYPES.values()]
    return conditional_json(request, ProblemTypeList(resultaten=types))


@_problem_types.get(
    "/probleemtypen/{code}",
    response_model=ProblemTypeRead,
    operation_id="probleemtypeOpvragen",
    summary="Eén probleemtype",
)
def get_problem_type(request: Request, settings: SettingsDep, code: ProblemTypeCode) -> Response:
    kind = PROBLEM_TYPES.get(code)
    if kind is None:
        raise NotFoundError(f"Probleemtype {code} bestaat niet.")
    return conditional_json(request, _problem_type_read(settings, kind))


router = APIRouter()
router.include_router(_health)
router.include_router(_problem_types)
