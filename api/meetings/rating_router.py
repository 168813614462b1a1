"""HTTP endpoints of a meeting's evaluation: an attendee's own score by the link in the mail
after the meeting (without logging in), and the team's view of one meeting's evaluation."""

from typing import Annotated

from fastapi import Path

from api.accounts.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.requests import SettingsDep
from api.core.routing import PERSON, PUBLIC, errors, json_router
from api.meetings import ratings
from api.meetings.rating_schemas import (
    MeetingEvaluation,
    MeetingRatingLookup,
    MeetingRatingRead,
    MeetingRatingWrite,
)

router = json_router(tags=["Bijeenkomsten"], conditional=False)

UNKNOWN = "Deze beoordelingslink bestaat niet (meer)."
MeetingId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van de bijeenkomst.")
]


@router.post(
    "/bijeenkomstbeoordeling/opzoeken",
    response_model=MeetingRatingRead,
    operation_id="bijeenkomstbeoordelingOpzoeken",
    responses=errors(e404=UNKNOWN),
    summary="De beoordeling die een link uit de mail na een bijeenkomst noemt (zonder in te "
    "loggen)",
    description=(
        "Alleen lezen. De code staat in het fragment van de link (#token=…), dat geen server "
        "ziet; de pagina stuurt hem hier in de body."
    ),
    openapi_extra=PUBLIC,
)
def look_up(body: MeetingRatingLookup, session: SessionDep) -> MeetingRatingRead:
    return MeetingRatingRead.of(ratings.by_token(session, body.token))


@router.put(
    "/bijeenkomstbeoordeling",
    response_model=MeetingRatingRead,
    operation_id="bijeenkomstBeoordelen",
    responses=errors(
        e404=UNKNOWN, e409="De termijn om te beoordelen is voorbij; er is niets gewijzigd."
    ),
    summary="Een bijeenkomst beoordelen met de link uit de mail (zonder in te loggen)",
    description=(
        "Zet de score (1-5) en de toelichting; binnen de termijn zo vaak als de deelnemer wil. "
        "Na `wijzigbaarTot` is het antwoord 409 en blijft alles zoals het was. De link "
        "beoordeelt alleen de bijeenkomst waarvoor hij is verstuurd."
    ),
    openapi_extra=PUBLIC,
)
def rate(body: MeetingRatingWrite, session: SessionDep) -> MeetingRatingRead:
    return MeetingRatingRead.of(
        ratings.rate_by_token(session, body.token, body.score, body.toelichting)
    )


@router.get(
    "/bijeenkomsten/{id}/evaluatie",
    response_model=MeetingEvaluation,
    operation_id="bijeenkomstEvaluatieOpvragen",
    responses=errors(e404="Deze bijeenkomst bestaat niet."),
    summary="De evaluatie van een bijeenkomst: gevraagd, beoordeeld, gemiddelde, verdeling en "
    "toelichtingen (redactie en organisator)",
    description=(
        "Met minder beoordelingen dan de minimale groepsgrootte (standaard 5) geen gemiddelde, "
        "verdeling of toelichtingen, alleen 'te weinig antwoorden'. Toelichtingen alleen zonder "
        "persoonsgegevens, zonder score en op alfabet."
    ),
    openapi_extra=PERSON,
)
def evaluation(
    meeting_id: MeetingId, principal: CurrentPrincipal, session: SessionDep, settings: SettingsDep
) -> MeetingEvaluation:
    minimum = settings.survey_min_group_size
    return MeetingEvaluation.of(
        ratings.evaluation(session, principal, meeting_id, minimum), minimum
    )
