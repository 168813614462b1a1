"""Public shapes of roadmaps, progress per municipality and measure, history and aggregates."""

from datetime import date, datetime

from pydantic import Field

from api.core.dates import BoundedDate, OptionalBoundedDate
from api.core.opendata import Provenance
from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel, CodeName, OptionalDate, RequestModel
from api.progress.causes import CauseKind
from api.progress.cells import CellChange
from api.progress.contact_schemas import LastContact
from api.progress.deadlines import TrafficLight
from api.progress.models import BlockerKind, Phase, Source
from api.progress.vocabulary import blocker_kind_choices

BLOCKER_KIND = (
    "Soort knelpunt, alleen naast een beschreven knelpunt: "
    f"{blocker_kind_choices()}. Leeg bij geen knelpunt en bij knelpunten van vóór de soorten."
)


class RoadmapStepRead(ApiModel):
    code: str = Field(examples=["impactanalyse"])
    titel: str
    omschrijving: str
    volgorde: int
    start_dagen: int = Field(
        description="Uiterste start in dagen t.o.v. de ingangsdatum (negatief: ervoor)."
    )
    einde_dagen: int = Field(description="Uiterste einde in dagen t.o.v. de ingangsdatum.")
    uiterste_start: date = Field(description="Berekend uit de huidige ingangsdatum.")
    uiterste_einde: date
    afhankelijk_van: list[str]
    raadsbesluit: bool = Field(description="Vraagt een besluit van de gemeenteraad.")


class Roadmap(ApiModel):
    maatregel: CodeName
    ingangsdatum: date
    stappen: list[RoadmapStepRead]
    versie: int = Field(
        description='De versie van de maatregel: stuur als If-Match "v<versie>" bij het '
        "vervangen van de routekaart (412 als iemand anders de maatregel of haar routekaart "
        "intussen wijzigde).",
        examples=[1],
    )


class RoadmapStepWrite(RequestModel):
    code: str = Field(pattern=r"^[a-z0-9-]{2,40}$")
    titel: str = Field(min_length=2, max_length=200)
    omschrijving: str = Field(default="", max_length=2000)
    start_dagen: int = Field(ge=-1500, le=1500)
    einde_dagen: int = Field(ge=-1500, le=1500)
    afhankelijk_van: list[str] = Field(default_factory=list, max_length=20)
    raadsbesluit: bool = False


class RoadmapWrite(RequestModel):
    stappen: list[RoadmapStepWrite] = Field(min_length=1, max_length=30)


class StepProgress(ApiModel):
    code: str
    titel: str
    uiterste_start: date
    uiterste_einde: date
    gereed_op: OptionalDate


class NextStep(ApiModel):
    code: str
    titel: str
    uiterste_start: date
    uiterste_einde: date


class ProgressRead(ApiModel):
    """Waar een gemeente staat met een maatregel, met berekende termijnen."""

    gemeente: CodeName
    maatregel: CodeName
    ingangsdatum: date
    fase: Phase
    gepland_livegang: OptionalDate
    notitie: str | None = Field(description="Alleen voor de gemeente zelf en het programmateam.")
    knelpunten: str | None
    knelpunt_soort: BlockerKind | None = Field(description=BLOCKER_KIND)
    stappen: list[StepProgress]
    moet_starten_op: OptionalDate = Field(description="Uiterste start van de eerste open stap.")
    speling: int | None = Field(description="Dagen tot 'moet starten op' vanaf de peildatum.")
    volgende_stap: NextStep | None
    verkeerslicht: TrafficLight
    bron: Source | None = Field(description="Wie de stand doorgaf: persoon, script of programma.")
    bijgewerkt_door: str | None
    bijgewerkt_op: datetime | None
    versie: int = Field(description="Versie van de stand; ook de ETag (If-Match bij wijzigen).")
    peildatum: date


class ProgressList(ApiModel):
    resultaten: list[ProgressRead]


class StepDone(RequestModel):
    stap: str = Field(pattern=r"^[a-z0-9-]{2,40}$")
    gereed_op: BoundedDate


class ProgressWrite(RequestModel):
    """De hele stand van een gemeente voor één maatregel (PUT vervangt alles)."""

    fase: Phase
    gepland_livegang: OptionalBoundedDate = None
    stappen_gereed: list[StepDone] = Field(default_factory=list, max_length=30)
    notitie: str | None = Field(default=None, max_length=5000)
    knelpunten: str | None = Field(default=None, max_length=5000)
    knelpunt_soort: BlockerKind | None = Field(
        default=None,
        description=f"{BLOCKER_KIND} Met een soort maar zonder knelpunten: 400. Weggelaten "
        "blijft de opgeslagen soort bij het knelpunt (zo wist een client die de soort nog niet "
        "kent hem niet); null maakt hem leeg, net als knelpunten leegmaken.",
    )

    def change(self) -> CellChange:
        """The whole state asked for: every field is set, so none keeps its stored value,
        except a kind left out. That field came later than the others: a client written
        before it replaces the state without knowing the kind, and must not erase it."""
        kind = (
            {"blocker_kind": self.knelpunt_soort}
            if "knelpunt_soort" in self.model_fields_set
            else {}
        )
        return CellChange(
            phase=self.fase,
            planned_go_live=self.gepland_livegang,
            steps_done={step.stap: step.gereed_op for step in self.stappen_gereed},
            note=self.notitie,
            blockers=self.knelpunten,
            **kind,
        )


