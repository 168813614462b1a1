"""HTTP endpoints of the calendars: the agenda's public iCalendar feed, one meeting's .ics, and
a person's own feed at a secret URL (made, renewed and removed by her)."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response, status

from api.accounts.principal import CurrentPrincipal
from api.core.conditional import (
    BY_VIEWER,
    PRIVATE_REVALIDATE,
    PUBLIC_SHARED,
    cache_control,
    conditional_versioned,
)
from api.core.db import SessionDep
from api.core.logging import hide_secret_after
from api.core.negotiation import require_accept
from api.core.requests import SettingsDep
from api.core.routing import NOT_MODIFIED, PERSON, PUBLIC, errors, json_router
from api.core.urls import api_path
from api.meetings import calendar, calendar_feeds
from api.meetings.calendar_feeds import CalendarFile
from api.meetings.calendar_schemas import PersonalCalendar

TAGS: list[Any] = ["Bijeenkomsten"]
files = APIRouter(tags=TAGS)
mine = json_router(tags=TAGS, conditional=False)

# The secret of a person's feed is its URL: the logs must not hold it.
hide_secret_after(api_path(calendar_feeds.FEEDS) + "/")

ICS = "text/calendar"
ICS_RESPONSES: dict[int | str, dict[str, Any]] = {
    **NOT_MODIFIED,
    200: {"description": "iCalendar (RFC 5545)", "content": {ICS: {"schema": {"type": "string"}}}},
}
MeetingId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van de bijeenkomst.")
]


def _send(
    request: Request, found: CalendarFile, *, caching: str, vary: str | None = None
) -> Response:
    require_accept(request, ICS)
    answer = conditional_versioned(
        request,
        found.version_key,
        found.build,
        media_type=calendar.MEDIA_TYPE,
        cache_control=caching,
        vary=vary,
    )
    if found.filename is not None:
        answer.headers["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    return answer


@files.get(
    "/bijeenkomsten/kalender",
    response_class=Response,
    operation_id="bijeenkomstenKalender",
    summary="De agenda als iCalendar-feed, om op te abonneren in een agenda-programma",
    description=(
        "Elke bijeenkomst die nog komt of in het afgelopen halfjaar was, in Europe/Amsterdam. "
        "Zonder deelnamelinks; een geannuleerde bijeenkomst staat erin met STATUS:CANCELLED, "
        "zodat een agenda die haar overnam dat ook hoort."
    ),
    openapi_extra=PUBLIC,
    responses=ICS_RESPONSES,
)
def public_feed(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    return _send(request, calendar_feeds.public_feed(session, settings), caching=PUBLIC_SHARED)


@files.get(
    "/bijeenkomsten/{id}/kalender",
    response_class=Response,
    operation_id="bijeenkomstKalenderbestand",
    summary="Eén bijeenkomst als .ics-bestand",
    description="Met de deelnamelink voor wie is aangemeld en voor het programmateam.",
    openapi_extra=PUBLIC,
    responses={**ICS_RESPONSES, **errors(e404="Deze bijeenkomst bestaat niet.")},
)
def meeting_file(
    meeting_id: MeetingId,
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    found = calendar_feeds.meeting_file(session, principal, meeting_id, settings)
    return _send(request, found, caching=cache_control(found.public), vary=BY_VIEWER)


@files.get(
    "/kalenders/{geheim}",
    response_class=Response,
    operation_id="persoonlijkeKalender",
    summary="Iemands eigen agenda-feed: de bijeenkomsten waarvoor zij is aangemeld",
    description=(
        "Het adres is geheim en werkt zonder inloggen (agenda-programma's sturen geen "
        "inloggegevens mee); daarom staan de deelnamelinks erin. Een vervangen of verwijderd "
        "adres geeft 404."
    ),
    openapi_extra=PUBLIC,
    responses={**ICS_RESPONSES, **errors(e404="Dit agenda-adres bestaat niet (meer).")},
)
def personal_feed(
    secret: Annotated[str, Path(alias="geheim", max_length=200)],
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    found = calendar_feeds.personal_feed(session, secret, settings)
    return _send(request, found, caching=PRIVATE_REVALIDATE)


@mine.get(
    "/mijn-kalender",
    response_model=PersonalCalendar,
    operation_id="mijnKalenderOpvragen",
    summary="Of ik een eigen agenda-adres heb (het adres zelf is alleen bij het maken te zien)",
    openapi_extra=PERSON,
)
def my_calendar(principal: CurrentPrincipal, session: SessionDep) -> PersonalCalendar:
    return calendar_feeds.my_calendar(session, principal)


@mine.post(
    "/mijn-kalender",
    response_model=PersonalCalendar,
    status_code=status.HTTP_201_CREATED,
    operation_id="mijnKalenderMaken",
    summary="Een nieuw geheim agenda-adres maken; een eerder adres werkt dan niet meer",
    openapi_extra=PERSON,
)
def renew_my_calendar(
    principal: CurrentPrincipal, session: SessionDep, settings: SettingsDep
) -> Response:
    made = calendar_feeds.renew(session, principal, settings)
    return Response(
        made.model_dump_json(by_alias=True),
        status_code=status.HTTP_201_CREATED,
        media_type="application/json",
        # The answer holds a secret: no cache keeps it.
        headers={"Cache-Control": "no-store"},
    )


@mine.delete(
    "/mijn-kalender",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="mijnKalenderVerwijderen",
    summary="Mijn agenda-adres laten vervallen",
    openapi_extra=PERSON,
)
def revoke_my_calendar(principal: CurrentPrincipal, session: SessionDep) -> Response:
    calendar_feeds.revoke(session, principal)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


router = APIRouter()
router.include_router(files)
router.include_router(mine)
