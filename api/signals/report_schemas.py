"""Public shapes of the steering report (stuurrapportage)."""

from datetime import date, datetime

from pydantic import Field

from api.core.schemas import ApiModel, CodeName
from api.signals.models import Body, SignalKind


class ReportPeriod(ApiModel):
    van: date
    tot: date = Field(description="Tot en met.")


class Ages(ApiModel):
    aantal: int
    mediaan_dagen: float | None = Field(description="Mediaan van de leeftijd in hele dagen.")
    langste_dagen: int | None


class BodyCount(ApiModel):
    aan: Body | None = Field(description="Leeg: nog niet doorgezet.")
    aantal: int


class KindCount(ApiModel):
    soort: SignalKind
    aantal: int


class MeasureCount(ApiModel):
    maatregel: CodeName
    aantal: int


class SteeringReport(ApiModel):
    periode: ReportPeriod
    peilmoment: datetime = Field(
        description="Waarop leeftijden en open signalen gemeten zijn: het eind van de periode, "
        "of nu als die nog loopt."
    )
    gemeld: int = Field(description="Signalen gemeld in de periode.")
    doorgezet: int = Field(
        description="Signalen doorgezet in de periode (een signaal dat opnieuw is doorgezet telt "
        "op het laatste moment)."
    )
    beantwoord: int = Field(description="Signalen waarop in de periode een reactie kwam.")
    afgesloten: int = Field(description="Signalen teruggekoppeld of afgewezen in de periode.")
    leeftijd_open: Ages = Field(description="Leeftijd van wat op het peilmoment open was.")
    leeftijd_afgesloten: Ages = Field(
        description="Leeftijd bij afsluiten van wat in de periode is afgesloten."
    )
    open_per_instantie: list[BodyCount] = Field(
        description="Wat op het peilmoment open was, naar wie het is doorgezet."
    )
    soorten: list[KindCount] = Field(description="Soorten van de gemelde signalen, meeste eerst.")
    maatregelen: list[MeasureCount] = Field(
        description="De tien maatregelen met de meeste gemelde signalen."
    )
