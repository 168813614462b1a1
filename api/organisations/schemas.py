"""Public shapes of partner organisations and shared services."""

from pydantic import Field

from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel, CodeName, SelfLinks
from api.organisations.models import OrganisationKind


class OrganisationRead(ApiModel):
    """Ketenpartner (SZW, Divosa, ...) of samenwerkingsverband dat voor gemeenten werkt."""

    code: str = Field(examples=["divosa"])
    naam: str
    afkorting: str | None
    soort: OrganisationKind
    website: str | None
    leden: list[CodeName] = Field(
        description="Gemeenten waarvoor een samenwerkingsverband de Participatiewet uitvoert."
    )
    demo: bool = Field(description="Hoort bij de demonstratiegegevens, niet bij echte data.")
    links: SelfLinks = Field(alias="_links")


class OrganisationPage(ApiModel):
    resultaten: list[OrganisationRead]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")
