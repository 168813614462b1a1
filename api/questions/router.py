"""HTTP endpoints of questions: intake, the inbox, one question, triage, workflow, merging,
internal notes, history and attachments."""

from typing import Annotated, Literal

from fastapi import APIRouter, File, Header, Path, Query, Request, Response, UploadFile, status
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session

from api.accounts.principal import CurrentPrincipal
from api.core import uploads
from api.core.conditional import private_versioned
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.requests import SettingsDep
from api.core.routing import PERSON, VERSIONED, errors, json_router
from api.core.security import Principal
from api.core.settings import Settings
from api.core.sorting import sort_description
from api.core.storage import storage_for
from api.core.urls import api_path
from api.questions import history as record
from api.questions import intake, queue, workflow
from api.questions.intake import Asker, Intake
from api.questions.presenters import lookups_for, question_read, question_summary
from api.questions.schemas import (
    AttachmentRead,
    EventList,
    EventRead,
    Merge,
    NoteList,
    NoteRead,
    NoteWrite,
    PersonRef,
    QuestionCreate,
    QuestionPage,
    QuestionRead,
    QuestionTransition,
    QuestionUpdate,
)
from api.questions.vocabulary import Channel, Question, QuestionFilter, QuestionStatus

router = json_router(tags=["Vragen"], conditional=False)
downloads = APIRouter(tags=["Vragen"])

QuestionId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van de vraag.")
]
IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description="ETag van de gelezen vraag; 412 als die verouderd is."),
]
STALE = {**VERSIONED, **errors(e412="Iemand anders wijzigde de vraag intussen.")}


def _answer(
    settings: Settings,
    principal: Principal,
    session: Session,
    question: Question,
    main: Question | None = None,
    code: int = 200,
) -> Response:
    lookups = lookups_for(session, [question], expert_requests=principal.is_programme_team)
    read = question_read(settings, principal, question, lookups)
    if main is not None:
        # A contact whose question was merged gets the answer given to the merged question.
        read.status = main.status
        read.antwoord = main.answer
        read.beantwoord_op = main.answered_at
    return private_versioned(
        read,
        question.version,
        status_code=code,
        location=api_path("vragen", question.id) if code == status.HTTP_201_CREATED else None,
    )


@router.get(
    "/vragen",
    response_model=QuestionPage,
    operation_id="vragenOpvragen",
    summary="De inbox (redactie) of de eigen vragen (gemeente), met filters en termijnen",
    openapi_extra=PERSON,
)
def list_questions(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    page: PageDep,
    status_: Annotated[QuestionStatus | None, Query(alias="status")] = None,
    behandelaar: Annotated[
        str | None,
        Query(
            pattern=r"^(\d{1,9}|mij|niemand)$",
            description="Id van een adviseur, 'mij' of 'niemand' (nog niet toegewezen).",
        ),
    ] = None,
    maatregel: Annotated[str | None, Query(pattern=r"^M\d{2}$")] = None,
    thema: Annotated[str | None, Query(max_length=80)] = None,
    kanaal: Annotated[Channel | None, Query()] = None,
    gemeente: Annotated[str | None, Query(pattern=r"^GM\d{4}$")] = None,
    termijn: Annotated[
        queue.DueList | None,
        Query(description="Alleen open vragen die verlopen zijn of binnenkort verlopen."),
    ] = None,
    faq: Annotated[
        Literal["met", "zonder"] | None,
        Query(description="met: er is een FAQ-item van gemaakt; zonder: beantwoord, nog niet."),
    ] = None,
    sorteer: Annotated[
        str | None,
        Query(
            max_length=100, description=sort_description(list(queue.SORTABLE), queue.DEFAULT_SORT)
        ),
    ] = None,
) -> QuestionPage:
    assignee = None
    if behandelaar == "mij":
        assignee = principal.user_id or 0
    elif behandelaar is not None and behandelaar != "niemand":
        assignee = int(behandelaar)
    criteria = QuestionFilter(
        status=status_,
        assignee_id=assignee,
        unassigned=behandelaar == "niemand",
        measure=maatregel,
        theme=thema,
        channel=kanaal,
        municipality=gemeente,
        has_faq=None if faq is None else faq == "met",
    )
    found, total = queue.find(session, settings, principal, criteria, termijn, sorteer, page)
    lookups = lookups_for(session, found)
    info, links = page_envelope(request, page, total)
    return QuestionPage(
        resultaten=[question_summary(settings, q, lookups) for q in found],
        paginering=info,
        _links=links,
    )


