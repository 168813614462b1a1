"""Public shapes of ICT readiness (Dutch on the wire, lowerCamelCase)."""

from datetime import date, datetime

from pydantic import Field, model_validator

from api.core.dates import OptionalBoundedDate
from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel, CodeName, OptionalDate, RequestModel, RowId, SelfLinks
from api.ict.consequences import IctVerdict
from api.ict.models import ChangeSource, Domain, ReadinessStatus

DATED = (ReadinessStatus.PLANNED, ReadinessStatus.AVAILABLE)

# Suppliers and applications


class SupplierRead(ApiModel):
    """Een softwareleverancier: een organisatie van de soort leverancier."""

    code: str = Field(examples=["demo-rekenwerk"])
    naam: str
    cijfers_openbaar: bool = Field(
        description="De leverancier stemde ermee in dat het publiek haar cijfers onder eigen "
        "naam ziet; anders telt zij alleen mee in het totaal van de overige leveranciers."
    )
    applicaties: int = Field(description="Aantal applicaties van deze leverancier.")
    demo: bool
    links: SelfLinks = Field(alias="_links")


class SupplierListItem(SupplierRead):
    open_signalen: int = Field(
        description="Open signalen (nog niet teruggekoppeld of afgewezen) die deze leverancier "
        "noemen, zoals het register met open=true&leverancier=<code> ze telt."
    )


class SupplierList(ApiModel):
    resultaten: list[SupplierListItem]


class SupplierChange(RequestModel):
    cijfers_openbaar: bool


class ApplicationRef(ApiModel):
    id: int
    naam: str
    leverancier: CodeName


class ApplicationRead(ApiModel):
    """Een applicatie (softwarepakket) van een leverancier, met de domeinen die zij bedient."""

    id: int
    naam: str = Field(examples=["Rekenwerk Inkomen (demo)"])
    leverancier: CodeName
    domeinen: list[Domain]
    gemeenten: int = Field(description="Aantal gemeenten dat haar voor minstens één domein noemt.")
    demo: bool
    links: SelfLinks = Field(alias="_links")


class ApplicationPage(ApiModel):
    resultaten: list[ApplicationRead]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class ApplicationCreate(RequestModel):
    naam: str = Field(min_length=1, max_length=200)
    leverancier: str = Field(pattern=r"^[a-z0-9-]{2,60}$")
    domeinen: list[Domain] = Field(min_length=1, max_length=4)


class ApplicationChange(RequestModel):
    naam: str | None = Field(default=None, min_length=1, max_length=200)
    domeinen: list[Domain] | None = Field(default=None, min_length=1, max_length=4)


# Which application a municipality uses


class UsageRead(ApiModel):
    domein: Domain
    applicatie: ApplicationRef | None = Field(description="null: geen applicatie opgegeven.")
    gewijzigd_op: datetime | None
    versie: int = Field(
        description='Stuur als If-Match "v<versie>" bij een wijziging van dit domein; 0 '
        "zolang er geen applicatie is opgegeven."
    )


class MunicipalApplications(ApiModel):
    gemeente: CodeName
    domeinen: list[UsageRead] = Field(description="Elk domein, in vaste volgorde.")


class UsageChoice(RequestModel):
    applicatie: RowId | None = Field(
        description="De applicatie voor dit domein; null haalt de opgave weg."
    )


class UsageChangeRead(ApiModel):
    domein: Domain
    applicatie: ApplicationRef | None
    bron: ChangeSource
    door: str = Field(description="Wie het wijzigde: user:<id>, client:<id> of system.")
    op: datetime


class UsageHistory(ApiModel):
    gemeente: CodeName
    resultaten: list[UsageChangeRead]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class ImportReport(ApiModel):
    rijen: int
    nieuwe_applicaties: int
    gewijzigd: int
    ongewijzigd: int
    gecontroleerd: bool = Field(description="true: alleen gecontroleerd, niets opgeslagen.")


# Measures that need software, and readiness


class SoftwareMeasureRead(ApiModel):
    maatregel: CodeName
    software_nodig: bool
    versie: int = Field(description='Stuur als If-Match "v<versie>" bij een wijziging.')


class SoftwareMeasureList(ApiModel):
    resultaten: list[SoftwareMeasureRead]


class SoftwareMeasureChange(RequestModel):
    software_nodig: bool


class ReadinessRead(ApiModel):
    applicatie: ApplicationRef
    maatregel: CodeName
    status: ReadinessStatus | None = Field(description="null: nog niets gemeld.")
    release: str | None
    datum: OptionalDate = Field(description="Geplande datum (gepland) of datum (beschikbaar).")
    bron: ChangeSource | None
    door: str | None
    gewijzigd_op: datetime | None
    versie: int = Field(description="0 zolang niets gemeld is.")


