"""Which requests may use the database now: turns taken on the event loop, before a thread or
a connection is held.

A request uses its session in several calls to the thread pool (the dependencies that query,
the handler, the commit), and keeps its connection, and on SQLite the write lock, from the
first to the last. Had requests waited for a connection or for SQLite's lock inside the pool,
enough of them would fill every thread (40) while the holders got no thread to finish: on
SQLite writers failed with "database is locked" after the busy timeout and reads stalled with
them; on PostgreSQL, a hundred writers hung until the pool's own timeout.

So before its session opens, a request waits here, as a coroutine that holds no thread, for
one of the process's connections; on SQLite a writing request first waits for the one turn to
write, and keeps it until its transaction is committed. There are fewer connections than
threads, so whoever holds a connection always finds a thread to finish with. Reads (GET, HEAD,
OPTIONS) never wait for a writer: they read beside it (WAL). The busy timeout is left for the
writers of other processes (several workers). Every wait is bounded: past
`db_queue_timeout_ms` the request gets 503 with Retry-After, having changed nothing."""

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

import anyio

from api.core.errors import DatabaseBusyError

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class Admission:
    def __init__(self, connections: int, single_writer: bool, wait_seconds: float) -> None:
        self.single_writer = single_writer
        self.wait_seconds = wait_seconds
        self._connections = anyio.Semaphore(connections)
        self._writer = anyio.Lock()

    @asynccontextmanager
    async def turn(self, method: str) -> AsyncIterator[None]:
        async with AsyncExitStack() as held:
            try:
                with anyio.fail_after(self.wait_seconds):
                    # The write turn first: a writer waiting for it holds no connection.
                    if self.single_writer and method not in SAFE_METHODS:
                        await held.enter_async_context(self._writer)
                    await held.enter_async_context(self._connections)
            except TimeoutError:
                raise DatabaseBusyError(
                    "Te veel gelijktijdige verzoeken aan de database. Probeer het zo opnieuw."
                ) from None
            yield
