"""Exports of progress in the upload's own format, scoped to who asks."""

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from api.core.errors import NotFoundError, UnauthenticatedError
from api.core.security import Principal
from api.organisations.models import OrganisationKind
from api.organisations.service import get_organisation
from api.progress import policy, repository
from api.progress.aggregates import cells
from api.progress.models import Phase


def export_records(session: Session, principal: Principal, today: date) -> list[dict[str, Any]]:
    """Every cell the principal may read; not-started cells without history are left out."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    roadmaps = {m: {s.code for s in steps} for m, steps in repository.roadmaps(session).items()}
    records = []
    for cell in cells(session, today):
        code = cell.municipality.code
        if not policy.can_read(principal, code):
            continue
        if cell.state.version == 0 and cell.state.phase is Phase.NOT_STARTED:
            continue
        records.append(
            {
                "gemeente": code,
                "maatregel": cell.measure.code,
                "fase": cell.state.phase.value,
                "geplandLivegang": cell.state.planned_go_live.isoformat()
                if cell.state.planned_go_live
                else "",
                # Steps an editor has since removed from the roadmap are left out, so the
                # export can be uploaded again as it is.
                "stappenGereed": {
                    code: done
                    for code, done in cell.state.steps_done.items()
                    if code in roadmaps.get(cell.measure.code, set())
                },
                "knelpunten": cell.state.blockers or "",
                "notitie": cell.state.note or "",
            }
        )
    return records


def shared_service_rows(
    session: Session, organisation_code: str, row: dict[str, Any]
) -> list[dict[str, Any]]:
    """One report for every member municipality of a shared service (ISD, GR)."""
    organisation = get_organisation(session, organisation_code)
    if organisation.kind is not OrganisationKind.SHARED_SERVICE:
        raise NotFoundError(f"{organisation_code} is geen samenwerkingsverband.")
    return [{**row, "gemeente": member.code} for member in organisation.members]
