"""HTTP endpoints of improvement proposals: sending one about a product, the editors' inbox,
one proposal with its steps, a person's own proposals, and a proposer's data."""

from typing import Annotated

from fastapi import Header, Path, Query, Request, Response, status
from pydantic import EmailStr
from sqlalchemy.orm import Session

from api.accounts.principal import CurrentPrincipal
from api.core.conditional import private_versioned
from api.core.db import SessionDep
from api.core.pagination import PageDep, PageParams, page_envelope
from api.core.requests import ContextDep, SettingsDep
from api.core.routing import PERSON, PUBLIC, VERSIONED, errors, json_router
from api.core.security import Principal
from api.core.urls import api_path
from api.proposals import lifecycle, presenters, privacy, service
from api.proposals.schemas import (
    ProposalAdoption,
    ProposalCreate,
    ProposalPage,
    ProposalRead,
    ProposalRejection,
    ProposerData,
    ProposerErased,
    ProposerErasure,
)
from api.proposals.vocabulary import Proposal, ProposalStatus

router = json_router(tags=["Verbetervoorstellen"], conditional=False)

ProposalId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van het voorstel.")
]
ProductId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van het product.")
]
IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description="ETag van het gelezen voorstel; 428 zonder, 412 oud."),
]
StatusFilter = Annotated[ProposalStatus | None, Query(alias="status")]
STEP = {
    **VERSIONED,
    **errors(
        e409="Deze stap mag niet vanuit de huidige status.",
        e412="Iemand anders wijzigde het voorstel intussen.",
        e428="Stuur If-Match met de ETag van het voorstel.",
    ),
}


def _answer(
    session: Session, principal: Principal, proposal: Proposal, code: int = 200
) -> Response:
    steps = service.steps_of(session, proposal)
    lookups = service.lookups_for(session, principal, [proposal], steps)
    return private_versioned(
        presenters.detail(principal, proposal, steps, lookups),
        proposal.version,
        status_code=code,
        location=api_path("verbetervoorstellen", proposal.id) if code == 201 else None,
    )


def _page(
    request: Request,
    session: Session,
    principal: Principal,
    found: list[Proposal],
    total: int,
    page: PageParams,
) -> ProposalPage:
    lookups = service.lookups_for(session, principal, found)
    info, links = page_envelope(request, page, total)
    return ProposalPage(
        resultaten=[presenters.summary(principal, p, lookups) for p in found],
        paginering=info,
        _links=links,
    )


@router.post(
    "/producten/{id}/verbetervoorstellen",
    status_code=status.HTTP_201_CREATED,
    response_model=ProposalRead,
    operation_id="verbetervoorstelDoen",
    summary="Een verbetervoorstel doen voor de gepubliceerde versie (ook zonder account)",
    responses=errors(
        e403="Een koppeling (machineclient) doet geen voorstellen; dat doen mensen.",
        e404="Het product bestaat niet of is (nog) niet gepubliceerd.",
        e409="Het product is ingetrokken, of er is intussen een nieuwere versie.",
        e429="Te veel voorstellen vanaf dit adres; wacht even.",
    ),
    openapi_extra=PUBLIC,
)
def submit_proposal(
    product_id: ProductId,
    body: ProposalCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
) -> Response:
    proposal = service.submit(
        session,
        settings,
        ctx,
        principal,
        product_id,
        service.Submission(
            text=body.tekst,
            name=body.naam,
            email=str(body.email) if body.email else None,
            seen_version=body.versie,
        ),
    )
    return _answer(session, principal, proposal, code=status.HTTP_201_CREATED)


