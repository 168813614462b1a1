"""Public shapes of waves, themes, impact areas and measures."""

from datetime import date

from pydantic import Field

from api.core.dates import OptionalBoundedDate
from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel, CodeName, RequestModel, SelfLinks
from api.measures.models import Confidence, Obligation


class WaveRef(ApiModel):
    nummer: int
    naam: str


class WaveRead(ApiModel):
    """Fase: een groep maatregelen met één wettelijke ingangsdatum."""

    nummer: int = Field(description="Volgnummer van de fase.", examples=[1])
    naam: str
    ingangsdatum: date = Field(description="Wettelijke ingangsdatum van de fase.")
    toepasbaar_vanaf: date = Field(
        description="Datum vanaf wanneer gemeenten de maatregelen mogen toepassen (gedoogjaar)."
    )
    producten_gereed_op: date = Field(
        description="Datum waarop de implementatieproducten van deze fase klaar moeten zijn."
    )
    toelichting: str
    aantal_maatregelen: int
    doel: int | None = Field(
        description="Doel van het programma: het percentage van de combinaties van gemeente en "
        "maatregel in deze fase dat op de ingangsdatum geïmplementeerd is (0-100); leeg als "
        "er geen doel is.",
        examples=[90],
    )
    versie: int = Field(
        description='Stuur als If-Match "v<versie>" bij een wijziging van de fase (412 als '
        "iemand anders haar intussen wijzigde)."
    )
    links: SelfLinks = Field(alias="_links")


class ThemeRead(ApiModel):
    """Thema: een groepering van maatregelen."""

    code: str = Field(examples=["aanvraagprocedure"])
    naam: str
    volgorde: int
    aantal_maatregelen: int
    links: SelfLinks = Field(alias="_links")


class ImpactAreaRead(ApiModel):
    """Impactgebied: waar in de gemeente een maatregel iets verandert."""

    code: str = Field(examples=["ict"])
    naam: str
    volgorde: int


class SourceRead(ApiModel):
    code: str = Field(examples=["S1"])
    titel: str
    url: str | None


class MeasureRead(ApiModel):
    """Maatregel van spoor 1 van Participatiewet in balans."""

    code: str = Field(description="Code M01 tot en met M23.", examples=["M01"])
    titel: str = Field(examples=["Giftenvrijlating"])
    samenvatting: str = Field(description="Wat de maatregel verandert, in eigen woorden.")
    artikelen: list[str] = Field(
        description="Artikelen van de Participatiewet.", examples=[["Pw 31(2)(m)"]]
    )
    fase: WaveRef
    thema: CodeName
    ingangsdatum: date = Field(description="Datum waarop de maatregel wettelijk ingaat.")
    toepasbaar_vanaf: date = Field(description="Datum vanaf wanneer gemeenten hem mogen toepassen.")
    verplichting: Obligation = Field(description="Of de gemeente moet (verplicht) of mag.")
    impactgebieden: list[CodeName]
    betrouwbaarheid: Confidence = Field(
        description="Hoe vast de gegevens staan: wet (gelezen in de wettekst), secundair "
        "(ministerie, VNG, Divosa, pers) of afgeleid."
    )
    bronnen: list[SourceRead]
    versie: int = Field(
        description='Stuur als If-Match "v<versie>" bij een wijziging van de maatregel of van '
        "haar routekaart (412 als iemand anders een van beide intussen wijzigde).",
        examples=[1],
    )
    links: SelfLinks = Field(alias="_links")


class MeasurePage(ApiModel):
    resultaten: list[MeasureRead]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class WaveList(ApiModel):
    resultaten: list[WaveRead]


class ThemeList(ApiModel):
    resultaten: list[ThemeRead]


class ImpactAreaList(ApiModel):
    resultaten: list[ImpactAreaRead]


class MeasureUpdate(RequestModel):
    """Wat de redactie van een maatregel kan corrigeren. Een lege ingangsdatum volgt de fase."""

    titel: str | None = Field(default=None, min_length=3, max_length=200)
    samenvatting: str | None = Field(default=None, min_length=1, max_length=5000)
    artikelen: list[str] | None = Field(default=None, max_length=20)
    thema: str | None = Field(default=None, pattern=r"^[a-z0-9-]{1,80}$")
    fase: int | None = Field(default=None, ge=1, le=99)
    ingangsdatum: OptionalBoundedDate = None
    toepasbaar_vanaf: OptionalBoundedDate = None
    verplichting: Obligation | None = None
    betrouwbaarheid: Confidence | None = None


class WaveUpdate(RequestModel):
    naam: str | None = Field(default=None, min_length=3, max_length=200)
    ingangsdatum: OptionalBoundedDate = None
    toepasbaar_vanaf: OptionalBoundedDate = None
    producten_gereed_op: OptionalBoundedDate = None
    toelichting: str | None = Field(default=None, max_length=2000)
    doel: int | None = Field(
        default=None,
        ge=0,
        le=100,
        strict=True,
        description="Percentage geïmplementeerd op de ingangsdatum dat het programma nastreeft; "
        "null: geen doel.",
    )
