"""HTTP endpoints of answer ratings: by the mail's link without logging in, and by the signed-in
asker on her question's page (where the team reads it too)."""

from typing import Annotated

from fastapi import Path

from api.accounts.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.routing import PERSON, PUBLIC, errors, json_router, mail_link_token
from api.satisfaction import ratings
from api.satisfaction.rating_schemas import AnswerRatingRead, AnswerRatingWrite

router = json_router(tags=["Tevredenheid"], conditional=False)

Token = Annotated[str, mail_link_token("De code uit de beoordelingslink van de antwoordmail.")]
QuestionId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van de vraag.")
]
TOO_LATE = "De termijn om te beoordelen is voorbij; er is niets gewijzigd."


@router.get(
    "/antwoordbeoordeling",
    response_model=AnswerRatingRead,
    operation_id="antwoordbeoordelingOpvragen",
    responses=errors(e404="Deze beoordelingslink bestaat niet (meer)."),
    summary="De beoordeling die een link uit de antwoordmail noemt (zonder in te loggen)",
    description=(
        "Alleen lezen: een GET verandert nooit iets, ook niet met een score in de link, zodat "
        "een e-mailscanner die links opent geen score geeft."
    ),
    openapi_extra=PUBLIC,
)
def read_by_token(token: Token, session: SessionDep) -> AnswerRatingRead:
    return AnswerRatingRead.of(ratings.by_token(session, token))


@router.put(
    "/antwoordbeoordeling",
    response_model=AnswerRatingRead,
    operation_id="antwoordBeoordelenMetLink",
    responses=errors(e404="Deze beoordelingslink bestaat niet (meer).", e409=TOO_LATE),
    summary="Het antwoord beoordelen met de link uit de antwoordmail (zonder in te loggen)",
    description=(
        "Zet de score (1-5) en de toelichting; binnen de termijn zo vaak als de vraagsteller "
        "wil. Na `wijzigbaarTot` is het antwoord 409 en blijft alles zoals het was. De link "
        "beoordeelt alleen de vraag van wie hem kreeg."
    ),
    openapi_extra=PUBLIC,
)
def rate_by_token(token: Token, body: AnswerRatingWrite, session: SessionDep) -> AnswerRatingRead:
    return AnswerRatingRead.of(ratings.rate_by_token(session, token, body.score, body.toelichting))


@router.get(
    "/vragen/{id}/beoordeling",
    response_model=AnswerRatingRead,
    operation_id="vraagBeoordelingOpvragen",
    responses=errors(e404="De vraag bestaat niet, is niet van u of heeft (nog) geen beoordeling."),
    summary="De beoordeling van het antwoord op een vraag",
    description=(
        "Voor de vraagsteller zelf (met haar toelichting), de adviseur die antwoordde, de "
        "redactie en beheerders (de toelichting alleen als er geen persoonsgegevens in staan)."
    ),
    openapi_extra=PERSON,
)
def read_for_question(
    question_id: QuestionId, principal: CurrentPrincipal, session: SessionDep
) -> AnswerRatingRead:
    return AnswerRatingRead.of(ratings.for_question(session, principal, question_id))


@router.put(
    "/vragen/{id}/beoordeling",
    response_model=AnswerRatingRead,
    operation_id="vraagBeoordelingGeven",
    responses=errors(
        e404="De vraag bestaat niet, is niet van u of heeft (nog) geen beoordeling.", e409=TOO_LATE
    ),
    summary="Het antwoord op mijn vraag beoordelen (1-5, met een toelichting)",
    description=(
        "Alleen de vraagsteller van deze vraag; wie in een samengevoegde vraag opging, "
        "beoordeelt via haar eigen vraag."
    ),
    openapi_extra=PERSON,
)
def rate_for_question(
    question_id: QuestionId,
    body: AnswerRatingWrite,
    principal: CurrentPrincipal,
    session: SessionDep,
) -> AnswerRatingRead:
    return AnswerRatingRead.of(
        ratings.rate_own(session, principal, question_id, body.score, body.toelichting)
    )