@router.get(
    "/verbetervoorstellen",
    response_model=ProposalPage,
    operation_id="verbetervoorstellenOpvragen",
    summary="De verbetervoorstellen om te behandelen (redactie), nieuwste eerst",
    openapi_extra=PERSON,
)
def inbox(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
    status_: StatusFilter = None,
    product: Annotated[int | None, Query(ge=1, le=2_147_483_647)] = None,
    mijn: Annotated[
        bool, Query(description="Alleen voorstellen voor producten waarvan u eigenaar bent.")
    ] = False,
) -> ProposalPage:
    listing = service.Listing(status_, product, mijn)
    found, total = service.inbox(session, principal, listing, page)
    return _page(request, session, principal, found, total, page)


@router.get(
    "/mijn-verbetervoorstellen",
    response_model=ProposalPage,
    operation_id="mijnVerbetervoorstellenOpvragen",
    summary="De verbetervoorstellen die u deed, met hun status",
    openapi_extra=PERSON,
)
def own_proposals(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
    status_: StatusFilter = None,
) -> ProposalPage:
    found, total = service.own(session, principal, status_, page)
    return _page(request, session, principal, found, total, page)


@router.get(
    "/verbetervoorstellen/indieners/gegevens",
    response_model=ProposerData,
    operation_id="indienerGegevensOpvragen",
    summary="Alle verbetervoorstellen van één indiener (inzage; een persoon alleen de eigen)",
    openapi_extra=PERSON,
)
def proposer_data(
    principal: CurrentPrincipal,
    session: SessionDep,
    email: Annotated[EmailStr | None, Query()] = None,
) -> ProposerData:
    found = privacy.export_for(session, principal, str(email) if email else None)
    lookups = service.lookups_for(session, principal, found)
    return ProposerData(
        email=str(email) if email else None,
        verbetervoorstellen=[presenters.summary(principal, p, lookups) for p in found],
    )


@router.post(
    "/verbetervoorstellen/indieners/wissingen",
    response_model=ProposerErased,
    operation_id="indienerGegevensWissen",
    summary="Naam en e-mailadres van een indiener wissen; de voorstellen blijven (redactie)",
    openapi_extra=PERSON,
)
def erase_proposer(
    body: ProposerErasure, principal: CurrentPrincipal, session: SessionDep, ctx: ContextDep
) -> ProposerErased:
    return ProposerErased(gewist=privacy.erase(session, ctx, principal, str(body.email)))


@router.get(
    "/verbetervoorstellen/{id}",
    response_model=ProposalRead,
    operation_id="verbetervoorstelOpvragen",
    summary="Eén verbetervoorstel met zijn stappen (redactie, of de indiener zelf)",
    responses=VERSIONED,
    openapi_extra=PERSON,
)
def get_proposal(
    proposal_id: ProposalId, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    return _answer(session, principal, service.get(session, principal, proposal_id))


@router.post(
    "/verbetervoorstellen/{id}/overnemen",
    response_model=ProposalRead,
    operation_id="verbetervoorstelOvernemen",
    summary="Overnemen in de volgende versie van het product (de conceptversie, of een nieuwe)",
    responses=STEP,
    openapi_extra=PERSON,
)
def adopt(
    proposal_id: ProposalId,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
    body: ProposalAdoption | None = None,
    if_match: IfMatch = None,
) -> Response:
    proposal = service.load_for_step(session, principal, proposal_id, if_match)
    note = body.toelichting if body else None
    lifecycle.adopt(session, settings, ctx, principal, proposal, note)
    return _answer(session, principal, proposal)


@router.post(
    "/verbetervoorstellen/{id}/afwijzen",
    response_model=ProposalRead,
    operation_id="verbetervoorstelAfwijzen",
    summary="Afwijzen, met de reden die de indiener te horen krijgt",
    responses=STEP,
    openapi_extra=PERSON,
)
def reject(
    proposal_id: ProposalId,
    body: ProposalRejection,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
    if_match: IfMatch = None,
) -> Response:
    proposal = service.load_for_step(session, principal, proposal_id, if_match)
    lifecycle.reject(session, settings, ctx, principal, proposal, body.reden)
    return _answer(session, principal, proposal)
