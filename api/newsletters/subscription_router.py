"""HTTP endpoints of subscribing to the nieuwsbrief: signing up and confirming (anyone),
managing, exporting, erasing and leaving in one click with the secret of a mail (no login), and
a signed-in person's own subscription.

The secret of a mail travels as the query parameter `token`, as the one-click address of
RFC 8058 needs it (a mail program POSTs to the URL as it is); the access log writes paths
without their query, so the secret reaches no log."""

from typing import Annotated

from fastapi import Query, Response, status

from api.accounts.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.requests import ContextDep, SettingsDep
from api.core.routing import PERSON, PUBLIC, errors, json_router
from api.newsletters import subscriptions
from api.newsletters.subscription_schemas import (
    ChoicesUpdate,
    ConfirmRequest,
    SignupAccepted,
    SignupCreate,
    SubscriptionExport,
    SubscriptionRead,
)

router = json_router(tags=["Nieuwsbrief"], conditional=False)

LinkToken = Annotated[
    str,
    Query(
        min_length=20,
        max_length=100,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="De code uit de link in een e-mail van de nieuwsbrief (na token=).",
    ),
]
UNKNOWN_LINK = errors(e404="Deze link bestaat niet (meer).")
SIGNED_IN = errors(e401="Niet ingelogd.", e403="Alleen voor personen, niet voor koppelingen.")
ACCEPTED = (
    "Dank u wel. Als dit adres nog niet geabonneerd is, krijgt u een e-mail met een link om uw "
    "aanmelding te bevestigen. Pas daarna ontvangt u de nieuwsbrief."
)


@router.post(
    "/nieuwsbrief/aanmeldingen",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=SignupAccepted,
    operation_id="nieuwsbriefAanmelden",
    summary="Aanmelden voor de nieuwsbrief (geen account nodig)",
    description=(
        "Kies `alles`, of maatregelen, thema's en golven. Het antwoord is altijd hetzelfde, of "
        "het adres nu nieuw, onbevestigd of al geabonneerd is: een nieuw of onbevestigd adres "
        "krijgt een bevestigingslink (48 uur geldig), een geabonneerd adres een e-mail met de "
        "link om het abonnement te beheren. Hoogstens 3 aanmeldingen per adres per 24 uur en "
        "20 per netwerkadres per uur; daarboven 429 en wordt er niets gemaild."
    ),
    responses=errors(e429="Te veel aanmeldingen; probeer het na Retry-After seconden opnieuw."),
    openapi_extra=PUBLIC,
)
def sign_up(
    body: SignupCreate, session: SessionDep, settings: SettingsDep, ctx: ContextDep
) -> SignupAccepted:
    subscriptions.sign_up(session, settings, ctx, body.email, body.choices())
    return SignupAccepted(melding=ACCEPTED)


@router.post(
    "/nieuwsbrief/aanmeldingen/bevestigen",
    response_model=SubscriptionRead,
    operation_id="nieuwsbriefAanmeldingBevestigen",
    summary="Een aanmelding bevestigen met de link uit de bevestigingsmail",
    description="Twee keer bevestigen kan geen kwaad: de tweede keer verandert er niets.",
    responses=errors(
        e404="Deze bevestigingslink bestaat niet (meer).",
        e410="De bevestigingslink is verlopen; meld u opnieuw aan.",
    ),
    openapi_extra=PUBLIC,
)
def confirm(body: ConfirmRequest, session: SessionDep, ctx: ContextDep) -> SubscriptionRead:
    return SubscriptionRead.of(subscriptions.confirm(session, ctx, body.token))


@router.get(
    "/nieuwsbrief/abonnement",
    response_model=SubscriptionRead,
    operation_id="nieuwsbriefAbonnementOpvragen",
    summary="Het abonnement van de link in een e-mail (zonder in te loggen)",
    responses=UNKNOWN_LINK,
    openapi_extra=PUBLIC,
)
def read_by_link(token: LinkToken, session: SessionDep) -> SubscriptionRead:
    return SubscriptionRead.of(subscriptions.by_link(session, token))


