"""HTTP endpoint for the audit log (admins only)."""

from typing import Annotated

from fastapi import Query, Request

from api.accounts.principal import CurrentPrincipal
from api.audit import service
from api.audit.schemas import AuditEventRead, AuditPage
from api.core.dates import BoundedMoment
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.routing import PERSON, json_router

router = json_router(tags=["Beheer van accounts"], conditional=False)


@router.get(
    "/audit-gebeurtenissen",
    response_model=AuditPage,
    operation_id="auditGebeurtenissenOpvragen",
    summary="Het auditlog: beveiligingsgebeurtenissen en wijzigingen, nieuwste eerst (beheerders)",
    openapi_extra=PERSON,
)
def list_events(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    page: PageDep,
    gebeurtenis: Annotated[str | None, Query(max_length=60, examples=["login.mislukt"])] = None,
    actor: Annotated[str | None, Query(max_length=80)] = None,
    onderwerp: Annotated[str | None, Query(max_length=120)] = None,
    vanaf: Annotated[
        BoundedMoment | None, Query(description="Vanaf dit tijdstip, met tijdzone (inclusief).")
    ] = None,
    tot: Annotated[
        BoundedMoment | None, Query(description="Tot dit tijdstip, met tijdzone (exclusief).")
    ] = None,
) -> AuditPage:
    criteria = service.AuditFilter(
        event=gebeurtenis, actor=actor, subject=onderwerp, since=vanaf, until=tot
    )
    events, total = service.find_events(session, principal, criteria, page)
    info, links = page_envelope(request, page, total)
    return AuditPage(
        resultaten=[AuditEventRead.of(e) for e in events], paginering=info, _links=links
    )
