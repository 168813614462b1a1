"""National, regional and per-measure figures, and the advisors' 'who needs help now' list.
Only aggregates leave here for the public: never a municipality's note."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session

from api.core.schemas import CodeName
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.progress import policy, repository
from api.progress.cells import NOT_STARTED, CellState
from api.progress.deadlines import DONE_PHASES, Schedule, TrafficLight, Verdict
from api.progress.models import Phase
from api.progress.presenters import next_step
from api.progress.schemas import GroupFigures, HelpNeeded, Overview

GROUPINGS = ("land", "provincie", "arbeidsmarktregio", "fase", "maatregel", "thema", "gemeente")


@dataclass(frozen=True)
class Cell:
    municipality: Municipality
    measure: Measure
    state: CellState
    deadlines: Verdict


def cells(session: Session, today: date, as_of: date | None = None) -> list[Cell]:
    """Every municipality × measure, with derived deadlines, as now or at the end of `as_of`."""
    roadmaps = repository.roadmaps(session)
    if as_of is None:
        states = repository.states(session)
    else:
        end = datetime.combine(as_of + timedelta(days=1), time.min, tzinfo=UTC)
        states = repository.states_until(session, end)
    measures = [
        (m, Schedule(roadmaps.get(m.code, []), m.effective_date, today))
        for m in repository.measures(session)
    ]
    found = []
    for municipality in repository.municipalities(session):
        for measure, schedule in measures:
            state = states.get((municipality.code, measure.code), NOT_STARTED)
            verdict = schedule.verdict(state.phase, state.steps_done)
            found.append(Cell(municipality, measure, state, verdict))
    return found


def _key(grouping: str) -> Callable[[Cell], CodeName]:
    keys: dict[str, Callable[[Cell], CodeName]] = {
        "land": lambda c: CodeName(code="NL", naam="Nederland"),
        "provincie": lambda c: CodeName(
            code=c.municipality.province_code, naam=c.municipality.province_code
        ),
        "arbeidsmarktregio": lambda c: CodeName(
            code=c.municipality.labour_market_region_code,
            naam=c.municipality.labour_market_region_code,
        ),
        "fase": lambda c: CodeName(code=str(c.measure.wave_number), naam=c.measure.wave.name),
        "maatregel": lambda c: CodeName(code=c.measure.code, naam=c.measure.title),
        "thema": lambda c: CodeName(code=c.measure.theme_code, naam=c.measure.theme.name),
        "gemeente": lambda c: CodeName(code=c.municipality.code, naam=c.municipality.name),
    }
    return keys[grouping]


def figures(group: CodeName, members: list[Cell], today: date) -> GroupFigures:
    phases = Counter(c.state.phase.value for c in members)
    in_force = [c for c in members if c.measure.effective_date <= today]
    behind = [c for c in in_force if c.state.phase not in DONE_PHASES]
    return GroupFigures(
        groep=group,
        cellen=len(members),
        per_fase={p.value: phases.get(p.value, 0) for p in Phase},
        aandeel_geimplementeerd=round(
            sum(1 for c in members if c.state.phase in DONE_PHASES) / len(members), 4
        ),
        risico=sum(1 for c in members if c.deadlines.light is TrafficLight.AT_RISK),
        te_laat=sum(1 for c in members if c.deadlines.light is TrafficLight.LATE),
        tekort=round(len(behind) / len(in_force), 4) if in_force else None,
        gemiddelde_achterstand_dagen=(
            round(sum((today - c.measure.effective_date).days for c in behind) / len(behind), 1)
            if behind
            else (0.0 if in_force else None)
        ),
    )


def overview(
    session: Session,
    grouping: str,
    today: date,
    *,
    wave: int | None = None,
    measure: str | None = None,
    theme: str | None = None,
    as_of: date | None = None,
) -> Overview:
    invalid = InvalidParams()
    measures = repository.measures(session)
    invalid.unknown("fase", wave, lambda: {m.wave_number for m in measures})
    invalid.unknown("maatregel", measure, lambda: {m.code for m in measures})
    invalid.unknown("thema", theme, lambda: {m.theme_code for m in measures})
    invalid.raise_if_any()
    selected = [
        c
        for c in cells(session, as_of or today, as_of)
        if (wave is None or c.measure.wave_number == wave)
        and (measure is None or c.measure.code == measure)
        and (theme is None or c.measure.theme_code == theme)
    ]
    key = _key(grouping)
    groups: dict[str, tuple[CodeName, list[Cell]]] = {}
    for cell in selected:
        name = key(cell)
        groups.setdefault(name.code, (name, []))[1].append(cell)
    names = repository.group_names(session, grouping)
    result = []
    for code, (name, members) in sorted(groups.items()):
        label = CodeName(code=code, naam=names.get(code, name.naam))
        result.append(figures(label, members, as_of or today))
    return Overview(peildatum=as_of or today, groepering=grouping, groepen=result)


def help_needed(
    session: Session, principal: Principal, today: date, within_days: int
) -> list[HelpNeeded]:
    """Late or at-risk cells of measures whose date is near (or passed), most urgent first."""
    policy.ensure_programme_team(principal)
    horizon = today + timedelta(days=within_days)
    urgent = [
        c
        for c in cells(session, today)
        if c.deadlines.light is not TrafficLight.ON_TRACK and c.measure.effective_date <= horizon
    ]
    urgent.sort(
        key=lambda c: (
            c.deadlines.light is not TrafficLight.LATE,
            c.deadlines.slack_days if c.deadlines.slack_days is not None else 0,
            c.measure.effective_date,
            c.municipality.code,
            c.measure.code,
        )
    )
    contacts = repository.contacts_by_municipality(
        session, sorted({c.municipality.code for c in urgent})
    )
    return [
        HelpNeeded(
            gemeente=CodeName(code=c.municipality.code, naam=c.municipality.name),
            maatregel=CodeName(code=c.measure.code, naam=c.measure.title),
            ingangsdatum=c.measure.effective_date,
            fase=c.state.phase,
            verkeerslicht=c.deadlines.light,
            speling=c.deadlines.slack_days,
            volgende_stap=next_step(c.deadlines.next_step),
            contactpersonen=[
                CodeName(code=u.email, naam=u.name) for u in contacts.get(c.municipality.code, [])
            ],
        )
        for c in urgent
    ]
