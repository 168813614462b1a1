"""The forecast: the chance that a municipality will not have implemented a measure by its
legal date, from the history of every cell and the roadmaps (docs/forecast.md).

The model is a pace per phase, learnt from the history, and nothing else:

- From every cell's snapshots it counts, per open phase (niet-gestart, orienterend,
  voorbereidend) and per standing against the roadmap (the traffic light that state had on
  that day: op-schema, risico, te-laat), the days cells spent there and how often they moved
  on to a later phase, and where to. A cell never written spent every day since the history
  began in niet-gestart.
- The pace of a phase and standing is moves per day, pulled towards the phase's pace over all
  standings, and that towards one move per PRIOR_DAYS, each with the weight of PRIOR_MOVES
  moves: where there are few data the prior speaks, where there are many the data do.
- A cell is projected day by day from today to its legal date: each day it leaves its phase
  with the chance its pace gives, for the later phases in the shares seen. Its standing on a
  future day is the light its open steps would give then if none were done meanwhile (on
  track, then at risk 30 days before it must start, then late once a step's latest finish has
  passed). The chance of not being implemented is the chance of not being in
  geimplementeerd or geevalueerd on the legal date.

No randomness: the same history, roadmaps and day give the same chances. `chances` keeps them
per process for the versions of the grid, as the figures are kept."""

import calendar
import math
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.core import clock
from api.core.errors import NotFoundError
from api.core.kept import per_app
from api.core.pagination import PageParams
from api.core.schemas import CodeName
from api.core.security import Principal
from api.progress import policy, repository, selection
from api.progress.deadlines import AT_RISK_DAYS, DONE_PHASES, Schedule, TrafficLight, Verdict
from api.progress.forecast_schemas import (
    Backtest,
    CalibrationBucket,
    CellForecastRead,
    PhasePace,
)
from api.progress.grid import Grid, Key, Place, Subject, build
from api.progress.models import PHASE_ORDER, Phase

OPEN_PHASES = (Phase.NOT_STARTED, Phase.ORIENTING, Phase.PREPARING)
DONE = len(OPEN_PHASES)
"""The level of geimplementeerd and geevalueerd: the end of the road for the forecast."""
STANDINGS = (TrafficLight.ON_TRACK, TrafficLight.AT_RISK, TrafficLight.LATE)
"""A cell's standing against its roadmap on a day before or on its legal date: its light."""
OVERDUE = len(STANDINGS)
"""The standing of an open cell after its legal date, whatever its light."""
PRIOR_DAYS = 120
"""Without any history, a cell is taken to spend this many days in each open phase."""
PRIOR_MOVES = 2.0
"""How many moves the prior weighs: a phase and standing seen leaving 20 times hardly hears it."""
BACKTEST_MONTHS = 3
BACKTEST_MINIMUM = 100
"""Fewer cells than this whose legal date passed since the backtest's date: judge the forecast
on 'implemented by today' instead."""
BUCKETS = 10

PHASE_WORDS = {
    Phase.NOT_STARTED: "niet gestart",
    Phase.ORIENTING: "oriënterend",
    Phase.PREPARING: "voorbereidend",
    Phase.IMPLEMENTED: "geïmplementeerd",
    Phase.EVALUATED: "geëvalueerd",
}
STANDING_WORDS = ("op schema", "met risico", "te laat", "na de ingangsdatum")
STANDING_CODES = ("op-schema", "risico", "te-laat", "na-ingangsdatum")
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"


def level(phase: Phase) -> int:
    """0, 1, 2 for the open phases; DONE for geimplementeerd and geevalueerd."""
    return min(PHASE_ORDER.index(phase), DONE)


