"""HTTP endpoints of the advisors' help list: the list (JSON, or every row as a call list in CSV
or XLSX) and the team's contact moments per row."""

from typing import Annotated, Literal

from fastapi import Path, Query, Request, Response, status

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.db import SessionDep
from api.core.opendata import CSV_CONTENT_TYPE, CSV_MEDIA_TYPE
from api.core.pagination import PageDep, page_envelope
from api.core.routing import PERSON, errors, json_router
from api.measures.router import MeasureCode
from api.progress import causes, contacts, forecast, grid, help_export, help_list
from api.progress.causes import CauseKind
from api.progress.contact_schemas import ContactMomentCreate, ContactMomentList, ContactMomentRead
from api.progress.deadlines import TrafficLight
from api.progress.router import MunicipalityCode, ReferenceDate
from api.progress.schemas import HelpList

router = json_router(tags=["Voortgang"], conditional=False)


@router.get(
    "/voortgang/hulp-nodig",
    response_model=HelpList,
    operation_id="hulpNodigOpvragen",
    summary="Wie hulp nodig heeft: elke combinatie te laat of met risico, meest dringend eerst",
    description=(
        "Elke gemeente en maatregel die te laat is of risico loopt, van elke fase, ook van "
        "maatregelen die nog niet gelden: eerst te laat, dan de minste speling, dan de vroegste "
        "ingangsdatum. Per pagina, met de contactpersonen van de gemeente en het laatste "
        "contactmoment. Met `formaat=csv` of `formaat=xlsx` als bellijst: alle rijen bij "
        "dezelfde filters, geen pagina."
    ),
    responses={
        200: {
            "description": "Een pagina; met formaat=csv of xlsx alle rijen als bestand.",
            "content": {
                CSV_MEDIA_TYPE: {"schema": {"type": "string"}},
                help_export.XLSX: {"schema": {"type": "string", "format": "binary"}},
            },
        }
    },
    openapi_extra=PERSON,
)
def help_needed(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
    provincie: Annotated[str | None, Query(pattern=r"^PV\d{2}$", examples=["PV26"])] = None,
    arbeidsmarktregio: Annotated[str | None, Query(pattern=r"^AM\d{2}$", examples=["AM19"])] = None,
    fase: Annotated[int | None, Query(ge=1, le=99, description="Fase van de maatregel.")] = None,
    maatregel: Annotated[str | None, Query(pattern=r"^M\d{2}$")] = None,
    verkeerslicht: Annotated[
        Literal["te-laat", "risico"] | None, Query(description="Alleen te laat of alleen risico.")
    ] = None,
    oorzaak: Annotated[
        CauseKind | None,
        Query(description="Alleen door de eigen voortgang, of alleen door ICT (vandaag)."),
    ] = None,
    binnen_dagen: Annotated[
        int | None,
        Query(
            alias="binnenDagen",
            ge=0,
            le=730,
            description="Alleen maatregelen die binnen zoveel dagen ingaan (of al gelden).",
        ),
    ] = None,
    gecontacteerd: Annotated[
        Literal["ja", "nee"] | None,
        Query(description="Alleen combinaties waarover het team contact had (ja) of niet (nee)."),
    ] = None,
    contact_binnen_dagen: Annotated[
        int | None,
        Query(
            alias="contactBinnenDagen",
            ge=0,
            le=730,
            description="Bij `gecontacteerd`: telt alleen een contact van de laatste zoveel dagen "
            "(`gecontacteerd=nee&contactBinnenDagen=14`: al twee weken niet gesproken).",
        ),
    ] = None,
    peildatum: ReferenceDate = None,
    sorteer: Annotated[
        Literal["urgentie", "kans"],
        Query(
            description="urgentie: eerst te laat, dan de minste speling (standaard); kans: de "
            "grootste kans dat de maatregel op de ingangsdatum niet is ingevoerd eerst (de "
            "prognose), dan urgentie."
        ),
    ] = "urgentie",
    formaat: Annotated[
        Literal["json", "csv", "xlsx"],
        Query(description="csv of xlsx: de bellijst, alle rijen bij deze filters."),
    ] = "json",
) -> HelpList | Response:
    today = clock.today()
    state = request.app.state
    if peildatum is None or peildatum == today:
        cells, others = grid.current(session, today, state), causes.current(session, state)
    else:
        cells, others = grid.build(session, peildatum), {}
    criteria = help_list.HelpFilter(
        province=provincie,
        region=arbeidsmarktregio,
        wave=fase,
        measure=maatregel,
        light=TrafficLight(verkeerslicht) if verkeerslicht else None,
        cause=oorzaak,
        within_days=binnen_dagen,
        contact=contacts.ContactFilter(
            contacted=None if gecontacteerd is None else gecontacteerd == "ja",
            within_days=contact_binnen_dagen,
        ),
        # Asked only once the principal may see the list: the forecast is learnt on first use.
        chances=None
        if sorteer == "urgentie"
        else lambda: {key: f.chance for key, f in forecast.chances(session, state, cells).items()},
    )
    if formaat != "json":
        rows, _ = help_list.help_needed(session, principal, cells, criteria, None, others)
        headers = {
            "Content-Disposition": (
                f'attachment; filename="{help_export.file_name(cells.today, formaat)}"'
            ),
            "Cache-Control": "no-store",
        }
        if formaat == "xlsx":
            return Response(help_export.to_xlsx(rows), media_type=help_export.XLSX, headers=headers)
        return Response(help_export.to_csv(rows), media_type=CSV_CONTENT_TYPE, headers=headers)
    rows, total = help_list.help_needed(session, principal, cells, criteria, page, others)
    info, links = page_envelope(request, page, total)
    return HelpList(peildatum=cells.today, resultaten=rows, paginering=info, _links=links)


CONTACTS = "/voortgang/hulp-nodig/{gemeente}/{maatregel}/contactmomenten"
Municipality = Annotated[MunicipalityCode, Path(alias="gemeente")]
Measure = Annotated[MeasureCode, Path(alias="maatregel")]


@router.post(
    CONTACTS,
    status_code=status.HTTP_201_CREATED,
    response_model=ContactMomentRead,
    operation_id="contactmomentVastleggen",
    summary="Vastleggen dat het team de gemeente over deze maatregel sprak (programmateam)",
    description=(
        "Een datum (niet in de toekomst) en een korte notitie; eerdere contactmomenten blijven "
        "bewaard. De hulp-nodig-lijst toont het laatste."
    ),
    responses=errors(e404="Gemeente of maatregel bestaat niet."),
    openapi_extra=PERSON,
)
def record_contact(
    gemeente: Municipality,
    maatregel: Measure,
    body: ContactMomentCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
) -> ContactMomentRead:
    return contacts.record(session, principal, gemeente, maatregel, body.datum, body.notitie)


@router.get(
    CONTACTS,
    response_model=ContactMomentList,
    operation_id="contactmomentenOpvragen",
    summary="Elk contactmoment over deze gemeente en maatregel, het nieuwste eerst (programmateam)",
    responses=errors(e404="Gemeente of maatregel bestaat niet."),
    openapi_extra=PERSON,
)
def contact_history(
    gemeente: Municipality, maatregel: Measure, principal: CurrentPrincipal, session: SessionDep
) -> ContactMomentList:
    return ContactMomentList(resultaten=contacts.history(session, principal, gemeente, maatregel))
