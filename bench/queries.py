"""SQL statements per list request, counted in-process at growing page sizes.

A list endpoint that loads its related rows with one query per row (N+1) shows up here as a
count that grows with the page; a constant count is the property this guards."""

import os
from dataclasses import dataclass
from typing import Any

import httpx

PAGE_SIZES = (1, 10, 50, 100)
ENDPOINTS = ("/api/v1/maatregelen", "/api/v1/gemeenten")


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


async def count_statements(database_url: str) -> list[QueryCounts]:
    # The settings and the engine are cached on first use: point them at the bench database
    # before anything from `api` is imported.
    os.environ["DATABASE_URL"] = database_url
    os.environ["SPOORBOEK_LOG_LEVEL"] = "WARNING"
    from sqlalchemy import event

    from api.core.db import get_engine
    from api.main import create_app

    engine = get_engine()
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    # An app error becomes its 500 answer (and the app's own error log), reported as a failed
    # bench rather than a traceback out of the transport.
    transport = httpx.ASGITransport(app=create_app(), raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            return [await _count_endpoint(client, path, statements) for path in ENDPOINTS]
    finally:
        event.remove(engine, "before_cursor_execute", record)
        engine.dispose()


async def _count_endpoint(
    client: httpx.AsyncClient, path: str, statements: list[str]
) -> QueryCounts:
    # One request first, so one-off work (a first connection, a cache fill) is not counted
    # as a per-request cost.
    await _get(client, path, PAGE_SIZES[0])
    per_size: dict[int, int] = {}
    rows: dict[int, int] = {}
    for size in PAGE_SIZES:
        statements.clear()
        rows[size] = await _get(client, path, size)
        per_size[size] = len(statements)
    return QueryCounts(path=path, per_size=per_size, rows=rows, largest_page=list(statements))


async def _get(client: httpx.AsyncClient, path: str, size: int) -> int:
    """GET one page; return how many results it held."""
    response = await client.get(path, params={"paginaGrootte": size})
    if response.status_code != 200:
        raise RuntimeError(f"GET {path}?paginaGrootte={size}: {response.status_code}")
    return len(response.json()["resultaten"])
