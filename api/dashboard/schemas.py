"""Public shapes of the dashboard and the deficit trend."""

from datetime import date, datetime

from pydantic import Field

from api.core.opendata import Provenance
from api.core.schemas import ApiModel
from api.progress.schemas import GroupFigures


class WaveMoment(ApiModel):
    nummer: int
    naam: str
    ingangsdatum: date
    dagen_tot_ingang: int = Field(description="Negatief: de fase geldt al zoveel dagen.")
    producten_gereed_op: date
    gepubliceerde_producten: int


class NewProduct(ApiModel):
    id: int
    titel: str
    soort: str
    maatregelen: list[str]
    gepubliceerd_op: datetime


class NewFaq(ApiModel):
    id: int
    vraag: str
    maatregelen: list[str]
    gepubliceerd_op: datetime


class Dashboard(ApiModel):
    peildatum: date
    fasen: list[WaveMoment]
    volgende_ingangsdatum: date | None
    dagen_tot_volgende: int | None
    landelijk: GroupFigures
    per_maatregel: list[GroupFigures]
    nieuwste_producten: list[NewProduct]
    nieuwste_faq: list[NewFaq]
    herkomst: Provenance = Field(description="Herkomst van de voortgangscijfers.")


class TrendPoint(ApiModel):
    peildatum: date
    tekort: float | None = Field(description="Implementatietekort op die dag (0-1).")
    aandeel_geimplementeerd: float
    gemiddelde_achterstand_dagen: float | None


class Trend(ApiModel):
    peildatum: date
    punten: list[TrendPoint] = Field(description="Het einde van elke maand, en vandaag.")
    herkomst: Provenance
