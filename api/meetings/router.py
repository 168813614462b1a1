"""HTTP endpoints of the agenda: the list, one meeting, planning, changing and cancelling it, and
its history."""

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response, status
from pydantic import BaseModel
from sqlalchemy.orm import Session

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.conditional import (
    BY_VIEWER,
    PRIVATE_REVALIDATE,
    conditional_versioned,
    private_versioned,
)
from api.core.dates import BoundedDate
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.requests import ContextDep
from api.core.routing import PERSON, PUBLIC_OR_PERSON, VERSIONED, errors, json_router
from api.core.security import Principal
from api.core.urls import api_path
from api.meetings import presenters, service
from api.meetings.schemas import (
    HistoryItem,
    MeetingCancel,
    MeetingCreate,
    MeetingDetail,
    MeetingPage,
    MeetingUpdate,
)
from api.meetings.vocabulary import Audience, Meeting, MeetingKind, MeetingStatus

reads = json_router(tags=["Bijeenkomsten"])
writes = json_router(tags=["Bijeenkomsten"], conditional=False)

MeetingId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van de bijeenkomst.")
]
IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description="ETag van de gelezen bijeenkomst (verplicht); 412 als die verouderd is.",
    ),
]
STALE = {
    **VERSIONED,
    **errors(
        e412="Iemand anders wijzigde de bijeenkomst intussen.",
        e428="Stuur If-Match met de ETag die u las.",
    ),
}


def _detail(session: Session, principal: Principal, meeting: Meeting, code: int = 200) -> Response:
    return private_versioned(
        presenters.detail(session, principal, meeting, clock.now()),
        meeting.version,
        status_code=code,
        location=api_path("bijeenkomsten", meeting.id) if code == status.HTTP_201_CREATED else None,
    )


@reads.get(
    "/bijeenkomsten",
    response_model=MeetingPage,
    operation_id="bijeenkomstenOpvragen",
    summary="De agenda: komende (of afgelopen) bijeenkomsten, te filteren (openbaar)",
    openapi_extra=PUBLIC_OR_PERSON,
)
def list_meetings(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
    soort: Annotated[MeetingKind | None, Query()] = None,
    maatregel: Annotated[str | None, Query(pattern=r"^M\d{2}$")] = None,
    thema: Annotated[str | None, Query(pattern=r"^[a-z0-9-]{2,80}$")] = None,
    provincie: Annotated[str | None, Query(pattern=r"^PV\d{2}$")] = None,
    arbeidsmarktregio: Annotated[str | None, Query(pattern=r"^AM\d{2}$")] = None,
    doelgroep: Annotated[Audience | None, Query()] = None,
    status_: Annotated[
        MeetingStatus | None,
        Query(alias="status", description="De getoonde status; 'afgelopen' toont afgelopen."),
    ] = None,
    van: Annotated[BoundedDate | None, Query(description="Begint op of na deze dag.")] = None,
    tot: Annotated[
        BoundedDate | None, Query(description="Begint op of voor deze dag (tot en met).")
    ] = None,
    afgelopen: Annotated[
        bool,
        Query(description="false: komende, eerstvolgende eerst; true: afgelopen, laatste eerst."),
    ] = False,
) -> Response:
    listing = service.Listing(
        kind=soort,
        measure=maatregel,
        theme=thema,
        province=provincie,
        region=arbeidsmarktregio,
        audience=doelgroep,
        status=status_,
        from_day=van,
        to_day=tot,
        past=afgelopen,
    )
    now = clock.now()

    def build() -> MeetingPage:
        found, total = service.find(session, listing, page, now)
        envelope = page_envelope(request, page, total)
        return presenters.page(session, principal, found, now, envelope)

    return _versioned(request, session, principal, build)


