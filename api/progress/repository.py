"""Every query of the progress domain."""

from collections.abc import Collection, Iterator, Sequence
from datetime import date, datetime
from typing import Any, TypedDict

import orjson
from sqlalchemy import (
    ColumnElement,
    String,
    Subquery,
    Text,
    case,
    func,
    select,
    type_coerce,
    update,
)
from sqlalchemy.orm import QueryableAttribute, Session, aliased, selectinload

from api.accounts.models import User, UserRole, user_municipalities
from api.core import data_versions
from api.core.orm import UTCDateTime
from api.core.security import Role
from api.measures.models import Measure
from api.municipalities.models import LabourMarketRegion, Municipality, Province
from api.progress.cells import CellState, CellWrite, StoredCell
from api.progress.deadlines import DONE_PHASES
from api.progress.models import (
    BlockerKind,
    Phase,
    ProgressSnapshot,
    ProgressStatus,
    RoadmapStep,
    Source,
)

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
    ProgressStatus.blocker_kind,
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
    ProgressSnapshot.blocker_kind,
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


def measure_codes(session: Session) -> set[str]:
    return set(session.scalars(select(Measure.code)))


def municipality_codes(session: Session) -> set[str]:
    return set(session.scalars(select(Municipality.code)))


def step_codes(session: Session) -> dict[str, frozenset[str]]:
    """The codes of every measure's roadmap steps, by measure."""
    steps: dict[str, set[str]] = {}
    for measure, code in session.execute(select(RoadmapStep.measure_code, RoadmapStep.code)):
        steps.setdefault(measure, set()).add(code)
    return {measure: frozenset(codes) for measure, codes in steps.items()}


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


def cells_to_write(
    session: Session, municipality_codes: Collection[str], measure_codes: Collection[str]
) -> dict[tuple[str, str], StoredCell]:
    """The stored state, as a bulk write compares it, of every cell of these municipalities
    and measures (one short query for a whole matrix, exact for the usual batch of one
    municipality or one measure). On PostgreSQL they are locked until commit, in one global
    order (municipality, measure), so two writers of overlapping cells queue instead of
    deadlocking, and neither reads a cell the other is about to change. SQLite has no row
    locks, and needs none: a writer holds the whole database from its first statement, so
    every cell it reads is as good as locked."""
    if not municipality_codes or not measure_codes:
        return {}
    query = select(
        ProgressStatus.municipality_code,
        ProgressStatus.measure_code,
        # As stored: the phase's text, the steps' JSON (parsed by the bulk, with orjson).
        type_coerce(ProgressStatus.phase, String),
        ProgressStatus.planned_go_live,
        ProgressStatus.note,
        ProgressStatus.blockers,
        ProgressStatus.steps_done.cast(Text),
        ProgressStatus.version,
        type_coerce(ProgressStatus.blocker_kind, String),
    ).where(
        ProgressStatus.municipality_code.in_(municipality_codes),
        ProgressStatus.measure_code.in_(measure_codes),
    )
    if session.get_bind().dialect.name != "sqlite":
        # The counter first, as every progress writer takes it: writers queue there, in one order.
        data_versions.writing(session, data_versions.PROGRESS)
        query = query.order_by(
            ProgressStatus.municipality_code, ProgressStatus.measure_code
        ).with_for_update()
    # Through the connection (the ORM's loading of plain columns cost a third of the read), and
    # fetched at once: row by row cost as much again.
    rows = session.connection().execute(query).all()
    return {
        (code, measure): StoredCell(phase, planned, note, blockers, steps, version, kind)
        for code, measure, phase, planned, note, blockers, steps, version, kind in rows
    }


def blockers_of(
    session: Session, cells: Collection[tuple[str, str]]
) -> dict[tuple[str, str], str | None]:
    """The stored blocker text of these cells (municipality, measure), of those stored."""
    if not cells:
        return {}
    query = select(
        ProgressStatus.municipality_code, ProgressStatus.measure_code, ProgressStatus.blockers
    ).where(
        ProgressStatus.municipality_code.in_({code for code, _ in cells}),
        ProgressStatus.measure_code.in_({measure for _, measure in cells}),
    )
    wanted = set(cells)
    return {
        (code, measure): blockers
        for code, measure, blockers in session.execute(query)
        if (code, measure) in wanted
    }


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


