"""Public shapes of "Was dit nuttig?" on a product: a vote, and what the visitor sees after."""

from pydantic import Field

from api.core.schemas import ApiModel, RequestModel


class VoteCast(RequestModel):
    nuttig: bool = Field(description="Ja (true) of nee (false).")
    versie: int | None = Field(
        default=None,
        ge=1,
        le=100_000,
        description="Het versienummer dat de bezoeker zag; 409 als er intussen een nieuwere "
        "versie is gepubliceerd.",
    )


class VoteTally(ApiModel):
    versie: int = Field(description="De gepubliceerde versie waar de stemmen over gaan.")
    mijn_stem: bool | None = Field(
        description="De eigen stem van deze browser of dit account, of null als die er niet is."
    )
    aantal_ja: int
    aantal_nee: int
