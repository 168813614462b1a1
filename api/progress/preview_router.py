"""What if a date moves: what would change, computed before anything is saved."""

from typing import Annotated

from fastapi import Header, Path, Query

from api.accounts.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.requests import ContextDep
from api.core.routing import PERSON, errors, json_router
from api.measures.router import MeasureCode, MeasureIfMatch
from api.measures.schemas import MeasureUpdate, WaveUpdate
from api.progress import preview
from api.progress.preview import WhatIf
from api.progress.schemas import RoadmapWrite

router = json_router(tags=["Voortgang"], conditional=False)

CellLimit = Annotated[
    int,
    Query(
        alias="maxCellen",
        ge=0,
        le=10000,
        description="Hoeveel gewijzigde combinaties er ten hoogste genoemd worden; "
        "cellen.aantal telt ze allemaal.",
    ),
]
MEASURE_MOVED = "If-Match noemt niet de huidige versie van de maatregel."
DESCRIPTION = (
    "Wat opslaan van deze wijziging zou doen, zonder iets op te slaan of te versturen: de "
    "verkeerslichten van alle combinaties van gemeente en maatregel voor en na, de combinaties "
    "waarvan het licht verandert, hoeveel er op de lijst Hulp nodig bijkomen en afgaan, de "
    "producten waarvan de leverdatum of de actualiteit verandert, en de meldingen die "
    "opslaan direct of bij de volgende herinneringen zou maken. Dezelfde controles als bij "
    "opslaan (400), 404 voor een onbekende code, alleen voor de redactie."
)


@router.post(
    "/maatregelen/{code}/voorvertoning",
    response_model=WhatIf,
    operation_id="maatregelWijzigingVoorvertonen",
    summary="Wat een wijziging van een maatregel zou doen, zonder op te slaan (redactie)",
    description=DESCRIPTION,
    openapi_extra=PERSON,
    responses=errors(e412=MEASURE_MOVED),
)
def preview_measure(
    code: MeasureCode,
    body: MeasureUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    max_cellen: CellLimit = preview.MAX_CELLS,
    if_match: MeasureIfMatch = None,
) -> WhatIf:
    changes = body.model_dump(by_alias=True, exclude_unset=True)
    return preview.measure_change(session, principal, ctx, code, changes, max_cellen, if_match)


@router.post(
    "/fasen/{nummer}/voorvertoning",
    response_model=WhatIf,
    operation_id="faseWijzigingVoorvertonen",
    summary="Wat een wijziging van een fase zou doen, zonder op te slaan (redactie)",
    description=DESCRIPTION,
    openapi_extra=PERSON,
    responses=errors(e412="If-Match noemt niet de huidige versie van de fase."),
)
def preview_wave(
    nummer: Annotated[int, Path(ge=1, le=99)],
    body: WaveUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    max_cellen: CellLimit = preview.MAX_CELLS,
    if_match: Annotated[
        str | None,
        Header(
            alias="If-Match",
            description='Zoals bij het wijzigen: "v<versie>" van de gelezen fase; 412 als '
            "iemand anders haar intussen wijzigde.",
        ),
    ] = None,
) -> WhatIf:
    changes = body.model_dump(by_alias=True, exclude_unset=True)
    return preview.wave_change(session, principal, ctx, nummer, changes, max_cellen, if_match)


@router.post(
    "/maatregelen/{code}/routekaart/voorvertoning",
    response_model=WhatIf,
    operation_id="routekaartWijzigingVoorvertonen",
    summary="Wat een nieuwe routekaart zou doen, zonder op te slaan (redactie)",
    description=DESCRIPTION,
    openapi_extra=PERSON,
    responses=errors(e412=MEASURE_MOVED),
)
def preview_roadmap(
    code: MeasureCode,
    body: RoadmapWrite,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    max_cellen: CellLimit = preview.MAX_CELLS,
    if_match: MeasureIfMatch = None,
) -> WhatIf:
    return preview.roadmap_change(session, principal, ctx, code, body.stappen, max_cellen, if_match)