@router.put(
    "/nieuwsbrief/abonnement",
    response_model=SubscriptionRead,
    operation_id="nieuwsbriefAbonnementWijzigen",
    summary="De keuzes van het abonnement van de link in een e-mail wijzigen",
    description="Wie afgemeld was, is daarmee weer geabonneerd.",
    responses=UNKNOWN_LINK,
    openapi_extra=PUBLIC,
)
def change_by_link(
    token: LinkToken, body: ChoicesUpdate, session: SessionDep, ctx: ContextDep
) -> SubscriptionRead:
    return SubscriptionRead.of(subscriptions.change_by_link(session, ctx, token, body.choices()))


@router.delete(
    "/nieuwsbrief/abonnement",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    operation_id="nieuwsbriefAbonnementWissen",
    summary="Het abonnement van de link in een e-mail wissen, met alles wat erbij hoort",
    description=(
        "Het adres, de keuzes en welke edities het kreeg worden gewist; ook het adres bij "
        "e-mail die nog in de wachtrij staat."
    ),
    responses=UNKNOWN_LINK,
    openapi_extra=PUBLIC,
)
def erase_by_link(token: LinkToken, session: SessionDep, ctx: ContextDep) -> Response:
    subscriptions.erase_by_link(session, ctx, token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/nieuwsbrief/abonnement/export",
    response_model=SubscriptionExport,
    operation_id="nieuwsbriefAbonnementExporteren",
    summary="Alles wat Spoorboek over het adres van de link bewaart, als JSON",
    responses=UNKNOWN_LINK,
    openapi_extra=PUBLIC,
)
def export_by_link(token: LinkToken, session: SessionDep) -> SubscriptionExport:
    return SubscriptionExport.of(subscriptions.export_by_link(session, token))


@router.post(
    "/nieuwsbrief/afmelden",
    response_model=SubscriptionRead,
    operation_id="nieuwsbriefAfmelden",
    summary="Met één klik afmelden voor de nieuwsbrief (RFC 8058), zonder in te loggen",
    description=(
        "Het adres in de header List-Unsubscribe van elke e-mail van de nieuwsbrief. Een "
        "e-mailprogramma stuurt `List-Unsubscribe=One-Click` als formulier; een lege body mag "
        "ook. Nog een keer afmelden verandert niets."
    ),
    responses=UNKNOWN_LINK,
    openapi_extra=PUBLIC,
)
def unsubscribe(token: LinkToken, session: SessionDep, ctx: ContextDep) -> SubscriptionRead:
    return SubscriptionRead.of(subscriptions.unsubscribe_by_link(session, ctx, token))


@router.get(
    "/mijn-account/nieuwsbrief",
    response_model=SubscriptionRead,
    operation_id="mijnNieuwsbriefOpvragen",
    summary="Mijn abonnement op de nieuwsbrief",
    responses={**SIGNED_IN, **errors(e404="U bent niet geabonneerd.")},
    openapi_extra=PERSON,
)
def read_mine(principal: CurrentPrincipal, session: SessionDep) -> SubscriptionRead:
    return SubscriptionRead.of(subscriptions.mine(session, principal))


@router.put(
    "/mijn-account/nieuwsbrief",
    response_model=SubscriptionRead,
    operation_id="mijnNieuwsbriefInstellen",
    summary="Mij abonneren op de nieuwsbrief, of mijn keuzes wijzigen",
    description=(
        "Voor het adres van mijn account, meteen actief: een bevestigingslink is niet nodig."
    ),
    responses=SIGNED_IN,
    openapi_extra=PERSON,
)
def subscribe_mine(
    body: ChoicesUpdate, principal: CurrentPrincipal, session: SessionDep, ctx: ContextDep
) -> SubscriptionRead:
    return SubscriptionRead.of(
        subscriptions.subscribe_mine(session, principal, ctx, body.choices())
    )


@router.delete(
    "/mijn-account/nieuwsbrief",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    operation_id="mijnNieuwsbriefOpzeggen",
    summary="Mijn abonnement op de nieuwsbrief opzeggen",
    description="Het abonnement wordt gewist, met alles wat erbij hoort.",
    responses=SIGNED_IN,
    openapi_extra=PERSON,
)
def leave_mine(principal: CurrentPrincipal, session: SessionDep, ctx: ContextDep) -> Response:
    subscriptions.leave_mine(session, principal, ctx)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
