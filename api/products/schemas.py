"""Public shapes of products, versions, files, reviews, the change feed and the delivery plan."""

from datetime import date, datetime

from pydantic import Field

from api.core.dates import OptionalBoundedDate
from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel, CodeName, OptionalDate, RequestModel, RowId, SelfLinks
from api.products.models import Audience, ProductStatus, ProductType, Verdict


class FileRead(ApiModel):
    id: int
    naam: str
    mediatype: str | None
    grootte: int | None = Field(description="Grootte in bytes.")
    sha256: str | None = Field(description="SHA-256 van de inhoud; ook de ETag bij downloaden.")
    externe_url: str | None
    download: str | None = Field(description="Pad om het bestand te downloaden.")


class VersionRead(ApiModel):
    nummer: int
    wijzigingsnotitie: str
    gepubliceerd_op: datetime | None
    bestanden: list[FileRead]


class ProductRead(ApiModel):
    """Implementatieproduct. Velden die de vrager niet mag zien zijn null."""

    id: int
    soort: ProductType
    titel: str
    samenvatting: str
    maatregelen: list[CodeName]
    fasen: list[int] = Field(description="Fasen van de maatregelen die het product dient.")
    doelgroepen: list[Audience]
    uitgevers: list[CodeName]
    taalniveau: str | None = Field(description="Taalniveau, bijvoorbeeld B1 voor inwoners.")
    licentie: str
    status: ProductStatus
    gepland_datum: OptionalDate = Field(
        description="Geplande opleverdatum (ook zichtbaar voor partners met producten:lezen)."
    )
    uiterste_leverdatum: OptionalDate = Field(
        description="Vroegste 'producten gereed'-datum van de fasen van zijn maatregelen."
    )
    gepubliceerde_versie: VersionRead | None
    conceptversie: VersionRead | None = Field(description="Alleen voor de redactie en toetsers.")
    actualiteit_controleren: bool | None = Field(
        description="Een maatregel veranderde na publicatie; de redactie moet dit nakijken."
    )
    actualiteit_reden: str | None
    eigenaar: CodeName | None
    gewijzigd_op: datetime
    fragment: str | None = Field(
        default=None, description="Bij zoeken: tekst rond de treffers, met <mark>-markering."
    )
    links: SelfLinks = Field(alias="_links")


class ProductPage(ApiModel):
    resultaten: list[ProductRead]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class ProductWrite(RequestModel):
    """Velden die de redactie zet bij aanmaken of wijzigen."""

    soort: ProductType
    titel: str = Field(min_length=3, max_length=300)
    samenvatting: str = Field(min_length=1, max_length=5000)
    maatregelen: list[str] = Field(min_length=1, max_length=23)
    doelgroepen: list[Audience] = Field(min_length=1)
    uitgevers: list[str] = Field(default_factory=list, max_length=10)
    taalniveau: str | None = Field(default=None, pattern=r"^(A1|A2|B1|B2|C1|C2)$")
    licentie: str = Field(default="CC-BY-4.0", max_length=40)
    gepland_datum: OptionalBoundedDate = None
    eigenaar_id: RowId | None = None


class ProductCreate(ProductWrite):
    """Een nieuw product: dezelfde velden die de redactie later kan wijzigen."""


class ProductUpdate(RequestModel):
    soort: ProductType | None = None
    titel: str | None = Field(default=None, min_length=3, max_length=300)
    samenvatting: str | None = Field(default=None, min_length=1, max_length=5000)
    maatregelen: list[str] | None = Field(default=None, min_length=1, max_length=23)
    doelgroepen: list[Audience] | None = Field(default=None, min_length=1)
    uitgevers: list[str] | None = Field(default=None, max_length=10)
    taalniveau: str | None = Field(default=None, pattern=r"^(A1|A2|B1|B2|C1|C2)$")
    licentie: str | None = Field(default=None, max_length=40)
    gepland_datum: OptionalBoundedDate = None
    eigenaar_id: RowId | None = None


class Transition(RequestModel):
    naar: ProductStatus
    toelichting: str | None = Field(default=None, max_length=2000)
    wijzigingsnotitie: str | None = Field(
        default=None, max_length=2000, description="Verplicht bij een nieuwe versie."
    )


class FreshnessConfirmation(RequestModel):
    actueel: bool = Field(description="true: het product klopt nog na de wijziging.")
    toelichting: str | None = Field(default=None, max_length=2000)


class ExternalLink(RequestModel):
    naam: str = Field(min_length=1, max_length=255)
    url: str = Field(pattern=r"^https://[^\s]{4,990}$", max_length=1000)


class ReviewInvite(RequestModel):
    toetser_id: RowId = Field(description="Id van een gemeentelijke contactpersoon.")


class ReviewVerdict(RequestModel):
    oordeel: Verdict
    opmerkingen: str | None = Field(default=None, max_length=5000)


class ReviewRead(ApiModel):
    id: int
    product_id: int
    product_titel: str
    versie: int
    toetser: CodeName
    uitgenodigd_op: datetime
    oordeel: Verdict | None
    opmerkingen: str | None
    beantwoord_op: datetime | None


class ReviewList(ApiModel):
    resultaten: list[ReviewRead]


class ChangeRead(ApiModel):
    volgnummer: int = Field(description="Cursor: geef de hoogste terug als `sinds`.")
    product_id: int
    soort: str = Field(examples=["status:gepubliceerd"])
    tijdstip: datetime
    product: ProductRead | None = Field(
        description="Huidige stand, of null als het product niet (meer) zichtbaar is."
    )


class ChangeFeed(ApiModel):
    wijzigingen: list[ChangeRead]
    volgende_cursor: int = Field(description="Gebruik als `sinds` in de volgende aanroep.")
    meer: bool = Field(description="Er zijn meer wijzigingen dan deze pagina.")


class ProductHistoryEntry(ApiModel):
    volgnummer: int
    soort: str
    door: str
    tijdstip: datetime
    details: dict[str, object]


class ProductHistoryList(ApiModel):
    resultaten: list[ProductHistoryEntry]


class PlannedProduct(ApiModel):
    id: int
    titel: str
    soort: ProductType
    status: ProductStatus
    uiterste_leverdatum: date
    te_laat: bool


class MeasurePlan(ApiModel):
    maatregel: CodeName
    aanwezige_soorten: list[ProductType]
    ontbrekende_soorten: list[ProductType]
    te_laat: list[PlannedProduct]


class WavePlan(ApiModel):
    fase: int
    naam: str
    producten_gereed_op: date
    maatregelen: list[MeasurePlan]


class DeliveryPlan(ApiModel):
    peildatum: date
    verwachte_soorten: list[ProductType]
    fasen: list[WavePlan]
    binnenkort: list[PlannedProduct] = Field(
        description="Niet gepubliceerd, uiterlijk binnen N weken."
    )


class Following(ApiModel):
    volgt: bool = Field(
        description="Of u dit product volgt: dan krijgt u een melding als er een nieuwe versie "
        "is gepubliceerd."
    )
