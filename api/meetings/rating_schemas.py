"""Public shapes of a meeting's evaluation: an attendee's own, by the link in her mail, and the
team's view of one meeting."""

from datetime import datetime
from typing import Any

from pydantic import Field

from api.core.schemas import ApiModel, RequestModel
from api.meetings.models import Meeting
from api.meetings.presenters import local
from api.meetings.ratings import Evaluation, RatingView
from api.satisfaction import figures_tables as tables
from api.satisfaction.figures_schemas import ScoreCount
from api.satisfaction.rating_schemas import ScoreWrite

# The alphabet of the tokens in the mail's links (not a secret).
LINK_CODE = r"^[A-Za-z0-9_-]+$"


def _token() -> Any:
    return Field(
        min_length=20,
        max_length=100,
        pattern=LINK_CODE,
        description="De code uit de beoordelingslink van de e-mail na de bijeenkomst.",
    )


class MeetingRef(ApiModel):
    id: int
    titel: str
    begin: datetime = Field(description="In Europe/Amsterdam, met de afwijking van UTC.")

    @classmethod
    def of(cls, meeting: Meeting) -> "MeetingRef":
        return cls(id=meeting.id, titel=meeting.title, begin=local(meeting.starts_at))


class MeetingRatingLookup(RequestModel):
    token: str = _token()


class MeetingRatingWrite(ScoreWrite):
    token: str = _token()


class MeetingRatingRead(ApiModel):
    bijeenkomst: MeetingRef
    score: int | None = Field(
        ge=1, le=5, description="1 (niet nuttig) tot 5 (zeer nuttig); null: nog niet beoordeeld."
    )
    toelichting: str | None = Field(description="De eigen toelichting.")
    wijzigbaar_tot: datetime = Field(description="Tot dit moment kan de score nog veranderen.")
    wijzigbaar: bool = Field(description="Of de score nu nog kan veranderen.")

    @classmethod
    def of(cls, view: RatingView) -> "MeetingRatingRead":
        meeting, rating = view.meeting, view.rating
        return cls(
            bijeenkomst=MeetingRef.of(meeting),
            score=rating.score,
            toelichting=rating.comment,
            wijzigbaar_tot=local(rating.changeable_until),
            wijzigbaar=view.changeable,
        )


class MeetingEvaluation(ApiModel):
    bijeenkomst: MeetingRef
    minimale_groepsgrootte: int
    aantal_gevraagd: int = Field(description="Aanwezigen die om een beoordeling is gevraagd.")
    aantal_beoordeeld: int = Field(description="Van hen: wie een score gaf.")
    responspercentage: float | None = Field(description="Beoordeeld / gevraagd (0-1).")
    te_weinig_antwoorden: bool = Field(
        description="Minder beoordelingen dan de minimale groepsgrootte: geen gemiddelde, "
        "verdeling of toelichtingen, want die zouden tot personen te herleiden zijn."
    )
    gemiddelde: float | None = Field(description="Gemiddelde score (1-5).")
    verdeling: list[ScoreCount] | None = Field(description="Hoe vaak elke score is gegeven.")
    toelichtingen: list[str] = Field(
        description="De toelichtingen zonder persoonsgegevens, zonder score, op alfabet."
    )
    toelichtingen_afgeschermd: int = Field(
        description="Toelichtingen niet getoond: er staan mogelijk persoonsgegevens in."
    )

    @classmethod
    def of(cls, found: Evaluation, minimum: int) -> "MeetingEvaluation":
        meeting, scores = found.meeting, found.scores
        return cls(
            bijeenkomst=MeetingRef.of(meeting),
            minimale_groepsgrootte=minimum,
            aantal_gevraagd=found.asked,
            aantal_beoordeeld=found.rated,
            responspercentage=tables.share(found.rated, found.asked),
            te_weinig_antwoorden=not found.shown,
            gemiddelde=tables.mean(scores),
            verdeling=tables.distribution(scores) if found.shown else None,
            toelichtingen=found.comments,
            toelichtingen_afgeschermd=found.comments_withheld,
        )