def dutch(day: date) -> str:
    return f"{day.day} {MONTHS.split()[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class Turns:
    """When a cell with these open steps turns at risk and late if none is done meanwhile
    (None: never), as `deadlines._judge` decides on each day; and the day after its legal date,
    from which it is simply overdue."""

    at_risk: date | None
    late: date | None
    overdue: date

    @classmethod
    def of(cls, verdict: Verdict, effective: date) -> "Turns":
        overdue = effective + timedelta(days=1)
        if verdict.must_start_by is None or verdict.next_step is None:
            return cls(None, None, overdue)
        # At risk once the slack is under AT_RISK_DAYS; late once the earliest latest finish
        # of an open step (the next step's) lies before the day.
        return cls(
            verdict.must_start_by - timedelta(days=AT_RISK_DAYS - 1),
            verdict.next_step.latest_finish + timedelta(days=1),
            overdue,
        )

    def standing(self, day: date) -> int:
        if day >= self.overdue:
            return OVERDUE
        if self.late is not None and day >= self.late:
            return 2
        if self.at_risk is not None and day >= self.at_risk:
            return 1
        return 0

    def split(self, start: date, end: date) -> tuple[int, int, int, int]:
        """The days of [start, end) on track, at risk, late and after the legal date."""
        overdue = min(self.overdue, end)
        late = min(self.late or date.max, overdue)
        risk = min(self.at_risk or date.max, late)
        return (
            max(0, (risk - start).days),
            max(0, (late - max(start, risk)).days),
            max(0, (overdue - max(start, late)).days),
            max(0, (end - max(start, overdue)).days),
        )


def _zeros(columns: int) -> list[list[int]]:
    return [[0] * columns for _ in OPEN_PHASES]


@dataclass
class Counts:
    """What the history shows, per open phase (0–2) and standing (0–3)."""

    days: list[list[int]] = field(
        default_factory=lambda: [[0] * (OVERDUE + 1) for _ in OPEN_PHASES]
    )
    moves: list[list[int]] = field(
        default_factory=lambda: [[0] * (OVERDUE + 1) for _ in OPEN_PHASES]
    )
    targets: list[list[int]] = field(
        default_factory=lambda: [[0] * (DONE + 1) for _ in OPEN_PHASES]
    )
    """Per open phase, how many moves went to each later level."""

    def stay(self, phase: int, turns: Turns, start: date, end: date, weight: int = 1) -> None:
        if phase < DONE and start < end:
            for standing, days in enumerate(turns.split(start, end)):
                self.days[phase][standing] += weight * days

    def move(self, phase: int, to: int, standing: int) -> None:
        if phase < DONE and to > phase:
            self.moves[phase][standing] += 1
            self.targets[phase][to] += 1


Event = tuple[date, Phase, Mapping[str, str]]
"""A snapshot: the day it was recorded, its phase and its steps done."""


History = tuple[Schedule, date, list[Event], int]
"""A cell's measure's schedule and legal date, its snapshots in order, and how many cells it
stands for (the cells never written of a measure share one entry)."""


def tally(cells: Iterable[History], start: date, end: date) -> Counts:
    """Counts over every cell's history from `start` (the first day of the history) up to
    `end` (exclusive)."""
    counts = Counts()
    # The schedule keeps one verdict per set of steps done: their turns are worked out once.
    known: dict[int, Turns] = {}

    def turns_of(schedule: Schedule, effective: date, steps: Collection[str]) -> Turns:
        # Judged as an open phase: what the steps say, also of a done cell (never used then).
        verdict = schedule.verdict(Phase.NOT_STARTED, steps)
        found = known.get(id(verdict))
        if found is None:
            found = known[id(verdict)] = Turns.of(verdict, effective)
        return found

    for schedule, effective, events, weight in cells:
        phase, since = 0, start
        turns = turns_of(schedule, effective, ())
        for day, new_phase, steps in events:
            day = min(max(day, since), end)
            counts.stay(phase, turns, since, day, weight)
            new_level = level(new_phase)
            counts.move(phase, new_level, turns.standing(day))
            phase, since, turns = new_level, day, turns_of(schedule, effective, steps)
        counts.stay(phase, turns, since, end, weight)
    return counts


Matrix = list[list[float]]


