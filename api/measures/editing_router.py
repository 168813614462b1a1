"""HTTP endpoints for editors to correct measures and waves."""

from typing import Annotated

from fastapi import Header, Path, Response

from api.accounts.principal import CurrentPrincipal
from api.core.conditional import private_versioned
from api.core.db import SessionDep
from api.core.requests import ContextDep
from api.core.routing import PERSON, VERSIONED, errors, json_router
from api.measures import editing
from api.measures.router import MeasureCode, MeasureIfMatch, measure_read, wave_read
from api.measures.schemas import MeasureRead, MeasureUpdate, WaveRead, WaveUpdate

router = json_router(tags=["Maatregelen"], conditional=False)


@router.patch(
    "/maatregelen/{code}",
    response_model=MeasureRead,
    operation_id="maatregelWijzigen",
    summary="Een maatregel corrigeren (redactie); producten worden zo nodig gemarkeerd",
    responses={
        **VERSIONED,
        **errors(e412="Iemand anders wijzigde de maatregel of haar routekaart intussen."),
    },
    openapi_extra=PERSON,
)
def update_measure(
    code: MeasureCode,
    body: MeasureUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    if_match: MeasureIfMatch = None,
) -> Response:
    changes = body.model_dump(by_alias=True, exclude_unset=True)
    measure = editing.update_measure(session, principal, ctx, code, changes, if_match)
    return private_versioned(measure_read(measure), measure.version)


@router.patch(
    "/fasen/{nummer}",
    response_model=WaveRead,
    operation_id="faseWijzigen",
    summary="Een fase wijzigen, bijvoorbeeld een verschoven datum of het doel (redactie)",
    responses={**VERSIONED, **errors(e412="Iemand anders wijzigde de fase intussen.")},
    openapi_extra=PERSON,
)
def update_wave(
    nummer: Annotated[int, Path(ge=1, le=99)],
    body: WaveUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    ctx: ContextDep,
    if_match: Annotated[
        str | None,
        Header(
            alias="If-Match",
            description='"v<versie>" van de gelezen fase; 412 als iemand anders haar intussen '
            "wijzigde.",
        ),
    ] = None,
) -> Response:
    changes = body.model_dump(by_alias=True, exclude_unset=True)
    wave, count = editing.update_wave(session, principal, ctx, nummer, changes, if_match)
    return private_versioned(wave_read(wave, count), wave.version)
