"""Public shapes of the dashboard and the deficit trend."""

from datetime import date, datetime

from pydantic import Field

from api.core.opendata import Provenance
from api.core.schemas import ApiModel, CodeName
from api.progress.schemas import FiguresWithChange


class WaveMoment(ApiModel):
    nummer: int
    naam: str
    ingangsdatum: date
    dagen_tot_ingang: int = Field(description="Negatief: de fase geldt al zoveel dagen.")
    producten_gereed_op: date
    gepubliceerde_producten: int
    doel: float | None = Field(
        default=None,
        description="Doel van het programma (0-1): het deel van de combinaties van gemeente en "
        "maatregel in deze fase dat op de ingangsdatum geïmplementeerd is; leeg zonder doel.",
        examples=[0.9],
    )
    aandeel_geimplementeerd: float | None = Field(
        default=None,
        description="Het deel van deze combinaties dat nu geïmplementeerd of geëvalueerd is (0-1).",
    )
    aandeel_op_ingangsdatum: float | None = Field(
        default=None,
        description="Het deel dat geïmplementeerd of geëvalueerd was toen de fase inging (de "
        "stand aan het eind van de dag ervoor), waaraan het doel wordt gemeten; leeg zolang de "
        "fase niet geldt.",
    )
    doel_gehaald: bool | None = Field(
        default=None,
        description="Of het deel op de ingangsdatum het doel haalde; leeg zonder doel of zolang "
        "de fase niet geldt.",
    )


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
    landelijk: FiguresWithChange
    per_maatregel: list[FiguresWithChange]
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


class MunicipalityTrendPoint(ApiModel):
    peildatum: date
    cellen: int
    geimplementeerd: int = Field(description="Combinaties geïmplementeerd of geëvalueerd.")
    aandeel_geimplementeerd: float
    tekort: float | None = Field(description="Implementatietekort op die dag (0-1).")


class MunicipalityTrend(ApiModel):
    gemeente: CodeName
    peildatum: date
    laatst_bijgewerkt: datetime | None = Field(
        description="Wanneer de gemeente (of iemand namens haar) haar voortgang voor het laatst "
        "doorgaf; leeg als dat nog nooit gebeurde."
    )
    punten: list[MunicipalityTrendPoint] = Field(
        description="Het einde van elke maand, en vandaag."
    )
    herkomst: Provenance
