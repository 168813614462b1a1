"""National, regional and per-measure figures, and the advisors' 'who needs help now' list.
Only aggregates leave here for the public: never a municipality's note."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session

from api.core.pagination import PageParams
from api.core.schemas import CodeName
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.progress import policy, repository
from api.progress.deadlines import DONE_PHASES, Schedule, TrafficLight, Verdict
from api.progress.models import Phase
from api.progress.presenters import next_step
from api.progress.schemas import GroupFigures, HelpNeeded, Overview


@dataclass(frozen=True, slots=True)
class Cell:
    municipality: Municipality
    measure: Measure
    phase: Phase
    deadlines: Verdict
    effective_date: date
    """The measure's, read once per measure (a property that reads its wave)."""


def cells(session: Session, today: date, as_of: date | None = None) -> list[Cell]:
    """Every municipality × measure with its phase and derived deadlines, as now or at the end
    of `as_of`. Each measure's steps are dated once, and a verdict is worked out once per set
    of steps done (see `Schedule`): judging cell by cell was most of the cost of the figures."""
    roadmaps = repository.roadmaps(session)
    end = None if as_of is None else datetime.combine(as_of + timedelta(days=1), time.min, UTC)
    stored = repository.phases_and_steps(session, end)
    measures = [
        (m, m.code, m.effective_date, Schedule(roadmaps.get(m.code, []), m.effective_date, today))
        for m in repository.measures(session)
    ]
    never_written: tuple[Phase, dict[str, str]] = (Phase.NOT_STARTED, {})
    found = []
    for municipality in repository.municipalities(session):
        code = municipality.code
        for measure, measure_code, effective, schedule in measures:
            phase, done = stored.get((code, measure_code), never_written)
            found.append(
                Cell(municipality, measure, phase, schedule.verdict(phase, done), effective)
            )
    return found


def _key(grouping: str) -> Callable[[Cell], tuple[str, str]]:
    """The code and name of a cell's group. Plain pairs: a CodeName per cell cost as much as
    the judging, so the overview makes one per group."""
    keys: dict[str, Callable[[Cell], tuple[str, str]]] = {
        "land": lambda c: ("NL", "Nederland"),
        "provincie": lambda c: (c.municipality.province_code, c.municipality.province_code),
        "arbeidsmarktregio": lambda c: (
            c.municipality.labour_market_region_code,
            c.municipality.labour_market_region_code,
        ),
        "fase": lambda c: (str(c.measure.wave_number), c.measure.wave.name),
        "maatregel": lambda c: (c.measure.code, c.measure.title),
        "thema": lambda c: (c.measure.theme_code, c.measure.theme.name),
        "gemeente": lambda c: (c.municipality.code, c.municipality.name),
    }
    return keys[grouping]


def figures(group: CodeName, members: list[Cell], today: date) -> GroupFigures:
    phases = Counter(c.phase.value for c in members)
    in_force = [c for c in members if c.effective_date <= today]
    behind = [c for c in in_force if c.phase not in DONE_PHASES]
    return GroupFigures(
        groep=group,
        cellen=len(members),
        per_fase={p.value: phases.get(p.value, 0) for p in Phase},
        aandeel_geimplementeerd=round(
            sum(1 for c in members if c.phase in DONE_PHASES) / len(members), 4
        ),
        risico=sum(1 for c in members if c.deadlines.light is TrafficLight.AT_RISK),
        te_laat=sum(1 for c in members if c.deadlines.light is TrafficLight.LATE),
        tekort=round(len(behind) / len(in_force), 4) if in_force else None,
        gemiddelde_achterstand_dagen=(
            round(sum((today - c.effective_date).days for c in behind) / len(behind), 1)
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
    groups: dict[str, tuple[str, list[Cell]]] = {}
    for cell in selected:
        code, name = key(cell)
        groups.setdefault(code, (name, []))[1].append(cell)
    names = repository.group_names(session, grouping)
    result = []
    for code, (name, members) in sorted(groups.items()):
        label = CodeName(code=code, naam=names.get(code, name))
        result.append(figures(label, members, as_of or today))
    return Overview(peildatum=as_of or today, groepering=grouping, groepen=result)


@dataclass(frozen=True, slots=True)
class HelpFilter:
    province: str | None = None
    region: str | None = None
    wave: int | None = None
    measure: str | None = None
    light: TrafficLight | None = None
    within_days: int | None = None
    """Only measures that take effect within so many days (or already apply)."""


def _urgency(cell: Cell) -> tuple[bool, int, date, str, str]:
    """Late before at risk, then the least slack, then the earliest effective date."""
    slack = cell.deadlines.slack_days
    return (
        cell.deadlines.light is not TrafficLight.LATE,
        slack if slack is not None else 0,
        cell.effective_date,
        cell.municipality.code,
        cell.measure.code,
    )


def _check(every: list[Cell], criteria: HelpFilter) -> None:
    invalid = InvalidParams()
    invalid.unknown(
        "provincie", criteria.province, lambda: {c.municipality.province_code for c in every}
    )
    invalid.unknown(
        "arbeidsmarktregio",
        criteria.region,
        lambda: {c.municipality.labour_market_region_code for c in every},
    )
    invalid.unknown("fase", criteria.wave, lambda: {c.measure.wave_number for c in every})
    invalid.unknown("maatregel", criteria.measure, lambda: {c.measure.code for c in every})
    invalid.raise_if_any()


def help_needed(
    session: Session, principal: Principal, today: date, criteria: HelpFilter, page: PageParams
) -> tuple[list[HelpNeeded], int]:
    """One page of every late or at-risk cell, of any wave, past or future, most urgent first;
    and how many there are. Contacts are looked up for the page's municipalities only."""
    policy.ensure_programme_team(principal)
    every = cells(session, today)
    _check(every, criteria)
    horizon = None if criteria.within_days is None else today + timedelta(criteria.within_days)
    urgent = [
        c
        for c in every
        if c.deadlines.light is not TrafficLight.ON_TRACK
        and (criteria.light is None or c.deadlines.light is criteria.light)
        and (criteria.province is None or c.municipality.province_code == criteria.province)
        and (criteria.region is None or c.municipality.labour_market_region_code == criteria.region)
        and (criteria.wave is None or c.measure.wave_number == criteria.wave)
        and (criteria.measure is None or c.measure.code == criteria.measure)
        and (horizon is None or c.effective_date <= horizon)
    ]
    urgent.sort(key=_urgency)
    shown = urgent[page.offset : page.offset + page.size]
    contacts = repository.contacts_by_municipality(
        session, sorted({c.municipality.code for c in shown})
    )
    return [
        HelpNeeded(
            gemeente=CodeName(code=c.municipality.code, naam=c.municipality.name),
            maatregel=CodeName(code=c.measure.code, naam=c.measure.title),
            ingangsdatum=c.effective_date,
            fase=c.phase,
            verkeerslicht=c.deadlines.light,
            speling=c.deadlines.slack_days,
            volgende_stap=next_step(c.deadlines.next_step),
            contactpersonen=[
                CodeName(code=u.email, naam=u.name) for u in contacts.get(c.municipality.code, [])
            ],
        )
        for c in shown
    ], len(urgent)
