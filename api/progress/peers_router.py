"""HTTP endpoints of peers who can help: similar municipalities that implemented a measure, with
the contacts who agreed to be named, and a contact's own agreement under "mijn account"
(docs/peers.md)."""

from datetime import date
from typing import Annotated

from fastapi import Path, Request
from pydantic import Field

from api.accounts import peer_contacts
from api.accounts.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.requests import ContextDep
from api.core.routing import PERSON, errors, json_router
from api.core.schemas import ApiModel, CodeName, OptionalDate, RequestModel
from api.progress import peers
from api.progress.deadlines import TrafficLight
from api.progress.grid import Grid
from api.progress.peers import Phase
from api.progress.router import MunicipalityCode

router = json_router(tags=["Voortgang"], conditional=False)

MeasureCode = Annotated[str, Path(pattern=r"^M\d{2}$", examples=["M15"])]

SIMILARITY = (
    "Hoe vergelijkbaar (hoger is meer): omvang in inwoners op een logaritmische schaal (3 punten "
    "bij gelijke omvang, 0 bij een factor 10 verschil), zelfde arbeidsmarktregio (2), zelfde "
    "provincie (1), zelfde leverancier van de applicatie voor inkomen bij een maatregel die "
    "softwareaanpassingen vraagt (2, alleen als beide gemeenten die kennen)."
)
OWN_OR_TEAM = errors(e404="De gemeente bestaat niet, of is niet de uwe.")


class PeerContactRead(ApiModel):
    naam: str
    email: str


class PeerRead(ApiModel):
    gemeente: CodeName
    inwoners: int
    provincie: CodeName
    arbeidsmarktregio: CodeName
    fase: Phase = Field(description="geimplementeerd of geevalueerd.")
    geimplementeerd_op: OptionalDate = Field(
        description="De dag waarop de gemeente de maatregel (laatst) als ingevoerd meldde."
    )
    score: float = Field(description=SIMILARITY)
    overeenkomsten: list[str] = Field(
        description=(
            "Wat de gemeenten naast omvang gemeen hebben: zelfde-arbeidsmarktregio, "
            "zelfde-provincie, zelfde-leverancier."
        )
    )
    contactpersonen: list[PeerContactRead] = Field(
        description="Alleen wie ermee instemde collegiaal contact te zijn."
    )


class CellPeersRead(ApiModel):
    gemeente: CodeName
    maatregel: CodeName
    fase: Phase
    verkeerslicht: TrafficLight
    peildatum: date
    collegas: list[PeerRead] = Field(
        description="Hoogstens 5 gemeenten die de maatregel invoerden, de meest vergelijkbare "
        "eerst."
    )


class MeasurePeerRead(ApiModel):
    maatregel: CodeName
    ingangsdatum: date
    fase: Phase
    verkeerslicht: TrafficLight
    collega: PeerRead | None = Field(
        description="De meest vergelijkbare gemeente die de maatregel invoerde; leeg als nog "
        "geen gemeente dat deed."
    )


class MunicipalityPeersRead(ApiModel):
    gemeente: CodeName
    peildatum: date
    maatregelen: list[MeasurePeerRead] = Field(
        description="De maatregelen waarop de gemeente achterloopt (te laat of risico)."
    )


class PeerContactChoice(ApiModel):
    akkoord: bool = Field(
        description="Of u ermee instemt dat vergelijkbare gemeenten die een maatregel nog "
        "moeten invoeren uw naam en e-mailadres zien bij een maatregel die uw gemeente al "
        "invoerde. Standaard niet."
    )


class PeerContactWrite(RequestModel):
    akkoord: bool


def _peer_read(cells: Grid, peer: peers.Peer) -> PeerRead:
    place = peer.place
    return PeerRead(
        gemeente=CodeName(code=place.code, naam=place.name),
        inwoners=place.population,
        provincie=CodeName(
            code=place.province, naam=cells.names["provincie"].get(place.province, "")
        ),
        arbeidsmarktregio=CodeName(
            code=place.region, naam=cells.names["arbeidsmarktregio"].get(place.region, "")
        ),
        fase=peer.phase,
        geimplementeerd_op=peer.implemented_on,
        score=round(peer.likeness.score, 3),
        overeenkomsten=list(peer.likeness.alike),
        contactpersonen=[PeerContactRead(naam=p.name, email=p.email) for p in peer.contacts],
    )


