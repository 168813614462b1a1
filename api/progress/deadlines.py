"""Deadline awareness, derived at read time from the roadmap, the measure's effective date and
the steps a municipality reported done. Nothing here is stored, so moving a date recalculates
everything at once.

- A step's latest start and finish are the effective date plus its offsets.
- 'Must start by' is the earliest latest start of the steps not done yet.
- Slack is the number of days from the reference date to 'must start by'.
- The next step due is the open step with the earliest latest finish.
- Traffic light: 'op-schema' once implemented (or nothing is open); 'te-laat' when an open
  step's latest finish has passed; 'risico' when an open step should have started already or
  the slack is under AT_RISK_DAYS; otherwise 'op-schema'."""

import enum
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from api.progress.models import Phase, RoadmapStep

AT_RISK_DAYS = 30
DONE_PHASES = frozenset({Phase.IMPLEMENTED, Phase.EVALUATED})


class TrafficLight(enum.StrEnum):
    ON_TRACK = "op-schema"
    AT_RISK = "risico"
    LATE = "te-laat"


@dataclass(frozen=True, slots=True)
class StepDeadline:
    step: RoadmapStep
    latest_start: date
    latest_finish: date
    done_on: date | None


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a cell's open steps say on a reference date: everything but the steps themselves."""

    must_start_by: date | None
    slack_days: int | None
    next_step: StepDeadline | None
    light: TrafficLight


NOTHING_OPEN = Verdict(None, None, None, TrafficLight.ON_TRACK)


@dataclass(frozen=True)
class Deadlines:
    steps: list[StepDeadline]
    must_start_by: date | None
    slack_days: int | None
    next_step: StepDeadline | None
    light: TrafficLight


def _judge(open_steps: list[StepDeadline], today: date) -> Verdict:
    """The rules, for open steps in roadmap order (the order breaks a tie for the next step)."""
    if not open_steps:
        return NOTHING_OPEN
    must_start_by = min(d.latest_start for d in open_steps)
    slack = (must_start_by - today).days
    next_step = min(open_steps, key=lambda d: (d.latest_finish, d.step.position))
    if any(d.latest_finish < today for d in open_steps):
        light = TrafficLight.LATE
    elif slack < AT_RISK_DAYS:
        light = TrafficLight.AT_RISK
    else:
        light = TrafficLight.ON_TRACK
    return Verdict(must_start_by, slack, next_step, light)


def _dated(steps: list[RoadmapStep], effective: date) -> list[StepDeadline]:
    return [
        StepDeadline(
            step=s,
            latest_start=effective + timedelta(days=s.start_offset_days),
            latest_finish=effective + timedelta(days=s.finish_offset_days),
            done_on=None,
        )
        for s in sorted(steps, key=lambda s: s.position)
    ]


def derive(
    steps: list[RoadmapStep],
    effective: date,
    phase: Phase,
    done: dict[str, str],
    today: date,
) -> Deadlines:
    """One cell, with every step and the date it was done (for showing the cell itself)."""
    deadlines = [
        StepDeadline(
            d.step,
            d.latest_start,
            d.latest_finish,
            date.fromisoformat(done[d.step.code]) if d.step.code in done else None,
        )
        for d in _dated(steps, effective)
    ]
    verdict = (
        NOTHING_OPEN
        if phase in DONE_PHASES
        else _judge([d for d in deadlines if d.done_on is None], today)
    )
    return Deadlines(
        deadlines, verdict.must_start_by, verdict.slack_days, verdict.next_step, verdict.light
    )


class Schedule:
    """A measure's roadmap as dates, for judging many cells on one reference date.

    The figures judge every municipality × measure; the dates of the steps are the same for
    every municipality, and few distinct sets of steps done occur per measure, so both are
    worked out once here instead of once per cell. `verdict` gives what `derive` gives, minus
    the steps (an open step's `done_on` is None, so `next_step` is the same object either way).
    """

    def __init__(self, steps: list[RoadmapStep], effective: date, today: date) -> None:
        self.steps = _dated(steps, effective)
        self.codes = frozenset(d.step.code for d in self.steps)
        self.today = today
        self._verdicts: dict[frozenset[str], Verdict] = {}

    def verdict(self, phase: Phase, done: Collection[str]) -> Verdict:
        if phase in DONE_PHASES:
            return NOTHING_OPEN
        key = self.codes.intersection(done)
        found = self._verdicts.get(key)
        if found is None:
            open_steps = [d for d in self.steps if d.step.code not in key]
            found = self._verdicts[key] = _judge(open_steps, self.today)
        return found
