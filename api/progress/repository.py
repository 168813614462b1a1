"""Every query of the progress domain."""

from collections.abc import Collection
from datetime import date, datetime
from typing import TypedDict, cast

import orjson
from sqlalchemy import Subquery, Table, Text, bindparam, func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User, UserRole, user_municipalities
from api.core import data_versions
from api.core.security import Role
from api.measures.models import Measure
from api.municipalities.models import LabourMarketRegion, Municipality, Province
from api.progress.cells import CellState, CellWrite, Changes
from api.progress.models import Phase, ProgressSnapshot, ProgressStatus, RoadmapStep, Source

# The columns of a cell's state, in the order of CellState's fields. The figures read every
# cell, so they read these as plain rows: an ORM object per cell cost more than the figures.
_STATUS_STATE = (
    ProgressStatus.phase,
    ProgressStatus.planned_go_live,
    ProgressStatus.note,
    ProgressStatus.blockers,
    ProgressStatus.steps_done,
    ProgressStatus.version,
    ProgressStatus.source,
    ProgressStatus.updated_by,
    ProgressStatus.updated_at,
)
_SNAPSHOT_STATE = (
    ProgressSnapshot.phase,
    ProgressSnapshot.planned_go_live,
    ProgressSnapshot.note,
    ProgressSnapshot.blockers,
    ProgressSnapshot.steps_done,
    ProgressSnapshot.version,
    ProgressSnapshot.source,
    ProgressSnapshot.recorded_by,
    ProgressSnapshot.recorded_at,
)


def measures(session: Session) -> list[Measure]:
    query = select(Measure).options(selectinload(Measure.wave), selectinload(Measure.theme))
    return list(session.scalars(query.order_by(Measure.code)))


def municipalities(session: Session) -> list[Municipality]:
    return list(session.scalars(select(Municipality).order_by(Municipality.code)))


def roadmaps(session: Session) -> dict[str, list[RoadmapStep]]:
    steps: dict[str, list[RoadmapStep]] = {}
    for step in session.scalars(
        select(RoadmapStep).order_by(RoadmapStep.measure_code, RoadmapStep.position)
    ):
        steps.setdefault(step.measure_code, []).append(step)
    return steps


def roadmap(session: Session, measure_code: str) -> list[RoadmapStep]:
    query = select(RoadmapStep).where(RoadmapStep.measure_code == measure_code)
    return list(session.scalars(query.order_by(RoadmapStep.position)))


def status(session: Session, municipality_code: str, measure_code: str) -> ProgressStatus | None:
    return session.get(ProgressStatus, (municipality_code, measure_code))


def states(
    session: Session, municipality_codes: Collection[str] | None = None
) -> dict[tuple[str, str], CellState]:
    """The stored state of every cell (of these municipalities), by (municipality, measure)."""
    query = select(ProgressStatus.municipality_code, ProgressStatus.measure_code, *_STATUS_STATE)
    if municipality_codes is not None:
        query = query.where(ProgressStatus.municipality_code.in_(municipality_codes))
    return {(row[0], row[1]): CellState(*row[2:]) for row in session.execute(query)}


def lock_cells(session: Session, keys: Collection[tuple[str, str]]) -> set[tuple[str, str]] | None:
    """Locks the stored cells among `keys` until commit, in one global order (municipality,
    measure), so two writers of overlapping cells queue instead of deadlocking; returns the
    cells it locked. It locks every stored cell of the keys' municipalities and measures: one
    short query for a whole matrix, exact for the usual batch of one municipality or one
    measure. None on SQLite, which has no row locks: a writer holds the whole database from
    its first statement, so every cell it reads is as good as locked."""
    if session.get_bind().dialect.name == "sqlite":
        return None
    if not keys:
        return set()
    # The counter first, as every progress writer takes it: writers queue there, in one order.
    data_versions.writing(session, data_versions.PROGRESS)
    rows = session.execute(
        select(ProgressStatus.municipality_code, ProgressStatus.measure_code)
        .where(
            ProgressStatus.municipality_code.in_({code for code, _ in keys}),
            ProgressStatus.measure_code.in_({measure for _, measure in keys}),
        )
        .order_by(ProgressStatus.municipality_code, ProgressStatus.measure_code)
        .with_for_update()
    )
    return {(code, measure) for code, measure in rows}


