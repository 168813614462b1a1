"""Public shape of notifications and preferences."""

from datetime import datetime

from pydantic import Field

from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel, RequestModel
from api.notifications.kinds import KINDS, Delivery, Kind
from api.notifications.models import Notification
from api.notifications.service import Choice, Unsubscription


class NotificationRead(ApiModel):
    id: int
    soort: Kind
    titel: str
    tekst: str
    link: str = Field(
        description="Pad van het onderwerp in de webapplicatie, bijvoorbeeld /vragen/12."
    )
    aangemaakt: datetime
    gelezen: datetime | None = Field(description="Wanneer gelezen; null: ongelezen.")

    @classmethod
    def of(cls, notification: Notification) -> "NotificationRead":
        return cls(
            id=notification.id,
            soort=notification.kind,
            titel=notification.title,
            tekst=notification.text,
            link=notification.link,
            aangemaakt=notification.created_at,
            gelezen=notification.read_at,
        )


class NotificationPage(ApiModel):
    resultaten: list[NotificationRead]
    ongelezen: int = Field(description="Ongelezen meldingen in totaal, niet alleen op deze pagina.")
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class UnreadCount(ApiModel):
    ongelezen: int


class MarkedRead(ApiModel):
    gemarkeerd: int = Field(description="Zoveel meldingen zijn nu als gelezen gemarkeerd.")


class PreferenceRead(ApiModel):
    soort: Kind
    naam: str
    omschrijving: str
    bezorging: Delivery = Field(
        description="direct: ook meteen per e-mail; dagelijks: in het dagoverzicht per e-mail; "
        "alleen-in-app: alleen in Spoorboek."
    )
    standaard: Delivery

    @classmethod
    def of(cls, choice: Choice) -> "PreferenceRead":
        info = KINDS[choice.kind]
        return cls(
            soort=choice.kind,
            naam=info.label,
            omschrijving=info.description,
            bezorging=choice.delivery,
            standaard=choice.default,
        )


class Preferences(ApiModel):
    voorkeuren: list[PreferenceRead]


class PreferencesUpdate(RequestModel):
    voorkeuren: dict[Kind, Delivery] = Field(
        min_length=1,
        max_length=len(Kind),
        description="Per soort melding de gekozen bezorging; soorten die ontbreken blijven "
        "zoals ze zijn.",
        examples=[{"vraag-toegewezen": "dagelijks"}],
    )


class UnsubscribeRead(ApiModel):
    soort: Kind | None = Field(description="De soort melding; null: het dagoverzicht.")
    omschrijving: str = Field(description="Waarvoor de link afmeldt, in gewone taal.")
    gebruikt: bool

    @classmethod
    def of(cls, found: Unsubscription) -> "UnsubscribeRead":
        what = (
            f"e-mail over: {KINDS[found.kind].label.lower()}"
            if found.kind is not None
            else "het dagoverzicht per e-mail"
        )
        return cls(soort=found.kind, omschrijving=what, gebruikt=found.used)


class MailPreview(ApiModel):
    naam: str = Field(description="De soort melding, of dagoverzicht.")
    omschrijving: str
    onderwerp: str
    tekst: str = Field(description="Het tekstdeel van de e-mail.")
    html: str = Field(description="Het HTML-deel, met de opmaak in de elementen zelf.")
    headers: dict[str, str] = Field(description="Extra headers, zoals List-Unsubscribe.")


class MailPreviews(ApiModel):
    voorbeelden: list[MailPreview]
