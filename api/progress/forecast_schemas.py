"""Public shapes of the forecast (docs/forecast.md)."""

from datetime import date
from typing import Literal

from pydantic import Field

from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel, CodeName
from api.progress.deadlines import TrafficLight
from api.progress.models import Phase


class CellForecastRead(ApiModel):
    gemeente: CodeName
    maatregel: CodeName
    ingangsdatum: date
    fase: Phase
    verkeerslicht: TrafficLight
    dagen_tot_ingang: int = Field(
        description="Dagen van de peildatum tot de ingangsdatum; negatief als die voorbij is."
    )
    kans: float = Field(
        ge=0,
        le=1,
        description=(
            "De kans (0–1) dat de maatregel aan het eind van de ingangsdatum nog niet "
            "geïmplementeerd is: 0 als hij dat al is, 1 als de ingangsdatum voorbij is en hij het "
            "nog niet is."
        ),
    )
    toelichting: str = Field(description="Waar de kans op rust, in gewone taal.")


class PhasePace(ApiModel):
    """Het tempo dat het model uit de geschiedenis leerde, per fase en stand."""

    fase: Phase
    stand: Literal["op-schema", "risico", "te-laat", "na-ingangsdatum"] = Field(
        description=(
            "De stand tegenover de routekaart: het verkeerslicht van die dag, of "
            "`na-ingangsdatum` als de ingangsdatum voorbij was."
        )
    )
    gemiddelde_dagen: float = Field(
        description="Gemiddeld aantal dagen in deze fase voor een volgende (met de voorkennis)."
    )
    overgangen: int = Field(description="Zoveel keer ging een gemeente zo naar een latere fase.")
    dagen: int = Field(description="Zoveel dagen stonden gemeenten samen zo.")


class ForecastList(ApiModel):
    peildatum: date
    resultaten: list[CellForecastRead] = Field(description="De hoogste kans eerst.")
    tempo: list[PhasePace] = Field(description="Het model achter de kansen.")
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class CalibrationBucket(ApiModel):
    van: float = Field(description="Ondergrens van de voorspelde kans (inclusief).")
    tot: float = Field(description="Bovengrens (exclusief; de laatste groep tot en met 1).")
    cellen: int
    voorspeld: float | None = Field(description="De gemiddelde voorspelde kans in deze groep.")
    waargenomen: float | None = Field(
        description="Het deel van deze groep dat inderdaad niet geïmplementeerd was."
    )


class Backtest(ApiModel):
    peildatum: date = Field(description="Vandaag: tot hier is gekeken wat er gebeurde.")
    voorspeld_op: date = Field(description="De dag waarvan de stand en de geschiedenis dienden.")
    doel: Literal["ingangsdatum", "vandaag"] = Field(
        description=(
            "`ingangsdatum`: de combinaties waarvan de ingangsdatum sindsdien voorbij is, of ze "
            "op die datum geïmplementeerd waren; `vandaag` (als dat er te weinig zijn): alle "
            "combinaties die toen nog niet geïmplementeerd waren, of ze dat vandaag zijn."
        )
    )
    cellen: int = Field(description="Combinaties die toen nog niet geïmplementeerd waren.")
    niet_gereed: int = Field(description="Daarvan op de doeldatum nog niet geïmplementeerd.")
    brier: float | None = Field(
        description="Gemiddelde van (voorspelde kans − uitkomst)²: 0 is perfect."
    )
    brier_basis: float | None = Field(
        description=(
            "De Brier-score van één kans voor iedereen (het waargenomen deel): ter vergelijking."
        )
    )
    kalibratie: list[CalibrationBucket] = Field(description="Per tiende van de kans.")