def compare_and_set(session: Session, write: CellWrite) -> bool:
    """Writes only if the stored version is still the one before `write`: a stale writer
    changes nothing."""
    result = session.execute(
        update(ProgressStatus)
        .where(
            ProgressStatus.municipality_code == write.municipality,
            ProgressStatus.measure_code == write.measure,
            ProgressStatus.version == write.version - 1,
        )
        .values(_status_values(session, write))
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined, no-any-return]


# Bulk writes go through the tables (Core), not the ORM: its bulk insert splits a batch
# wherever the fields that are None change from row to row, into hundreds of statements.
_STATUSES = cast(Table, ProgressStatus.__table__)
_HISTORY = cast(Table, ProgressSnapshot.__table__)
_CELL_AT_VERSION = update(_STATUSES).where(
    _STATUSES.c.municipality_code == bindparam("cell_municipality"),
    _STATUSES.c.measure_code == bindparam("cell_measure"),
    _STATUSES.c.version == bindparam("cell_version"),
)


class _StatusValues(TypedDict):
    """The columns a write sets on the current row; SQLAlchemy takes them as a dict."""

    phase: Phase
    planned_go_live: date | None
    note: str | None
    blockers: str | None
    steps_done: dict[str, str]
    version: int
    source: Source
    updated_by: str
    updated_at: datetime
    data_version: int


class _StatusRow(_StatusValues):
    municipality_code: str
    measure_code: str


class _VersionedChange(_StatusValues):
    cell_municipality: str
    cell_measure: str
    cell_version: int


class _HistoryRow(TypedDict):
    municipality_code: str
    measure_code: str
    version: int
    phase: Phase
    planned_go_live: date | None
    note: str | None
    blockers: str | None
    steps_done: dict[str, str]
    changes: Changes
    source: Source
    recorded_by: str
    recorded_at: datetime


def _status_values(session: Session, write: CellWrite) -> _StatusValues:
    values = write.values
    return {
        "phase": values.phase,
        "planned_go_live": values.planned_go_live,
        "note": values.note,
        "blockers": values.blockers,
        "steps_done": values.steps_done,
        "version": write.version,
        "source": write.stamp.source,
        "updated_by": write.stamp.by,
        "updated_at": write.stamp.at,
        "data_version": data_versions.writing(session, data_versions.PROGRESS),
    }


def compare_and_set_many(session: Session, writes: list[CellWrite]) -> int:
    """`compare_and_set` for many cells in one batch (executemany); returns how many cells
    were written, so fewer than given means a stale writer."""
    changes = [
        _VersionedChange(
            **_status_values(session, write),
            cell_municipality=write.municipality,
            cell_measure=write.measure,
            cell_version=write.version - 1,
        )
        for write in writes
    ]
    if session.get_bind().dialect.supports_sane_multi_rowcount:
        result = session.execute(_CELL_AT_VERSION, changes)
        return result.rowcount  # type: ignore[attr-defined, no-any-return]
    return sum(
        session.execute(_CELL_AT_VERSION, change).rowcount  # type: ignore[attr-defined]
        for change in changes
    )


def insert_states(session: Session, writes: list[CellWrite]) -> None:
    """New cells, in one batch."""
    session.execute(
        insert(_STATUSES),
        [
            _StatusRow(
                **_status_values(session, write),
                municipality_code=write.municipality,
                measure_code=write.measure,
            )
            for write in writes
        ],
    )


def append_history(session: Session, writes: list[CellWrite]) -> None:
    """The history entry of every write (the full state after it), in one batch."""
    session.execute(
        insert(_HISTORY),
        [
            _HistoryRow(
                municipality_code=write.municipality,
                measure_code=write.measure,
                version=write.version,
                phase=write.values.phase,
                planned_go_live=write.values.planned_go_live,
                note=write.values.note,
                blockers=write.values.blockers,
                steps_done=write.values.steps_done,
                changes=write.changes,
                source=write.stamp.source,
                recorded_by=write.stamp.by,
                recorded_at=write.stamp.at,
            )
            for write in writes
        ],
    )