@router.post(
    "/vragen",
    status_code=status.HTTP_201_CREATED,
    response_model=QuestionRead,
    operation_id="vraagStellen",
    summary="Een vraag stellen (gemeente) of vastleggen voor een beller of mailer (redactie)",
    openapi_extra=PERSON,
)
def create_question(
    body: QuestionCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    asker = body.vragensteller
    question = intake.file_question(
        session,
        settings,
        principal,
        Intake(
            subject=body.onderwerp,
            text=body.vraag,
            channel=body.kanaal,
            measures=body.maatregelen,
            theme=body.thema,
            municipality=body.gemeente,
            asker=Asker(asker.naam, asker.email, asker.organisatie) if asker else None,
            received_at=body.ontvangen_op,
        ),
    )
    return _answer(settings, principal, session, question, code=201)


@router.get(
    "/vragen/{id}",
    response_model=QuestionRead,
    operation_id="vraagOpvragen",
    summary="Eén vraag met antwoord (redactie, of de vrager zelf)",
    responses=VERSIONED,
    openapi_extra=PERSON,
)
def get_question(
    question_id: QuestionId,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    question, main = queue.get(session, principal, question_id)
    return _answer(settings, principal, session, question, main)


@router.patch(
    "/vragen/{id}",
    response_model=QuestionRead,
    operation_id="vraagBeoordelen",
    summary="Onderwerp, maatregelen en thema bijstellen (redactie)",
    responses=STALE,
    openapi_extra=PERSON,
)
def triage_question(
    question_id: QuestionId,
    body: QuestionUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    if_match: IfMatch = None,
) -> Response:
    question = workflow.triage(
        session,
        principal,
        question_id,
        if_match=if_match,
        subject=body.onderwerp,
        measures=body.maatregelen,
        theme=body.thema,
        fields=frozenset(body.model_dump(by_alias=True, exclude_unset=True)),
    )
    return _answer(settings, principal, session, question)


@router.post(
    "/vragen/{id}/statuswijzigingen",
    response_model=QuestionRead,
    operation_id="vraagStatusWijzigen",
    summary="Toewijzen, naar een expert, beantwoorden, sluiten of heropenen (redactie)",
    responses={
        **STALE,
        **errors(e409="Deze overgang mag niet vanuit de huidige status."),
    },
    openapi_extra=PERSON,
)
def change_status(
    question_id: QuestionId,
    body: QuestionTransition,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    if_match: IfMatch = None,
) -> Response:
    question = workflow.transition(
        session,
        settings,
        principal,
        question_id,
        body.naar,
        if_match=if_match,
        assignee_id=body.behandelaar_id,
        expert_organisation=body.expert_organisatie,
        expert_due=body.expert_termijn,
        expert_question=body.expert_vraag,
        share_contact=body.contact_delen,
        answer=body.antwoord,
        note=body.toelichting,
    )
    return _answer(settings, principal, session, question)


@router.post(
    "/vragen/{id}/samenvoegingen",
    response_model=QuestionRead,
    operation_id="vraagSamenvoegen",
    summary="Een dubbele vraag in deze opnemen; haar vrager krijgt hetzelfde antwoord (redactie)",
    responses={**STALE, **errors(e409="Een van beide vragen is al samengevoegd.")},
    openapi_extra=PERSON,
)
def merge_question(
    question_id: QuestionId,
    body: Merge,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    if_match: IfMatch = None,
) -> Response:
    question = workflow.merge(session, settings, principal, question_id, body.vraag_id, if_match)
    return _answer(settings, principal, session, question)


@router.get(
    "/vragen/{id}/notities",
    response_model=NoteList,
    operation_id="vraagNotitiesOpvragen",
    summary="Interne notities; nooit zichtbaar voor de vrager (redactie)",
    openapi_extra=PERSON,
)
def list_notes(
    question_id: QuestionId, principal: CurrentPrincipal, session: SessionDep
) -> NoteList:
    return NoteList(
        resultaten=[
            NoteRead(
                id=n.id,
                tekst=n.text,
                auteur=PersonRef(id=author.id, naam=author.name) if author else None,
                aangemaakt_op=n.created_at,
            )
            for n, author in record.notes(session, principal, question_id)
        ]
    )


@router.post(
    "/vragen/{id}/notities",
    status_code=status.HTTP_201_CREATED,
    response_model=NoteRead,
    operation_id="vraagNotitieToevoegen",
    summary="Een interne notitie toevoegen (redactie)",
    openapi_extra=PERSON,
)
def add_note(
    question_id: QuestionId, body: NoteWrite, principal: CurrentPrincipal, session: SessionDep
) -> NoteRead:
    note, author = record.add_note(session, principal, question_id, body.tekst)
    return NoteRead(
        id=note.id,
        tekst=note.text,
        auteur=PersonRef(id=author.id, naam=author.name) if author else None,
        aangemaakt_op=note.created_at,
    )


@router.get(
    "/vragen/{id}/geschiedenis",
    response_model=EventList,
    operation_id="vraagGeschiedenisOpvragen",
    summary="Elke stap van de vraag: wie, wanneer, van welke status naar welke (redactie)",
    openapi_extra=PERSON,
)
def history(question_id: QuestionId, principal: CurrentPrincipal, session: SessionDep) -> EventList:
    return EventList(
        resultaten=[
            EventRead(
                soort=e.kind,
                van=e.from_status,
                naar=e.to_status,
                door=e.actor,
                door_naam=name,
                op=e.occurred_at,
                details=e.details,
            )
            for e, name in record.events(session, principal, question_id)
        ]
    )


@router.post(
    "/vragen/{id}/bijlagen",
    status_code=status.HTTP_201_CREATED,
    response_model=AttachmentRead,
    operation_id="vraagBijlageToevoegen",
    summary="Een bijlage toevoegen (PDF, Office, ODF, PNG of JPEG; vrager of redactie)",
    responses=errors(
        e409="Te veel bijlagen, of de vraag is gewist.",
        e413="Het bestand is te groot.",
        e415="Geen toegestaan bestandstype.",
    ),
    openapi_extra=PERSON,
)
def add_attachment(
    question_id: QuestionId,
    bestand: Annotated[UploadFile, File(description="Het type wordt aan de inhoud herkend.")],
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> AttachmentRead:
    data = bestand.file.read(settings.max_upload_bytes + 1)
    attachment = intake.add_attachment(
        session,
        settings,
        storage_for(settings),
        principal,
        question_id,
        bestand.filename or "bijlage",
        data,
    )
    return AttachmentRead(
        id=attachment.id,
        naam=attachment.name,
        media_type=attachment.media_type,
        grootte=attachment.size,
        href=api_path("vragen", question_id, "bijlagen", attachment.id),
    )


@downloads.get(
    "/vragen/{id}/bijlagen/{bijlageId}",
    operation_id="vraagBijlageDownloaden",
    summary="Een bijlage downloaden (vrager of redactie)",
    openapi_extra=PERSON,
    response_class=StreamingResponse,
    responses=uploads.download_responses("De bijlage."),
)
def download_attachment(
    request: Request,
    question_id: QuestionId,
    attachment_id: Annotated[int, Path(alias="bijlageId", ge=1, le=2_147_483_647)],
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    attachment, content = intake.attachment_content(
        session, storage_for(settings), principal, question_id, attachment_id
    )
    return uploads.download_response(
        request,
        name=attachment.name,
        sha256=attachment.sha256,
        media_type=attachment.media_type,
        public=False,
        content=content,
    )