class _StatusValues(TypedDict):
    """The columns a write sets on the current row; SQLAlchemy takes them as a dict."""

    phase: Phase
    planned_go_live: date | None
    note: str | None
    blockers: str | None
    blocker_kind: BlockerKind | str | None
    steps_done: dict[str, str]
    version: int
    source: Source
    updated_by: str
    updated_at: datetime
    data_version: int


def _status_values(session: Session, write: CellWrite) -> _StatusValues:
    values = write.values
    return {
        "phase": values.phase,
        "planned_go_live": values.planned_go_live,
        "note": values.note,
        "blockers": values.blockers,
        "blocker_kind": values.blocker_kind,
        "steps_done": values.steps_done,
        "version": write.version,
        "source": write.stamp.source,
        "updated_by": write.stamp.by,
        "updated_at": write.stamp.at,
        "data_version": data_versions.writing(session, data_versions.PROGRESS),
    }


# Batch writes (a bulk of up to 10,000 cells, or the one cell of a PUT) go to the driver as they
# are: SQLAlchemy's per-value conversions (the JSON type's json.dumps, the timestamp's
# formatting) cost more per row than the database's writing. The values are made here in the
# form SQLAlchemy would make them: JSON with orjson, dates as ISO text on SQLite, the stamp's
# timestamp converted once by its own column type. SQLite runs a statement per row
# (executemany, cheap there); PostgreSQL one statement for the whole batch, its values as
# arrays (unnest), instead of a round of statements per row.
_ON_SQLITE = "sqlite"

# Every statement takes a cell's values in the order of `_cells`: municipality, measure,
# version, phase, planned go-live, note, blockers, blocker kind, steps; then source, and the
# stamp (who, when, progress version) or, in the history, the change.
_SQLITE_CAS = (
    "UPDATE progress_statuses SET version = ?3, phase = ?4, planned_go_live = ?5, note = ?6, "
    "blockers = ?7, blocker_kind = ?8, steps_done = ?9, source = ?10, updated_by = ?11, "
    "updated_at = ?12, data_version = ?13 "
    "WHERE municipality_code = ?1 AND measure_code = ?2 AND version = ?3 - 1"
)
_SQLITE_NEW = (
    "INSERT INTO progress_statuses (municipality_code, measure_code, version, phase, "
    "planned_go_live, note, blockers, blocker_kind, steps_done, source, updated_by, updated_at, "
    "data_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
)
_SQLITE_HISTORY = (
    "INSERT INTO progress_history (municipality_code, measure_code, version, phase, "
    "planned_go_live, note, blockers, blocker_kind, steps_done, source, recorded_by, "
    "recorded_at, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
)

# PostgreSQL: one array per column of `_cells`, sent in binary (%b; as text, psycopg escapes
# every quote of every JSON value in Python: 0.35 s for a matrix), and the stamp once.
_PG_CAS = (
    "UPDATE progress_statuses AS s SET phase = v.phase, planned_go_live = v.planned_go_live, "
    "note = v.note, blockers = v.blockers, blocker_kind = v.blocker_kind, "
    "steps_done = v.steps_done, version = v.version, "
    "source = v.source, updated_by = %s, updated_at = %s, data_version = %s "
    "FROM unnest(%b::varchar[], %b::varchar[], %b::int[], %b::varchar[], %b::date[], "
    "%b::text[], %b::text[], %b::varchar[], %b::json[], %b::varchar[]) "
    "AS v(municipality_code, measure_code, version, phase, planned_go_live, note, blockers, "
    "blocker_kind, steps_done, source) "
    "WHERE s.municipality_code = v.municipality_code AND s.measure_code = v.measure_code "
    "AND s.version = v.version - 1"
)
_PG_NEW = (
    "INSERT INTO progress_statuses (municipality_code, measure_code, version, phase, "
    "planned_go_live, note, blockers, blocker_kind, steps_done, source, updated_by, updated_at, "
    "data_version) "
    "SELECT v.*, %s, %s, %s FROM unnest(%b::varchar[], %b::varchar[], %b::int[], "
    "%b::varchar[], %b::date[], %b::text[], %b::text[], %b::varchar[], %b::json[], "
    "%b::varchar[]) AS v(municipality_code, measure_code, version, phase, planned_go_live, "
    "note, blockers, blocker_kind, steps_done, source)"
)
_PG_HISTORY = (
    # The state after each write is the cell as just written at that version: read back here
    # instead of sent and parsed a second time.
    "INSERT INTO progress_history (municipality_code, measure_code, version, phase, "
    "planned_go_live, note, blockers, blocker_kind, steps_done, source, changes, recorded_by, "
    "recorded_at) "
    "SELECT s.municipality_code, s.measure_code, s.version, s.phase, s.planned_go_live, s.note, "
    "s.blockers, s.blocker_kind, s.steps_done, s.source, v.changes, s.updated_by, s.updated_at "
    "FROM unnest(%b::varchar[], %b::varchar[], %b::int[], %b::json[]) "
    "AS v(municipality_code, measure_code, version, changes) JOIN progress_statuses AS s "
    "ON s.municipality_code = v.municipality_code AND s.measure_code = v.measure_code "
    "AND s.version = v.version"
)