class ReadinessList(ApiModel):
    applicatie: ApplicationRef
    resultaten: list[ReadinessRead] = Field(
        description="Elke maatregel die software vraagt, gemeld of niet."
    )


class ReadinessReport(RequestModel):
    """gepland en beschikbaar vragen een release en een datum; de andere statussen geen."""

    status: ReadinessStatus
    release: str | None = Field(default=None, min_length=1, max_length=100)
    datum: OptionalBoundedDate = None

    @model_validator(mode="after")
    def _dated_when_planned(self) -> "ReadinessReport":
        if self.status in DATED and (self.release is None or self.datum is None):
            raise ValueError(f"Bij status {self.status} horen een release en een datum.")
        if self.status not in DATED and self.datum is not None:
            raise ValueError(f"Bij status {self.status} hoort geen datum.")
        return self


class ReadinessChangeRead(ApiModel):
    status: ReadinessStatus
    release: str | None
    datum: OptionalDate
    bron: ChangeSource
    door: str
    op: datetime


class ReadinessHistory(ApiModel):
    applicatie: ApplicationRef
    maatregel: CodeName
    resultaten: list[ReadinessChangeRead]


# What municipalities wait for


class WaitRead(ApiModel):
    applicatie: ApplicationRef
    status: ReadinessStatus | None
    release: str | None
    datum: OptionalDate
    oordeel: IctVerdict


class WaitingMunicipality(ApiModel):
    gemeente: CodeName
    inwoners: int
    moet_starten_op: date | None = Field(description="Uiterste start van de eerste open stap.")
    oordeel: IctVerdict = Field(description="Het ernstigste oordeel over deze leverancier.")
    wacht_op: list[WaitRead]


class SupplierWaiters(ApiModel):
    leverancier: CodeName
    gemeenten: int
    inwoners: int
    te_laat: int
    risico: int
    resultaten: list[WaitingMunicipality]


class MeasureWaiters(ApiModel):
    maatregel: CodeName
    ingangsdatum: date
    software_nodig: bool
    peildatum: date
    leveranciers: list[SupplierWaiters]


class Counts(ApiModel):
    gemeenten: int = Field(description="Gemeenten die op deze leverancier wachten.")
    inwoners: int = Field(description="Inwoners van die gemeenten.")
    te_laat: int = Field(description="Gemeente × maatregel te laat door ICT.")
    risico: int = Field(description="Gemeente × maatregel met risico door ICT.")
    onbekend: int = Field(description="Gemeente × maatregel die wacht zonder datum.")


class SupplierMeasureReadiness(ApiModel):
    maatregel: CodeName
    ingangsdatum: date
    applicaties: list[ReadinessRead]
    cijfers: Counts


class SignalRef(ApiModel):
    id: int
    titel: str


class SupplierSignals(ApiModel):
    aantal: int = Field(
        description="Open signalen (nog niet teruggekoppeld of afgewezen) die deze leverancier "
        "noemen, zoals het register met open=true&leverancier=<code> ze telt."
    )
    laatste: list[SignalRef] = Field(description="De nieuwste drie, nieuwste eerst.")


class SupplierOverview(ApiModel):
    leverancier: CodeName
    peildatum: date
    cijfers_openbaar: bool
    totaal: Counts
    maatregelen: list[SupplierMeasureReadiness]
    open_signalen: SupplierSignals | None = Field(
        description="Alleen voor de redactie; null voor de koppeling van de leverancier zelf, "
        "die geen signalen ziet."
    )


class MunicipalWait(ApiModel):
    maatregel: CodeName
    ingangsdatum: date
    moet_starten_op: date | None
    oordeel: IctVerdict
    wacht_op: list[WaitRead]


class MunicipalIct(ApiModel):
    gemeente: CodeName
    peildatum: date
    applicaties: list[UsageRead]
    wacht_op: list[MunicipalWait] = Field(
        description="Elke maatregel die software vraagt en waarop de gemeente wacht."
    )


class PublicSupplierFigures(ApiModel):
    leverancier: CodeName | None = Field(
        description="null: de leveranciers die niet instemden met cijfers onder eigen naam."
    )
    leveranciers: int = Field(description="Aantal leveranciers in deze regel.")
    cijfers: Counts


class PublicFigures(ApiModel):
    peildatum: date
    resultaten: list[PublicSupplierFigures]
    totaal: Counts
