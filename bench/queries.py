"""SQL statements per list request, counted in-process at growing page sizes, and per
revalidation (304) of the endpoints whose ETag comes from a version key.

A list endpoint that loads its related rows with one query per row (N+1) shows up here as a
count that grows with the page; a constant count is the property this guards. An endpoint
whose 304 is meant to skip building the page shows up as a 304 that runs as many statements
as its 200 when that shortcut breaks."""

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx

PAGE_SIZES = (1, 10, 50, 100)


@dataclass(frozen=True)
class Probe:
    """One list request, asked for at each of `sizes` page sizes."""

    path: str
    params: tuple[tuple[str, str], ...] = ()
    sizes: tuple[int, ...] = PAGE_SIZES

    @property
    def label(self) -> str:
        return f"{self.path}?{urlencode(self.params)}" if self.params else self.path


PRODUCTS = "/api/v1/producten"
SEARCH = Probe(PRODUCTS, (("zoek", "werk"),), sizes=(1, 100))
"""A broad search word (17 of the 31 published demo products), so the larger page holds many
results and a per-result query would show; the other search code paths are the same."""

PROBES = (
    Probe("/api/v1/maatregelen"),
    Probe("/api/v1/gemeenten"),
    Probe(PRODUCTS),
    SEARCH,
)
REVALIDATED = (Probe(PRODUCTS), SEARCH)
"""Endpoints whose ETag comes from a cheap version key: their 304 must not build the page."""


@dataclass(frozen=True)
class QueryCounts:
    path: str
    per_size: dict[int, int]
    """Page size asked for: SQL statements that request executed."""
    rows: dict[int, int]
    """Page size asked for: results the page held (fewer once the collection runs out)."""
    largest_page: list[str]
    """The statements of the largest page, to show what repeats when the count grows."""

    @property
    def constant(self) -> bool:
        return len(set(self.per_size.values())) == 1


@dataclass(frozen=True)
class Revalidation:
    path: str
    """The request, at its largest page size."""
    full: int
    """SQL statements of the 200."""
    revalidated: int
    """SQL statements of the same request with If-None-Match: the 200's ETag (a 304)."""

    @property
    def cheaper(self) -> bool:
        return self.revalidated < self.full


async def count_statements(env: dict[str, str]) -> tuple[list[QueryCounts], list[Revalidation]]:
    # The settings and the engine are cached on first use: point them at the bench database
    # before anything from `api` is imported.
    os.environ.update(env)
    from sqlalchemy import Engine, event

    from api.core.kept import close_key_connection
    from api.main import create_app

    statements: list[str] = []
    engines: set[Engine] = set()

    def record(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)
        engines.add(conn.engine)

    # On every engine, not on one looked up here: the app picks its engine per request (by URL
    # and time limits), and a listener on another one counted nothing, silently.
    event.listen(Engine, "before_cursor_execute", record)
    # An app error becomes its 500 answer (and the app's own error log), reported as a failed
    # bench rather than a traceback out of the transport.
    app = create_app()

    def forget() -> None:
        # What a request costs when it builds its page, as the first one after a write does:
        # a public page is otherwise kept per version (and answered before routing), and a
        # kept page runs no query for it.
        app.state.api.state.representations = None
        app.state.api.state.kept_answers = None

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            counts = [await _count_probe(client, probe, statements, forget) for probe in PROBES]
            revalidations = [
                await _revalidate(client, probe, statements, forget) for probe in REVALIDATED
            ]
            return counts, revalidations
    finally:
        event.remove(Engine, "before_cursor_execute", record)
        # No connection of this process stays open on the database the servers use next: not
        # the pool's, nor the one the app holds for its version reads (PostgreSQL), which only
        # the lifespan's end closes, and the transport runs no lifespan. Left open, it kept a
        # later section from copying the database ("being accessed by other users").
        close_key_connection(app.state.api.state)
        for engine in engines:
            engine.dispose()


async def _count_probe(
    client: httpx.AsyncClient, probe: Probe, statements: list[str], forget: Callable[[], None]
) -> QueryCounts:
    # One request first, so one-off work (a first connection, a cache fill) is not counted
    # as a per-request cost.
    await _get(client, probe, probe.sizes[0])
    per_size: dict[int, int] = {}
    rows: dict[int, int] = {}
    for size in probe.sizes:
        forget()
        statements.clear()
        rows[size], _ = await _get(client, probe, size)
        per_size[size] = len(statements)
    return QueryCounts(
        path=probe.label, per_size=per_size, rows=rows, largest_page=list(statements)
    )


async def _revalidate(
    client: httpx.AsyncClient, probe: Probe, statements: list[str], forget: Callable[[], None]
) -> Revalidation:
    size = max(probe.sizes)
    forget()
    statements.clear()
    _, etag = await _get(client, probe, size)
    full = len(statements)
    statements.clear()
    response = await client.get(
        probe.path, params=_params(probe, size), headers={"If-None-Match": etag}
    )
    if response.status_code != 304:
        raise RuntimeError(f"GET {probe.label} with If-None-Match: {response.status_code}, not 304")
    label = f"{probe.label}{'&' if probe.params else '?'}paginaGrootte={size}"
    return Revalidation(path=label, full=full, revalidated=len(statements))


def _params(probe: Probe, size: int) -> tuple[tuple[str, str], ...]:
    return (*probe.params, ("paginaGrootte", str(size)))


async def _get(client: httpx.AsyncClient, probe: Probe, size: int) -> tuple[int, str]:
    """GET one page; return how many results it held and its ETag."""
    response = await client.get(probe.path, params=_params(probe, size))
    if response.status_code != 200:
        raise RuntimeError(f"GET {probe.label} paginaGrootte={size}: {response.status_code}")
    return len(response.json()["resultaten"]), response.headers.get("etag", "")
