"""Public shapes of the knelpuntenregister: signals, their evidence, history and the public
view. A reporter's name appears only in the shapes the programme team sees."""

from datetime import datetime

from pydantic import Field

from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel, CodeName, RequestModel, RowId
from api.signals.models import Body, Outcome, ReporterKind, SignalKind, SignalStatus

MUNICIPALITY = r"^GM\d{4}$"
MEASURE = r"^M\d{2}$"
ORGANISATION = r"^[a-z0-9-]{2,60}$"
SUPPLIER_DESCRIPTION = (
    "De softwareleverancier waarover het signaal gaat: de code van een organisatie van de soort "
    "leverancier; alleen bij de soort ict-en-leveranciers."
)


class SignalCreate(RequestModel):
    titel: str = Field(min_length=5, max_length=200)
    omschrijving: str = Field(min_length=10, max_length=10_000)
    soort: SignalKind
    maatregelen: list[str] = Field(default_factory=list, max_length=23)
    themas: list[str] = Field(default_factory=list, max_length=20)
    gemeente: str | None = Field(
        default=None,
        pattern=MUNICIPALITY,
        description="Een contactpersoon van meer gemeenten kiest namens welke zij meldt.",
    )
    leverancier: str | None = Field(
        default=None, pattern=ORGANISATION, description=SUPPLIER_DESCRIPTION
    )


class SignalUpdate(RequestModel):
    titel: str | None = Field(default=None, min_length=5, max_length=200)
    omschrijving: str | None = Field(default=None, min_length=10, max_length=10_000)
    soort: SignalKind | None = None
    maatregelen: list[str] | None = Field(default=None, max_length=23)
    themas: list[str] | None = Field(default=None, max_length=20)
    leverancier: str | None = Field(
        default=None,
        pattern=ORGANISATION,
        description=SUPPLIER_DESCRIPTION + " null haalt de leverancier weg.",
    )
    openbaar: bool | None = Field(
        default=None,
        description="Tonen in het openbare register (na een controle op persoonsgegevens).",
    )


class SignalTransition(RequestModel):
    naar: SignalStatus
    aan: Body | None = Field(default=None, description="Verplicht bij 'doorgezet'.")
    tekst: str | None = Field(
        default=None,
        min_length=3,
        max_length=20_000,
        description="Wat is doorgezet (doorgezet), de reactie (reactie-ontvangen) of de reden "
        "(afgewezen).",
    )
    uitkomst: Outcome | None = Field(default=None, description="Verplicht bij 'reactie-ontvangen'.")
    toelichting: str | None = Field(
        default=None,
        max_length=10_000,
        description="Wat er verandert, of waarom niets (verplicht bij uitkomst 'geen').",
    )


class CellRef(RequestModel):
    gemeente: str = Field(pattern=MUNICIPALITY)
    maatregel: str = Field(pattern=MEASURE)


class EvidenceAdd(RequestModel):
    vragen: list[RowId] = Field(default_factory=list, max_length=500)
    knelpunten: list[CellRef] = Field(default_factory=list, max_length=2000)


class EvidenceAdded(ApiModel):
    vragen: int = Field(description="Aantal nieuw gekoppelde vragen.")
    knelpunten: int = Field(description="Aantal nieuw gekoppelde knelpunten.")


class SupportCreate(RequestModel):
    gemeente: str | None = Field(default=None, pattern=MUNICIPALITY)
    toelichting: str | None = Field(default=None, max_length=2000)


class PersonRef(ApiModel):
    id: int
    naam: str


class SignalReach(ApiModel):
    gemeenten: int = Field(description="Aantal gemeenten achter het bewijs (berekend).")
    inwoners: int = Field(description="Hun inwoners samen (berekend).")


class PassedOn(ApiModel):
    aan: Body
    op: datetime
    door: PersonRef | None
    tekst: str


class SignalResponse(ApiModel):
    tekst: str
    uitkomst: Outcome
    toelichting: str | None
    op: datetime


class SignalSummary(ApiModel):
    id: int
    titel: str
    soort: SignalKind
    status: SignalStatus
    maatregelen: list[CodeName]
    openbaar: bool
    melder_soort: ReporterKind
    gemeente: CodeName | None = Field(description="De gemeente die het meldde, als een gemeente.")
    bereik: SignalReach
    doorgezet_aan: Body | None
    leverancier: CodeName | None = Field(
        description="De softwareleverancier waarover het gaat (soort ict-en-leveranciers)."
    )
    aangemaakt_op: datetime
    leeftijd_dagen: int = Field(
        description="Dagen sinds de melding, tot terugkoppeling of afwijzing."
    )


class QuestionEvidence(ApiModel):
    id: int
    onderwerp: str
    gemeente: CodeName | None
    ontvangen_op: datetime


class BlockerEvidence(ApiModel):
    gemeente: CodeName
    maatregel: str
    tekst: str
    knelpunt_soort: str | None


class SupportRead(ApiModel):
    gemeente: CodeName
    toelichting: str | None
    op: datetime


class SignalRead(SignalSummary):
    omschrijving: str
    themas: list[str]
    melder: PersonRef | None = Field(description="Alleen voor de redactie.")
    doorgezet: PassedOn | None
    reactie: SignalResponse | None
    reden_afwijzing: str | None
    vragen: list[QuestionEvidence] = Field(description="Alleen voor de redactie.")
    knelpunten: list[BlockerEvidence] = Field(description="Alleen voor de redactie.")
    ook_bij: list[SupportRead] = Field(description="Gemeenten die zeiden: dit geldt ook bij ons.")
    versie: int


class SignalPage(ApiModel):
    resultaten: list[SignalSummary]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class SignalEventRead(ApiModel):
    soort: str
    van: str | None
    naar: str | None
    door: str
    door_naam: str | None = Field(description="Naam van wie het deed, als dat een persoon is.")
    op: datetime
    details: dict[str, object]


class SignalEventList(ApiModel):
    resultaten: list[SignalEventRead]


class PublicSignal(ApiModel):
    """What the public sees: never who reported it, nor the questions and blockers behind it."""

    id: int
    titel: str
    omschrijving: str
    soort: SignalKind
    status: SignalStatus
    maatregelen: list[CodeName]
    bereik: SignalReach
    doorgezet_aan: Body | None
    reactie: SignalResponse | None
    aangemaakt_op: datetime


class PublicSignalPage(ApiModel):
    resultaten: list[PublicSignal]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")
