"""Roadmaps: public to read; editors replace a measure's steps as a whole."""

from sqlalchemy import delete
from sqlalchemy.orm import Session

from api.audit.service import record
from api.core.conditional import check_version
from api.core.requests import RequestContext
from api.core.security import Principal, require_programme_team
from api.core.validation import InvalidParams
from api.measures.models import Measure
from api.measures.service import get_measure
from api.progress import repository
from api.progress.models import RoadmapStep
from api.progress.schemas import RoadmapStepWrite


def roadmap_of(session: Session, code: str) -> tuple[Measure, list[RoadmapStep]]:
    return get_measure(session, code), repository.roadmap(session, code)


def _check(steps: list[RoadmapStepWrite]) -> None:
    invalid = InvalidParams()
    codes = [s.code for s in steps]
    if len(set(codes)) != len(codes):
        invalid.add("stappen", "duplicate_code", "Elke stap heeft een eigen code.", "body")
    for step in steps:
        if step.start_dagen > step.einde_dagen:
            invalid.add(
                "stappen", "start_after_finish", f"Stap '{step.code}' begint na haar einde.", "body"
            )
        for dependency in step.afhankelijk_van:
            if dependency not in codes or dependency == step.code:
                invalid.add(
                    "stappen",
                    "unknown_dependency",
                    f"Stap '{step.code}' hangt af van onbekende stap '{dependency}'.",
                    "body",
                )
    invalid.raise_if_any()
    # Dependencies must not go round in circles.
    graph = {s.code: set(s.afhankelijk_van) for s in steps}
    done: set[str] = set()
    while graph.keys() - done:
        ready = {c for c in graph.keys() - done if graph[c] <= done}
        if not ready:
            invalid.add("stappen", "cycle", "De afhankelijkheden vormen een kring.", "body")
            invalid.raise_if_any()
        done |= ready


def replace_roadmap(
    session: Session,
    principal: Principal,
    ctx: RequestContext,
    code: str,
    steps: list[RoadmapStepWrite],
    if_match: str | None = None,
) -> tuple[Measure, list[RoadmapStep]]:
    """`if_match`, when sent, must name the measure's current version (412 otherwise): the
    roadmap is the measure's, and a new one raises the measure's version."""
    require_programme_team(principal, "Routekaarten wijzigen")
    measure = get_measure(session, code)
    _check(steps)
    check_version(if_match, measure.version, required=False)
    measure.version += 1
    before = [s.code for s in repository.roadmap(session, code)]
    session.execute(delete(RoadmapStep).where(RoadmapStep.measure_code == code))
    for position, step in enumerate(steps, start=1):
        session.add(
            RoadmapStep(
                measure_code=code,
                code=step.code,
                position=position,
                title=step.titel.strip(),
                description=step.omschrijving.strip(),
                start_offset_days=step.start_dagen,
                finish_offset_days=step.einde_dagen,
                depends_on=list(step.afhankelijk_van),
                council_decision=step.raadsbesluit,
            )
        )
    session.flush()
    record(
        session,
        ctx,
        "routekaart.gewijzigd",
        actor=principal.subject,
        subject=f"maatregel:{code}",
        details={"stappen": {"van": before, "naar": [s.code for s in steps]}},
    )
    return measure, repository.roadmap(session, code)