def history(session: Session, municipality_code: str, measure_code: str) -> list[ProgressSnapshot]:
    query = select(ProgressSnapshot).where(
        ProgressSnapshot.municipality_code == municipality_code,
        ProgressSnapshot.measure_code == measure_code,
    )
    return list(session.scalars(query.order_by(ProgressSnapshot.version)))


def _last_before(moment: datetime, municipality_code: str | None) -> Subquery:
    """The id of every cell's last snapshot recorded before `moment` (its highest version
    among those): one row per cell, not the cell's history."""
    ranked = select(
        ProgressSnapshot.id,
        func.row_number()
        .over(
            partition_by=(ProgressSnapshot.municipality_code, ProgressSnapshot.measure_code),
            order_by=ProgressSnapshot.version.desc(),
        )
        .label("rank"),
    ).where(ProgressSnapshot.recorded_at < moment)
    if municipality_code is not None:
        ranked = ranked.where(ProgressSnapshot.municipality_code == municipality_code)
    return ranked.subquery()


def states_until(
    session: Session, moment: datetime, municipality_code: str | None = None
) -> dict[tuple[str, str], CellState]:
    """The state of every cell (of this municipality) as it was at `moment`."""
    latest = _last_before(moment, municipality_code)
    query = (
        select(ProgressSnapshot.municipality_code, ProgressSnapshot.measure_code, *_SNAPSHOT_STATE)
        .join(latest, latest.c.id == ProgressSnapshot.id)
        .where(latest.c.rank == 1)
    )
    return {(row[0], row[1]): CellState(*row[2:]) for row in session.execute(query)}


def phases_and_steps(
    session: Session, moment: datetime | None = None
) -> dict[tuple[str, str], tuple[Phase, dict[str, str]]]:
    """Only what the figures judge a cell by, its phase and steps done, for every stored cell:
    now, or as it was at `moment`. The other columns cost more to read than the judging; the
    steps come as text, parsed by orjson (the JSON type's json.loads was a third of it)."""
    table: type[ProgressStatus | ProgressSnapshot] = (
        ProgressStatus if moment is None else ProgressSnapshot
    )
    query = select(
        table.municipality_code, table.measure_code, table.phase, table.steps_done.cast(Text)
    )
    if moment is not None:
        latest = _last_before(moment, None)
        query = query.join(latest, latest.c.id == ProgressSnapshot.id).where(latest.c.rank == 1)
    loads = orjson.loads
    return {(row[0], row[1]): (row[2], loads(row[3])) for row in session.execute(query)}


def changed_since(session: Session, version: int) -> list[tuple[str, str, Phase, dict[str, str]]]:
    """The cells written after progress version `version` (their data_version), as
    `phases_and_steps` gives them: one indexed query, however many cells there are."""
    query = select(
        ProgressStatus.municipality_code,
        ProgressStatus.measure_code,
        ProgressStatus.phase,
        ProgressStatus.steps_done.cast(Text),
    ).where(ProgressStatus.data_version > version)
    return [(row[0], row[1], row[2], orjson.loads(row[3])) for row in session.execute(query)]


def contacts_by_municipality(session: Session, codes: list[str]) -> dict[str, list[User]]:
    query = (
        select(user_municipalities.c.municipality_code, User)
        .join(User, User.id == user_municipalities.c.user_id)
        .join(UserRole, UserRole.user_id == User.id)
        .where(
            user_municipalities.c.municipality_code.in_(codes),
            UserRole.role == Role.MUNICIPAL_CONTACT,
            User.is_active.is_(True),
        )
        .order_by(User.name)
    )
    found: dict[str, list[User]] = {}
    for code, user in session.execute(query):
        found.setdefault(code, []).append(user)
    return found


def group_names(session: Session, grouping: str) -> dict[str, str]:
    """Names of provinces or labour-market regions by code, for labelling aggregates."""
    if grouping == "provincie":
        rows = session.execute(select(Province.code, Province.name))
    elif grouping == "arbeidsmarktregio":
        rows = session.execute(select(LabourMarketRegion.code, LabourMarketRegion.name))
    else:
        return {}
    return {code: name for code, name in rows}
