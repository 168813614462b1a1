"""Request and response shapes of the editions and the public archive."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel, RequestModel

SectionKind = Literal[
    "nieuwe-producten",
    "bijgewerkte-producten",
    "vragen",
    "bijeenkomsten",
    "termijnen",
    "voortgang",
    "signalen",
    "eigen",
]
MeasureCode = Annotated[str, Field(pattern=r"^M\d{2}$")]
ThemeCode = Annotated[str, Field(pattern=r"^[a-z0-9-]{2,80}$")]
WaveNumber = Annotated[int, Field(ge=1, le=99)]
WebLink = Annotated[
    str,
    Field(
        max_length=2000,
        pattern=r"^(https?://[^\s]+|mailto:[^\s]+)$",
        description="Een webadres (http, https) of mailto:.",
    ),
]
EditionStatusName = Literal["concept", "gepland", "verzenden", "verzonden"]


class AboutIn(RequestModel):
    maatregelen: list[MeasureCode] = Field(default_factory=list, max_length=100)
    themas: list[ThemeCode] = Field(default_factory=list, max_length=100)
    golven: list[WaveNumber] = Field(default_factory=list, max_length=20)


class ItemIn(AboutIn):
    titel: str = Field(min_length=1, max_length=1000)
    tekst: str = Field(default="", max_length=10_000, description="Markdown.")
    link: WebLink | None = None


class SectionIn(AboutIn):
    """Names no measures, themes or waves: about everything, for every subscriber."""

    soort: SectionKind
    titel: str = Field(min_length=1, max_length=200)
    tekst: str = Field(default="", max_length=10_000, description="Markdown.")
    items: list[ItemIn] = Field(default_factory=list, max_length=200)


# What is stored is shown as it is: a draft filled from other domains is not held to the limits
# of what an editor may send.
class Item(ApiModel):
    titel: str
    tekst: str = ""
    link: str | None = None
    maatregelen: list[str] = Field(default_factory=list)
    themas: list[str] = Field(default_factory=list)
    golven: list[int] = Field(default_factory=list)


class Section(ApiModel):
    soort: str
    titel: str
    tekst: str = ""
    items: list[Item] = Field(default_factory=list)
    maatregelen: list[str] = Field(default_factory=list)
    themas: list[str] = Field(default_factory=list)
    golven: list[int] = Field(default_factory=list)


class EditionCreate(RequestModel):
    titel: str = Field(min_length=1, max_length=200)


class EditionUpdate(RequestModel):
    """Only what is sent changes; `secties` replaces all sections (in this order)."""

    titel: str | None = Field(default=None, min_length=1, max_length=200)
    inleiding: str | None = Field(default=None, max_length=20_000, description="Markdown.")
    secties: list[SectionIn] | None = Field(default=None, max_length=50)


class ScheduleBody(RequestModel):
    verzenden_op: datetime = Field(description="Niet in het verleden; met tijdzone.")


class EditionSummary(ApiModel):
    id: int
    titel: str
    status: EditionStatusName
    periode_vanaf: datetime | None
    verzenden_op: datetime | None
    verzonden_op: datetime | None
    gewijzigd_op: datetime


class Sending(ApiModel):
    """How far the sending is; `ontvangers` = `verzonden` + `zonderMail` + `nogTeVerzenden`."""

    ontvangers: int = Field(
        description="Actieve abonnees naar wie de editie gaat of ging (wie zich tijdens het "
        "verzenden aanmeldt, telt mee; wie zich afmeldt voordat zij aan de beurt is niet)."
    )
    verzonden: int = Field(description="Abonnees van wie de mail in de wachtrij (outbox) kwam.")
    zonder_mail: int = Field(
        description="Abonnees voor wie de editie niets had (geen sectie over hun keuze en geen "
        "inleiding): zij kregen geen mail."
    )
    nog_te_verzenden: int = Field(description="Abonnees die nog aan de beurt komen; 0 na afloop.")
    onbestelbaar: int = Field(
        description="Van de verzonden mails: door de mailserver voorgoed geweigerd."
    )


class EditionDetail(EditionSummary):
    inleiding: str
    secties: list[Section]
    versie: int
    aangemaakt_op: datetime
    verzending: Sending | None = Field(
        description="De cijfers van het verzenden, vanaf het moment dat het begon (status "
        "verzenden of verzonden); null bij een concept of een geplande editie. Ze veranderen "
        "zonder nieuwe versie: de ETag is er voor If-Match, de cijfers worden nooit bewaard "
        "door een cache."
    )


class EditionPage(ApiModel):
    resultaten: list[EditionSummary]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class Preview(ApiModel):
    vorm: Literal["web", "mail", "tekst"]
    onderwerp: str
    html: str | None = Field(description="web: een HTML-fragment; mail: de hele HTML-mail.")
    tekst: str | None = Field(description="tekst: het platte-tekstdeel van de mail.")


class TestMail(ApiModel):
    aan: str = Field(description="Het adres waar de testmail heen gaat: uw eigen.")


class ArchiveSummary(ApiModel):
    id: int
    titel: str
    verzonden_op: datetime
    link: str = Field(description="De editie op de website.")


class ArchivePage(ApiModel):
    resultaten: list[ArchiveSummary]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class ArchiveEdition(ArchiveSummary):
    periode_vanaf: datetime | None
    html: str = Field(description="De hele editie als HTML-fragment, opgeschoond.")
