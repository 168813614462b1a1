"""Public shapes of questions, their notes and history, similarity suggestions, insight and the
FAQ. Personal data of askers appears only in the shapes the programme team and the asker see."""

from datetime import date, datetime
from typing import Literal

from pydantic import EmailStr, Field

from api.core.dates import BoundedMoment, OptionalBoundedDate
from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel, CodeName, OptionalDate, RequestModel, RowId
from api.questions.models import Channel, FaqStatus, QuestionStatus

DueState = Literal["op-tijd", "bijna-verlopen", "verlopen", "afgerond"]
ExpertRequestState = Literal["open", "beantwoord", "ingetrokken"]


class AskerWrite(RequestModel):
    naam: str = Field(min_length=2, max_length=200)
    email: EmailStr | None = Field(default=None, description="Hierheen gaat het antwoord.")
    organisatie: str | None = Field(default=None, max_length=200)


class QuestionCreate(RequestModel):
    onderwerp: str = Field(min_length=3, max_length=200)
    vraag: str = Field(min_length=10, max_length=10_000)
    kanaal: Channel | None = Field(
        default=None,
        description="Verplicht voor de redactie; een gemeente die zelf vraagt: webformulier.",
    )
    maatregelen: list[str] = Field(default_factory=list, max_length=23)
    thema: str | None = Field(default=None, max_length=80)
    gemeente: str | None = Field(
        default=None,
        pattern=r"^GM\d{4}$",
        description="De gemeente van de vrager; een contactpersoon met meer gemeenten kiest.",
    )
    vragensteller: AskerWrite | None = Field(
        default=None, description="Alleen de redactie, die een telefoontje of mail vastlegt."
    )
    ontvangen_op: BoundedMoment | None = Field(
        default=None,
        description="Alleen de redactie: wanneer de vraag binnenkwam (met tijdzone).",
    )


class QuestionUpdate(RequestModel):
    """Triage by the programme team: what the question is about."""

    onderwerp: str | None = Field(default=None, min_length=3, max_length=200)
    maatregelen: list[str] | None = Field(default=None, max_length=23)
    thema: str | None = Field(default=None, max_length=80)


class QuestionTransition(RequestModel):
    naar: QuestionStatus
    behandelaar_id: RowId | None = Field(
        default=None, description="Verplicht bij 'toegewezen' zonder behandelaar."
    )
    expert_organisatie: str | None = Field(
        default=None,
        pattern=r"^[a-z0-9-]{2,60}$",
        description="Verplicht bij 'wacht-op-expert'.",
    )
    expert_termijn: OptionalBoundedDate = Field(
        default=None, description="Standaard het ingestelde aantal werkdagen vanaf vandaag."
    )
    expert_vraag: str | None = Field(
        default=None,
        max_length=4000,
        description="Bij 'wacht-op-expert': wat u de experts vraagt, naast de vraag zelf.",
    )
    contact_delen: bool = Field(
        default=False,
        description="Bij 'wacht-op-expert': de experts zien naam en contactgegevens van de "
        "vrager (en diens gemeente). Standaard niet.",
    )
    antwoord: str | None = Field(
        default=None, max_length=20_000, description="Verplicht bij 'beantwoord'."
    )
    toelichting: str | None = Field(default=None, max_length=2000)


class Merge(RequestModel):
    vraag_id: RowId = Field(description="De dubbele vraag.")


class NoteWrite(RequestModel):
    tekst: str = Field(min_length=1, max_length=10_000)


class PersonRef(ApiModel):
    id: int
    naam: str


class AskerRead(ApiModel):
    naam: str | None
    email: str | None
    organisatie: str | None
    gebruiker_id: int | None


class ExpertRead(ApiModel):
    organisatie: CodeName
    termijn: OptionalDate


class ExpertRequestRead(ApiModel):
    """A question put to a partner organisation, as the programme team sees it."""

    id: int
    organisatie: CodeName
    status: ExpertRequestState
    expert_vraag: str | None = Field(description="Wat de adviseur de experts vroeg.")
    contact_gedeeld: bool = Field(description="De experts zien de gegevens van de vrager.")
    gesteld_door: PersonRef | None
    gesteld_op: datetime
    termijn: date = Field(description="Uiterste datum voor het antwoord van de expert.")
    antwoord: str | None
    beantwoord_door: PersonRef | None
    beantwoord_op: datetime | None
    gesloten_op: datetime | None = Field(description="Beantwoord, of teruggenomen.")


