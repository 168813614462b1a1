"""HTTP endpoint of a municipality's activity beside its progress."""

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.db import SessionDep
from api.core.requests import SettingsDep
from api.core.routing import PERSON, json_router
from api.progress import activity
from api.progress.activity_schemas import Activity
from api.progress.router import MunicipalityCode

router = json_router(tags=["Voortgang"], conditional=False)


@router.get(
    "/gemeenten/{code}/activiteit",
    response_model=Activity,
    operation_id="gemeenteActiviteitOpvragen",
    summary="De contactpersonen, bijeenkomsten, vragen en signalen van een gemeente",
    description=(
        "Voor het programmateam en de eigen contactpersonen van de gemeente (een andere "
        "gemeente geeft 404, zoals bij de voortgang): de actieve contactpersonen, de komende "
        "en afgelopen bijeenkomsten waarvoor de gemeente zich aanmeldde, en de laatste vragen "
        "(voor een contactpersoon haar eigen) en signalen, elk met het totaal."
    ),
    openapi_extra=PERSON,
)
def municipality_activity(
    code: MunicipalityCode,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> Activity:
    return activity.activity(session, settings, principal, code, clock.now())
