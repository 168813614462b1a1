"""HTTP endpoints of the knelpuntenregister: the register, one signal, its lifecycle, its
evidence, "this applies to us too", and the public register."""

from typing import Annotated

from fastapi import Header, Path, Query, Request, Response, status
from sqlalchemy.orm import Session

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.conditional import private_versioned
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.requests import ContextDep
from api.core.routing import PERSON, PUBLIC, VERSIONED, errors, json_router
from api.core.security import Principal
from api.core.urls import api_path
from api.signals import evidence, lifecycle, presenters, service
from api.signals.schemas import (
    EvidenceAdd,
    EvidenceAdded,
    PublicSignal,
    PublicSignalPage,
    SignalCreate,
    SignalEventList,
    SignalEventRead,
    SignalPage,
    SignalRead,
    SignalTransition,
    SignalUpdate,
    SupportCreate,
)
from api.signals.vocabulary import Body, Signal, SignalKind, SignalStatus

router = json_router(tags=["Signalen"], conditional=False)
public_router = json_router(tags=["Signalen"])

SignalId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van het signaal.")
]
IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description="ETag van het gelezen signaal; 412 als die verouderd is."),
]
STALE = {**VERSIONED, **errors(e412="Iemand anders wijzigde het signaal intussen.")}
MeasureCode = Annotated[str | None, Query(alias="maatregel", pattern=r"^M\d{2}$")]
KindFilter = Annotated[SignalKind | None, Query(alias="soort")]


def _answer(session: Session, principal: Principal, signal: Signal, code: int = 200) -> Response:
    return private_versioned(
        presenters.detail(session, principal, signal, clock.now()),
        signal.version,
        status_code=code,
        location=api_path("signalen", signal.id) if code == status.HTTP_201_CREATED else None,
    )


@router.get(
    "/signalen",
    response_model=SignalPage,
    operation_id="signalenOpvragen",
    summary="Het knelpuntenregister (redactie) of de signalen van de eigen gemeente (gemeente)",
    openapi_extra=PERSON,
)
def list_signals(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
    soort: KindFilter = None,
    maatregel: MeasureCode = None,
    status_: Annotated[SignalStatus | None, Query(alias="status")] = None,
    aan: Annotated[Body | None, Query(description="Doorgezet aan.")] = None,
    ouder_dan: Annotated[
        int | None,
        Query(alias="ouderDanDagen", ge=0, le=3650, description="Alleen signalen ouder dan dit."),
    ] = None,
    open_: Annotated[
        bool, Query(alias="open", description="Alleen wat nog niet is teruggekoppeld of afgewezen.")
    ] = False,
    zoek: Annotated[str | None, Query(min_length=2, max_length=100)] = None,
    leverancier: Annotated[
        str | None,
        Query(
            pattern=r"^[a-z0-9-]{2,60}$",
            description="Alleen signalen over deze softwareleverancier (code van de organisatie).",
        ),
    ] = None,
) -> SignalPage:
    listing = service.Listing(
        soort, maatregel, status_, aan, ouder_dan, open_, zoek, supplier=leverancier
    )
    now = clock.now()
    found, total = service.find(session, principal, listing, page, now)
    lookups = presenters.lookups_for(session, found)
    info, links = page_envelope(request, page, total)
    return SignalPage(
        resultaten=[presenters.summary(s, lookups, now) for s in found],
        paginering=info,
        _links=links,
    )


@router.post(
    "/signalen",
    status_code=status.HTTP_201_CREATED,
    response_model=SignalRead,
    operation_id="signaalMelden",
    summary="Een knelpunt of verbetervoorstel melden (gemeente, expert of redactie)",
    openapi_extra=PERSON,
)
def report_signal(
    body: SignalCreate, principal: CurrentPrincipal, session: SessionDep, ctx: ContextDep
) -> Response:
    signal = service.report(
        session,
        ctx,
        principal,
        service.Report(
            title=body.titel,
            description=body.omschrijving,
            kind=body.soort,
            measures=body.maatregelen,
            themes=body.themas,
            municipality=body.gemeente,
            supplier=body.leverancier,
        ),
        reporter_name=service.person_name(session, principal),
    )
    return _answer(session, principal, signal, code=201)


@router.get(
    "/signalen/{id}",
    response_model=SignalRead,
    operation_id="signaalOpvragen",
    summary="Eén signaal met zijn bewijs, doorzetting en reactie",
    responses=VERSIONED,
    openapi_extra=PERSON,
)
def get_signal(signal_id: SignalId, principal: CurrentPrincipal, session: SessionDep) -> Response:
    return _answer(session, principal, service.get(session, principal, signal_id))


@router.patch(
    "/signalen/{id}",
    response_model=SignalRead,
    operation_id="signaalWijzigen",
    summary="Titel, omschrijving, soort, maatregelen, thema's, openbaarheid bijstellen (redactie)",
    responses=STALE,
    openapi_extra=PERSON,
)
def edit_signal(
    signal_id: SignalId,
    body: SignalUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    if_match: IfMatch = None,
) -> Response:
    signal = service.edit(
        session,
        ctx,
        principal,
        signal_id,
        if_match,
        service.Edit(
            fields=frozenset(body.model_dump(by_alias=True, exclude_unset=True)),
            title=body.titel,
            description=body.omschrijving,
            kind=body.soort,
            measures=body.maatregelen,
            themes=body.themas,
            public=body.openbaar,
            supplier=body.leverancier,
        ),
    )
    return _answer(session, principal, signal)