class AttachmentRead(ApiModel):
    id: int
    naam: str
    media_type: str
    grootte: int
    href: str


class QuestionRead(ApiModel):
    id: int
    onderwerp: str
    vraag: str
    kanaal: Channel
    status: QuestionStatus
    maatregelen: list[CodeName]
    thema: CodeName | None
    gemeente: CodeName | None
    vragensteller: AskerRead | None = Field(description="Alleen voor de redactie en de vrager.")
    ontvangen_op: datetime
    termijn: date = Field(description="Uiterste antwoorddatum (werkdagen, zonder feestdagen).")
    termijn_status: DueState
    behandelaar: PersonRef | None
    expert: ExpertRead | None
    expertverzoeken: list[ExpertRequestRead] = Field(
        description="Elke keer dat de vraag aan experts is voorgelegd, met hun antwoord "
        "(alleen voor de redactie)."
    )
    antwoord: str | None
    beantwoord_op: datetime | None
    gesloten_op: datetime | None
    samengevoegd_met: int | None = Field(description="De vraag waarin deze is opgegaan.")
    samengevoegde_vragen: list[int] = Field(description="Dubbele vragen die hierin opgingen.")
    faq_id: int | None
    bijlagen: list[AttachmentRead]
    gewist: bool = Field(description="Persoonsgegevens zijn op verzoek gewist.")
    mogelijke_overgangen: list[QuestionStatus]
    versie: int = Field(description="Ook de ETag (If-Match bij wijzigen).")


class QuestionSummary(ApiModel):
    id: int
    onderwerp: str
    kanaal: Channel
    status: QuestionStatus
    maatregelen: list[str]
    gemeente: CodeName | None
    vrager: str | None = Field(description="Naam van de vrager (redactie en vrager zelf).")
    ontvangen_op: datetime
    termijn: date
    termijn_status: DueState
    behandelaar: PersonRef | None
    faq_id: int | None


class QuestionPage(ApiModel):
    resultaten: list[QuestionSummary]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class ExpertAskerRead(ApiModel):
    naam: str | None
    email: str | None
    organisatie: str | None


class ExpertQuestionSummary(ApiModel):
    """A question in an expert's inbox."""

    id: int = Field(description="Nummer van de expertvraag.")
    status: ExpertRequestState
    onderwerp: str
    maatregelen: list[str]
    gesteld_op: datetime
    termijn: date
    termijn_status: DueState = Field(description="Tegen de termijn van de expert.")
    beantwoord_op: datetime | None


class ExpertQuestionPage(ApiModel):
    resultaten: list[ExpertQuestionSummary]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class ExpertQuestionRead(ApiModel):
    """A question put to the expert's organisation: what she needs to answer it, and the
    asker's details only when the advisor shared them."""

    id: int = Field(description="Nummer van de expertvraag.")
    vraag_id: int = Field(description="Nummer van de vraag bij het implementatieteam.")
    status: ExpertRequestState
    organisatie: CodeName
    onderwerp: str
    vraag: str
    maatregelen: list[CodeName]
    thema: CodeName | None
    expert_vraag: str | None = Field(description="Wat de adviseur u vraagt, naast de vraag.")
    gesteld_door: PersonRef | None = Field(description="De adviseur die de vraag voorlegde.")
    gesteld_op: datetime
    termijn: date
    termijn_status: DueState
    contact_gedeeld: bool
    vragensteller: ExpertAskerRead | None = Field(
        description="Alleen als de adviseur de contactgegevens deelde."
    )
    gemeente: CodeName | None = Field(
        description="De gemeente van de vrager; alleen als de adviseur de gegevens deelde."
    )
    antwoord: str | None
    beantwoord_door: PersonRef | None
    beantwoord_op: datetime | None


class ExpertAnswer(RequestModel):
    antwoord: str = Field(
        min_length=1,
        max_length=20_000,
        description="Uw antwoord gaat naar de adviseur, die de vrager antwoordt.",
    )


class NoteRead(ApiModel):
    id: int
    tekst: str
    auteur: PersonRef | None
    aangemaakt_op: datetime


class NoteList(ApiModel):
    resultaten: list[NoteRead]


class AdvisorList(ApiModel):
    resultaten: list[PersonRef]


