"""HTTP endpoints of the periodic survey: the team's questions, rounds and results, a contact's
Mijn peilingen, and answering from the mail's link without logging in."""

from typing import Annotated

from fastapi import Path, Query, Response, status

from api.accounts.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.requests import ContextDep, SettingsDep
from api.core.routing import PERSON, PUBLIC, errors, json_router
from api.core.schemas import CodeName
from api.core.urls import api_path
from api.surveys import answering, presenters, questions, results, rounds
from api.surveys.schemas import (
    AnswersBody,
    FormRead,
    Grouping,
    InviteePreview,
    InviteeRead,
    MyRounds,
    QuestionList,
    RoundCreate,
    RoundDetail,
    RoundList,
    RoundResults,
    SendResult,
    SurveyQuestionCreate,
    SurveyQuestionRead,
    SurveyQuestionUpdate,
    TokenAnswersBody,
    TokenBody,
)

router = json_router(tags=["Peiling"], conditional=False)

QuestionId = Annotated[int, Path(alias="id", ge=1, le=2_147_483_647)]
RoundId = Annotated[int, Path(alias="id", ge=1, le=2_147_483_647)]
TEAM = errors(e401="Niet ingelogd.", e403="Alleen voor de redactie.")
CLOSED = errors(e409="De peiling is gesloten; er verandert niets.")


def _given(body: AnswersBody) -> list[answering.Given]:
    return [answering.Given(a.vraag, a.score, a.tekst) for a in body.antwoorden]


@router.get(
    "/peilingvragen",
    response_model=QuestionList,
    operation_id="peilingvragenOpvragen",
    summary="De vragen van de peiling, ook de inactieve (redactie)",
    responses=TEAM,
    openapi_extra=PERSON,
)
def list_questions(principal: CurrentPrincipal, session: SessionDep) -> QuestionList:
    found = questions.listing(session, principal)
    return QuestionList(resultaten=[presenters.question(q) for q in found])


@router.post(
    "/peilingvragen",
    status_code=status.HTTP_201_CREATED,
    response_model=SurveyQuestionRead,
    operation_id="peilingvraagToevoegen",
    summary="Een vraag toevoegen aan de peiling (redactie)",
    responses=TEAM,
    openapi_extra=PERSON,
)
def add_question(
    body: SurveyQuestionCreate, principal: CurrentPrincipal, session: SessionDep, response: Response
) -> SurveyQuestionRead:
    added = questions.add(
        session,
        principal,
        questions.NewQuestion(body.tekst, body.soort, body.contactpunt, body.positie, body.actief),
    )
    response.headers["Location"] = api_path("peilingvragen", added.id)
    return presenters.question(added)


@router.patch(
    "/peilingvragen/{id}",
    response_model=SurveyQuestionRead,
    operation_id="peilingvraagWijzigen",
    summary="Tekst, contactpunt, volgorde of actief van een vraag wijzigen (redactie)",
    description="Een verstuurde ronde houdt haar vragen: een vraag die al is verstuurd en een "
    "nieuwe tekst of een ander contactpunt krijgt, wordt een nieuwe vraag (met een nieuw id, "
    "in het antwoord) en de oude wordt inactief.",
    responses={**TEAM, **errors(e404="Deze vraag bestaat niet.")},
    openapi_extra=PERSON,
)
def edit_question(
    question_id: QuestionId,
    body: SurveyQuestionUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
) -> SurveyQuestionRead:
    change = questions.QuestionChange(body.tekst, body.contactpunt, body.positie, body.actief)
    return presenters.question(questions.edit(session, principal, question_id, change))


@router.get(
    "/peilingrondes",
    response_model=RoundList,
    operation_id="peilingrondesOpvragen",
    summary="De rondes van de peiling met hun respons (redactie)",
    responses=TEAM,
    openapi_extra=PERSON,
)
def list_rounds(principal: CurrentPrincipal, session: SessionDep) -> RoundList:
    found = rounds.listing(session, principal)
    return RoundList(resultaten=[presenters.round_(session, r) for r in found])


@router.post(
    "/peilingrondes",
    status_code=status.HTTP_201_CREATED,
    response_model=RoundDetail,
    operation_id="peilingrondeAanmaken",
    summary="Een ronde van de peiling aanmaken, nog zonder te versturen (redactie)",
    responses={**TEAM, **errors(e409="Er is al een ronde voor deze periode.")},
    openapi_extra=PERSON,
)
def create_round(
    body: RoundCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    response: Response,
) -> RoundDetail:
    created = rounds.create(
        session,
        ctx,
        principal,
        rounds.NewRound(
            body.titel, body.periode, body.open_op, body.sluit_op, body.herinner_na_dagen
        ),
    )
    response.headers["Location"] = api_path("peilingrondes", created.id)
    return presenters.round_detail(session, created)


@router.get(
    "/peilingrondes/{id}",
    response_model=RoundDetail,
    operation_id="peilingrondeOpvragen",
    summary="Een ronde met haar vragen en respons (redactie)",
    responses={**TEAM, **errors(e404="Deze ronde bestaat niet.")},
    openapi_extra=PERSON,
)
def get_round(round_id: RoundId, principal: CurrentPrincipal, session: SessionDep) -> RoundDetail:
    return presenters.round_detail(session, rounds.get(session, principal, round_id))


