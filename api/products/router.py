"""HTTP endpoints of the catalogue: list, search, read, create, change, lifecycle, history."""

from typing import Annotated

from fastapi import Path, Query, Request, Response, status

from api.accounts.principal import CurrentPrincipal
from api.core.conditional import (
    BY_VIEWER,
    cache_control,
    conditional_json,
    conditional_versioned,
)
from api.core.dates import BoundedMoment
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.requests import SettingsDep
from api.core.routing import PERSON, errors, json_router
from api.core.sorting import sort_description
from api.core.urls import api_path
from api.products import catalogue, changes, lifecycle
from api.products.catalogue import SORTABLE, ProductFields
from api.products.policy import viewer_of
from api.products.presenters import product_read
from api.products.schemas import (
    FreshnessConfirmation,
    ProductCreate,
    ProductHistoryEntry,
    ProductHistoryList,
    ProductPage,
    ProductRead,
    ProductUpdate,
    Transition,
)
from api.products.vocabulary import Audience, ProductFilter, ProductStatus, ProductType

router = json_router(tags=["Producten"])
writes = json_router(tags=["Producten"], conditional=False)

ProductId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Id van het product.")
]
READ_SECURITY = {"security": [{}, {"sessieCookie": []}, {"clientCredentials": ["producten:lezen"]}]}


@router.get(
    "/producten",
    response_model=ProductPage,
    operation_id="productenOpvragen",
    summary="Producten zoeken en filteren (publiek: alleen gepubliceerd)",
    openapi_extra=READ_SECURITY,
)
def list_products(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
    maatregel: Annotated[str | None, Query(pattern=r"^M\d{2}$")] = None,
    fase: Annotated[int | None, Query(ge=1, le=99)] = None,
    soort: Annotated[ProductType | None, Query()] = None,
    status_: Annotated[ProductStatus | None, Query(alias="status")] = None,
    doelgroep: Annotated[Audience | None, Query()] = None,
    uitgever: Annotated[str | None, Query(pattern=r"^[a-z0-9-]{2,60}$")] = None,
    gewijzigd_sinds: Annotated[
        BoundedMoment | None,
        Query(
            alias="gewijzigdSinds", description="Alleen producten gewijzigd op of na dit tijdstip."
        ),
    ] = None,
    zoek: Annotated[
        str | None,
        Query(
            min_length=3,
            max_length=200,
            description="Zoekt met Nederlandse woordstammen; gerangschikt.",
        ),
    ] = None,
    sorteer: Annotated[
        str | None,
        Query(max_length=100, description=sort_description(list(SORTABLE), catalogue.DEFAULT_SORT)),
    ] = None,
) -> Response:
    criteria = ProductFilter(
        measure=maatregel,
        wave=fase,
        type=soort,
        status=status_,
        audience=doelgroep,
        publisher=uitgever,
        changed_since=gewijzigd_sinds,
    )
    viewer = viewer_of(principal)
    version = changes.list_version(session, viewer)

    def build() -> ProductPage:
        found, total, seen_as = catalogue.find_products(
            session, principal, criteria, zoek, sorteer, page
        )
        info, links = page_envelope(request, page, total)
        return ProductPage(
            resultaten=[product_read(p, seen_as, fragment=f) for p, f in found],
            paginering=info,
            _links=links,
        )

    return conditional_versioned(
        request,
        version.key,
        build,
        last_modified=version.last_modified,
        cache_control=cache_control(viewer.value == "public"),
        vary=BY_VIEWER,
        again=changes.public_list_key,
    )


@router.get(
    "/producten/{id}",
    response_model=ProductRead,
    operation_id="productOpvragen",
    summary="Eén product (publiek: alleen gepubliceerd)",
    openapi_extra=READ_SECURITY,
)
def get_product(
    request: Request, product_id: ProductId, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    product, viewer, invited = catalogue.get_visible(session, principal, product_id)
    return conditional_json(
        request,
        product_read(product, viewer, sees_draft=invited),
        cache_control=cache_control(viewer.value == "public" and not invited),
        vary=BY_VIEWER,
    )


def _fields(body: ProductCreate | ProductUpdate) -> ProductFields:
    return ProductFields(
        type=body.soort,
        title=body.titel,
        summary=body.samenvatting,
        measures=body.maatregelen,
        audiences=body.doelgroepen,
        publishers=body.uitgevers,
        language_level=body.taalniveau,
        licence=body.licentie,
        planned_date=body.gepland_datum,
        owner_id=body.eigenaar_id,
        set_fields=frozenset(body.model_dump(by_alias=True, exclude_unset=True)),
    )


@writes.post(
    "/producten",
    status_code=status.HTTP_201_CREATED,
    response_model=ProductRead,
    operation_id="productAanmaken",
    summary="Een product aanmaken (redactie)",
    openapi_extra=PERSON,
)
def create_product(
    body: ProductCreate, response: Response, principal: CurrentPrincipal, session: SessionDep
) -> ProductRead:
    product = catalogue.create_product(session, principal, _fields(body))
    response.headers["Location"] = api_path("producten", product.id)
    return product_read(product, viewer_of(principal))


@writes.patch(
    "/producten/{id}",
    response_model=ProductRead,
    operation_id="productWijzigen",
    summary="Metadata van een product wijzigen (redactie)",
    openapi_extra=PERSON,
)
def update_product(
    product_id: ProductId, body: ProductUpdate, principal: CurrentPrincipal, session: SessionDep
) -> ProductRead:
    product = catalogue.update_product(session, principal, product_id, _fields(body))
    return product_read(product, viewer_of(principal))


@writes.post(
    "/producten/{id}/statuswijzigingen",
    response_model=ProductRead,
    operation_id="productStatusWijzigen",
    responses=errors(
        e409="Deze overgang mag niet vanuit de huidige status, of een voorwaarde ontbreekt."
    ),
    summary="Het product door de levenscyclus bewegen; 409 als de overgang niet mag (redactie)",
    openapi_extra=PERSON,
)
def change_status(
    product_id: ProductId,
    body: Transition,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> ProductRead:
    product = lifecycle.transition(
        session,
        settings,
        principal,
        product_id,
        body.naar,
        note=body.toelichting,
        change_note=body.wijzigingsnotitie,
    )
    return product_read(product, viewer_of(principal))


@writes.put(
    "/producten/{id}/actualiteit",
    response_model=ProductRead,
    operation_id="productActualiteitBevestigen",
    responses=errors(e409="Dit product hoeft niet gecontroleerd te worden."),
    summary="Na een gewijzigde maatregel bevestigen dat het product nog klopt (redactie)",
    openapi_extra=PERSON,
)
def confirm_freshness(
    product_id: ProductId,
    body: FreshnessConfirmation,
    principal: CurrentPrincipal,
    session: SessionDep,
) -> ProductRead:
    product = lifecycle.confirm_freshness(
        session, principal, product_id, body.actueel, body.toelichting
    )
    return product_read(product, viewer_of(principal))


@writes.get(
    "/producten/{id}/geschiedenis",
    response_model=ProductHistoryList,
    operation_id="productGeschiedenisOpvragen",
    summary="Alle wijzigingen van een product: wie, wanneer, wat (redactie)",
    openapi_extra=PERSON,
)
def history(
    product_id: ProductId, principal: CurrentPrincipal, session: SessionDep
) -> ProductHistoryList:
    return ProductHistoryList(
        resultaten=[
            ProductHistoryEntry(
                volgnummer=c.seq,
                soort=c.kind,
                door=c.actor,
                tijdstip=c.occurred_at,
                details=c.details,
            )
            for c in changes.history(session, principal, product_id)
        ]
    )
