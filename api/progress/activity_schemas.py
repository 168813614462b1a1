"""A municipality's activity on the wire: its contact persons, meetings, questions, signals."""

from datetime import datetime

from pydantic import Field

from api.core.schemas import ApiModel, CodeName
from api.meetings.vocabulary import MeetingStatus
from api.questions.vocabulary import QuestionStatus
from api.signals.vocabulary import SignalKind, SignalStatus


class ActivityMeeting(ApiModel):
    id: int
    titel: str
    begin: datetime
    status: MeetingStatus
    plaatsen: int = Field(description="Aanmeldingen voor de gemeente (zonder wachtlijst).")
    wachtlijst: int


class ActivityQuestion(ApiModel):
    id: int
    onderwerp: str
    status: QuestionStatus
    ontvangen_op: datetime


class ActivitySignal(ApiModel):
    id: int
    titel: str
    soort: SignalKind
    status: SignalStatus
    gemeld_op: datetime


class Activity(ApiModel):
    gemeente: CodeName
    contactpersonen: list[CodeName] = Field(
        description="De actieve contactpersonen: e-mailadres in `code`, naam in `naam`."
    )
    komende_bijeenkomsten: list[ActivityMeeting] = Field(description="De eerstvolgende eerst.")
    afgelopen_bijeenkomsten: list[ActivityMeeting] = Field(description="De laatste eerst.")
    vragen: list[ActivityQuestion] = Field(
        description="De laatst ontvangen eerst; voor een contactpersoon alleen haar eigen."
    )
    vragen_totaal: int
    signalen: list[ActivitySignal] = Field(
        description="Gemeld door of gesteund door de gemeente, de nieuwste eerst."
    )
    signalen_totaal: int
