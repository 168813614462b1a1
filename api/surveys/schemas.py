"""Public shapes of the survey. The results shapes are for the programme team only; a contact
sees her own form and answers, never anyone else's."""

from datetime import date, datetime

from pydantic import ConfigDict, Field

from api.core.schemas import ApiModel, CodeName, RequestModel
from api.surveys.models import AnswerKind, RoundStatus, Touchpoint
from api.surveys.results import Grouping

PERIOD = r"^\d{4}-(H[12]|Q[1-4]|(0[1-9]|1[0-2]))$"

__all__ = ["AnswerKind", "Grouping", "RoundStatus", "Touchpoint"]


class SurveyQuestionRead(ApiModel):
    id: int
    tekst: str
    soort: AnswerKind = Field(description="`schaal`: een cijfer van 1 tot en met 5; `open`: tekst.")
    contactpunt: Touchpoint
    positie: int
    actief: bool = Field(description="Wordt gesteld in rondes die hierna worden verstuurd.")


class QuestionList(ApiModel):
    resultaten: list[SurveyQuestionRead]


class SurveyQuestionCreate(RequestModel):
    tekst: str = Field(min_length=5, max_length=300)
    soort: AnswerKind
    contactpunt: Touchpoint
    positie: int | None = Field(default=None, ge=0, le=1000, description="Standaard: achteraan.")
    actief: bool = True


class SurveyQuestionUpdate(RequestModel):
    tekst: str | None = Field(
        default=None,
        min_length=5,
        max_length=300,
        description="Een vraag die al is verstuurd, houdt in die ronde haar tekst: een nieuwe "
        "tekst (of een ander contactpunt) wordt dan een nieuwe vraag, en de oude wordt inactief.",
    )
    contactpunt: Touchpoint | None = None
    positie: int | None = Field(default=None, ge=0, le=1000)
    actief: bool | None = None


class RoundCreate(RequestModel):
    titel: str = Field(min_length=5, max_length=200)
    periode: str = Field(
        pattern=PERIOD, description="De periode waarover de ronde gaat: `2026-H2`, `2026-Q4`."
    )
    open_op: date
    sluit_op: date = Field(description="De laatste dag waarop beantwoorden kan.")
    herinner_na_dagen: int = Field(
        default=7, ge=1, le=90, description="Eén herinnering na zoveel dagen zonder antwoord."
    )


class RoundRead(ApiModel):
    id: int
    titel: str
    periode: str
    open_op: date
    sluit_op: date
    herinner_na_dagen: int
    status: RoundStatus
    verzonden_op: datetime | None
    uitgenodigd: int
    beantwoord: int
    respons: float | None = Field(description="Percentage van de genodigden dat antwoordde.")


class RoundDetail(RoundRead):
    vragen: list[SurveyQuestionRead] = Field(
        description="De vragen van de ronde; vóór verzending de actieve vragen van nu."
    )


class RoundList(ApiModel):
    resultaten: list[RoundRead]


class InviteeRead(ApiModel):
    naam: str
    gemeente: CodeName = Field(description="De gemeente waaronder haar antwoorden tellen.")
    aantal_gemeenten: int = Field(description="Meer dan 1: een contactpersoon van meer gemeenten.")


class InviteePreview(ApiModel):
    aantal: int
    al_uitgenodigd: int
    genodigden: list[InviteeRead]


class SendResult(ApiModel):
    uitgenodigd: int = Field(description="Nu uitgenodigd (alleen wie nog geen uitnodiging had).")
    al_uitgenodigd: int


class FigureRead(ApiModel):
    sleutel: str | None
    naam: str | None
    respondenten: int | None = Field(description="Leeg bij te weinig antwoorden.")
    gemiddelde: float | None = Field(description="Leeg bij te weinig antwoorden.")
    te_weinig_antwoorden: bool


class QuestionResultRead(ApiModel):
    vraag: SurveyQuestionRead
    totaal: FigureRead | None = Field(description="Schaalvragen.")
    groepen: list[FigureRead]
    open_antwoorden: list[str] = Field(
        description="Open antwoorden die de controle op persoonsgegevens doorstonden."
    )
    niet_getoond: int = Field(description="Niet getoond: mogelijk persoonsgegevens.")


class MunicipalityAnswer(ApiModel):
    vraag: int
    score: int | None
    tekst: str | None
    tekst_niet_getoond: bool


class MunicipalityResultRead(ApiModel):
    gemeente: CodeName
    uitgenodigd: int
    beantwoord: int
    antwoorden: list[MunicipalityAnswer]


class RoundResults(ApiModel):
    ronde: RoundRead
    minimale_groep: int = Field(description="Kleinste groep waarvoor een cijfer wordt getoond.")
    groepering: Grouping
    vragen: list[QuestionResultRead]
    gemeenten: list[MunicipalityResultRead] = Field(
        description="Per gemeente, alleen voor het programmateam."
    )


# Answering. Not RequestModel: every answer is checked in one pass (control characters
# included), so that one 400 names every field to fix.


class AnswerGiven(ApiModel):
    model_config = ConfigDict(extra="forbid")

    vraag: int = Field(ge=1, le=2**31 - 1)
    score: int | None = Field(default=None, ge=-1000, le=1000)
    tekst: str | None = Field(default=None, max_length=20_000)


class AnswersBody(ApiModel):
    model_config = ConfigDict(extra="forbid")

    antwoorden: list[AnswerGiven] = Field(max_length=100)


class TokenBody(RequestModel):
    token: str = Field(min_length=1, max_length=200, description="Uit de link in de e-mail.")


class TokenAnswersBody(AnswersBody):
    token: str = Field(min_length=1, max_length=200, description="Uit de link in de e-mail.")


class FormRound(ApiModel):
    id: int
    titel: str
    periode: str
    sluit_op: date
    status: RoundStatus


class FormQuestion(ApiModel):
    id: int
    tekst: str
    soort: AnswerKind


class AnswerRead(ApiModel):
    vraag: int
    score: int | None
    tekst: str | None


class FormRead(ApiModel):
    ronde: FormRound
    gemeente: CodeName
    vragen: list[FormQuestion]
    antwoorden: list[AnswerRead]
    beantwoord_op: datetime | None
    wijzigbaar: bool = Field(description="Zolang de ronde open is.")
    maximale_lengte: int = Field(description="Tekens per open antwoord.")


class MyRound(ApiModel):
    ronde: FormRound
    beantwoord_op: datetime | None
    wijzigbaar: bool


class MyRounds(ApiModel):
    resultaten: list[MyRound]
