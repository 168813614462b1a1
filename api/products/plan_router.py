"""HTTP endpoint for the delivery plan (leveringsplan) of the programme team."""

from typing import Annotated

from fastapi import Query

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.dates import BoundedDate
from api.core.db import SessionDep
from api.core.routing import PERSON, json_router
from api.products.delivery import delivery_plan
from api.products.schemas import DeliveryPlan

router = json_router(tags=["Producten"], conditional=False)


@router.get(
    "/leveringsplan",
    response_model=DeliveryPlan,
    operation_id="leveringsplanOpvragen",
    summary="Per fase en maatregel: welke producten er zijn, ontbreken of te laat zijn (redactie)",
    openapi_extra=PERSON,
)
def plan(
    principal: CurrentPrincipal,
    session: SessionDep,
    weken: Annotated[
        int, Query(ge=1, le=104, description="Horizon voor 'binnenkort' in weken.")
    ] = 6,
    fase: Annotated[int | None, Query(ge=1, le=99)] = None,
    peildatum: Annotated[
        BoundedDate | None,
        Query(description="Datum waarop het plan wordt bekeken (standaard vandaag)."),
    ] = None,
) -> DeliveryPlan:
    return delivery_plan(session, principal, peildatum or clock.today(), weken, fase)