@router.get(
    "/peilingrondes/{id}/genodigden",
    response_model=InviteePreview,
    operation_id="peilingrondeGenodigdenOpvragen",
    summary="Wie een verzending nu zou uitnodigen: elke actieve gemeentelijke contactpersoon "
    "die nog geen uitnodiging heeft (redactie)",
    responses={**TEAM, **errors(e404="Deze ronde bestaat niet.")},
    openapi_extra=PERSON,
)
def preview_invitees(
    round_id: RoundId, principal: CurrentPrincipal, session: SessionDep
) -> InviteePreview:
    found = rounds.preview(session, principal, round_id)
    return InviteePreview(
        aantal=len(found.to_invite),
        al_uitgenodigd=found.already_invited,
        genodigden=[
            InviteeRead(
                naam=i.user.name,
                gemeente=CodeName(code=i.municipality, naam=found.names[i.municipality]),
                aantal_gemeenten=len(i.user.municipalities),
            )
            for i in found.to_invite
        ],
    )


@router.post(
    "/peilingrondes/{id}/verzending",
    response_model=SendResult,
    operation_id="peilingrondeVersturen",
    summary="De ronde versturen: een uitnodiging per e-mail aan wie er nog geen had (redactie)",
    description="Opnieuw versturen nodigt niemand twee keer uit, alleen contactpersonen die er "
    "sindsdien bij kwamen. De eerste verzending legt de vragen van de ronde vast.",
    responses={**TEAM, **CLOSED, **errors(e404="Deze ronde bestaat niet.")},
    openapi_extra=PERSON,
)
def send_round(
    round_id: RoundId,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
) -> SendResult:
    sent = rounds.send(session, settings, ctx, principal, round_id)
    return SendResult(uitgenodigd=sent.invited, al_uitgenodigd=sent.already_invited)


@router.get(
    "/peilingrondes/{id}/resultaten",
    response_model=RoundResults,
    operation_id="peilingrondeResultatenOpvragen",
    summary="De respons en antwoorden van een ronde, per gemeente en per groep (redactie)",
    description="Per gemeente alleen voor het programmateam. Cijfers per groep alleen voor ten "
    "minste `minimaleGroep` respondenten, en nooit zo dat het verschil van twee getoonde "
    "cijfers een kleinere groep overlaat (anders `teWeinigAntwoorden`). Open antwoorden alleen "
    "als de controle op persoonsgegevens niets vond.",
    responses={**TEAM, **errors(e404="Deze ronde bestaat niet.")},
    openapi_extra=PERSON,
)
def round_results(
    round_id: RoundId,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    groepering: Annotated[Grouping, Query()] = Grouping.PROVINCE,
) -> RoundResults:
    found = results.round_results(session, settings, principal, round_id, groepering)
    return presenters.results(session, found)


@router.get(
    "/mijn-peilingen",
    response_model=MyRounds,
    operation_id="mijnPeilingenOpvragen",
    summary="De peilingen waarvoor ik ben uitgenodigd, open eerst (gemeente)",
    responses=errors(e401="Niet ingelogd.", e403="Alleen voor gemeentelijke contactpersonen."),
    openapi_extra=PERSON,
)
def my_rounds(principal: CurrentPrincipal, session: SessionDep) -> MyRounds:
    found = answering.my_rounds(session, principal)
    shaped = [presenters.my_round(r, i) for r, i in found]
    shaped.sort(key=lambda m: not m.wijzigbaar)
    return MyRounds(resultaten=shaped)


@router.get(
    "/mijn-peilingen/{id}",
    response_model=FormRead,
    operation_id="mijnPeilingOpvragen",
    summary="Het formulier van een ronde met mijn antwoorden (gemeente)",
    responses=errors(e404="Niet uitgenodigd voor deze ronde."),
    openapi_extra=PERSON,
)
def my_form(round_id: RoundId, principal: CurrentPrincipal, session: SessionDep) -> FormRead:
    return presenters.form(answering.my_form(session, principal, round_id))


@router.put(
    "/mijn-peilingen/{id}/antwoorden",
    response_model=FormRead,
    operation_id="mijnPeilingBeantwoorden",
    summary="Mijn antwoorden opslaan of wijzigen zolang de ronde open is (gemeente)",
    description="Alle vragen van de ronde tegelijk: een schaalvraag vraagt een cijfer van 1 tot "
    "en met 5, een open vraag mag leeg blijven. Een 400 noemt elk ongeldig veld.",
    responses={**CLOSED, **errors(e404="Niet uitgenodigd voor deze ronde.")},
    openapi_extra=PERSON,
)
def answer_mine(
    round_id: RoundId, body: AnswersBody, principal: CurrentPrincipal, session: SessionDep
) -> FormRead:
    return presenters.form(answering.save_mine(session, principal, round_id, _given(body)))


@router.post(
    "/peiling-via-link",
    response_model=FormRead,
    operation_id="peilingViaLinkOpvragen",
    summary="Het formulier bij de link uit de uitnodiging, zonder in te loggen",
    description="Het token staat in de body, niet in het adres, zodat het in geen log komt.",
    responses=errors(e404="Deze link is ongeldig of vervangen."),
    openapi_extra=PUBLIC,
)
def form_by_token(body: TokenBody, session: SessionDep) -> FormRead:
    return presenters.form(answering.form_by_token(session, body.token))


@router.put(
    "/peiling-via-link/antwoorden",
    response_model=FormRead,
    operation_id="peilingViaLinkBeantwoorden",
    summary="Antwoorden opslaan of wijzigen met de link uit de uitnodiging, zonder in te loggen",
    description="Het token beantwoordt alleen de eigen uitnodiging. Zie mijnPeilingBeantwoorden.",
    responses={**CLOSED, **errors(e404="Deze link is ongeldig of vervangen.")},
    openapi_extra=PUBLIC,
)
def answer_by_token(body: TokenAnswersBody, session: SessionDep) -> FormRead:
    return presenters.form(answering.save_by_token(session, body.token, _given(body)))
