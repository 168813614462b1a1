"""HTTP endpoints of the FAQ: public reading and search, and the team's publishing."""

from typing import Annotated, Any

from fastapi import Path, Query, Request, Response, status

from api.accounts.principal import CurrentPrincipal
from api.core.conditional import (
    BY_VIEWER,
    cache_control,
    conditional_json,
    conditional_versioned,
)
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.requests import SettingsDep
from api.core.routing import PERSON, errors, json_router
from api.core.urls import api_path
from api.questions import faq, faq_listing
from api.questions.faq import FaqText
from api.questions.presenters import faq_read, faq_version_read
from api.questions.schemas import (
    FaqCreate,
    FaqPage,
    FaqRead,
    FaqUpdate,
    FaqVersionList,
    FaqWithdrawal,
    FaqWrite,
)
from api.questions.vocabulary import FaqStatus

router = json_router(tags=["Vragen en antwoorden"])
writes = json_router(tags=["Vragen en antwoorden"], conditional=False)

FaqId = Annotated[int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van het item.")]
PUBLIC_OR_PERSON: dict[str, Any] = {"security": [{}, {"sessieCookie": []}]}
WITHDRAWN = errors(e409="Het item is ingetrokken.")


def _text(body: FaqWrite) -> FaqText:
    return FaqText(
        question=body.vraag,
        answer=body.antwoord,
        measures=body.maatregelen,
        articles=body.wetsartikelen,
        may_name_municipality=body.gemeente_noemen,
    )


@router.get(
    "/faq",
    response_model=FaqPage,
    operation_id="faqOpvragen",
    summary="Veelgestelde vragen, per maatregel te filteren en te doorzoeken (publiek)",
    openapi_extra=PUBLIC_OR_PERSON,
)
def list_faq(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
    maatregel: Annotated[str | None, Query(pattern=r"^M\d{2}$")] = None,
    zoek: Annotated[
        str | None,
        Query(min_length=3, max_length=200, description="Nederlandse woordstammen; gerangschikt."),
    ] = None,
) -> Response:
    version = faq_listing.list_version(session, principal)
    team = principal.is_programme_team

    def build() -> FaqPage:
        shown, total = faq.find(session, principal, maatregel, zoek, page)
        info, links = page_envelope(request, page, total)
        return FaqPage(
            resultaten=[faq_read(e, fragment=f) for e, f in shown], paginering=info, _links=links
        )

    return conditional_versioned(
        request,
        version.key,
        build,
        last_modified=version.last_modified,
        cache_control=cache_control(not team),
        vary=BY_VIEWER,
        again=faq_listing.public_list_key,
    )


@router.get(
    "/faq/{id}",
    response_model=FaqRead,
    operation_id="faqItemOpvragen",
    summary="Eén veelgestelde vraag met antwoord, wetsartikelen en maatregelen (publiek)",
    openapi_extra=PUBLIC_OR_PERSON,
)
def get_faq(
    request: Request, faq_id: FaqId, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    entry = faq.get_visible(session, principal, faq_id)
    published = entry.status is FaqStatus.PUBLISHED
    return conditional_json(
        request, faq_read(entry), cache_control=cache_control(published), vary=BY_VIEWER
    )


@router.get(
    "/faq/{id}/versies",
    response_model=FaqVersionList,
    operation_id="faqVersiesOpvragen",
    summary="Elke gepubliceerde versie van een item, oudste eerst (publiek)",
    openapi_extra=PUBLIC_OR_PERSON,
)
def versions(
    request: Request, faq_id: FaqId, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    entry = faq.get_visible(session, principal, faq_id)
    body = FaqVersionList(resultaten=[faq_version_read(v) for v in entry.versions])
    return conditional_json(request, body)


@writes.post(
    "/faq",
    status_code=status.HTTP_201_CREATED,
    response_model=FaqRead,
    operation_id="faqItemPubliceren",
    summary="Een beantwoorde vraag als FAQ publiceren, geanonimiseerd (redactie)",
    openapi_extra=PERSON,
)
def publish(
    body: FaqCreate,
    response: Response,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> FaqRead:
    entry = faq.create(session, settings, principal, _text(body), body.vragen)
    response.headers["Location"] = api_path("faq", entry.id)
    return faq_read(entry)


@writes.put(
    "/faq/{id}",
    response_model=FaqRead,
    operation_id="faqItemBijwerken",
    summary="Een nieuwe versie publiceren; de vragers desgewenst mailen (redactie)",
    responses=WITHDRAWN,
    openapi_extra=PERSON,
)
def update(
    faq_id: FaqId,
    body: FaqUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> FaqRead:
    entry, _ = faq.update(
        session,
        settings,
        principal,
        faq_id,
        _text(body),
        change_note=body.wijzigingsnotitie,
        notify=body.vragenstellers_informeren,
    )
    return faq_read(entry)


@writes.post(
    "/faq/{id}/intrekking",
    response_model=FaqRead,
    operation_id="faqItemIntrekken",
    summary="Een item intrekken; het verdwijnt uit de openbare FAQ (redactie)",
    responses=WITHDRAWN,
    openapi_extra=PERSON,
)
def withdraw(
    faq_id: FaqId,
    body: FaqWithdrawal,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> FaqRead:
    return faq_read(faq.withdraw(session, settings, principal, faq_id, body.toelichting))
