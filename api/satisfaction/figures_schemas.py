"""Public shapes of the satisfaction figures: the team's figures per touchpoint, grouping and
period, the suggestions from low scores, and the public overall satisfaction."""

from datetime import date, datetime
from typing import Any, Literal

from pydantic import Field

from api.core.opendata import Provenance
from api.core.schemas import ApiModel, CodeName, RequestModel
from api.signals.models import SignalKind, SignalStatus


def _too_few() -> Any:
    return Field(
        default=False,
        description="De groep telt te weinig respondenten (of is met andere af te leiden tot "
        "zo'n groep): er staan geen getallen, alleen 'te weinig antwoorden'.",
    )


class Period(ApiModel):
    code: str = Field(examples=["2026-Q3", "2026-09"])
    van: date
    tot: date


class ScoreCount(ApiModel):
    score: int = Field(ge=1, le=5)
    aantal: int


class Suppressible(ApiModel):
    te_weinig_antwoorden: bool = _too_few()
    toelichting: str | None = Field(
        default=None, description="'te weinig antwoorden' als de groep is weggelaten."
    )


class AnswerFigure(Suppressible):
    aantal_gevraagd: int | None = Field(
        description="Om een score gevraagd: verstuurde antwoorden, of aanwezigen bij een "
        "bijeenkomst."
    )
    aantal_beoordeeld: int | None
    responspercentage: float | None = Field(description="Beoordeeld / gevraagd (0-1).")
    gemiddelde: float | None = Field(description="Gemiddelde score (1-5).")
    verdeling: list[ScoreCount] | None = Field(description="Hoe vaak elke score is gegeven.")


class AnswerPoint(AnswerFigure):
    periode: str


class AnswerGroup(ApiModel):
    groep: CodeName
    totaal: AnswerFigure
    trend: list[AnswerPoint] = Field(description="Per periode, oudste eerst.")


class ProductFigure(Suppressible):
    aantal_stemmen: int | None
    aantal_nuttig: int | None
    aandeel_nuttig: float | None = Field(description="Nuttig / stemmen (0-1).")


class ProductPoint(ProductFigure):
    periode: str


class ProductGroup(ApiModel):
    groep: CodeName
    totaal: ProductFigure
    trend: list[ProductPoint]


class SurveyQuestionRef(ApiModel):
    id: int
    tekst: str
    contactpunt: str


class SurveyQuestionFigure(Suppressible):
    vraag: SurveyQuestionRef
    aantal: int | None = Field(description="Antwoorden op deze vraag.")
    gemiddelde: float | None
    verdeling: list[ScoreCount] | None


class SurveyFigure(Suppressible):
    aantal_uitgenodigd: int | None
    aantal_beantwoord: int | None
    responspercentage: float | None = Field(
        description="Beantwoorde uitnodigingen / uitnodigingen (0-1)."
    )
    vragen: list[SurveyQuestionFigure] = Field(description="Elke schaalvraag, in volgorde.")


class SurveyPoint(SurveyFigure):
    periode: str


class SurveyGroup(ApiModel):
    groep: CodeName
    totaal: SurveyFigure
    trend: list[SurveyPoint]


class SectionSource(ApiModel):
    bron: str = Field(description="Waar de cijfers vandaan komen.")
    peilmoment: datetime | None = Field(description="De laatst gegeven score in de gegevens.")
    berekend_op: datetime = Field(description="Wanneer deze cijfers zijn berekend.")
    versie: str = Field(description="De versie van de gegevens waaruit ze zijn berekend.")
    csv: str = Field(description="Dezelfde cijfers als CSV (puntkomma-gescheiden, UTF-8).")


class AnswersSection(ApiModel):
    herkomst: SectionSource
    groepen: list[AnswerGroup]


class ProductsSection(ApiModel):
    herkomst: SectionSource
    groepen: list[ProductGroup]


class SurveySection(ApiModel):
    herkomst: SectionSource
    groepen: list[SurveyGroup]


