"""The people directory: the team picks a reviewer among the municipal contacts, or a
colleague, by name, without the admins' user list."""

from typing import Annotated

from fastapi import Query, Request

from api.accounts import people
from api.accounts.principal import CurrentPrincipal
from api.accounts.schemas import PersonPage, PersonRead
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.routing import PERSON, json_router
from api.core.security import Role

router = json_router(tags=["Personen"], conditional=False)


@router.get(
    "/personen",
    response_model=PersonPage,
    operation_id="personenZoeken",
    summary="Personen zoeken om te kiezen: een toetser, een collega (redactie en beheer)",
    description=(
        "Alleen actieve personen, met niet meer dan naam, organisatie, gemeenten en rollen. "
        "De redactie en beheerders zoeken gemeentelijke contactpersonen, collega's en experts; "
        "andere rollen krijgen 403."
    ),
    openapi_extra=PERSON,
)
def find_people(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
    rol: Annotated[Role, Query(description="Welke rol de gezochte personen hebben.")],
    zoek: Annotated[
        str | None, Query(min_length=1, max_length=100, description="Deel van de naam.")
    ] = None,
    gemeente: Annotated[
        str | None,
        Query(pattern=r"^GM\d{4}$", description="Alleen contactpersonen van deze gemeente."),
    ] = None,
) -> PersonPage:
    found, total = people.directory(session, principal, rol, zoek, gemeente, page)
    info, links = page_envelope(request, page, total)
    return PersonPage(resultaten=[PersonRead.of(p) for p in found], paginering=info, _links=links)