class EventRead(ApiModel):
    soort: str
    van: str | None
    naar: str | None
    door: str = Field(description="user:<id> of client:<id>.")
    door_naam: str | None = Field(description="Naam van wie het deed, als dat een persoon is.")
    op: datetime
    details: dict[str, object]


class EventList(ApiModel):
    resultaten: list[EventRead]


class SimilarFaq(ApiModel):
    id: int
    vraag: str
    maatregelen: list[str]
    score: float = Field(description="Deel van de zoektekst dat het antwoord dekt (0–1).")


class SimilarQuestion(ApiModel):
    id: int
    onderwerp: str
    status: QuestionStatus
    score: float


class Suggestions(ApiModel):
    faq: list[SimilarFaq]
    vragen: list[SimilarQuestion] = Field(
        description="Openstaande vragen; een gemeente ziet alleen haar eigen vragen."
    )


class WorkloadRow(ApiModel):
    behandelaar: PersonRef | None = Field(description="Leeg: nog niet toegewezen.")
    open: int
    verlopen: int
    bijna_verlopen: int


class Workload(ApiModel):
    peildatum: date
    resultaten: list[WorkloadRow]


class CountRow(ApiModel):
    sleutel: str
    naam: str
    aantal: int


class WeekRow(ApiModel):
    week: str = Field(examples=["2026-W14"])
    aantal: int


class Insight(ApiModel):
    van: date
    tot: date
    aantal: int
    per_maatregel: list[CountRow]
    per_thema: list[CountRow]
    per_kanaal: list[CountRow]
    per_week: list[WeekRow]
    mediaan_werkdagen_tot_antwoord: float | None
    aandeel_binnen_termijn: float | None = Field(
        description="Deel van de beantwoorde vragen dat op of voor de termijn antwoord kreeg."
    )


class Cluster(ApiModel):
    aantal: int
    kernwoorden: list[str]
    vragen: list[QuestionSummary]
    faq: list[SimilarFaq] = Field(description="Bestaande FAQ die er al op lijkt.")


class ClusterList(ApiModel):
    van: date
    tot: date
    resultaten: list[Cluster]


class FaqProposal(ApiModel):
    vraag: str
    antwoord: str
    maatregelen: list[str]
    vervangen: list[str] = Field(description="Wat er als persoonsgegeven is vervangen.")


class FaqWrite(RequestModel):
    vraag: str = Field(min_length=10, max_length=2000)
    antwoord: str = Field(min_length=10, max_length=20_000)
    maatregelen: list[str] = Field(min_length=1, max_length=23)
    wetsartikelen: list[str] = Field(default_factory=list, max_length=20)
    gemeente_noemen: bool = Field(
        default=False, description="De naam van de gemeente van de vrager mag erin staan."
    )


class FaqCreate(FaqWrite):
    vragen: list[RowId] = Field(
        default_factory=list, max_length=100, description="Beantwoorde vragen waaruit dit komt."
    )


class FaqUpdate(FaqWrite):
    wijzigingsnotitie: str = Field(min_length=3, max_length=2000)
    vragenstellers_informeren: bool = Field(
        default=False, description="Mail iedereen die een onderliggende vraag stelde."
    )


class FaqWithdrawal(RequestModel):
    toelichting: str = Field(min_length=3, max_length=2000)


class FaqRead(ApiModel):
    id: int
    vraag: str
    antwoord: str
    maatregelen: list[CodeName]
    wetsartikelen: list[str]
    status: FaqStatus
    versie: int
    gepubliceerd_op: datetime
    eerst_gepubliceerd_op: datetime
    wijzigingsnotitie: str
    reden_intrekking: str | None = Field(default=None, description="Alleen bij 'ingetrokken'.")
    fragment: str | None = Field(default=None, description="Bij zoeken: passage met <mark>.")


class FaqPage(ApiModel):
    resultaten: list[FaqRead]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class FaqVersionRead(ApiModel):
    versie: int
    vraag: str
    antwoord: str
    wetsartikelen: list[str]
    wijzigingsnotitie: str
    gepubliceerd_op: datetime


class FaqVersionList(ApiModel):
    resultaten: list[FaqVersionRead]


class PersonalDataExport(ApiModel):
    email: str
    aangemaakt_op: datetime
    vragen: list[QuestionRead]


class Erasure(RequestModel):
    email: EmailStr


class ErasureResult(ApiModel):
    gewiste_vragen: int
    faq_behouden: int = Field(description="FAQ-items uit deze vragen; zij blijven staan.")