class EventsSection(ApiModel):
    herkomst: SectionSource
    groepen: list[AnswerGroup] = Field(
        description="Per groep de beoordelingen door aanwezigen, in de periode waarin de "
        "bijeenkomst plaatsvond; 'adviseur' is de organisator."
    )


TouchpointName = Literal["antwoorden", "producten", "peiling", "bijeenkomsten"]
GroupingName = Literal[
    "land", "maatregel", "thema", "fase", "provincie", "arbeidsmarktregio", "adviseur"
]


class LeftOut(ApiModel):
    contactpunt: TouchpointName
    reden: str


class SatisfactionFigures(ApiModel):
    groepering: GroupingName
    periode: Literal["maand", "kwartaal"]
    van: date
    tot: date
    adviseur: int | None = Field(description="Alleen de antwoorden van deze adviseur.")
    minimale_groepsgrootte: int
    perioden: list[Period]
    antwoorden: AnswersSection | None
    producten: ProductsSection | None
    peiling: SurveySection | None
    bijeenkomsten: EventsSection | None = Field(
        description="Hoe nuttig aanwezigen de bijeenkomsten vonden (score 1-5)."
    )
    niet_getoond: list[LeftOut] = Field(
        description="Contactpunten die bij deze groepering of filters niet te tonen zijn, en "
        "waarom."
    )


class LowScoreQuestion(ApiModel):
    id: int
    onderwerp: str
    score: int
    beoordeeld_op: datetime


class LowScoreProposal(ApiModel):
    titel: str
    omschrijving: str
    maatregelen: list[str]
    themas: list[str]


class LowScoreSuggestion(ApiModel):
    sleutel: str = Field(description="Blijft gelijk zolang de oudste score in de periode valt.")
    maatregel: CodeName
    gemiddelde: float
    aantal_beoordeeld: int
    van: date
    tot: date
    vragen: list[LowScoreQuestion] = Field(
        description="De laag (1 of 2) beoordeelde vragen: het bewijs van het signaal."
    )
    voorstel: LowScoreProposal


class LowScoreThresholds(ApiModel):
    gemiddelde_hoogstens: float
    minimaal_beoordeeld: int
    dagen: int


class LowScoreList(ApiModel):
    drempels: LowScoreThresholds
    resultaten: list[LowScoreSuggestion]


class LowScoreToSignal(RequestModel):
    """Wat anders moet dan het voorstel; de soort kiest de redactie."""

    soort: SignalKind
    titel: str | None = Field(default=None, min_length=5, max_length=200)
    omschrijving: str | None = Field(default=None, min_length=10, max_length=10_000)


class SignalMade(ApiModel):
    id: int
    titel: str
    status: SignalStatus
    aantal_vragen: int = Field(description="Vragen gekoppeld als bewijs.")


class PublicAnswerPoint(ApiModel):
    periode: str
    van: date
    tot: date
    te_weinig_antwoorden: bool = _too_few()
    aantal_beoordeeld: int | None
    gemiddelde: float | None


class PublicSurveyPoint(ApiModel):
    periode: str = Field(description="De periode van de peilingsronde.")
    titel: str
    vraag: str
    te_weinig_antwoorden: bool = _too_few()
    aantal: int | None
    gemiddelde: float | None
    responspercentage: float | None


class PublicSatisfaction(ApiModel):
    peildatum: date
    minimale_groepsgrootte: int
    peiling: list[PublicSurveyPoint] = Field(
        description="De algemene tevredenheid over de ondersteuning per gesloten peilingsronde."
    )
    antwoorden: list[PublicAnswerPoint] = Field(
        description="Hoe nuttig vraagstellers de antwoorden vonden, per kwartaal."
    )
    versie: str = Field(description="De versie van de gegevens waaruit ze zijn berekend.")
    berekend_op: datetime = Field(description="Wanneer deze cijfers zijn berekend.")
    herkomst: Provenance
