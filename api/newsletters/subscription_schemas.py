"""Public shapes of subscribing to the nieuwsbrief: signing up, confirming, the subscription as
its holder sees it, and the export of everything held about an address."""

from datetime import datetime
from typing import Annotated

from pydantic import Field

from api.accounts.schemas import EMAIL_PATTERN
from api.core.schemas import ApiModel, RequestModel
from api.newsletters.models import Subscriber, SubscriberStatus
from api.newsletters.subscriptions import Choices, Export

MeasureCode = Annotated[str, Field(min_length=1, max_length=20)]
ThemeCode = Annotated[str, Field(min_length=1, max_length=80)]
WaveNumber = Annotated[int, Field(ge=0, le=1000)]


class ChoicesUpdate(RequestModel):
    alles: bool | None = Field(
        default=None,
        description="true: de hele nieuwsbrief; false: alleen wat over de gekozen maatregelen, "
        "thema's en golven gaat. Weggelaten: alles als er niets gekozen is, anders de keuze.",
    )
    maatregelen: list[MeasureCode] = Field(
        default_factory=list, max_length=50, description="Codes van maatregelen, zoals M01."
    )
    themas: list[ThemeCode] = Field(default_factory=list, max_length=50)
    golven: list[WaveNumber] = Field(
        default_factory=list, max_length=20, description="Nummers van golven (fasen)."
    )

    def choices(self) -> Choices:
        return Choices(self.alles, list(self.maatregelen), list(self.themas), list(self.golven))


class SignupCreate(ChoicesUpdate):
    email: str = Field(max_length=254, pattern=EMAIL_PATTERN, examples=["naam@gemeente.nl"])


class SignupAccepted(ApiModel):
    melding: str = Field(description="Hetzelfde antwoord voor elk adres, bekend of niet.")


class ConfirmRequest(RequestModel):
    token: str = Field(
        min_length=20,
        max_length=100,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="De code uit de bevestigingslink (na #token=).",
    )


class SubscriptionRead(ApiModel):
    email: str
    status: SubscriberStatus = Field(
        description="onbevestigd: wacht op de bevestigingslink; actief: krijgt de nieuwsbrief; "
        "afgemeld: krijgt niets meer."
    )
    alles: bool
    maatregelen: list[str]
    themas: list[str]
    golven: list[int]
    via_account: bool = Field(description="Aangemeld vanuit een Spoorboek-account.")
    aangemeld_op: datetime
    bevestigd_op: datetime | None
    afgemeld_op: datetime | None

    @classmethod
    def of(cls, s: Subscriber) -> "SubscriptionRead":
        return cls(
            email=s.email,
            status=s.status,
            alles=s.everything,
            maatregelen=list(s.measures),
            themas=list(s.themes),
            golven=list(s.waves),
            via_account=s.user_id is not None,
            aangemeld_op=s.created_at,
            bevestigd_op=s.confirmed_at,
            afgemeld_op=s.unsubscribed_at,
        )


class DeliveryExport(ApiModel):
    editie: int
    titel: str
    verzonden_op: datetime
    onbestelbaar_op: datetime | None
    reden_onbestelbaar: str | None


class SignupCount(ApiModel):
    aantal: int = Field(description="Aanmeldingen voor dit adres in de lopende periode.")
    sinds: datetime


class MailExport(ApiModel):
    onderwerp: str
    klaargezet_op: datetime = Field(description="Wanneer de mail in de wachtrij kwam.")
    verzonden_op: datetime | None = Field(
        description="Wanneer de mailserver hem aannam; null zolang hij nog wacht."
    )


class SubscriptionExport(ApiModel):
    abonnement: SubscriptionRead
    verzonden: list[DeliveryExport] = Field(description="Welke edities naar dit adres gingen.")
    mails: list[MailExport] = Field(
        description="De mails van de nieuwsbrief aan dit adres (bevestiging, edities): alleen "
        "wanneer en met welk onderwerp; de inhoud bewaren wij na verzending niet."
    )
    aanmeldingen: SignupCount | None
    toelichting: str

    @classmethod
    def of(cls, export: Export) -> "SubscriptionExport":
        throttle = export.signups
        return cls(
            abonnement=SubscriptionRead.of(export.subscriber),
            verzonden=[
                DeliveryExport(
                    editie=edition.id,
                    titel=edition.title,
                    verzonden_op=delivery.sent_at,
                    onbestelbaar_op=delivery.bounced_at,
                    reden_onbestelbaar=delivery.bounce_reason,
                )
                for delivery, edition in export.deliveries
            ],
            mails=[
                MailExport(onderwerp=m.subject, klaargezet_op=m.created_at, verzonden_op=m.sent_at)
                for m in export.mails
            ],
            aanmeldingen=(
                SignupCount(aantal=throttle.count, sinds=throttle.window_started_at)
                if throttle is not None
                else None
            ),
            toelichting=(
                "Dit is alles wat Spoorboek over dit adres voor de nieuwsbrief bewaart. De "
                "geheime codes in de links van e-mails bewaren wij alleen onherleidbaar "
                "(als hash). Wij houden niet bij of u e-mail opent of op links klikt."
            ),
        )
