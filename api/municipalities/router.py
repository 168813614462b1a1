"""HTTP endpoints for gemeenten, provincies and arbeidsmarktregio's."""

from typing import Annotated

from fastapi import Path, Query, Request, Response

from api.core.conditional import conditional_reference
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.routing import json_router
from api.core.schemas import CodeName, Link, SelfLinks
from api.core.sorting import sort_description
from api.core.urls import api_path
from api.municipalities import service
from api.municipalities.schemas import MunicipalityPage, MunicipalityRead, RegionList, RegionRead
from api.municipalities.service import (
    SORTABLE,
    LabourMarketRegion,
    Municipality,
    MunicipalityFilter,
    Province,
)

router = json_router(tags=["Gemeenten"])

PROVINCE_PATTERN = r"^PV\d{2}$"
REGION_PATTERN = r"^AM\d{2}$"


def _municipality_read(m: Municipality) -> MunicipalityRead:
    return MunicipalityRead(
        code=m.code,
        naam=m.name,
        provincie=CodeName(code=m.province.code, naam=m.province.name),
        arbeidsmarktregio=CodeName(
            code=m.labour_market_region.code, naam=m.labour_market_region.name
        ),
        inwoners=m.population,
        peildatum_inwoners=m.population_date,
        _links=SelfLinks(self=Link(href=api_path("gemeenten", m.code))),
    )


def _region_read(
    collection: str, group: Province | LabourMarketRegion, count: int, people: int
) -> RegionRead:
    return RegionRead(
        code=group.code,
        naam=group.name,
        aantal_gemeenten=count,
        inwoners=people,
        _links=SelfLinks(self=Link(href=api_path(collection, group.code))),
    )


@router.get(
    "/gemeenten",
    response_model=MunicipalityPage,
    operation_id="gemeentenOpvragen",
    summary="Gemeenten zoeken en filteren",
)
def list_municipalities(
    request: Request,
    session: SessionDep,
    page: PageDep,
    provincie: Annotated[
        str | None, Query(pattern=PROVINCE_PATTERN, description="Provinciecode, zoals PV27.")
    ] = None,
    arbeidsmarktregio: Annotated[
        str | None,
        Query(pattern=REGION_PATTERN, description="Code van de arbeidsmarktregio, zoals AM01."),
    ] = None,
    zoek: Annotated[
        str | None,
        Query(min_length=2, max_length=100, description="Deel van de naam; accenten tellen niet."),
    ] = None,
    sorteer: Annotated[
        str | None,
        Query(max_length=100, description=sort_description(list(SORTABLE), service.DEFAULT_SORT)),
    ] = None,
) -> Response:
    criteria = MunicipalityFilter(province=provincie, region=arbeidsmarktregio, text=zoek)

    def build() -> MunicipalityPage:
        municipalities, total = service.find_municipalities(session, criteria, sorteer, page)
        info, links = page_envelope(request, page, total)
        return MunicipalityPage(
            resultaten=[_municipality_read(m) for m in municipalities],
            paginering=info,
            _links=links,
        )

    return conditional_reference(request, session, build)


@router.get(
    "/gemeenten/{code}",
    response_model=MunicipalityRead,
    operation_id="gemeenteOpvragen",
    summary="Eén gemeente",
)
def get_municipality(
    request: Request,
    session: SessionDep,
    code: Annotated[
        str, Path(pattern=r"^GM\d{4}$", description="CBS-gemeentecode.", examples=["GM0363"])
    ],
) -> Response:
    return conditional_reference(
        request, session, lambda: _municipality_read(service.get_municipality(session, code))
    )


@router.get(
    "/provincies",
    response_model=RegionList,
    operation_id="provinciesOpvragen",
    summary="Alle provincies",
)
def list_provinces(request: Request, session: SessionDep) -> Response:
    return conditional_reference(
        request,
        session,
        lambda: RegionList(
            resultaten=[_region_read("provincies", *g) for g in service.provinces(session)]
        ),
    )


@router.get(
    "/provincies/{code}",
    response_model=RegionRead,
    operation_id="provincieOpvragen",
    summary="Eén provincie",
)
def get_province(
    request: Request,
    session: SessionDep,
    code: Annotated[str, Path(pattern=PROVINCE_PATTERN, examples=["PV27"])],
) -> Response:
    return conditional_reference(
        request, session, lambda: _region_read("provincies", *service.province(session, code))
    )


@router.get(
    "/arbeidsmarktregios",
    response_model=RegionList,
    operation_id="arbeidsmarktregiosOpvragen",
    summary="Alle arbeidsmarktregio's",
)
def list_regions(request: Request, session: SessionDep) -> Response:
    return conditional_reference(
        request,
        session,
        lambda: RegionList(
            resultaten=[_region_read("arbeidsmarktregios", *g) for g in service.regions(session)]
        ),
    )


@router.get(
    "/arbeidsmarktregios/{code}",
    response_model=RegionRead,
    operation_id="arbeidsmarktregioOpvragen",
    summary="Eén arbeidsmarktregio",
)
def get_region(
    request: Request,
    session: SessionDep,
    code: Annotated[str, Path(pattern=REGION_PATTERN, examples=["AM01"])],
) -> Response:
    return conditional_reference(
        request,
        session,
        lambda: _region_read("arbeidsmarktregios", *service.region(session, code)),
    )