@router.get(
    "/gemeenten/{code}/voortgang/{maatregel}/collegas",
    response_model=CellPeersRead,
    operation_id="collegasBijMaatregelOpvragen",
    summary="Vergelijkbare gemeenten die deze maatregel al invoerden, met wie u kunt bellen",
    description=(
        "Hoogstens 5 gemeenten in fase geimplementeerd of geevalueerd, de meest vergelijkbare "
        f"eerst. {SIMILARITY} Met alleen de contactpersonen die instemden collegiaal contact "
        "te zijn. Voor het programmateam en de eigen contactpersonen van de gemeente."
    ),
    openapi_extra=PERSON,
    responses=OWN_OR_TEAM,
)
def cell_peers(
    request: Request,
    code: MunicipalityCode,
    maatregel: MeasureCode,
    principal: CurrentPrincipal,
    session: SessionDep,
) -> CellPeersRead:
    found = peers.cell_peers(session, request.app.state, principal, code, maatregel)
    return CellPeersRead(
        gemeente=CodeName(code=found.place.code, naam=found.place.name),
        maatregel=CodeName(code=found.subject.code, naam=found.subject.title),
        fase=found.fact.phase,
        verkeerslicht=found.fact.verdict.light,
        peildatum=found.cells.today,
        collegas=[_peer_read(found.cells, peer) for peer in found.peers],
    )


@router.get(
    "/gemeenten/{code}/collegas",
    response_model=MunicipalityPeersRead,
    operation_id="collegasBijGemeenteOpvragen",
    summary="Per maatregel waarop de gemeente achterloopt: de meest vergelijkbare gemeente die "
    "hem invoerde",
    description=(
        "De maatregelen die vandaag te laat zijn of risico lopen, elk met de meest vergelijkbare "
        "gemeente die hem al invoerde (zoals bij één maatregel). Voor het programmateam en de "
        "eigen contactpersonen van de gemeente."
    ),
    openapi_extra=PERSON,
    responses=OWN_OR_TEAM,
)
def municipality_peers(
    request: Request,
    code: MunicipalityCode,
    principal: CurrentPrincipal,
    session: SessionDep,
) -> MunicipalityPeersRead:
    found = peers.municipality_peers(session, request.app.state, principal, code)
    return MunicipalityPeersRead(
        gemeente=CodeName(code=found.place.code, naam=found.place.name),
        peildatum=found.cells.today,
        maatregelen=[
            MeasurePeerRead(
                maatregel=CodeName(code=m.subject.code, naam=m.subject.title),
                ingangsdatum=m.subject.effective,
                fase=m.fact.phase,
                verkeerslicht=m.fact.verdict.light,
                collega=_peer_read(found.cells, m.peer) if m.peer else None,
            )
            for m in found.measures
        ],
    )


CONTACTS_ONLY = errors(
    e401="Niet ingelogd.",
    e403="Alleen voor contactpersonen van een gemeente of samenwerkingsverband.",
)


@router.get(
    "/mijn-account/collegiaal-contact",
    response_model=PeerContactChoice,
    operation_id="mijnCollegiaalContactOpvragen",
    summary="Of ik collegiaal contact ben voor vergelijkbare gemeenten",
    description="Wie nog niets koos is het niet (`akkoord`: false).",
    openapi_extra=PERSON,
    responses=CONTACTS_ONLY,
)
def read_mine(principal: CurrentPrincipal, session: SessionDep) -> PeerContactChoice:
    return PeerContactChoice(akkoord=peer_contacts.mine(session, principal))


@router.put(
    "/mijn-account/collegiaal-contact",
    response_model=PeerContactChoice,
    operation_id="mijnCollegiaalContactInstellen",
    summary="Instemmen (of niet meer) met collegiaal contact voor vergelijkbare gemeenten",
    description=(
        "Met `akkoord`: true zien het programmateam en de contactpersonen van vergelijkbare "
        "gemeenten die een maatregel nog moeten invoeren uw naam en e-mailadres, bij de "
        "maatregelen die uw gemeente al invoerde. Met false verdwijnt u meteen uit elk antwoord."
    ),
    openapi_extra=PERSON,
    responses=CONTACTS_ONLY,
)
def choose_mine(
    body: PeerContactWrite, principal: CurrentPrincipal, session: SessionDep, ctx: ContextDep
) -> PeerContactChoice:
    return PeerContactChoice(akkoord=peer_contacts.choose(session, principal, ctx, body.akkoord))
