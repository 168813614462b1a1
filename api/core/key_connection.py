"""On PostgreSQL, one connection per worker kept open for the version reads of core/kept.py.

A round (core/key_reads.py) read its keys on a connection from the pool: a ping when taking it,
BEGIN, the query, ROLLBACK when giving it back: four round trips to the server for one query, and
the server's work for each. This connection stays open in autocommit: a round is its queries and
nothing else, and psycopg prepares a statement it sees again and again, so the counters' query is
parsed and planned once. Autocommit also means no snapshot is ever held: every query sees every
commit made before it began, which is what a key read must see.

A broken connection (the server restarted, the backend was ended) fails its round, whose waiters
go on to their routes as for any failed read; the next round opens a new one. SQLite keeps the
pool: there the commit watch (core/commit_watch.py) spares most reads, and a connection held open
would hold the WAL file's readers."""

import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

T = TypeVar("T")


class KeyConnection:
    """The connection, opened on first use; the lock lets one round at a time use it (the tests
    run event loops in several threads; a worker runs one round at a time anyway)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: Connection | None = None
        self._lock = threading.Lock()
        self.opened = 0
        """Connections opened: how a test sees a broken one replaced, and a sound one kept."""

    def run(self, read: Callable[[Connection], T]) -> T:
        with self._lock:
            if self._connection is None:
                connection = self._engine.connect()
                self._connection = connection.execution_options(isolation_level="AUTOCOMMIT")
                self.opened += 1
            try:
                return read(self._connection)
            except DBAPIError as error:
                if error.connection_invalidated or self._connection.invalidated:
                    self._drop()
                raise
            except BaseException:
                # Whatever else went wrong, the next round starts on a connection in a known state.
                self._drop()
                raise

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            # Already broken: the pool throws it away.
            with contextlib.suppress(DBAPIError):
                connection.close()