def _times(vector: list[float], matrix: Matrix) -> list[float]:
    return [sum(vector[i] * matrix[i][j] for i in range(len(vector))) for j in range(len(vector))]


def _square(matrix: Matrix) -> Matrix:
    return [_times(row, matrix) for row in matrix]


@dataclass(frozen=True)
class Model:
    counts: Counts
    pace: tuple[tuple[float, ...], ...]
    """Moves per day, per open phase and standing."""
    shares: tuple[tuple[float, ...], ...]
    """Per open phase, the share of its moves to each level (DONE + 1 entries)."""
    _powers: dict[int, list[Matrix]] = field(default_factory=dict, repr=False, compare=False)
    _chances: dict[tuple[int, ...], float] = field(default_factory=dict, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @classmethod
    def learn(cls, counts: Counts) -> "Model":
        pace: list[tuple[float, ...]] = []
        shares: list[tuple[float, ...]] = []
        for phase in range(DONE):
            moves, days = sum(counts.moves[phase]), sum(counts.days[phase])
            pooled = (moves + PRIOR_MOVES) / (days + PRIOR_MOVES * PRIOR_DAYS)
            pace.append(
                tuple(
                    (counts.moves[phase][s] + PRIOR_MOVES)
                    / (counts.days[phase][s] + PRIOR_MOVES / pooled)
                    for s in range(OVERDUE + 1)
                )
            )
            # One move to the next phase as the prior of where moves go.
            targets = [
                n + (1 if to == phase + 1 else 0) for to, n in enumerate(counts.targets[phase])
            ]
            shares.append(tuple(n / sum(targets) for n in targets))
        return cls(counts, tuple(pace), tuple(shares))

    def _day(self, standing: int) -> Matrix:
        """The chances of one day's moves, between levels, at this standing."""
        matrix = [[0.0] * (DONE + 1) for _ in range(DONE + 1)]
        matrix[DONE][DONE] = 1.0
        for phase in range(DONE):
            stays = math.exp(-self.pace[phase][standing])
            matrix[phase][phase] = stays
            for to in range(phase + 1, DONE + 1):
                matrix[phase][to] = (1 - stays) * self.shares[phase][to]
        return matrix

    def _after(self, vector: list[float], standing: int, days: int) -> list[float]:
        powers = self._powers.setdefault(standing, [self._day(standing)])
        bit = 0
        while days:
            if bit == len(powers):
                powers.append(_square(powers[-1]))
            if days & 1:
                vector = _times(vector, powers[bit])
            days >>= 1
            bit += 1
        return vector

    def not_done(self, phase: int, turns: Turns, today: date, horizon: date) -> float:
        """The chance that a cell at this level today, with these open steps, is not done at
        the end of `horizon`; 1 when that day has come."""
        if phase >= DONE:
            return 0.0
        if horizon <= today:
            return 1.0
        spans = turns.split(today + timedelta(days=1), horizon + timedelta(days=1))
        key = (phase, *spans)
        with self._lock:
            found = self._chances.get(key)
            if found is None:
                vector = [0.0] * (DONE + 1)
                vector[phase] = 1.0
                for standing, days in enumerate(spans):
                    vector = self._after(vector, standing, days)
                found = self._chances[key] = min(1.0, max(0.0, 1.0 - vector[DONE]))
        return found

    def stay_days(self, phase: int, standing: int) -> float:
        return 1 / self.pace[phase][standing]


@dataclass(frozen=True, slots=True)
class Forecast:
    """One cell's forecast: `chance` (0–1) that it is not implemented at the end of its
    measure's legal date (`horizon`), and its `basis` in a sentence or two of Dutch."""

    chance: float
    basis: str
    horizon: date
    days_left: int


def _history(session: Session, cells: Grid, until: date) -> tuple[list[History], date]:
    """Every written cell's snapshots up to the end of `until`, one entry per measure for its
    cells never written, and the first day of the history."""
    rows = repository.phase_history(session, clock.start_of_day(until + timedelta(days=1)))
    histories: dict[Key, list[Event]] = {}
    first = until
    for code, measure, phase, steps, recorded in rows:
        if (code, measure) not in cells.facts:
            continue
        day = clock.dutch_date(recorded)
        first = min(first, day)
        histories.setdefault((code, measure), []).append((day, phase, steps))
    entries: list[History] = [
        (cells.schedules[m], cells.subjects[m].effective, events, 1)
        for (_, m), events in histories.items()
    ]
    for measure, subject in cells.subjects.items():
        unwritten = sum(1 for code in cells.places if (code, measure) not in histories)
        if unwritten:
            entries.append((cells.schedules[measure], subject.effective, [], unwritten))
    return entries, first


def model_of(session: Session, cells: Grid) -> Model:
    """The model learnt from the history of the whole days before the grid's day; for a grid of
    the past (`as_of`), up to the end of that day: nothing recorded later is seen. So today's
    writes do not change today's model, and every worker learns the same one."""
    until = cells.as_of or cells.today - timedelta(days=1)
    entries, first = _history(session, cells, until)
    return Model.learn(tally(entries, first, until + timedelta(days=1)))


def _basis(model: Model, phase: Phase, light: TrafficLight, horizon: date, days: int) -> str:
    if phase in DONE_PHASES:
        return f"Al {PHASE_WORDS[phase]}: hier valt niets meer te voorspellen."
    if days <= 0:
        when = "is vandaag" if days == 0 else "is voorbij"
        return (
            f"De ingangsdatum ({dutch(horizon)}) {when} en de maatregel is nog "
            f"{PHASE_WORDS[phase]}: niet op tijd af."
        )
    p, s = level(phase), STANDINGS.index(light)
    stay = round(model.stay_days(p, s))
    moves = model.counts.moves[p][s]
    seen = f"{moves} keer gezien" if moves else "nooit gezien, dus vooral een aanname"
    return (
        f"Nu {PHASE_WORDS[phase]} en {STANDING_WORDS[s]} volgens de routekaart, "
        f"nog {days} dagen tot de ingangsdatum ({dutch(horizon)}). Gemeenten die zo stonden, "
        f"gingen gemiddeld na {stay} dagen naar een volgende fase ({seen})."
    )


def forecasts(
    model: Model, cells: Grid, horizon_of: Callable[[Subject], date] | None = None
) -> dict[Key, Forecast]:
    """Every cell's forecast on the grid's day, of not being implemented at the end of its
    legal date, or of `horizon_of(measure)` (the backtest asks for another day)."""
    today = cells.today
    found: dict[Key, Forecast] = {}
    # Cells of a measure with the same phase and verdict (one object per set of steps done,
    # see Schedule) have the same forecast: worked out once.
    alike: dict[tuple[str, Phase, int], Forecast] = {}
    for (code, measure), fact in cells.facts.items():
        forecast = alike.get((measure, fact.phase, id(fact.verdict)))
        if forecast is None:
            subject = cells.subjects[measure]
            horizon = subject.effective if horizon_of is None else horizon_of(subject)
            days = (horizon - today).days
            turns = Turns.of(fact.verdict, subject.effective)
            forecast = alike[measure, fact.phase, id(fact.verdict)] = Forecast(
                round(model.not_done(level(fact.phase), turns, today, horizon), 4),
                _basis(model, fact.phase, fact.verdict.light, horizon, days),
                horizon,
                days,
            )
        found[code, measure] = forecast
    return found


@dataclass
class _Kept:
    key: tuple[int, int, date] | None
    model: Model
    chances: dict[Key, Forecast]
    backtest: Backtest | None = None


class _Keeper:
    """The forecast of the app's current grid: the model per reference version and day, the
    chances per progress version too; a lock so that one thread computes them."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.model: tuple[tuple[int, date], Model] | None = None
        self.kept: _Kept | None = None


def _kept_key(cells: Grid) -> tuple[int, int, date] | None:
    # Only the app's current grid carries data versions; a grid built for another day or a
    # past state is computed for the request and not kept.
    if cells.as_of is not None or not (cells.reference or cells.progress):
        return None
    return cells.reference, cells.progress, cells.today


def _current(session: Session, state: State, cells: Grid) -> _Kept:
    """The forecast of this grid: kept for the current grid's versions, else computed."""
    key = _kept_key(cells)
    if key is None:
        model = model_of(session, cells)
        return _Kept(None, model, forecasts(model, cells))
    keeper = per_app(state, "forecast", _Keeper)
    with keeper.lock:
        if keeper.kept is None or keeper.kept.key != key:
            learnt = (cells.reference, cells.today)
            if keeper.model is None or keeper.model[0] != learnt:
                keeper.model = (learnt, model_of(session, cells))
            model = keeper.model[1]
            keeper.kept = _Kept(key, model, forecasts(model, cells))
        return keeper.kept


def chances(session: Session, state: State, grid: Grid) -> dict[Key, Forecast]:
    """The forecast of every cell of `grid`: (municipality code, measure code) → `Forecast`,
    whose `chance` (0–1, four decimals) is the chance that the cell is not `geimplementeerd` or
    `geevalueerd` at the end of its measure's legal date (`ingangsdatum`), seen from
    `grid.today`, and whose `basis` says in Dutch what it rests on. A cell already implemented
    has chance 0; a cell whose legal date has passed unimplemented has chance 1.

    For the app's current grid (`grid.current`) the answer is kept per process and per data
    version, so asking again until the next write costs a dictionary lookup; for a grid of a
    past date (`grid.build(session, day, as_of=day)`) the model learns only from the history up
    to that day, and nothing is kept. Do not change the dictionary returned: it is shared."""
    return _current(session, state, grid).chances


# --- For the programme team's endpoints ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class ForecastFilter:
    province: str | None = None
    region: str | None = None
    wave: int | None = None
    measure: str | None = None


def _read(cells: Grid, place: Place, subject: Subject, forecast: Forecast) -> CellForecastRead:
    fact = cells.facts[place.code, subject.code]
    return CellForecastRead(
        gemeente=CodeName(code=place.code, naam=place.name),
        maatregel=CodeName(code=subject.code, naam=subject.title),
        ingangsdatum=subject.effective,
        fase=fact.phase,
        verkeerslicht=fact.verdict.light,
        dagen_tot_ingang=forecast.days_left,
        kans=forecast.chance,
        toelichting=forecast.basis,
    )


def paces(model: Model) -> list[PhasePace]:
    """The model in a table: per open phase and standing, the average days before moving on."""
    return [
        PhasePace(
            fase=phase,
            stand=standing,
            gemiddelde_dagen=round(model.stay_days(p, s), 1),
            overgangen=model.counts.moves[p][s],
            dagen=model.counts.days[p][s],
        )
        for p, phase in enumerate(OPEN_PHASES)
        for s, standing in enumerate(STANDING_CODES)
    ]


def forecast_list(
    session: Session,
    principal: Principal,
    state: State,
    cells: Grid,
    criteria: ForecastFilter,
    page: PageParams,
) -> tuple[list[CellForecastRead], int, list[PhasePace]]:
    """One page of the cells' forecasts, the highest chance first (then the earliest legal
    date, municipality and measure); how many there are; and the model's paces."""
    policy.ensure_programme_team(principal)
    c = criteria
    selection.check(cells, c.province, c.region, c.wave, c.measure)
    kept = _current(session, state, cells)
    places = selection.places(cells, c.province, c.region)
    subjects = selection.subjects(cells, c.wave, c.measure)
    chosen = [(p, s, kept.chances[p.code, s.code]) for p in places for s in subjects]
    chosen.sort(key=lambda item: (-item[2].chance, item[1].effective, item[0].code, item[1].code))
    shown = chosen[page.offset : page.offset + page.size]
    return [_read(cells, *item) for item in shown], len(chosen), paces(kept.model)


def cell_forecast(
    session: Session, principal: Principal, state: State, cells: Grid, code: str, measure: str
) -> CellForecastRead:
    policy.ensure_programme_team(principal)
    place, subject = cells.places.get(code), cells.subjects.get(measure)
    if place is None or subject is None:
        raise NotFoundError(f"Geen voortgang gevonden voor gemeente {code} en maatregel {measure}.")
    return _read(cells, place, subject, chances(session, state, cells)[code, measure])


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _outcomes_on(session: Session, days: Iterable[date]) -> Iterator[tuple[date, set[Key]]]:
    """For each day, the cells implemented (or evaluated) at its end."""
    for day in sorted(set(days)):
        stored = repository.phases_and_steps(session, clock.start_of_day(day + timedelta(days=1)))
        yield day, {key for key, (phase, _) in stored.items() if phase in DONE_PHASES}


def calibration(pairs: list[tuple[float, bool]]) -> list[CalibrationBucket]:
    """Per tenth of the chance: how many cells, their average chance and the share of them
    that was indeed not implemented."""
    buckets: list[list[tuple[float, bool]]] = [[] for _ in range(BUCKETS)]
    for chance, not_done in pairs:
        buckets[min(int(chance * BUCKETS), BUCKETS - 1)].append((chance, not_done))
    return [
        CalibrationBucket(
            van=n / BUCKETS,
            tot=(n + 1) / BUCKETS,
            cellen=len(bucket),
            voorspeld=round(sum(c for c, _ in bucket) / len(bucket), 4) if bucket else None,
            waargenomen=round(sum(y for _, y in bucket) / len(bucket), 4) if bucket else None,
        )
        for n, bucket in enumerate(buckets)
    ]


def backtest_of(session: Session, now: Grid) -> Backtest:
    """Forecast from the state and the history of BACKTEST_MONTHS ago, compared with what
    happened: for the cells not implemented then whose legal date has passed since, whether
    they were implemented by it; with too few of those, for every cell not implemented then,
    whether it was by today."""
    today = now.today
    then_day = months_before(today, BACKTEST_MONTHS)
    then = build(session, then_day, as_of=then_day)
    model = model_of(session, then)
    open_then = [key for key, fact in then.facts.items() if fact.phase not in DONE_PHASES]
    passed = [key for key in open_then if then_day < then.subjects[key[1]].effective <= today]
    if len(passed) >= BACKTEST_MINIMUM:
        target = "ingangsdatum"
        chosen = passed
        predicted = forecasts(model, then)
        outcomes = dict(_outcomes_on(session, (then.subjects[m].effective for _, m in chosen)))
        done = {key for key in chosen if key in outcomes[then.subjects[key[1]].effective]}
    else:
        target = "vandaag"
        chosen = open_then
        predicted = forecasts(model, then, lambda _subject: today)
        done = {key for key in chosen if now.facts[key].phase in DONE_PHASES}
    pairs = [(predicted[key].chance, key not in done) for key in chosen]
    observed = sum(y for _, y in pairs) / len(pairs) if pairs else None
    return Backtest(
        peildatum=today,
        voorspeld_op=then_day,
        doel=target,
        cellen=len(pairs),
        niet_gereed=sum(y for _, y in pairs),
        brier=round(sum((c - y) ** 2 for c, y in pairs) / len(pairs), 4) if pairs else None,
        brier_basis=(round(observed * (1 - observed), 4) if observed is not None else None),
        kalibratie=calibration(pairs),
    )


def backtest(session: Session, principal: Principal, state: State, cells: Grid) -> Backtest:
    """The backtest of the forecast, kept with the current grid's chances."""
    policy.ensure_programme_team(principal)
    kept = _current(session, state, cells)
    if kept.backtest is None:
        # Computed at most a few times at once, and each is the same: no lock needed.
        kept.backtest = backtest_of(session, cells)
    return kept.backtest
