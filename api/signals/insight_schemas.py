"""Public shapes of the blockers view and the suggestions (programme team only)."""

from datetime import date, datetime

from pydantic import Field

from api.core.schemas import ApiModel, CodeName, RequestModel
from api.signals.blockers import KEY_PATTERN as GROUP_KEY
from api.signals.blockers import BlockerKindFilter
from api.signals.models import SignalKind, SignalStatus
from api.signals.suggestions import SuggestionReason, SuggestionSource


class BlockerKindCount(ApiModel):
    soort: BlockerKindFilter = Field(
        description="De soort knelpunt, of 'geen' voor een zonder soort."
    )
    naam: str
    aantal_knelpunten: int
    aantal_gemeenten: int


class BlockerMeasureCount(ApiModel):
    maatregel: CodeName
    aantal_knelpunten: int
    aantal_gemeenten: int
    per_soort: list[BlockerKindCount]


class SignalLink(ApiModel):
    id: int
    titel: str
    status: SignalStatus


class LinkedSignal(SignalLink):
    aantal_bewijs: int = Field(description="Hoeveel van het bewijs van de groep het al heeft.")


class BlockerItem(ApiModel):
    gemeente: CodeName
    maatregel: CodeName
    tekst: str
    soort: SignalKind | None
    sinds: datetime = Field(description="Sinds wanneer de gemeente deze tekst meldt.")
    signalen: list[SignalLink] = Field(description="Signalen waarvan het al bewijs is.")


class QuestionItem(ApiModel):
    id: int
    onderwerp: str
    gemeente: CodeName | None
    ontvangen_op: datetime
    signalen: list[SignalLink] = Field(description="Signalen waarvan zij al bewijs is.")


class SignalProposal(ApiModel):
    """Wat een signaal van deze groep of suggestie zou worden; over te nemen of aan te passen."""

    titel: str
    omschrijving: str
    soort: SignalKind | None = Field(
        description="Leeg als het bewijs geen soort noemt: kies die bij het overnemen."
    )
    maatregelen: list[str]
    themas: list[str]


class BlockerGroup(ApiModel):
    sleutel: str = Field(
        description="Blijft gelijk als de groep groeit: de cel van het oudste knelpunt."
    )
    kernwoorden: list[str]
    aantal_knelpunten: int
    aantal_gemeenten: int
    maatregelen: list[CodeName]
    knelpunten: list[BlockerItem] = Field(description="Het oudste (de leider) eerst.")
    signalen: list[LinkedSignal] = Field(description="Signalen met al bewijs uit deze groep.")
    voorstel: SignalProposal


class BlockersView(ApiModel):
    aantal_knelpunten: int
    aantal_gemeenten: int
    per_maatregel: list[BlockerMeasureCount] = Field(description="Per maatregel en per soort.")
    per_soort: list[BlockerKindCount] = Field(description="Per soort, over alle maatregelen.")
    groepen: list[BlockerGroup] = Field(
        description="Groepen gelijkende teksten, de meeste gemeenten eerst; elke groep met een "
        "knelpunt binnen de filters, in haar geheel."
    )


class ProposalChanges(RequestModel):
    """Wat anders moet dan het voorstel; wat ontbreekt, komt uit het voorstel."""

    titel: str | None = Field(default=None, min_length=5, max_length=200)
    omschrijving: str | None = Field(default=None, min_length=10, max_length=10_000)
    soort: SignalKind | None = Field(
        default=None, description="Verplicht als het voorstel geen soort heeft."
    )
    maatregelen: list[str] | None = Field(default=None, max_length=23)
    themas: list[str] | None = Field(default=None, max_length=20)


class GroupToSignal(ProposalChanges):
    sleutel: str = Field(pattern=GROUP_KEY, description="De sleutel van de groep knelpunten.")


class SuggestionReasonRead(ApiModel):
    code: SuggestionReason
    uitleg: str


class SuggestionDismissal(ApiModel):
    op: datetime
    aantal_bewijs: int = Field(description="Het bewijs dat de suggestie toen had.")


class SuggestionRead(ApiModel):
    sleutel: str
    bron: SuggestionSource
    voorstel: SignalProposal
    kernwoorden: list[str]
    aantal_gemeenten: int
    aantal_bewijs: int = Field(description="Vragen plus knelpunten.")
    nieuw_deze_maand: int
    nieuw_vorige_maand: int
    redenen: list[SuggestionReasonRead]
    vragen: list[QuestionItem]
    knelpunten: list[BlockerItem]
    signalen: list[LinkedSignal] = Field(description="Signalen met al een deel van het bewijs.")
    eerder_afgewezen: SuggestionDismissal | None = Field(
        description="Terug omdat het bewijs sindsdien groeide."
    )


class SuggestionThresholds(ApiModel):
    gemeenten: int
    stijgend_minimaal: int
    dagen_vragen: int


class SuggestionList(ApiModel):
    van: date = Field(description="Begin van de periode waarover vragen zijn gebundeld.")
    tot: date
    drempels: SuggestionThresholds
    resultaten: list[SuggestionRead]
