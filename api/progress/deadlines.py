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
from dataclasses import dataclass
from datetime import date, timedelta

from api.progress.models import Phase, RoadmapStep

AT_RISK_DAYS = 30
DONE_PHASES = frozenset({Phase.IMPLEMENTED, Phase.EVALUATED})


class TrafficLight(enum.StrEnum):
    ON_TRACK = "op-schema"
    AT_RISK = "risico"
    LATE = "te-laat"


@dataclass(frozen=True)
class StepDeadline:
    step: RoadmapStep
    latest_start: date
    latest_finish: date
    done_on: date | None


@dataclass(frozen=True)
class Deadlines:
    steps: list[StepDeadline]
    must_start_by: date | None
    slack_days: int | None
    next_step: StepDeadline | None
    light: TrafficLight


def derive(
    steps: list[RoadmapStep],
    effective: date,
    phase: Phase,
    done: dict[str, str],
    today: date,
) -> Deadlines:
    deadlines = [
        StepDeadline(
            step=s,
            latest_start=effective + timedelta(days=s.start_offset_days),
            latest_finish=effective + timedelta(days=s.finish_offset_days),
            done_on=date.fromisoformat(done[s.code]) if s.code in done else None,
        )
        for s in sorted(steps, key=lambda s: s.position)
    ]
    open_steps = [d for d in deadlines if d.done_on is None]
    if phase in DONE_PHASES or not open_steps:
        return Deadlines(deadlines, None, None, None, TrafficLight.ON_TRACK)
    must_start_by = min(d.latest_start for d in open_steps)
    slack = (must_start_by - today).days
    next_step = min(open_steps, key=lambda d: (d.latest_finish, d.step.position))
    if any(d.latest_finish < today for d in open_steps):
        light = TrafficLight.LATE
    elif slack < AT_RISK_DAYS:
        light = TrafficLight.AT_RISK
    else:
        light = TrafficLight.ON_TRACK
    return Deadlines(deadlines, must_start_by, slack, next_step, light)
