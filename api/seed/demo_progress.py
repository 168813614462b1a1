"""Demo progress for every municipality and measure, with a year of history: most municipalities
implemented the 2026 measures (some late), the 2027 ones are under way. Deterministic: a fixed
random seed, dates relative to the day the demo is loaded."""

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from api.core import clock, data_versions
from api.progress import repository
from api.progress.models import (
    PHASE_ORDER,
    BlockerKind,
    Phase,
    ProgressSnapshot,
    ProgressStatus,
    Source,
)

Blocker = tuple[str, BlockerKind | None]

BLOCKERS: list[tuple[Blocker, Blocker]] = [
    (
        ("Leverancier levert de aanpassing later dan gepland.", BlockerKind.ICT),
        (
            "Het voorbeeldbesluit uit de implementatieproducten past niet op onze werkwijze.",
            BlockerKind.PRODUCTS,
        ),
    ),
    (
        ("Raadsbesluit over de verordening is uitgesteld.", BlockerKind.LAW),
        (
            "De extra uitvoeringskosten zijn nog niet in de begroting opgenomen.",
            BlockerKind.FINANCE,
        ),
    ),
    (
        ("Te weinig capaciteit bij het team Werk en Inkomen.", BlockerKind.EXECUTION),
        (
            "Afspraken met UWV over de gegevensuitwisseling zijn nog niet rond.",
            BlockerKind.CHAIN_PARTNERS,
        ),
    ),
    (
        # Left without a kind, as blockers written before kinds existed are.
        (
            "Onduidelijkheid over de uitleg van de maatregel; vraag uitgezet bij het programma.",
            None,
        ),
        ("Wachten op de definitieve tekst van de lagere regelgeving.", BlockerKind.LAW),
    ),
]
"""Pairs of blockers: which one of a pair a municipality reports follows from its code, so the
kinds vary without another draw from the random generator, and the rest of the demo stays as
it was."""


def _target(rng: random.Random, effective: date, today: date) -> Phase:
    if effective <= today:
        weights = [1, 2, 5, 60, 15]
    elif (effective - today).days < 120:
        weights = [6, 22, 45, 25, 2]
    else:
        weights = [25, 40, 30, 5, 0]
    return rng.choices(PHASE_ORDER, weights)[0]


def _steps_done(
    codes: list[str], phase: Phase, effective: date, rng: random.Random
) -> dict[str, str]:
    share = {
        Phase.NOT_STARTED: 0.0,
        Phase.ORIENTING: 0.2,
        Phase.PREPARING: 0.6,
        Phase.IMPLEMENTED: 0.9,
        Phase.EVALUATED: 1.0,
    }[phase]
    count = round(len(codes) * share) if phase is not Phase.EVALUATED else len(codes)
    done = codes[:count]
    return {
        code: (effective - timedelta(days=200 - 25 * i + rng.randint(0, 20))).isoformat()
        for i, code in enumerate(done)
    }


def load_demo_progress(
    session: Session, on_row: Callable[[], None], today: date | None = None
) -> tuple[int, int]:
    if session.scalar(select(ProgressStatus.measure_code).limit(1)) is not None:
        return 0, 1
    today = today or clock.today()
    rng = random.Random(1_1_2026)
    roadmaps = repository.roadmaps(session)
    measures = repository.measures(session)
    statuses: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []
    actor = "user:demo"
    for municipality in repository.municipalities(session):
        for measure in measures:
            codes = [s.code for s in roadmaps.get(measure.code, [])]
            target = _target(rng, measure.effective_date, today)
            path = PHASE_ORDER[1 : PHASE_ORDER.index(target) + 1]
            moments = sorted(rng.sample(range(5, 365), k=len(path))) if path else []
            blockers: str | None = None
            kind: BlockerKind | None = None
            if rng.random() < 0.08:
                blockers, kind = rng.choice(BLOCKERS)[int(municipality.code[2:]) % 2]
            for version, (phase, days_ago) in enumerate(
                zip(path, reversed(moments), strict=True), start=1
            ):
                history.append(
                    {
                        "municipality_code": municipality.code,
                        "measure_code": measure.code,
                        "version": version,
                        "phase": phase,
                        "planned_go_live": measure.effective_date,
                        "note": None,
                        "blockers": blockers if version == len(path) else None,
                        "blocker_kind": kind if version == len(path) else None,
                        "steps_done": _steps_done(codes, phase, measure.effective_date, rng),
                        "changes": {
                            "fase": {"van": PHASE_ORDER[version - 1].value, "naar": phase.value}
                        },
                        "source": Source.PERSON,
                        "recorded_by": actor,
                        "recorded_at": datetime.combine(
                            today - timedelta(days=days_ago), time(10), tzinfo=UTC
                        ),
                    }
                )
            if path:
                last = history[-1]
                statuses.append(
                    {
                        "municipality_code": municipality.code,
                        "measure_code": measure.code,
                        "phase": target,
                        "planned_go_live": measure.effective_date,
                        "note": None,
                        "blockers": blockers,
                        "blocker_kind": kind,
                        "steps_done": last["steps_done"],
                        "version": len(path),
                        "source": Source.PERSON,
                        "updated_by": actor,
                        "updated_at": last["recorded_at"],
                    }
                )
            on_row()
    stamp = data_versions.writing(session, data_versions.PROGRESS)
    for row in statuses:
        row["data_version"] = stamp
    for start in range(0, len(statuses), 2000):
        session.execute(insert(ProgressStatus), statuses[start : start + 2000])
    for start in range(0, len(history), 2000):
        session.execute(insert(ProgressSnapshot), history[start : start + 2000])
    return len(statuses), 0
