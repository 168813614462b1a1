"""HTTP endpoints of the public register as open data: the CSV of public signals and the Atom
feed of their responses, each built once per version of the register (ETag, 304)."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from api.core.atom import ATOM, ATOM_RESPONSES, require_atom
from api.core.conditional import conditional_versioned
from api.core.db import SessionDep
from api.core.negotiation import require_accept
from api.core.opendata import CSV_CONTENT_TYPE, CSV_MEDIA_TYPE, csv_headers
from api.core.requests import SettingsDep
from api.core.routing import NOT_MODIFIED, PUBLIC
from api.signals import feed, opendata

router = APIRouter(tags=["Signalen"])


@router.get(
    "/openbare-signalen/export",
    response_class=Response,
    operation_id="openbareSignalenExporteren",
    summary="De openbare signalen als open data: CSV onder CC BY 4.0",
    description=(
        "Elk openbaar signaal met zijn status, maatregelen, het aantal gemeenten en inwoners "
        "achter het bewijs (berekend), aan wie het is doorgezet en de reactie. Nooit wie het "
        "meldde of welke gemeenten erachter staan. Puntkomma-gescheiden, UTF-8; de licentie "
        "staat in de Link-header."
    ),
    openapi_extra=PUBLIC,
    responses={
        **NOT_MODIFIED,
        200: {
            "description": "CSV (CC BY 4.0).",
            "content": {CSV_MEDIA_TYPE: {"schema": {"type": "string"}}},
        },
    },
)
def export_public_signals(
    request: Request,
    session: SessionDep,
    formaat: Annotated[Literal["csv"], Query(description="csv (het enige formaat).")] = "csv",
) -> Response:
    require_accept(request, CSV_MEDIA_TYPE)
    answer = conditional_versioned(
        request,
        opendata.version(session),
        lambda: opendata.public_csv(session),
        media_type=CSV_CONTENT_TYPE,
    )
    answer.headers.update(csv_headers(opendata.FILE_NAME))
    return answer


@router.get(
    "/openbare-signalen/reacties",
    response_class=Response,
    operation_id="signaalReactiesFeed",
    summary="Atom-feed van de reacties op openbare signalen, nieuwste eerst, voor feedlezers",
    openapi_extra=PUBLIC,
    responses={**NOT_MODIFIED, **ATOM_RESPONSES},
)
def responses_feed(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    require_atom(request)
    base = settings.public_url.rstrip("/")
    return conditional_versioned(
        request,
        opendata.version(session),
        lambda: feed.responses_feed(session, base),
        media_type=ATOM,
    )