class CellHistoryEntry(ApiModel):
    versie: int
    fase: Phase
    gepland_livegang: OptionalDate
    stappen_gereed: dict[str, str]
    wijzigingen: dict[str, object]
    bron: Source
    door: str
    tijdstip: datetime


class CellHistoryList(ApiModel):
    resultaten: list[CellHistoryEntry]


class GroupFigures(ApiModel):
    groep: CodeName
    cellen: int = Field(description="Aantal combinaties van gemeente en maatregel.")
    per_fase: dict[str, int]
    aandeel_geimplementeerd: float = Field(description="Deel geïmplementeerd of geëvalueerd (0-1).")
    risico: int
    te_laat: int
    tekort: float | None = Field(
        description="Implementatietekort: deel van de maatregelen die op de peildatum wettelijk "
        "gelden maar nog niet geïmplementeerd zijn (0-1); null als er nog geen gelden."
    )
    gemiddelde_achterstand_dagen: float | None = Field(
        description="Gemiddeld aantal dagen dat die maatregelen over hun ingangsdatum heen zijn."
    )


class Overview(ApiModel):
    peildatum: date
    groepering: str
    groepen: list[GroupFigures]
    herkomst: Provenance | None = Field(default=None, description="Bron, peilmoment, licentie.")


class PreviousFigures(ApiModel):
    """De stand aan het eind van de vorige maand: waar de verandering mee vergeleken wordt."""

    peildatum: date = Field(description="De laatste dag van de vorige maand.")
    sinds: date = Field(description="De eerste dag van deze maand: 'sinds 1 december'.")
    aandeel_geimplementeerd: float
    tekort: float | None
    te_laat: int
    risico: int


class FigureChange(ApiModel):
    """Nu min de vorige periode."""

    aandeel_geimplementeerd: float = Field(description="In procentpunten, op 0,1 afgerond.")
    tekort: float | None = Field(
        description="In procentpunten, op 0,1 afgerond; leeg als een van beide geen tekort heeft."
    )
    te_laat: int
    risico: int


class FiguresWithChange(GroupFigures):
    """De cijfers van een groep, met de stand aan het eind van de vorige maand en wat er sindsdien
    veranderde."""

    vorige_periode: PreviousFigures
    verandering: FigureChange


class OverviewGroup(GroupFigures):
    """A group's figures in the overview, beside the end of the previous month. Optional where
    the dashboard's `FiguresWithChange` is not: a group the past figures lack (which the grid,
    built with today's reference data, never gives) has no change rather than an error."""

    vorige_periode: PreviousFigures | None = Field(
        description="De stand aan het eind van de maand vóór de peildatum; leeg als de groep "
        "toen niet bestond."
    )
    verandering: FigureChange | None = Field(
        description="Nu min de vorige periode; leeg zonder vorige periode."
    )


class OverviewWithChange(ApiModel):
    peildatum: date
    groepering: str
    groepen: list[OverviewGroup]
    herkomst: Provenance | None = Field(default=None, description="Bron, peilmoment, licentie.")


class HelpCause(ApiModel):
    soort: CauseKind = Field(
        description="`voortgang`: de eigen voortgang op de routekaart; `ict`: de gemeente wacht "
        "op een release van haar leverancier die na de termijn valt."
    )
    verkeerslicht: TrafficLight
    toelichting: str = Field(
        examples=["Wacht op Inkomen van Rekenwerk: release 2027.1 gepland op 15 februari 2027."]
    )


class HelpNeeded(ApiModel):
    gemeente: CodeName
    maatregel: CodeName
    ingangsdatum: date
    fase: Phase
    verkeerslicht: TrafficLight = Field(
        description="Het dringendste van de oorzaken; de eigen voortgang staat bij `oorzaken`."
    )
    oorzaken: list[HelpCause] = Field(description="Waarom: de dringendste eerst.")
    speling: int | None
    volgende_stap: NextStep | None
    contactpersonen: list[CodeName]
    laatste_contact: LastContact | None = Field(
        description="Het laatste contactmoment van het programmateam over deze combinatie."
    )


class HelpList(ApiModel):
    peildatum: date
    resultaten: list[HelpNeeded] = Field(description="De meest dringende eerst.")
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")