def _stored_timestamp(session: Session, moment: datetime) -> object:
    """`moment` as its column type binds it on this database (on SQLite: text)."""
    dialect = session.get_bind().dialect
    processor = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
    return processor(moment) if processor else moment


_TEXT: dict[str | None, str | None] = {
    None: None,
    **{member: member.value for member in (*Phase, *Source, *BlockerKind)},
}
"""Each phase, source and blocker kind as the driver is given it: plain text (a kind kept by a
bulk, read as text, finds itself)."""


def _cells(writes: Sequence[CellWrite], dialect: str) -> list[tuple[Any, ...]]:
    """Each write's cell as the statements take it (SQLite has its dates as ISO text)."""
    text, dumps, on_sqlite = _TEXT, orjson.dumps, dialect == _ON_SQLITE
    return [
        (
            write.municipality,
            write.measure,
            write.version,
            text[values.phase],
            values.planned_go_live.isoformat()
            if on_sqlite and values.planned_go_live is not None
            else values.planned_go_live,
            values.note,
            values.blockers,
            text[values.blocker_kind],
            dumps(values.steps_done).decode(),
            text[write.stamp.source],
        )
        for write in writes
        for values in (write.values,)
    ]


def _columns(cells: list[tuple[Any, ...]]) -> list[list[Any]]:
    """The cells as one list per column, for PostgreSQL's arrays."""
    return [list(column) for column in zip(*cells, strict=True)]


def _stamp_of(session: Session, writes: Sequence[CellWrite]) -> tuple[str, object, int]:
    """Who and when, the same for every write of a batch (the source may differ), and the
    progress version they are written under (`data_versions.writing`, which the figures read
    back)."""
    first = writes[0].stamp
    if any(write.stamp.by != first.by or write.stamp.at != first.at for write in writes):
        raise ValueError("a batch has one writer and one moment")
    return (
        first.by,
        _stored_timestamp(session, first.at),
        data_versions.writing(session, data_versions.PROGRESS),
    )


def compare_and_set_many(session: Session, writes: Sequence[CellWrite]) -> int:
    """`compare_and_set` for many cells in one batch; returns how many cells were written, so
    fewer than given means a stale writer. Every write of a batch has the same writer and
    moment."""
    if not writes:
        return 0
    stamp = _stamp_of(session, writes)
    connection = session.connection()
    cells = _cells(writes, connection.dialect.name)
    if connection.dialect.name == _ON_SQLITE:
        return connection.exec_driver_sql(_SQLITE_CAS, [(*cell, *stamp) for cell in cells]).rowcount
    return connection.exec_driver_sql(_PG_CAS, (*stamp, *_columns(cells))).rowcount


