"""Turning cells and roadmaps into their public shape."""

from datetime import date, timedelta

from api.core.schemas import CodeName
from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.progress.cells import CellState
from api.progress.deadlines import Deadlines, StepDeadline
from api.progress.models import RoadmapStep
from api.progress.schemas import NextStep, ProgressRead, Roadmap, RoadmapStepRead, StepProgress


def next_step(d: StepDeadline | None) -> NextStep | None:
    if d is None:
        return None
    return NextStep(
        code=d.step.code,
        titel=d.step.title,
        uiterste_start=d.latest_start,
        uiterste_einde=d.latest_finish,
    )


def progress_read(
    municipality: Municipality,
    measure: Measure,
    state: CellState,
    deadlines: Deadlines,
    today: date,
) -> ProgressRead:
    return ProgressRead(
        gemeente=CodeName(code=municipality.code, naam=municipality.name),
        maatregel=CodeName(code=measure.code, naam=measure.title),
        ingangsdatum=measure.effective_date,
        fase=state.phase,
        gepland_livegang=state.planned_go_live,
        notitie=state.note,
        knelpunten=state.blockers,
        knelpunt_soort=state.blocker_kind,
        stappen=[
            StepProgress(
                code=d.step.code,
                titel=d.step.title,
                uiterste_start=d.latest_start,
                uiterste_einde=d.latest_finish,
                gereed_op=d.done_on,
            )
            for d in deadlines.steps
        ],
        moet_starten_op=deadlines.must_start_by,
        speling=deadlines.slack_days,
        volgende_stap=next_step(deadlines.next_step),
        verkeerslicht=deadlines.light,
        bron=state.source,
        bijgewerkt_door=state.updated_by,
        bijgewerkt_op=state.updated_at,
        versie=state.version,
        peildatum=today,
    )


def roadmap_read(measure: Measure, steps: list[RoadmapStep]) -> Roadmap:
    effective = measure.effective_date
    return Roadmap(
        maatregel=CodeName(code=measure.code, naam=measure.title),
        ingangsdatum=effective,
        stappen=[
            RoadmapStepRead(
                code=s.code,
                titel=s.title,
                omschrijving=s.description,
                volgorde=s.position,
                start_dagen=s.start_offset_days,
                einde_dagen=s.finish_offset_days,
                uiterste_start=effective + timedelta(days=s.start_offset_days),
                uiterste_einde=effective + timedelta(days=s.finish_offset_days),
                afhankelijk_van=s.depends_on,
                raadsbesluit=s.council_decision,
            )
            for s in steps
        ],
        versie=measure.version,
    )
