"""HTTP endpoints of the persoonlijk overzicht: a contact's choice of how often she gets it and
a preview of her next one (signed in), and leaving it in one click with the secret of a digest
mail (no login; RFC 8058, as the nieuwsbrief's mails)."""

from typing import Annotated

from api.accounts.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.requests import ContextDep, SettingsDep
from api.core.routing import PERSON, PUBLIC, errors, json_router, mail_link_token
from api.digests import service
from api.digests.schemas import DigestPreferenceRead, DigestPreferenceWrite, DigestPreviewRead

router = json_router(tags=["Nieuwsbrief"], conditional=False)

LinkToken = Annotated[
    str, mail_link_token("De code uit de afmeldlink van het persoonlijk overzicht.")
]

CONTACTS_ONLY = errors(
    e401="Niet ingelogd.",
    e403="Alleen voor contactpersonen van een gemeente of samenwerkingsverband.",
)


@router.get(
    "/mijn-account/persoonlijk-overzicht",
    response_model=DigestPreferenceRead,
    operation_id="mijnPersoonlijkOverzichtOpvragen",
    summary="Hoe vaak ik mijn persoonlijk overzicht krijg",
    description="Wie nog niets koos krijgt het niet (`nooit`).",
    responses=CONTACTS_ONLY,
    openapi_extra=PERSON,
)
def read_mine(principal: CurrentPrincipal, session: SessionDep) -> DigestPreferenceRead:
    return DigestPreferenceRead.of(service.mine(session, principal))


@router.put(
    "/mijn-account/persoonlijk-overzicht",
    response_model=DigestPreferenceRead,
    operation_id="mijnPersoonlijkOverzichtInstellen",
    summary="Kiezen hoe vaak ik mijn persoonlijk overzicht krijg",
    description=(
        "Wekelijks komt het op maandag, maandelijks op de 1e, 's ochtends; het eerste in de "
        "eerste periode die na uw keuze begint. `nooit` zet het uit."
    ),
    responses=CONTACTS_ONLY,
    openapi_extra=PERSON,
)
def choose_mine(
    body: DigestPreferenceWrite, principal: CurrentPrincipal, session: SessionDep, ctx: ContextDep
) -> DigestPreferenceRead:
    return DigestPreferenceRead.of(service.choose(session, principal, ctx, body.frequentie))


@router.get(
    "/mijn-account/persoonlijk-overzicht/voorbeeld",
    response_model=DigestPreviewRead,
    operation_id="mijnPersoonlijkOverzichtVoorbeeld",
    summary="Wat mijn volgende persoonlijk overzicht zou bevatten als het nu gemaakt werd",
    description=(
        "Per gemeente waarvoor u contactpersoon bent wanneer u uiterlijk moet beginnen, wat sinds "
        "het vorige overzicht te laat raakte of risico liep, en nieuwe producten, "
        "veelgestelde vragen en bijeenkomsten bij de maatregelen waarop de gemeente "
        "achterloopt; daarna de antwoorden op uw vragen en signalen. Met de e-mail als tekst."
    ),
    responses=CONTACTS_ONLY,
    openapi_extra=PERSON,
)
def preview_mine(
    principal: CurrentPrincipal, session: SessionDep, settings: SettingsDep
) -> DigestPreviewRead:
    return DigestPreviewRead.of(service.preview(session, settings, principal))


@router.post(
    "/persoonlijk-overzicht/afmelden",
    response_model=DigestPreferenceRead,
    operation_id="persoonlijkOverzichtAfmelden",
    summary="Met één klik afmelden voor het persoonlijk overzicht (RFC 8058), zonder in te loggen",
    description=(
        "Het adres in de header List-Unsubscribe van elk persoonlijk overzicht. Een "
        "e-mailprogramma stuurt `List-Unsubscribe=One-Click` als formulier; een lege body mag "
        "ook. Daarna staat de keuze op `nooit`; nog een keer afmelden verandert niets."
    ),
    responses=errors(e404="Deze link bestaat niet (meer)."),
    openapi_extra=PUBLIC,
)
def unsubscribe(token: LinkToken, session: SessionDep, ctx: ContextDep) -> DigestPreferenceRead:
    return DigestPreferenceRead.of(service.unsubscribe_by_link(session, ctx, token))
