"""HTTP endpoints for experts of partner organisations: the questions put to her organisation,
one of them, and her answer to the advisor."""

from typing import Annotated

from fastapi import Path, Query, Request

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.requests import SettingsDep
from api.core.routing import PERSON, errors, json_router
from api.questions import experts
from api.questions.experts import StateFilter
from api.questions.presenters import expert_question_read, expert_question_summary
from api.questions.schemas import ExpertAnswer, ExpertQuestionPage, ExpertQuestionRead

router = json_router(tags=["Vragen"], conditional=False)

RequestId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van de expertvraag.")
]


@router.get(
    "/expertvragen",
    response_model=ExpertQuestionPage,
    operation_id="expertvragenOpvragen",
    summary="De vragen die aan uw organisatie zijn voorgelegd: open eerst (expert)",
    openapi_extra=PERSON,
)
def list_expert_questions(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    page: PageDep,
    status_: Annotated[
        StateFilter | None,
        Query(
            alias="status",
            description="open: wacht op uw antwoord; beantwoord; ingetrokken: de adviseur "
            "nam de vraag terug.",
        ),
    ] = None,
) -> ExpertQuestionPage:
    found, total = experts.inbox(session, principal, status_, page)
    today = clock.today()
    info, links = page_envelope(request, page, total)
    return ExpertQuestionPage(
        resultaten=[expert_question_summary(settings, r, q, today) for r, q in found],
        paginering=info,
        _links=links,
    )


@router.get(
    "/expertvragen/{id}",
    response_model=ExpertQuestionRead,
    operation_id="expertvraagOpvragen",
    summary="Eén voorgelegde vraag; de vrager alleen als de adviseur die deelde (expert)",
    openapi_extra=PERSON,
)
def get_expert_question(
    request_id: RequestId,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> ExpertQuestionRead:
    return expert_question_read(settings, experts.get(session, principal, request_id))


@router.post(
    "/expertvragen/{id}/antwoord",
    response_model=ExpertQuestionRead,
    operation_id="expertvraagBeantwoorden",
    summary="Antwoorden aan de adviseur, die de vrager antwoordt (expert)",
    responses=errors(e409="De vraag is al beantwoord of door de adviseur teruggenomen."),
    openapi_extra=PERSON,
)
def answer_expert_question(
    request_id: RequestId,
    body: ExpertAnswer,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> ExpertQuestionRead:
    case = experts.answer(session, principal, request_id, body.antwoord)
    return expert_question_read(settings, case)
