"""Shapes of the reach figures, the invitations where they matter and the effect afterwards
(programme team only)."""

from datetime import date
from typing import Literal

from pydantic import Field

from api.core.schemas import ApiModel, CodeName, RequestModel
from api.meetings.schemas import PersonRef
from api.progress.deadlines import TrafficLight
from api.progress.models import Phase

Criterion = Literal["te-laat", "risico", "beide"]


class ReachPeriod(ApiModel):
    van: date
    tot: date = Field(description="Tot en met.")


class ReachGroup(ApiModel):
    groep: CodeName
    bijeenkomsten: int = Field(
        description="Niet geannuleerde bijeenkomsten die in de periode begonnen."
    )
    aanmeldingen: int = Field(description="Aanmeldingen met status 'aangemeld'.")
    aanwezig: int = Field(description="Aanmeldingen met aanwezigheid 'aanwezig'.")
    gemeenten_bereikt: int = Field(
        description="Verschillende gemeenten met iemand aanwezig; bij een bijeenkomst waarvan "
        "de aanwezigheid nog niet is vastgelegd telt wie is aangemeld."
    )
    bijeenkomsten_zonder_presentie: int = Field(
        description="Van de bijeenkomsten: zonder vastgelegde aanwezigheid, dus bereik volgens "
        "aanmelding."
    )
    gemeenten: int | None = Field(
        default=None, description="Bij provincie en arbeidsmarktregio: het aantal gemeenten daar."
    )


class UnreachedMunicipality(ApiModel):
    code: str
    naam: str
    provincie: CodeName
    arbeidsmarktregio: CodeName
    inwoners: int


class Reach(ApiModel):
    periode: ReachPeriod
    methode: str = Field(description="Hoe geteld is, in gewone taal.")
    totaal: ReachGroup
    per_maatregel: list[ReachGroup] = Field(
        description="Een bijeenkomst over twee maatregelen telt bij beide."
    )
    per_soort: list[ReachGroup]
    per_provincie: list[ReachGroup] = Field(
        description="Naar de gemeente van wie zich aanmeldde (niet de plaats van de bijeenkomst)."
    )
    per_arbeidsmarktregio: list[ReachGroup] = Field(
        description="Naar de gemeente van wie zich aanmeldde (niet de plaats van de bijeenkomst)."
    )
    niet_bereikt: list[UnreachedMunicipality] = Field(
        description="Gemeenten zonder enig bereik in de periode, de meeste inwoners eerst."
    )


# ---------------------------------------------------------------------------------------------
# Invitations


class InviteeCell(ApiModel):
    maatregel: CodeName
    fase: Phase
    verkeerslicht: TrafficLight


class InviteeMunicipality(ApiModel):
    gemeente: CodeName
    reden: Literal["te-laat", "risico"] = Field(
        description="'te-laat' als een van de maatregelen te laat is, anders 'risico'."
    )
    cellen: list[InviteeCell] = Field(description="De stand op elke maatregel van de bijeenkomst.")
    contactpersonen: list[PersonRef] = Field(
        description="Actieve contactpersonen die een uitnodiging zouden krijgen: nog niet "
        "uitgenodigd en niet aangemeld."
    )


class InvitationPreview(ApiModel):
    criterium: Criterion
    peildatum: date
    uitnodigen_mogelijk: bool = Field(
        description="Alleen bij een open of volle bijeenkomst waarvoor aanmelden nog kan."
    )
    gemeenten: list[InviteeMunicipality] = Field(description="Eerst te laat, dan op naam.")
    aantal_gemeenten: int
    aantal_contactpersonen: int


class InvitationRequest(RequestModel):
    criterium: Criterion = "beide"


class InvitationResult(ApiModel):
    uitgenodigd: int = Field(description="Nieuwe uitnodigingen (wie al was uitgenodigd telt niet).")
    gemeenten: int = Field(description="Gemeenten met minstens één nieuwe uitnodiging.")


# ---------------------------------------------------------------------------------------------
# Effect


class EffectMunicipality(ApiModel):
    gemeente: CodeName
    vooruit: bool = Field(description="Minstens één fase verder op een van de maatregelen.")
    uitgenodigd: bool = Field(description="Haar contactpersonen kregen een uitnodiging.")


class EffectGroup(ApiModel):
    aantal: int
    vooruit: int
    aandeel: float | None = Field(description="vooruit / aantal; leeg bij een lege groep.")
    te_klein: bool = Field(description="Minder dan 5 gemeenten: te weinig om iets te concluderen.")
    uitgenodigd: int = Field(description="Van de groep: gemeenten die een uitnodiging kregen.")
    gemeenten: list[EffectMunicipality]


class Effect(ApiModel):
    maatregelen: list[CodeName]
    peildatum_begin: date = Field(description="De stand bij het begin van deze dag.")
    peildatum: date = Field(description="Vandaag: de stand nu.")
    aanwezig: EffectGroup = Field(description="Gemeenten met iemand aanwezig.")
    niet_aanwezig: EffectGroup
    methode: str
    voorbehoud: str | None = Field(description="Gezet als een groep te klein is om te vergelijken.")
