"""Past days' figures that need no verdict, counted from which cells were done.

The trend's points (the deficit, the share implemented, the average days behind) and a
municipality's counts depend only on whether each cell's phase is done and on each measure's
legal date, never on a cell's steps or its roadmap. Judging every cell of every month end
(grid.at_ends_of) cost the trend nearly all its time; here a day costs what changed since the
day before, and a sum per measure and per municipality. A few measures on a day of their own
(a wave's share at its legal date) cost one count in the database."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from api.core import clock
from api.progress import repository
from api.progress.deadlines import DONE_PHASES
from api.progress.grid import Subject, Tally, load_reference, total


@dataclass(frozen=True)
class DoneCounts:
    """A day's cells as the grid of that day counts them in its tallies (`grid.at_ends_of`),
    but only what needs no verdict: cells, done, in force, behind and the days behind. The
    phases, at risk and late stay zero: they need the judgement."""

    today: date
    measures: dict[str, Tally]
    """The country's tally per measure, by code in code order."""
    places: dict[str, Tally]
    """Each municipality's tally over every measure, by code in code order."""

    def country(self) -> Tally:
        return total(self.measures.values())


def at_ends_of(session: Session, days: list[date]) -> Iterator[DoneCounts]:
    """For each of these days (oldest first), the counts of the cells as they stood at the end
    of that day: the reference data read once, the history in one pass, and only a cell whose
    done state changed since the day before counted again."""
    if not days:
        return
    reference = load_reference(session)
    subjects, places = reference.subjects, reference.places
    done_per_measure = dict.fromkeys(subjects, 0)
    done_per_place: dict[str, set[str]] = {code: set() for code in places}
    moments = [clock.start_of_day(day + timedelta(days=1)) for day in days]
    for day, written in zip(days, repository.phases_at(session, moments), strict=True):
        for municipality, measure, phase in written:
            done = done_per_place.get(municipality)
            # Only the reference's cells count, as in the grid.
            if done is None or measure not in done_per_measure:
                continue
            if phase in DONE_PHASES:
                if measure not in done:
                    done.add(measure)
                    done_per_measure[measure] += 1
            elif measure in done:
                done.remove(measure)
                done_per_measure[measure] -= 1
        yield _counted(day, subjects, done_per_measure, done_per_place)


def measures_at_end_of(
    session: Session, day: date, places: int, subjects: list[Subject]
) -> dict[str, Tally]:
    """The country's tally of each of these measures at the end of a day, as `at_ends_of`
    counts it, for this many municipalities (all there are): the done cells counted by the
    database, for a figure of a few measures on a day of its own, such as a wave's share."""
    moment = clock.start_of_day(day + timedelta(days=1))
    done = repository.done_per_measure(session, moment, [s.code for s in subjects])
    return {s.code: _measure_tally(day, s, places, done.get(s.code, 0)) for s in subjects}


def _measure_tally(day: date, subject: Subject, places: int, done: int) -> Tally:
    """What `Tally.count` adds up for a measure's cells on this day: they are in force from its
    legal date on, and each not done is then behind by the days since."""
    if subject.effective > day:
        return _tally(places, done, 0, 0, 0)
    behind = places - done
    return _tally(places, done, places, behind, behind * (day - subject.effective).days)


def _tally(cells: int, done: int, in_force: int, behind: int, behind_days: int) -> Tally:
    tally = Tally()
    tally.cells, tally.done, tally.in_force = cells, done, in_force
    tally.behind, tally.behind_days = behind, behind_days
    return tally


def _counted(
    day: date,
    subjects: dict[str, Subject],
    done_per_measure: dict[str, int],
    done_per_place: dict[str, set[str]],
) -> DoneCounts:
    """What `Tally.count` adds up for every cell of this day, per measure and per municipality
    (a cell in force and not done is behind by the days since its measure's legal date)."""
    days_late = {code: (day - s.effective).days for code, s in subjects.items()}
    in_force = {code for code, late in days_late.items() if late >= 0}
    places = len(done_per_place)
    measures = {
        code: _measure_tally(day, subjects[code], places, done)
        for code, done in done_per_measure.items()
    }
    every_late = sum(days_late[code] for code in in_force)
    own = {}
    for municipality, done_measures in done_per_place.items():
        done_in_force = done_measures & in_force
        own[municipality] = _tally(
            len(subjects),
            len(done_measures),
            len(in_force),
            len(in_force) - len(done_in_force),
            every_late - sum(days_late[code] for code in done_in_force),
        )
    return DoneCounts(day, measures, own)
