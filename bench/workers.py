"""Several workers, one database: do they give the same answers?

Two servers of the real app, each a process of its own on its own port, share the bench's
database, as two workers (`spoorboek serve --workers 2`) or two machines do. Every public read
of bench/reads.py is fetched from both and the bodies compared. Then, when the database is the
bench's to change, a cell is changed through the one and every read fetched again from the
other first, then from the one that wrote: both must give the same answer, and the figures
must show the change. Then the same the other way round. A worker that served what it had
kept from before the write would answer otherwise than the worker that wrote.

Two processes on two ports rather than `uvicorn --workers 2` on one: with one port the kernel
picks the worker, and the check could not be sure to have asked both. (`--workers N` runs the
load table itself against uvicorn's N workers on one port.)"""

import os
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

import httpx

from bench import reads, servers, voortgang


@dataclass
class Result:
    reads: int = 0
    """Public reads compared, each from both servers."""
    before: list[str] = field(default_factory=list)
    """The reads whose answers differed between the servers before any write."""
    writes: int = 0
    """Cell changes made (each through one server, then read from both)."""
    after: list[str] = field(default_factory=list)
    """Differences after a write: "<read> after a write through A", say."""
    unchanged: list[str] = field(default_factory=list)
    """Figures a write did not change on the server that did not write it."""
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Reads that failed (another status than 200), so nothing could be compared."""
    seconds: float = 0.0

    @property
    def same_before(self) -> bool:
        return self.reads > 0 and not self.before and not self.problems

    @property
    def same_after(self) -> bool | None:
        """None: no write was made."""
        if not self.writes:
            return None
        return not self.after and not self.unchanged and not self.problems


def _normalised(body: bytes, server: servers.Server) -> bytes:
    # An answer may name its own address (links, provenance): the two differ in port only.
    return body.replace(server.url("").encode(), b"http://server")


def _answers(client: httpx.Client, server: servers.Server, result: Result) -> dict[str, bytes]:
    answers = {}
    for read in reads.public_reads():
        response = client.get(server.url(read.path))
        if response.status_code != 200:
            result.problems.append(f"{server.name} GET {read.path}: {response.status_code}")
            continue
        answers[read.name] = _normalised(response.content, server)
    return answers


def _differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return [name for name in a if name in b and a[name] != b[name]]


def run_section(
    context: voortgang.Context,
    running: servers.Server | None = None,
    second: servers.Server | None = None,
) -> Result:
    """Compare `running` (a server of the real app already up on the bench's database, started
    with voortgang.SERVER_ENV: the load section's, warm from the load) with `second` (another
    one, up but not asked anything yet: a smoke run's) or one started here; without either,
    start both."""
    result = Result()
    started = time.perf_counter()
    client_cpus = context.cpus[1]
    env = {**context.env, **voortgang.SERVER_ENV}
    with ExitStack() as stack, httpx.Client(timeout=voortgang.REQUEST_TIMEOUT) as client:
        pair = [server for server in (running, second) if server is not None]
        for name in ("spoorboek-a", "spoorboek-b")[len(pair) :]:
            # Not pinned: nothing here is timed, and they start on whichever CPU is free.
            server = servers.start(
                name, "api.main:create_app", env, context.root, context.workdir, None
            )
            stack.callback(voortgang._log_errors, server, context.log)
            stack.callback(servers.stop, server)
            pair.append(server)
        for server in pair:
            servers.wait_ready(server, voortgang.READY_PATH)
        if client_cpus:
            os.sched_setaffinity(0, client_cpus)
        a, b = pair
        first = {server.name: _answers(client, server, result) for server in pair}
        result.reads = len(first[a.name])
        result.before = _differences(first[a.name], first[b.name])
        context.log(
            f"workers: {result.reads} public reads from two servers on one database, "
            f"{len(result.before)} differ"
        )
        if not context.writable:
            result.notes.append(f"no write: {voortgang.NOT_WRITABLE}")
        else:
            _after_writes(stack, context, pair, first, client, result)
    result.seconds = time.perf_counter() - started
    return result


def _after_writes(
    stack: ExitStack,
    context: voortgang.Context,
    pair: list[servers.Server],
    before: dict[str, dict[str, bytes]],
    client: httpx.Client,
    result: Result,
) -> None:
    """Change the cell through each server in turn; read everything from the other one first."""
    figure_names = {read.name for read in reads.figures()}
    editors = {server.name: voortgang.log_in(stack, server) for server in pair}
    measure = voortgang.CHANGED_CELL[1]
    steps: list[Any] = [
        s["code"]
        for s in editors[pair[0].name]
        .client.get(f"/api/v1/maatregelen/{measure}/routekaart")
        .json()["stappen"]
    ]
    last = before[pair[1].name]
    for number, (writer, reader) in enumerate([(pair[0], pair[1]), (pair[1], pair[0])]):
        try:
            voortgang.change_cell(
                editors[writer.name],
                voortgang.CHANGED_CELL,
                steps,
                "AB"[number % 2],
                f"bench werkers {number}",
            )
        except (voortgang.CellError, httpx.HTTPError) as exc:
            result.problems.append(f"change through {writer.name}: {exc}")
            return
        result.writes += 1
        seen = _answers(client, reader, result)
        own = _answers(client, writer, result)
        result.after += [
            f"{name} after a write through {writer.name}" for name in _differences(seen, own)
        ]
        result.unchanged += [
            f"{name} on {reader.name} after a write through {writer.name}"
            for name in figure_names
            if name in seen and seen[name] == last.get(name)
        ]
        last = seen
    context.log(
        f"workers: {result.writes} writes, {len(result.after)} answers differ after them, "
        f"{len(result.unchanged)} figures did not show the change"
    )


def tables(result: Result) -> str:
    lines = [
        f"two servers on one database: {result.reads} public reads compared; "
        f"before a write {'the same' if result.same_before else 'DIFFERENT'}"
        + (f" ({', '.join(result.before)})" if result.before else "")
    ]
    if result.writes:
        verdict = "the same, and showing the change" if result.same_after else "NOT the same"
        lines.append(f"after {result.writes} writes (one through each): {verdict}")
        lines += [f"  differs: {d}" for d in result.after]
        lines += [f"  the change not shown: {u}" for u in result.unchanged]
    lines += [f"ERROR {p}" for p in result.problems]
    lines += [f"note: {n}" for n in result.notes]
    lines.append(f"section took {result.seconds:.0f} s")
    return "\n".join(lines)


def as_json(result: Result) -> dict[str, Any]:
    return {
        "reads": result.reads,
        "differ_before": result.before,
        "writes": result.writes,
        "differ_after": result.after,
        "change_not_shown": result.unchanged,
        "same_before": result.same_before,
        "same_after": result.same_after,
        "problems": result.problems,
        "notes": result.notes,
        "seconds": round(result.seconds, 1),
    }
