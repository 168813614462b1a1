"""HTTP endpoints for organisaties."""

from typing import Annotated

from fastapi import Path, Query, Request, Response

from api.core.conditional import conditional_reference
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.routing import json_router
from api.core.schemas import CodeName, Link, SelfLinks
from api.core.urls import api_path
from api.organisations import service
from api.organisations.schemas import OrganisationPage, OrganisationRead
from api.organisations.service import Organisation, OrganisationKind

router = json_router(tags=["Organisaties"])


def _organisation_read(o: Organisation) -> OrganisationRead:
    return OrganisationRead(
        code=o.code,
        naam=o.name,
        afkorting=o.abbreviation,
        soort=o.kind,
        website=o.website,
        leden=[CodeName(code=m.code, naam=m.name) for m in o.members],
        demo=o.is_demo,
        _links=SelfLinks(self=Link(href=api_path("organisaties", o.code))),
    )


@router.get(
    "/organisaties",
    response_model=OrganisationPage,
    operation_id="organisatiesOpvragen",
    summary="Ketenpartners en samenwerkingsverbanden",
)
def list_organisations(
    request: Request,
    session: SessionDep,
    page: PageDep,
    soort: Annotated[OrganisationKind | None, Query(description="Soort organisatie.")] = None,
) -> Response:

    def build() -> OrganisationPage:
        organisations, total = service.find_organisations(session, soort, page)
        info, links = page_envelope(request, page, total)
        return OrganisationPage(
            resultaten=[_organisation_read(o) for o in organisations],
            paginering=info,
            _links=links,
        )

    return conditional_reference(request, session, build)


@router.get(
    "/organisaties/{code}",
    response_model=OrganisationRead,
    operation_id="organisatieOpvragen",
    summary="Eén organisatie",
)
def get_organisation(
    request: Request,
    session: SessionDep,
    code: Annotated[str, Path(pattern=r"^[a-z0-9-]{2,60}$", examples=["divosa"])],
) -> Response:
    return conditional_reference(
        request, session, lambda: _organisation_read(service.get_organisation(session, code))
    )
