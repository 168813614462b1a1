"""On SQLite, version keys read again only after a commit (core/kept.py).

SQLite tells a connection, for the price of reading a number from shared memory, whether any
other connection has committed since it last asked (`PRAGMA data_version`). A key read after
that number was taken stays the key for as long as the number stays the same and the minute
has not turned (keys also name the day, or the minute: core/clock.py). So while nothing is
written, a kept answer costs no query, no thread and no connection, and the first request
after any commit, by this worker or any other process, reads the keys again. The watching
connection is read-only and never waits for a lock: busy, it says "unknown" and the request
reads its key as before. PostgreSQL has no such number; there the rounds of core/key_reads.py
do the saving."""

import sqlite3
import threading
from collections.abc import Hashable

from sqlalchemy.engine import make_url

from api.core import clock

Mark = tuple[int, int]
"""The commit number and the minute (since 1970), both taken before a key is read."""


class CommitWatch:
    def __init__(self, path: str) -> None:
        # check_same_thread off: the tests run requests on loops in several threads; the lock
        # keeps them apart.
        self._connection = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, check_same_thread=False, isolation_level=None
        )
        self._connection.execute("PRAGMA busy_timeout=0")
        self._lock = threading.Lock()
        self._known: dict[Hashable, tuple[Mark, str]] = {}

    def mark(self) -> Mark | None:
        """Where the database and the clock stand now; None when SQLite cannot say at once."""
        try:
            with self._lock:
                (number,) = self._connection.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return None
        return number, int(clock.now().timestamp()) // 60

    def known(self, kind: Hashable, mark: Mark) -> str | None:
        """The key of this kind, if it was read after `mark` was taken and nothing has been
        committed since."""
        found = self._known.get(kind)
        return found[1] if found is not None and found[0] == mark else None

    def remember(self, kind: Hashable, mark: Mark, key: str) -> None:
        """A key read after `mark` was taken."""
        self._known[kind] = (mark, key)

    def close(self) -> None:
        self._connection.close()


def for_url(url: str) -> CommitWatch | None:
    """A watch on the SQLite file of this URL; None for PostgreSQL or a database in memory."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    try:
        return CommitWatch(parsed.database)
    except sqlite3.Error:
        return None
