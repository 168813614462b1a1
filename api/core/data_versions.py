"""Version counters kept in the database: one number per kind of data, raised by every
transaction that writes it (a counter of core/sequences.py). What is built from that data (a
representation, the figures) is keyed by the number, so every worker on every machine agrees on
what is current, and reading it costs one indexed query.

Writes need not remember to raise it: a session listener sees every table a transaction
writes, through the ORM or through statements, and raises the counter of the tables' kind
once per transaction. The counter row is updated *before* the transaction's first write of that
kind, so its lock (PostgreSQL) makes writers of a kind take their numbers in commit order:
rows stamped with the number (a `data_version` column) can be read back as "everything
changed since version n"."""

import functools
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import Connection, Table, event, text
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from api.core.sequences import SequenceCounter, next_value

REFERENCE = "referentie"
"""Measures, waves, themes, roadmaps, municipalities and their regions: what a seed changes."""
PROGRESS = "voortgang"
"""Every municipality's implementation status and its history."""
SIGNALS = "signalen"
"""The register of signals: the signals, their evidence and history."""
SATISFACTION = "tevredenheid"
"""Scores at the touchpoints: answer ratings, product votes, the survey's rounds and answers."""
MEETINGS = "bijeenkomsten"
"""The agenda: meetings, their registrations, slots and materials."""
NEWSLETTERS = "nieuwsbrief"
"""The nieuwsbrief's editions: what its public archive shows."""
ICT = "ict"
"""Software suppliers' applications, which one each municipality uses, and their readiness."""
FAQ = "faq"
"""The public FAQ: its entries, their versions (the texts) and the measures they are about."""
KINDS = (REFERENCE, PROGRESS, SIGNALS, SATISFACTION, MEETINGS, NEWSLETTERS, ICT, FAQ)

PRODUCT_CHANGES = "producten"
"""Not a kind, but the counter of the products' change feed (`SEQUENCE` of products/feed.py):
every change of a product that a list of products shows is numbered there, in the same
transaction. No listener raises it; keys name it beside the kinds, and it is read in the same
query, so a key made of it costs nothing extra. (A kind following the product tables would make
every product writer take a second counter's lock, in an order that differs per path.)"""

Reader = Session | Connection
"""Where a version is read: a request's session, or a bare connection (core/kept.py reads keys
again before routing, where a session would cost four times the query)."""


_kind_of_table: dict[str, str] = {}


def follow(tables: Iterable[Any], kind: str) -> None:
    """Every write to these tables (mapped classes or Core tables) raises `kind`'s counter."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of data: {kind}")
    for table in tables:
        name = table.name if isinstance(table, Table) else table.__table__.name
        _kind_of_table[name] = kind


_RAISED = "data_versions.raised"


def _counter(kind: str) -> str:
    return f"versie:{kind}"


def writing(session: Session, kind: str) -> int:
    """The number this transaction writes `kind` under, raising the counter on first use. Call
    it before locking rows of that kind, so writers queue on the counter first (no deadlock)."""
    raised: dict[str, int] = session.info.setdefault(_RAISED, {})
    if kind not in raised:
        raised[kind] = next_value(session, _counter(kind))
    return raised[kind]


# Read on every public request (core/kept.py), so written out once: building, caching and
# expanding the IN list of a Core select each time cost more than the query itself.
# The names are this module's constants, never input.
_CURRENT = text(
    f"SELECT name, value FROM {SequenceCounter.__tablename__} WHERE name IN ("  # noqa: S608
    + ", ".join(f"'{name}'" for name in (*(_counter(kind) for kind in KINDS), PRODUCT_CHANGES))
    + ")"
)


_once = threading.local()


@contextmanager
def read_once() -> Iterator[None]:
    """Within it, in this thread, the counters are read at most once: for many keys wanted at
    one moment (a round of core/kept.py), one query instead of one per key."""
    _once.active, _once.versions = True, None
    try:
        yield
    finally:
        _once.active, _once.versions = False, None


P = ParamSpec("P")
R = TypeVar("R")


def counters_read_once(route: Callable[P, R]) -> Callable[P, R]:
    """A route of figures whose parts each ask for the counters (its version key, the grid, the
    kept figures of a past day): read once for all of them, so they also agree with each other.
    After a change of progress the overview per municipality read them three times, the
    dashboard six; each is a round trip on PostgreSQL. The route's own thread only, and only
    while it runs; the route writes no data that a counter follows."""

    @functools.wraps(route)
    def once(*args: P.args, **kwargs: P.kwargs) -> R:
        with read_once():
            return route(*args, **kwargs)

    return once


def current(reader: Reader) -> dict[str, int]:
    """Every counter (the kinds' and `PRODUCT_CHANGES`), in one query; one never raised is
    missing."""
    if getattr(_once, "active", False) and _once.versions is not None:
        return dict(_once.versions)
    rows = reader.execute(_CURRENT).all()
    versions = {name.removeprefix("versie:"): value for name, value in rows}
    if getattr(_once, "active", False):
        _once.versions = dict(versions)
    return versions


def key(reader: Reader, *kinds: str) -> str:
    """A cache key for what depends on these kinds of data (or on `PRODUCT_CHANGES`)."""
    versions = current(reader)
    return "|".join(f"{kind}{versions.get(kind, 0)}" for kind in kinds)


@event.listens_for(Session, "before_flush")
def _raise_for_flushed_objects(session: Session, _flush: UOWTransaction, _: object) -> None:
    for instance in (*session.new, *session.dirty, *session.deleted):
        kind = _kind_of_table.get(getattr(getattr(instance, "__table__", None), "name", ""))
        if kind is None or (instance in session.dirty and not session.is_modified(instance)):
            continue
        version = writing(session, kind)
        if hasattr(instance, "data_version") and instance not in session.deleted:
            instance.data_version = version


@event.listens_for(Session, "do_orm_execute")
def _raise_for_statements(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    kind = _kind_of_table.get(getattr(table, "name", ""))
    if kind is not None:
        writing(state.session, kind)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, *_: object) -> None:
    # After a rollback (of a savepoint too) the raise may be undone: the next write raises again.
    session.info.pop(_RAISED, None)
