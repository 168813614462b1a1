"""On SQLite, the writing requests of one process take turns on the event loop.

SQLite has one write lock. A writing request takes it when its transaction begins (in the first
dependency that queries) and gives it back when the session commits, and those steps run in
different calls to the thread pool. When every thread of the pool (40) sat in the busy timeout
waiting for the lock, the holder got no thread to finish and commit: writers failed with
"database is locked" after the timeout, and reads, which need threads too, stalled with them.

So a writing request first waits for its turn here, as a coroutine that holds no thread, and
keeps the turn until its transaction is committed. Inside one process writers never wait on the
lock itself; the busy timeout is left for the writers of other processes (several workers).
Reads (GET, HEAD, OPTIONS) do not take a turn: they read beside the writer (WAL). The wait is
bounded: past `sqlite_write_queue_ms` the request gets 503 with Retry-After."""

from collections.abc import AsyncIterator

import anyio
from fastapi import Request

from api.core.errors import DatabaseBusyError
from api.core.settings import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _gate(request: Request) -> anyio.Lock:
    # Made on first use, inside the running event loop it belongs to; one per app (one app
    # per process), shared by every request of that app. No await between look and set.
    state = request.app.state
    gate: anyio.Lock | None = getattr(state, "sqlite_write_gate", None)
    if gate is None:
        gate = state.sqlite_write_gate = anyio.Lock()
    return gate


async def sqlite_write_turn(request: Request) -> AsyncIterator[None]:
    settings: Settings = request.app.state.settings
    if not settings.is_sqlite or request.method in SAFE_METHODS:
        yield
        return
    gate = _gate(request)
    try:
        with anyio.fail_after(settings.sqlite_write_queue_ms / 1000):
            await gate.acquire()
    except TimeoutError:
        raise DatabaseBusyError(
            "Te veel gelijktijdige wijzigingen. Probeer het zo opnieuw."
        ) from None
    try:
        yield
    finally:
        gate.release()