@router.post(
    "/signalen/{id}/statuswijzigingen",
    response_model=SignalRead,
    operation_id="signaalStatusWijzigen",
    summary="In behandeling nemen, doorzetten, reactie vastleggen, terugkoppelen of afwijzen",
    responses={**STALE, **errors(e409="Deze overgang mag niet vanuit de huidige status.")},
    openapi_extra=PERSON,
)
def change_status(
    signal_id: SignalId,
    body: SignalTransition,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    if_match: IfMatch = None,
) -> Response:
    signal = service.load_for_change(session, principal, signal_id, if_match)
    lifecycle.move(
        session,
        ctx,
        principal,
        signal,
        lifecycle.Move(
            to=body.naar,
            body=body.aan,
            text=body.tekst,
            outcome=body.uitkomst,
            explanation=body.toelichting,
        ),
    )
    return _answer(session, principal, signal)


@router.get(
    "/signalen/{id}/geschiedenis",
    response_model=SignalEventList,
    operation_id="signaalGeschiedenisOpvragen",
    summary="Elke stap van het signaal, oudste eerst (redactie)",
    openapi_extra=PERSON,
)
def signal_history(
    signal_id: SignalId, principal: CurrentPrincipal, session: SessionDep
) -> SignalEventList:
    return SignalEventList(
        resultaten=[
            SignalEventRead(
                soort=e.kind,
                van=e.from_status,
                naar=e.to_status,
                door=e.actor,
                door_naam=name,
                op=e.occurred_at,
                details=e.details,
            )
            for e, name in service.history_of(session, principal, signal_id)
        ]
    )


@router.post(
    "/signalen/{id}/bewijs",
    response_model=EvidenceAdded,
    operation_id="signaalBewijsToevoegen",
    summary="Vragen en knelpunten van gemeenten als bewijs koppelen (redactie)",
    openapi_extra=PERSON,
)
def add_evidence(
    signal_id: SignalId,
    body: EvidenceAdd,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
) -> EvidenceAdded:
    signal = service.load_for_change(session, principal, signal_id, None)
    questions, blockers = evidence.link(
        session,
        ctx,
        principal,
        signal,
        questions=list(body.vragen),
        cells=[evidence.Cell(c.gemeente, c.maatregel) for c in body.knelpunten],
    )
    return EvidenceAdded(vragen=questions, knelpunten=blockers)


@router.delete(
    "/signalen/{id}/bewijs/vragen/{vraagId}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="signaalVraagOntkoppelen",
    summary="Een vraag niet langer als bewijs tellen (redactie)",
    responses=errors(e409="Deze vraag hoort niet bij het signaal."),
    openapi_extra=PERSON,
)
def remove_question(
    signal_id: SignalId,
    question_id: Annotated[int, Path(alias="vraagId", ge=1, le=2_147_483_647)],
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
) -> Response:
    signal = service.load_for_change(session, principal, signal_id, None)
    evidence.unlink_question(session, ctx, principal, signal, question_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.delete(
    "/signalen/{id}/bewijs/knelpunten/{gemeente}/{maatregel}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="signaalKnelpuntOntkoppelen",
    summary="Het knelpunt van een gemeente niet langer als bewijs tellen (redactie)",
    responses=errors(e409="Dit knelpunt hoort niet bij het signaal."),
    openapi_extra=PERSON,
)
def remove_blocker(
    signal_id: SignalId,
    municipality: Annotated[str, Path(alias="gemeente", pattern=r"^GM\d{4}$")],
    measure: Annotated[str, Path(alias="maatregel", pattern=r"^M\d{2}$")],
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
) -> Response:
    signal = service.load_for_change(session, principal, signal_id, None)
    evidence.unlink_cell(session, ctx, principal, signal, evidence.Cell(municipality, measure))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/signalen/{id}/ook-bij-ons",
    status_code=status.HTTP_201_CREATED,
    response_model=SignalRead,
    operation_id="signaalSteunen",
    summary="Aangeven dat dit signaal ook voor de eigen gemeente geldt (gemeente)",
    responses=errors(e409="Uw gemeente gaf dit al aan, of meldde het signaal zelf."),
    openapi_extra=PERSON,
)
def back_signal(
    signal_id: SignalId,
    body: SupportCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
) -> Response:
    signal = service.get(session, principal, signal_id)
    evidence.back(session, ctx, principal, signal, body.gemeente, body.toelichting)
    return _answer(session, principal, signal, code=201)


@public_router.get(
    "/openbare-signalen",
    response_model=PublicSignalPage,
    operation_id="openbareSignalenOpvragen",
    summary="De openbare signalen: knelpunten uit de praktijk, hun status en de reactie",
    openapi_extra=PUBLIC,
)
def list_public_signals(
    request: Request,
    session: SessionDep,
    page: PageDep,
    soort: KindFilter = None,
    maatregel: MeasureCode = None,
    status_: Annotated[SignalStatus | None, Query(alias="status")] = None,
) -> PublicSignalPage:
    listing = service.Listing(soort, maatregel, status_)
    found, total = service.find_public(session, listing, page, clock.now())
    lookups = presenters.lookups_for(session, found)
    info, links = page_envelope(request, page, total)
    return PublicSignalPage(
        resultaten=[presenters.public(s, lookups) for s in found],
        paginering=info,
        _links=links,
    )


@public_router.get(
    "/openbare-signalen/{id}",
    response_model=PublicSignal,
    operation_id="openbaarSignaalOpvragen",
    summary="Eén openbaar signaal",
    openapi_extra=PUBLIC,
)
def get_public_signal(signal_id: SignalId, session: SessionDep) -> PublicSignal:
    signal = service.public(session, signal_id)
    return presenters.public(signal, presenters.lookups_for(session, [signal]))
