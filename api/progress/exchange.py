"""Exports of progress in the upload's own format, scoped to who asks; a shared service's
report as one row per member."""

from typing import TypedDict

from sqlalchemy.orm import Session

from api.core.dutch import plural
from api.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    UnauthenticatedError,
)
from api.core.security import Principal
from api.organisations.models import OrganisationKind
from api.organisations.service import get_organisation
from api.progress import policy, repository
from api.progress.cells import NOT_STARTED
from api.progress.models import PHASE_ORDER
from api.progress.rows import ParsedRow


class ExportRecord(TypedDict):
    """One cell in the export, by the upload's column names."""

    gemeente: str
    maatregel: str
    fase: str
    geplandLivegang: str
    stappenGereed: dict[str, str]
    knelpunten: str
    knelpuntSoort: str
    notitie: str


def export_records(session: Session, principal: Principal) -> list[ExportRecord]:
    """Every measure of every municipality the principal may read, reported or not, so the
    export is the upload's template: a cell never written is `niet-gestart` with empty fields
    (which an upload leaves unchanged)."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    codes = [
        m.code for m in repository.municipalities(session) if policy.can_read(principal, m.code)
    ]
    if not codes:
        return []
    measures = [m.code for m in repository.measures(session)]
    roadmaps = {m: {s.code for s in steps} for m, steps in repository.roadmaps(session).items()}
    states = repository.states(session, codes)
    records: list[ExportRecord] = []
    for code in codes:
        for measure in measures:
            state = states.get((code, measure), NOT_STARTED)
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
                    "knelpuntSoort": state.blocker_kind or "",
                    "notitie": state.note or "",
                }
            )
    return records


def shared_service_rows(
    session: Session,
    principal: Principal,
    organisation_code: str,
    report: ParsedRow,
    confirmed: set[str],
) -> list[ParsedRow]:
    """One report for every member municipality of a shared service (ISD, GR): the report's
    row once per member, numbered from 1 in the order of the members.

    A report that would move a member back to an earlier phase is refused (409, listing each
    such member) unless the report names that member in `terugzettenBevestigd`: one report for
    many municipalities must not silently undo what one of them reported itself."""
    organisation = get_organisation(session, organisation_code)
    if organisation.kind is not OrganisationKind.SHARED_SERVICE:
        raise NotFoundError(f"{organisation_code} is geen samenwerkingsverband.")
    members = [member.code for member in organisation.members]
    confirmed = {code.strip().upper() for code in confirmed}
    strangers = sorted(confirmed - set(members))
    if strangers:
        reason = f"{', '.join(strangers)} is geen lid van {organisation_code}."
        raise InvalidInputError(
            f"terugzettenBevestigd: {reason}",
            [
                {
                    "name": "terugzettenBevestigd",
                    "in": "body",
                    "code": "not_a_member",
                    "reason": reason,
                }
            ],
        )
    reported, measure = report.phase, report.measure
    # A caller who may not write every member gets the bulk's row errors, not their phases.
    if reported is not None and all(policy.may_write(principal, c) for c in members):
        stored = repository.states(session, members)
        backwards = [
            {
                "gemeente": code,
                "maatregel": measure,
                "huidigeFase": current.value,
                "gemeldeFase": reported.value,
            }
            for code in members
            if code not in confirmed
            and PHASE_ORDER.index(current := stored.get((code, measure), NOT_STARTED).phase)
            > PHASE_ORDER.index(reported)
        ]
        if backwards:
            raise ConflictError(
                f"Deze melding zet {plural(len(backwards), 'gemeente', 'gemeenten')} een fase "
                "terug: "
                f"{', '.join(b['gemeente'] for b in backwards)}. Noem ze in "
                "terugzettenBevestigd als dat de bedoeling is; er is niets gewijzigd.",
                extra={"terugzettingen": backwards},
                problem_type="terugzetting-niet-bevestigd",
            )
    return [
        report._replace(number=number, municipality=code)
        for number, code in enumerate(members, start=1)
    ]