def insert_states(session: Session, writes: Sequence[CellWrite]) -> None:
    """New cells, in one batch (same writer and moment); a cell that exists already is an
    IntegrityError."""
    if not writes:
        return
    stamp = _stamp_of(session, writes)
    connection = session.connection()
    cells = _cells(writes, connection.dialect.name)
    if connection.dialect.name == _ON_SQLITE:
        connection.exec_driver_sql(_SQLITE_NEW, [(*cell, *stamp) for cell in cells])
    else:
        connection.exec_driver_sql(_PG_NEW, (*stamp, *_columns(cells)))


def append_history(session: Session, writes: Sequence[CellWrite]) -> None:
    """The history entry of every write (the full state after it), in one batch (same writer
    and moment), after the cells are written: on PostgreSQL the state is read back from them."""
    if not writes:
        return
    by, at, _ = _stamp_of(session, writes)
    connection = session.connection()
    changes = [orjson.dumps(write.changes).decode() for write in writes]
    if connection.dialect.name == _ON_SQLITE:
        cells = _cells(writes, connection.dialect.name)
        rows = [(*cell, by, at, change) for cell, change in zip(cells, changes, strict=True)]
        connection.exec_driver_sql(_SQLITE_HISTORY, rows)
        return
    keys = [
        [write.municipality for write in writes],
        [write.measure for write in writes],
        [write.version for write in writes],
    ]
    written = connection.exec_driver_sql(_PG_HISTORY, (*keys, changes)).rowcount
    if written != len(writes):
        raise RuntimeError(f"{len(writes) - written} cells are not at the version of their write")


def history(session: Session, municipality_code: str, measure_code: str) -> list[ProgressSnapshot]:
    query = select(ProgressSnapshot).where(
        ProgressSnapshot.municipality_code == municipality_code,
        ProgressSnapshot.measure_code == measure_code,
    )
    return list(session.scalars(query.order_by(ProgressSnapshot.version)))


def _last_before(
    moment: datetime, municipality_code: str | None, measure_codes: Collection[str] | None = None
) -> Subquery:
    """The id of every cell's last snapshot recorded before `moment` (its highest version among
    those): one row per cell, not the cell's history. Every cell with a history has a status
    (statuses are never removed), so each status looks for its own: down its versions from the
    newest, on the unique index of cell and version, to the first recorded before the moment. A
    cell unchanged since costs one step however long its history; ranking every snapshot before
    the moment read them all (ten years of history: two million rows for 76,000 cells)."""
    snapshot = aliased(ProgressSnapshot)
    last = (
        select(snapshot.id)
        .where(
            snapshot.municipality_code == ProgressStatus.municipality_code,
            snapshot.measure_code == ProgressStatus.measure_code,
            snapshot.recorded_at < moment,
        )
        .order_by(snapshot.version.desc())
        .limit(1)
        .correlate(ProgressStatus)
        .scalar_subquery()
    )
    cells = select(last.label("id")).select_from(ProgressStatus)
    if municipality_code is not None:
        cells = cells.where(ProgressStatus.municipality_code == municipality_code)
    if measure_codes is not None:
        cells = cells.where(ProgressStatus.measure_code.in_(measure_codes))
    return cells.subquery()


def states_until(
    session: Session, moment: datetime, municipality_code: str | None = None
) -> dict[tuple[str, str], CellState]:
    """The state of every cell (of this municipality) as it was at `moment`."""
    latest = _last_before(moment, municipality_code)
    query = select(
        ProgressSnapshot.municipality_code, ProgressSnapshot.measure_code, *_SNAPSHOT_STATE
    ).join(latest, latest.c.id == ProgressSnapshot.id)
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
        query = query.join(latest, latest.c.id == ProgressSnapshot.id)
    loads = orjson.loads
    return {(row[0], row[1]): (row[2], loads(row[3])) for row in session.execute(query)}


def done_per_measure(
    session: Session, moment: datetime, measure_codes: Collection[str]
) -> dict[str, int]:
    """Per measure of these, the cells whose last write before `moment` has a done phase,
    counted by the database: for a figure that needs no more, one number per measure instead
    of a row per cell."""
    latest = _last_before(moment, None, measure_codes)
    query = (
        select(ProgressSnapshot.measure_code, func.count())
        .join(latest, latest.c.id == ProgressSnapshot.id)
        .where(ProgressSnapshot.phase.in_(sorted(DONE_PHASES)))
        .group_by(ProgressSnapshot.measure_code)
    )
    return {code: count for code, count in session.execute(query)}


