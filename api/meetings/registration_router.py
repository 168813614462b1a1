"""HTTP endpoints of registrations: registering (oneself or a colleague), the list of a meeting,
cancelling (signed in, or with the link from a mail) and a person's own meetings."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response, status

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.db import SessionDep
from api.core.requests import SettingsDep
from api.core.routing import PERSON, PUBLIC, errors, json_router
from api.core.urls import api_path
from api.meetings import attendee_export, registrations
from api.meetings import registration_presenters as presenters
from api.meetings.schemas import (
    MyMeetings,
    Registration,
    RegistrationCreate,
    RegistrationList,
    RegistrationLookup,
    TokenCancel,
)

router = json_router(tags=["Bijeenkomsten"], conditional=False)
# The list answers in JSON, CSV or XLSX, so it does its own negotiation.
lists = APIRouter(tags=["Bijeenkomsten"])

MAX_ID = 2_147_483_647
MeetingId = Annotated[
    int, Path(alias="id", ge=1, le=MAX_ID, description="Nummer van de bijeenkomst.")
]
RegistrationId = Annotated[
    int, Path(alias="aanmeldingId", ge=1, le=MAX_ID, description="Nummer van de aanmelding.")
]
MISSING = errors(e404="Deze bijeenkomst bestaat niet.")
SIGNED_IN: dict[int | str, dict[str, Any]] = errors(
    e401="Niet ingelogd.", e403="Alleen voor personen, niet voor koppelingen."
)
UNKNOWN_LINK = errors(e404="Deze afmeldlink bestaat niet (meer).")


@router.post(
    "/bijeenkomsten/{id}/aanmeldingen",
    status_code=status.HTTP_201_CREATED,
    response_model=Registration,
    operation_id="aanmelden",
    summary="Aanmelden voor een bijeenkomst: uzelf of een collega",
    description=(
        "Zonder naam en e-mail meldt u uzelf aan; met beide een collega (geen account nodig). "
        "Een contactpersoon meldt collega's van haar eigen gemeente aan (`gemeente` verplicht "
        "bij meer gemeenten); een expert alleen zichzelf, bij de doelgroep ketenpartners of "
        "iedereen; het programmateam en de organisator iedereen. Is de bijeenkomst vol, dan "
        "komt de aanmelding op de wachtlijst (status `wachtlijst`, met de plaats). De "
        "bevestiging gaat per e-mail, met het .ics-bestand bij een plaats."
    ),
    responses={
        **MISSING,
        **errors(
            e401="Niet ingelogd.",
            e403="Niet voor deze doelgroep, of een gemeente die niet de uwe is.",
            e409="Dit adres is al aangemeld, of aanmelden kan niet (nog niet open, "
            "aanmeldtermijn voorbij, geannuleerd, afgelopen).",
        ),
    },
    openapi_extra=PERSON,
)
def register(
    meeting_id: MeetingId,
    body: RegistrationCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    response: Response,
) -> Registration:
    listed = registrations.register(session, settings, principal, meeting_id, body)
    [placed] = listed.registrations
    response.headers["Location"] = api_path("bijeenkomsten", meeting_id, "aanmeldingen")
    return presenters.one(listed, placed)


@lists.get(
    "/bijeenkomsten/{id}/aanmeldingen",
    response_model=RegistrationList,
    operation_id="aanmeldingenOpvragen",
    summary="De aanmeldingen en de wachtlijst van een bijeenkomst",
    description=(
        "Het programmateam en de organisator zien iedereen; een contactpersoon de aanmeldingen "
        "voor haar eigen gemeente(n). Eerst wie een plaats heeft, dan de wachtlijst in "
        "volgorde, dan wie zich afmeldde. Met `Accept: text/csv` of `Accept: "
        f"{attendee_export.XLSX}` dezelfde rijen als bestand: naam, e-mail, gemeente, "
        "organisatie, status, plaats op wachtlijst en aanwezigheid."
    ),
    responses={
        200: {
            "description": "De aanmeldingen; met Accept: text/csv of XLSX als bestand.",
            "content": attendee_export.CONTENT,
        },
        **MISSING,
        **errors(
            e401="Niet ingelogd.",
            e403="Geen toegang.",
            e406="Noch JSON, noch CSV, noch XLSX wordt geaccepteerd.",
        ),
    },
    openapi_extra=PERSON,
)
def list_registrations(
    meeting_id: MeetingId, request: Request, principal: CurrentPrincipal, session: SessionDep
) -> RegistrationList | Response:
    chosen = attendee_export.wanted(request)
    listed = registrations.of_meeting(session, principal, meeting_id)
    if chosen == "json":
        return presenters.registration_list(session, principal, listed)
    body, media_type, headers = attendee_export.content(listed, chosen)
    return Response(body, media_type=media_type, headers=headers)


@router.delete(
    "/bijeenkomsten/{id}/aanmeldingen/{aanmeldingId}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    operation_id="aanmeldingAnnuleren",
    summary="Een aanmelding annuleren",
    description=(
        "Door de persoon zelf, wie haar aanmeldde, een contactpersoon van haar gemeente, het "
        "programmateam of de organisator. De plaats gaat naar de eerste op de wachtlijst, die "
        "dat per e-mail hoort. Minder dan 24 uur voor het begin telt als `laat-afgemeld`."
    ),
    responses={
        **errors(
            e401="Niet ingelogd.",
            e404="De bijeenkomst of de aanmelding bestaat niet.",
            e409="Al afgemeld, of de bijeenkomst is geannuleerd of al begonnen.",
        ),
    },
    openapi_extra=PERSON,
)
def cancel(
    meeting_id: MeetingId,
    registration_id: RegistrationId,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    registrations.cancel(session, settings, principal, meeting_id, registration_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/aanmelding-opzoeken",
    response_model=RegistrationLookup,
    operation_id="aanmeldingOpzoeken",
    summary="De aanmelding die de link uit een e-mail noemt (zonder in te loggen)",
    description=(
        "Verandert niets: zo kan de pagina eerst laten zien waarvoor u zich afmeldt. Na het "
        "afmelden noemt de link de status `afgemeld`. Alleen de link uit de nieuwste e-mail "
        "over de bijeenkomst werkt."
    ),
    responses=UNKNOWN_LINK,
    openapi_extra=PUBLIC,
)
def look_up(
    body: TokenCancel, principal: CurrentPrincipal, session: SessionDep
) -> RegistrationLookup:
    found = registrations.look_up(session, body.token)
    return presenters.lookup(session, principal, found, clock.now())


@router.post(
    "/aanmelding-annuleren",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    operation_id="aanmeldingAnnulerenMetLink",
    summary="Afmelden met de link uit een e-mail (zonder in te loggen)",
    responses={
        **UNKNOWN_LINK,
        **errors(e409="Al afgemeld, of de bijeenkomst is geannuleerd of al begonnen."),
    },
    openapi_extra=PUBLIC,
)
def cancel_by_link(body: TokenCancel, session: SessionDep, settings: SettingsDep) -> Response:
    registrations.cancel_by_token(session, settings, body.token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/mijn-bijeenkomsten",
    response_model=MyMeetings,
    operation_id="mijnBijeenkomsten",
    summary="Mijn bijeenkomsten: mijn aanmeldingen en die van collega's die ik aanmeldde",
    description="Komende bijeenkomsten eerst de vroegste; afgelopen eerst de laatste.",
    responses=SIGNED_IN,
    openapi_extra=PERSON,
)
def my_meetings(principal: CurrentPrincipal, session: SessionDep) -> MyMeetings:
    mine = registrations.mine(session, principal)
    return presenters.my_meetings(session, principal, mine, clock.now())
