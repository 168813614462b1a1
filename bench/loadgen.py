"""A small closed-loop HTTP/1.1 load generator on asyncio streams.

Why not httpx: on this machine an httpx.AsyncClient tops out at a few hundred requests per
second (about 3 ms of client CPU per request), below what the server under test can do, so it
would measure itself. Hand-written keep-alive requests over asyncio streams cost a few tens of
microseconds each, which keeps the client out of the way of even the bare baseline.

Each of `concurrency` workers holds one keep-alive connection and sends the next request as
soon as the previous answer is read (closed loop). Every run is bounded by a duration, a
request budget, a per-request timeout and an error limit."""

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field

MAX_ERRORS = 100
"""Give up a run after this many failed requests: the figures would be meaningless anyway."""


@dataclass(frozen=True)
class Target:
    name: str
    host: str
    port: int
    path: str
    headers: tuple[tuple[str, str], ...] = ()
    expect_status: int = 200
    expect_bytes: int | None = None
    """Body length every answer must have (the same page each time); None: not checked. A
    different length means the server answered with something else than the reference page."""

    def request_bytes(self) -> bytes:
        lines = [
            f"GET {self.path} HTTP/1.1",
            f"Host: {self.host}:{self.port}",
            "Accept: application/json",
            "User-Agent: spoorboek-bench",
            *(f"{name}: {value}" for name, value in self.headers),
        ]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


@dataclass
class LoadResult:
    latencies: list[float] = field(default_factory=list)
    """Seconds per successful request, from writing the request to reading the last byte."""
    statuses: Counter[int] = field(default_factory=Counter)
    errors: int = 0
    wrong_bodies: int = 0
    """Answers with the expected status but a body of another length (counted in errors too)."""
    last_error: str = ""
    elapsed: float = 0.0
    body_bytes: int = 0
    client_cpu: float = 0.0
    """CPU seconds this process used during the run: near `elapsed` means the client saturated."""

    @property
    def completed(self) -> int:
        return len(self.latencies)

    def merge(self, other: "LoadResult") -> None:
        self.latencies.extend(other.latencies)
        self.statuses.update(other.statuses)
        self.errors += other.errors
        self.wrong_bodies += other.wrong_bodies
        self.last_error = other.last_error or self.last_error
        self.elapsed += other.elapsed
        self.body_bytes = other.body_bytes or self.body_bytes
        self.client_cpu += other.client_cpu


class _Budget:
    """Shared request budget; workers take one ticket per request."""

    def __init__(self, total: int) -> None:
        self.left = total

    def take(self) -> bool:
        if self.left <= 0:
            return False
        self.left -= 1
        return True


async def _read_chunked(reader: asyncio.StreamReader) -> int:
    size = 0
    while True:
        line = await reader.readuntil(b"\r\n")
        chunk = int(line.split(b";", 1)[0], 16)
        await reader.readexactly(chunk + 2)  # data plus its CRLF
        size += chunk
        if chunk == 0:
            return size


async def read_response(reader: asyncio.StreamReader) -> tuple[int, int, bool]:
    """Read one response; return its status, body length and whether the connection stays."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length, chunked, keep_alive = 0, False, True
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
        elif name == b"connection":
            keep_alive = value.strip().lower() != b"close"
    if chunked:
        return status, await _read_chunked(reader), keep_alive
    await reader.readexactly(length)
    return status, length, keep_alive


class _Connection:
    """One keep-alive connection, opened on first use and again after a close or an error."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def exchange(self, request: bytes) -> tuple[int, int]:
        """Send one request, read its response; return the status and body length."""
        if self._streams is None:
            self._streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self._streams
        writer.write(request)
        status, size, keep_alive = await read_response(reader)
        if not keep_alive:
            self.close()
        return status, size

    def close(self) -> None:
        if self._streams is not None:
            self._streams[1].close()
            self._streams = None


async def _worker(
    target: Target,
    deadline: float,
    budget: _Budget,
    result: LoadResult,
    request_timeout: float,
) -> None:
    request = target.request_bytes()
    connection = _Connection(target.host, target.port)
    try:
        while result.errors < MAX_ERRORS and time.perf_counter() < deadline and budget.take():
            started = time.perf_counter()
            try:
                async with asyncio.timeout(request_timeout):
                    status, size = await connection.exchange(request)
            except (OSError, EOFError, TimeoutError, ValueError, IndexError) as exc:
                # A broken or half-read connection cannot be reused: start a fresh one.
                connection.close()
                result.errors += 1
                result.last_error = f"{type(exc).__name__}: {exc}"
                continue
            result.latencies.append(time.perf_counter() - started)
            result.statuses[status] += 1
            result.body_bytes = size
            if status != target.expect_status:
                result.errors += 1
                result.last_error = f"status {status}, expected {target.expect_status}"
            elif target.expect_bytes is not None and size != target.expect_bytes:
                result.errors += 1
                result.wrong_bodies += 1
                result.last_error = f"body of {size} bytes, expected {target.expect_bytes}"
    finally:
        connection.close()


async def run_load(
    target: Target,
    *,
    concurrency: int,
    duration: float,
    max_requests: int,
    request_timeout: float = 10.0,
) -> LoadResult:
    """Load `target` for `duration` seconds (or `max_requests`, whichever comes first)."""
    result = LoadResult()
    budget = _Budget(max_requests)
    cpu_started, started = time.process_time(), time.perf_counter()
    deadline = started + duration
    await asyncio.gather(
        *(_worker(target, deadline, budget, result, request_timeout) for _ in range(concurrency))
    )
    result.elapsed = time.perf_counter() - started
    result.client_cpu = time.process_time() - cpu_started
    return result
