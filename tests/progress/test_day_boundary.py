"""A reference date (peildatum) is a Dutch day: a change recorded at 00:30 in Amsterdam, which is
still the day before in UTC, belongs to the new day, not to the one before. (The history was cut
at midnight UTC, so for an hour or two each night a change counted towards yesterday.)"""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.progress import grid, status
from api.progress.models import Phase, ProgressSnapshot, Source

MUNICIPALITY, MEASURE = "GM0344", "M20"


def _record_at(db: Session, moment: datetime, phase: Phase) -> None:
    latest = db.scalars(
        select(ProgressSnapshot)
        .where(
            ProgressSnapshot.municipality_code == MUNICIPALITY,
            ProgressSnapshot.measure_code == MEASURE,
        )
        .order_by(ProgressSnapshot.version.desc())
    ).first()
    db.add(
        ProgressSnapshot(
            municipality_code=MUNICIPALITY,
            measure_code=MEASURE,
            version=(latest.version if latest else 0) + 1,
            phase=phase,
            steps_done={},
            changes={"fase": {"van": None, "naar": phase.value}},
            source=Source.PERSON,
            recorded_by="test",
            recorded_at=moment,
        )
    )
    db.flush()


def _phase_on(db: Session, day: date) -> Phase:
    return status._as_of(db, MUNICIPALITY, day)[MEASURE].phase


def test_a_change_at_half_past_midnight_belongs_to_the_new_dutch_day(db: Session) -> None:
    # A winter night a year ahead, after every demo change: 23:30 UTC is 00:30 the next day here.
    evening = date(2027, 12, 14)
    night = datetime(2027, 12, 14, 23, 30, tzinfo=UTC)
    before = _phase_on(db, evening)
    changed = next(phase for phase in Phase if phase != before)
    _record_at(db, night, changed)

    assert _phase_on(db, evening) == before, "the evening before is left as it stood"
    assert _phase_on(db, evening + timedelta(days=1)) == changed

    def figures_on(day: date) -> Phase:
        return grid.build(db, day, as_of=day).facts[MUNICIPALITY, MEASURE].phase

    assert figures_on(evening) == before
    assert figures_on(evening + timedelta(days=1)) == changed