def phases_and_steps_at(
    session: Session, moments: list[datetime]
) -> Iterator[dict[tuple[str, str], tuple[Phase, dict[str, str]]]]:
    """`phases_and_steps(session, moment)` for each of these moments, oldest first, from one
    pass over the history (`written_before`). Each state is handed out as the one dictionary,
    brought forward after it has been used."""
    loads = orjson.loads
    state: dict[tuple[str, str], tuple[Phase, dict[str, str]]] = {}
    columns = (ProgressSnapshot.phase, ProgressSnapshot.steps_done.cast(Text))
    for written in written_before(session, moments, *columns):
        for code, measure, phase, steps in written:
            state[code, measure] = (phase, loads(steps))
        yield state


def phases_at(session: Session, moments: list[datetime]) -> Iterator[list[tuple[str, str, str]]]:
    """The phases `written_before` these moments, for what needs no steps (whether a cell is
    done). Each phase as its stored value, which its `Phase` equals: making an enum member of
    every row was a large part of the pass."""
    return written_before(session, moments, type_coerce(ProgressSnapshot.phase, String))


def written_before(
    session: Session,
    moments: list[datetime],
    *columns: ColumnElement[Any] | QueryableAttribute[Any],
) -> Iterator[list[tuple[Any, ...]]]:
    """For each of these moments, oldest first, the cells whose state it changes, as
    (municipality, measure, *columns) in the order they were written: at the first every
    stored cell as it was then, with one query; at each later one what was written since the
    one before, from one pass over the history up to the last. A row takes its cell's place
    when its version is higher (as `_last_before` chooses), so applying the rows in turn gives
    each moment's state."""
    if not moments:
        return
    cell = (ProgressSnapshot.municipality_code, ProgressSnapshot.measure_code)
    latest = _last_before(moments[0], None)
    first = select(ProgressSnapshot.version, *cell, *columns).join(
        latest, latest.c.id == ProgressSnapshot.id
    )
    rows = session.execute(first).all()
    versions = {(row[1], row[2]): row[0] for row in rows}
    yield [row[1:] for row in rows]
    # Which moment each later row comes before, decided by the database: parsing every row's
    # time cost more than the rest of the pass.
    before = case(
        *((ProgressSnapshot.recorded_at < moment, n) for n, moment in enumerate(moments)),
        else_=len(moments),
    )
    later = session.execute(
        select(before, ProgressSnapshot.version, *cell, *columns)
        .where(
            ProgressSnapshot.recorded_at >= moments[0],
            ProgressSnapshot.recorded_at < moments[-1],
        )
        .order_by(ProgressSnapshot.recorded_at)
    ).all()
    following = iter(later)
    row = next(following, None)
    for n in range(1, len(moments)):
        written = []
        while row is not None and row[0] <= n:
            if row[1] > versions.get((row[2], row[3]), -1):
                versions[row[2], row[3]] = row[1]
                written.append(row[2:])
            row = next(following, None)
        yield written


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


def phase_history(
    session: Session, moment: datetime | None = None
) -> Iterator[tuple[str, str, Phase, dict[str, str], datetime]]:
    """Every snapshot's cell, phase, steps done and time, recorded before `moment` (all when
    None), each cell's in the order of its versions: what the forecast learns from. Plain rows,
    the steps as text parsed with orjson, as for the figures."""
    query = select(
        ProgressSnapshot.municipality_code,
        ProgressSnapshot.measure_code,
        ProgressSnapshot.phase,
        ProgressSnapshot.steps_done.cast(Text),
        ProgressSnapshot.recorded_at,
    ).order_by(
        ProgressSnapshot.municipality_code, ProgressSnapshot.measure_code, ProgressSnapshot.version
    )
    if moment is not None:
        query = query.where(ProgressSnapshot.recorded_at < moment)
    loads = orjson.loads
    for code, measure, phase, steps, recorded in session.execute(query):
        yield code, measure, phase, loads(steps), recorded
