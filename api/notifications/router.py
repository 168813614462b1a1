"""HTTP endpoints of notifications: one's own notifications and choices, and the one-click
unsubscribe of a mail (RFC 8058), which needs no login."""

from typing import Annotated

from fastapi import Query, Request

from api.accounts.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.requests import ContextDep, SettingsDep
from api.core.routing import PERSON, PUBLIC, errors, json_router, mail_link_token
from api.core.schemas import RowId
from api.notifications import previews, service
from api.notifications.schemas import (
    MailPreview,
    MailPreviews,
    MarkedRead,
    NotificationPage,
    NotificationRead,
    PreferenceRead,
    Preferences,
    PreferencesUpdate,
    UnreadCount,
    UnsubscribeRead,
)

router = json_router(tags=["Meldingen"], conditional=False)

Token = Annotated[str, mail_link_token("De code uit de afmeldlink van de e-mail.")]


@router.get(
    "/meldingen",
    response_model=NotificationPage,
    operation_id="mijnMeldingenOpvragen",
    summary="Mijn meldingen, nieuwste eerst",
    openapi_extra=PERSON,
)
def list_notifications(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
    ongelezen: Annotated[bool, Query(description="Alleen ongelezen meldingen.")] = False,
) -> NotificationPage:
    inbox = service.my_notifications(session, principal, ongelezen, page)
    info, links = page_envelope(request, page, inbox.total)
    return NotificationPage(
        resultaten=[NotificationRead.of(n) for n in inbox.notifications],
        ongelezen=inbox.unread,
        paginering=info,
        _links=links,
    )


@router.get(
    "/meldingen/aantal-ongelezen",
    response_model=UnreadCount,
    operation_id="mijnOngelezenMeldingenTellen",
    summary="Hoeveel van mijn meldingen ongelezen zijn (voor de bel in de kop)",
    openapi_extra=PERSON,
)
def count_unread(principal: CurrentPrincipal, session: SessionDep) -> UnreadCount:
    return UnreadCount(ongelezen=service.unread_count(session, principal))


@router.post(
    "/meldingen/alles-gelezen",
    response_model=MarkedRead,
    operation_id="alleMeldingenGelezen",
    summary="Al mijn meldingen als gelezen markeren",
    openapi_extra=PERSON,
)
def mark_all_read(principal: CurrentPrincipal, session: SessionDep) -> MarkedRead:
    return MarkedRead(gemarkeerd=service.mark_all_read(session, principal))


@router.get(
    "/meldingen/voorkeuren",
    response_model=Preferences,
    operation_id="mijnMeldingvoorkeurenOpvragen",
    summary="Hoe elke soort melding mij bereikt",
    openapi_extra=PERSON,
)
def get_preferences(principal: CurrentPrincipal, session: SessionDep) -> Preferences:
    choices = service.my_preferences(session, principal)
    return Preferences(voorkeuren=[PreferenceRead.of(c) for c in choices])


@router.patch(
    "/meldingen/voorkeuren",
    response_model=Preferences,
    operation_id="mijnMeldingvoorkeurenWijzigen",
    summary="Per soort melding kiezen: direct, dagelijks of alleen in Spoorboek",
    openapi_extra=PERSON,
)
def set_preferences(
    body: PreferencesUpdate, principal: CurrentPrincipal, session: SessionDep, ctx: ContextDep
) -> Preferences:
    choices = service.set_preferences(session, principal, ctx, body.voorkeuren)
    return Preferences(voorkeuren=[PreferenceRead.of(c) for c in choices])


@router.get(
    "/meldingen/afmelden",
    response_model=UnsubscribeRead,
    operation_id="afmeldlinkOpvragen",
    responses=errors(e404="Deze afmeldlink bestaat niet."),
    summary="Waarvoor een afmeldlink uit een e-mail afmeldt (zonder in te loggen)",
    openapi_extra=PUBLIC,
)
def preview_unsubscribe(token: Token, session: SessionDep) -> UnsubscribeRead:
    return UnsubscribeRead.of(service.unsubscribe_preview(session, token))


@router.post(
    "/meldingen/afmelden",
    response_model=UnsubscribeRead,
    operation_id="afmelden",
    responses=errors(e404="Deze afmeldlink bestaat niet.", e409="Deze afmeldlink is al gebruikt."),
    summary="Met één klik afmelden voor e-mail van één soort (RFC 8058), zonder in te loggen",
    description=(
        "Het adres in de header List-Unsubscribe van elke e-mail. Een e-mailprogramma stuurt "
        "`List-Unsubscribe=One-Click` als formulier; een lege body mag ook. Zet de soort op "
        "alleen-in-app (bij het dagoverzicht: elke soort die erin zou komen). Een link werkt "
        "één keer en alleen voor de persoon aan wie de e-mail gericht was."
    ),
    openapi_extra=PUBLIC,
)
def unsubscribe(token: Token, session: SessionDep, ctx: ContextDep) -> UnsubscribeRead:
    return UnsubscribeRead.of(service.unsubscribe(session, ctx, token))


@router.post(
    "/meldingen/{melding_id}/gelezen",
    response_model=NotificationRead,
    operation_id="meldingGelezen",
    responses=errors(e404="Deze melding bestaat niet (of is van iemand anders)."),
    summary="Een melding als gelezen markeren",
    openapi_extra=PERSON,
)
def mark_read(
    melding_id: RowId, principal: CurrentPrincipal, session: SessionDep
) -> NotificationRead:
    return NotificationRead.of(service.mark_read(session, principal, melding_id))


@router.get(
    "/e-mailvoorbeelden",
    response_model=MailPreviews,
    operation_id="eMailvoorbeeldenOpvragen",
    summary="Elke e-mail die meldingen versturen, met voorbeeldgegevens (beheerders)",
    openapi_extra=PERSON,
)
def mail_previews(principal: CurrentPrincipal, settings: SettingsDep) -> MailPreviews:
    return MailPreviews(
        voorbeelden=[
            MailPreview(
                naam=p.name,
                omschrijving=p.description,
                onderwerp=p.rendered.subject,
                tekst=p.rendered.text,
                html=p.rendered.html,
                headers=p.rendered.headers,
            )
            for p in previews.previews(principal, settings)
        ]
    )
