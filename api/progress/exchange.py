"""Exports of progress in the upload's own format, scoped to who asks."""

from typing import Any

from sqlalchemy.orm import Session

from api.core.errors import NotFoundError, UnauthenticatedError
from api.core.security import Principal
from api.organisations.models import OrganisationKind
from api.organisations.service import get_organisation
from api.progress import policy, repository


def export_records(session: Session, principal: Principal) -> list[dict[str, Any]]:
    """Every cell the principal may read that was ever written (cells never written have no
    stored state), by municipality and measure."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    roadmaps = {m: {s.code for s in steps} for m, steps in repository.roadmaps(session).items()}
    records = []
    for (code, measure), state in sorted(repository.states(session).items()):
        if not policy.can_read(principal, code):
            continue
        records.append(
            {
                "gemeente": code,
                "maatregel": measure,
                "fase": state.phase.value,
                "geplandLivegang": state.planned_go_live.isoformat()
                if state.planned_go_live
                else "",
                # Steps an editor has since removed from the roadmap are left out, so the
                # export can be uploaded again as it is.
                "stappenGereed": {
                    step: done
                    for step, done in state.steps_done.items()
                    if step in roadmaps.get(measure, set())
                },
                "knelpunten": state.blockers or "",
                "notitie": state.note or "",
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
