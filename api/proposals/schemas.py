"""Public shapes of improvement proposals. Who proposed appears only in what the programme
team sees."""

from datetime import datetime

from pydantic import EmailStr, Field

from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel, RequestModel
from api.proposals.models import ProposalStatus


class ProposalCreate(RequestModel):
    tekst: str = Field(min_length=10, max_length=5000, description="Het voorstel.")
    naam: str | None = Field(
        default=None,
        max_length=200,
        description="Zonder account: uw naam, als u wilt horen wat ermee gebeurt.",
    )
    email: EmailStr | None = Field(
        default=None,
        max_length=254,
        description="Zonder account: uw e-mailadres, om bericht te krijgen bij elke stap.",
    )
    versie: int | None = Field(
        default=None, ge=1, le=100_000, description="Het versienummer dat u zag."
    )


class ProposalAdoption(RequestModel):
    toelichting: str | None = Field(default=None, max_length=2000)


class ProposalRejection(RequestModel):
    reden: str = Field(min_length=3, max_length=5000, description="Waarom niet overgenomen.")


class ProductRef(ApiModel):
    id: int
    titel: str


class Proposer(ApiModel):
    naam: str | None
    email: str | None
    account: bool = Field(description="Ingediend vanuit een account (anders als bezoeker).")


class ProposalStep(ApiModel):
    van: ProposalStatus | None
    naar: ProposalStatus
    op: datetime
    door: str | None = Field(description="Wie de stap zette (alleen voor de redactie).")
    tekst: str | None


class ProposalSummary(ApiModel):
    id: int
    product: ProductRef
    versie: int = Field(description="De versie waar het voorstel over gaat.")
    tekst: str
    status: ProposalStatus
    overgenomen_in: int | None = Field(description="De versie die het voorstel meeneemt.")
    reden: str | None = Field(description="Waarom het niet is overgenomen.")
    indiener: Proposer | None = Field(description="Alleen voor de redactie.")
    ontvangen_op: datetime
    besloten_op: datetime | None
    verwerkt_op: datetime | None


class ProposalRead(ProposalSummary):
    geschiedenis: list[ProposalStep]


class ProposalPage(ApiModel):
    resultaten: list[ProposalSummary]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class ProposerData(ApiModel):
    email: str | None
    verbetervoorstellen: list[ProposalSummary]


class ProposerErasure(RequestModel):
    email: EmailStr


class ProposerErased(ApiModel):
    gewist: int = Field(description="Aantal voorstellen waarvan naam en adres zijn gewist.")
