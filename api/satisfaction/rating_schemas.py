"""Public shape of an answer's rating."""

from datetime import datetime

from pydantic import Field

from api.core.schemas import ApiModel, RequestModel
from api.satisfaction.ratings import RatingView
from api.satisfaction.scoring import MAX_COMMENT


class AnswerRatingRead(ApiModel):
    vraag_id: int = Field(description="De vraag waarvan het antwoord beoordeeld wordt.")
    onderwerp: str = Field(description="Het onderwerp van die vraag.")
    score: int | None = Field(
        ge=1, le=5, description="1 (niet nuttig) tot 5 (zeer nuttig); null: nog niet beoordeeld."
    )
    toelichting: str | None = Field(
        description="De toelichting. De vraagsteller ziet de hare altijd; het programmateam "
        "alleen als er geen persoonsgegevens in gevonden zijn."
    )
    toelichting_afgeschermd: bool = Field(
        description="Er is een toelichting, maar die is niet getoond: er staan mogelijk "
        "persoonsgegevens in (alleen voor het programmateam)."
    )
    wijzigbaar_tot: datetime = Field(description="Tot dit moment kan de score nog veranderen.")
    wijzigbaar: bool = Field(description="Of de score nu nog kan veranderen.")
    beoordeeld_op: datetime | None = Field(description="Wanneer de eerste score gegeven is.")
    gewijzigd_op: datetime | None = Field(
        description="Wanneer score of toelichting het laatst veranderde."
    )

    @classmethod
    def of(cls, view: RatingView) -> "AnswerRatingRead":
        rating = view.rating
        return cls(
            vraag_id=view.question_id,
            onderwerp=view.subject,
            score=rating.score,
            toelichting=view.comment,
            toelichting_afgeschermd=view.comment_withheld,
            wijzigbaar_tot=rating.changeable_until,
            wijzigbaar=view.changeable,
            beoordeeld_op=rating.rated_at,
            gewijzigd_op=rating.changed_at,
        )


class ScoreWrite(RequestModel):
    """A score with its comment, as every rating from a mail takes it (answers, meetings)."""

    score: int = Field(ge=1, le=5, description="1 (niet nuttig) tot 5 (zeer nuttig).")
    toelichting: str | None = Field(
        default=None,
        max_length=MAX_COMMENT,
        description="Een toelichting (mag leeg). Vervangt de vorige; leeg of weggelaten wist die.",
    )


class AnswerRatingWrite(ScoreWrite):
    pass