def _versioned(
    request: Request, session: Session, principal: Principal, build: Callable[[], BaseModel]
) -> Response:
    """Visitors get one copy per version of the agenda, kept and shared by caches; a signed-in
    reader (her own registrations, the team's view) one of her own, revalidated."""
    key = service.agenda_version(session, clock.now())
    if not principal.is_authenticated:
        return conditional_versioned(
            request, key, build, vary=BY_VIEWER, again=service.agenda_version_now
        )
    return conditional_versioned(
        request,
        f"{key}|{principal.subject}",
        build,
        cache_control=PRIVATE_REVALIDATE,
        vary=BY_VIEWER,
    )


@reads.get(
    "/bijeenkomsten/{id}",
    response_model=MeetingDetail,
    operation_id="bijeenkomstOpvragen",
    summary="Eén bijeenkomst; de deelnamelink alleen voor wie is aangemeld en de redactie",
    responses=VERSIONED,
    openapi_extra=PUBLIC_OR_PERSON,
)
def get_meeting(
    request: Request, meeting_id: MeetingId, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    meeting = service.get(session, meeting_id)
    if principal.is_authenticated:
        return _detail(session, principal, meeting)
    return _versioned(
        request,
        session,
        principal,
        lambda: presenters.detail(session, principal, meeting, clock.now()),
    )


@writes.post(
    "/bijeenkomsten",
    status_code=status.HTTP_201_CREATED,
    response_model=MeetingDetail,
    operation_id="bijeenkomstAanmaken",
    summary="Een bijeenkomst plannen (redactie)",
    openapi_extra=PERSON,
)
def create_meeting(
    body: MeetingCreate, principal: CurrentPrincipal, session: SessionDep, ctx: ContextDep
) -> Response:
    meeting = service.create(session, ctx, principal, body)
    return _detail(session, principal, meeting, code=status.HTTP_201_CREATED)


@writes.patch(
    "/bijeenkomsten/{id}",
    response_model=MeetingDetail,
    operation_id="bijeenkomstWijzigen",
    summary="Een bijeenkomst wijzigen; een nieuwe tijd of plaats gaat naar wie is aangemeld "
    "(redactie, organisator)",
    responses={**STALE, **errors(e409="De bijeenkomst is geannuleerd.")},
    openapi_extra=PERSON,
)
def update_meeting(
    meeting_id: MeetingId,
    body: MeetingUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    if_match: IfMatch = None,
) -> Response:
    meeting = service.update(session, ctx, principal, meeting_id, if_match, body)
    return _detail(session, principal, meeting)


@writes.post(
    "/bijeenkomsten/{id}/annulering",
    response_model=MeetingDetail,
    operation_id="bijeenkomstAnnuleren",
    summary="Een bijeenkomst annuleren; wie is aangemeld of wacht hoort het (redactie, "
    "organisator)",
    responses={**STALE, **errors(e409="De bijeenkomst is al geannuleerd of afgelopen.")},
    openapi_extra=PERSON,
)
def cancel_meeting(
    meeting_id: MeetingId,
    body: MeetingCancel,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    if_match: IfMatch = None,
) -> Response:
    meeting = service.cancel(session, ctx, principal, meeting_id, if_match, body.reden)
    return _detail(session, principal, meeting)


@writes.get(
    "/bijeenkomsten/{id}/geschiedenis",
    response_model=list[HistoryItem],
    operation_id="bijeenkomstGeschiedenisOpvragen",
    summary="Elke stap van de bijeenkomst, oudste eerst (redactie, organisator)",
    openapi_extra=PERSON,
)
def meeting_history(
    meeting_id: MeetingId, principal: CurrentPrincipal, session: SessionDep
) -> list[HistoryItem]:
    return [
        HistoryItem(
            soort=step.event.kind,
            door=step.actor,
            op=presenters.local(step.event.occurred_at),
            gegevens=step.details,
        )
        for step in service.history_of(session, principal, meeting_id)
    ]


router = APIRouter()
router.include_router(reads)
router.include_router(writes)
