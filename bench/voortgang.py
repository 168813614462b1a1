"""The implementation-progress section (voortgang): the public figures cold, warm and after a
single change, writing the whole municipality × measure matrix in bulk, and reading back the
national overview and the matrix, at the demo's 342 municipalities with its year of history
and at ten times as many with ten years of history, to show how the cost grows.

    python -m bench.run --progress-only [--quick]

- Figures: every figure of bench/reads.py (the overview for every grouping, the comparison, the
  map values, the trend, the dashboard), anonymous, at concurrency 1: the first read of each on
  a server just started with no figures kept in the database (cold: the full computation), then
  warm reads, then (1× only) the first read after a single cell changes through the API, one
  change before each read.
- Bulk: `POST /api/v1/voortgang/bulk` with a row for every cell, as the demo editor. The runs
  alternate between two versions of every row (A and B), so every run changes every row; one
  more run sends the last version again, so nothing changes. A matrix too large for one request
  (more rows than the API's MAX_ROWS, or a body over its body limit) is split evenly over as
  few requests as fit; rows/s counts all of them together.
- Reads: `GET /api/v1/voortgang/overzicht?groep=land` (public) and `GET /api/v1/voortgang/matrix`
  (editors), a modest number of requests at low concurrency, in rounds with the baseline.
- 10×: a copy of the bench database in which every municipality, with its progress and its
  history, is copied nine more times (`database.multiply_municipalities`), and every written
  cell's history reaches ten years back (`database.lengthen_history`); on PostgreSQL a
  database made from the bench's as a template.

The reads run before the bulk writes, on the demo's data as `spoorboek demo` left it. Writes
(single cells, bulk, the 10× copy) only on a database that is the bench's to change
(`Context.writable`)."""

import json
import math
import os
import statistics
import time
from collections.abc import Callable, Coroutine
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx

from bench import baseline_app, database, reads, report, servers
from bench.loadgen import LoadResult, Target, run_load

OVERVIEW = reads.OVERVIEW + "land"
MATRIX = "/api/v1/voortgang/matrix"
BULK = "/api/v1/voortgang/bulk"
LOGIN = "/api/v1/sessies"
CELL = "/api/v1/gemeenten/{municipality}/voortgang/{measure}"
MEASURES = reads.MEASURES
MUNICIPALITIES = reads.MUNICIPALITIES
CHANGED_CELL = (reads.COMPARED, "M01")
"""The cell changed to make the figures stale: Utrecht, giftenvrijlating."""
READY_PATH = "/api/v1/health/ready"
EDITOR = {"email": "redacteur@demo.spoorboek.example", "wachtwoord": "Demo-Spoorboek-2026"}

SERVER_ENV = {
    # The demo accounts; cookies over plain http on loopback; a session that outlives the run.
    "SPOORBOEK_ENVIRONMENT": "demo",
    "SPOORBOEK_COOKIE_SECURE": "false",
    "SPOORBOEK_ACCESS_TOKEN_MINUTES": "120",
}
FACTOR = 10
REQUEST_TIMEOUT = 180.0
"""Seconds one read or one bulk request may take: at 10× a single one takes several."""

T = TypeVar("T")
Log = Callable[[str], None]


@dataclass(frozen=True)
class ScalePlan:
    rounds: int
    """The reads take turns with the baseline this many times."""
    reads_per_round: int
    """Requests per round to the overview and to the matrix (the baseline gets more); each
    also gets one first request, checked for content, before the rounds."""
    changed_runs: int
    """Bulk runs that change every row (A, B, A…); one unchanged run follows."""
    figure_warm: int = 0
    """Warm reads of each figure (at most; see figure_warm_seconds)."""
    figure_warm_seconds: float = 1.0
    """Time limit of the warm reads of one figure: a slow figure gets fewer."""
    figure_changes: int = 0
    """First reads after a single cell change, per figure (0: not measured at this scale)."""


@dataclass(frozen=True)
class Plan:
    concurrency: int
    one: ScalePlan
    ten: ScalePlan | None
    """None: 1× only (--quick)."""


BASELINE_PER_ROUND = 200
# Per endpoint 1 + 3 × 2 = 7 requests at 1×, 1 + 1 = 2 at 10×; three bulk runs that change
# everything at 1×, one at 10×. Per figure up to 100 warm reads at 1× (so p99 is not simply the
# slowest) and 30 at 10×, and five first reads after a change at 1×.
FULL = Plan(
    concurrency=1,
    one=ScalePlan(3, 2, 3, figure_warm=100, figure_warm_seconds=3.0, figure_changes=5),
    ten=ScalePlan(1, 1, 1, figure_warm=30, figure_warm_seconds=5.0),
)
QUICK = Plan(
    concurrency=1,
    one=ScalePlan(1, 1, 1, figure_warm=20, figure_warm_seconds=2.0, figure_changes=2),
    ten=None,
)
SMOKE = Plan(
    concurrency=1,
    one=ScalePlan(1, 1, 1, figure_warm=3, figure_warm_seconds=1.0, figure_changes=1),
    ten=None,
)


@dataclass(frozen=True)
class Grid:
    """The cells of the matrix, as the API lists them, and each measure's roadmap steps."""

    municipalities: list[str]
    measures: list[str]
    steps: dict[str, list[str]]

    @property
    def cells(self) -> int:
        return len(self.municipalities) * len(self.measures)


@dataclass(frozen=True)
class BulkFigures:
    scale: str
    kind: str
    """"changed" (every row changes) or "unchanged" (every row as stored)."""
    rows: int
    requests: int
    """Requests per run (the matrix split to fit MAX_ROWS and the body limit)."""
    request_bytes: int
    """Largest request body."""
    runs: int
    rows_per_s: float
    """Median over the runs of all rows divided by the wall time of all their requests."""
    run_seconds: list[float]
    server_cpu_us_per_row: float | None
    """Median over the runs of the server's CPU time per row."""
    spread_pct: float
    error: str = ""
    peak_growth_bytes: int | None = None
    """The most the server's resident memory rose during one run (Linux only)."""

    @property
    def seconds(self) -> float:
        """Wall seconds for the whole matrix, at the median rate."""
        return self.rows / self.rows_per_s if self.rows_per_s else math.nan

    @property
    def server_cpu_seconds(self) -> float | None:
        """Server CPU seconds for the whole matrix, at the median CPU per row."""
        if self.server_cpu_us_per_row is None:
            return None
        return self.server_cpu_us_per_row * self.rows / 1e6


@dataclass
class FigureTimes:
    """One figure at one scale: its first read, its warm reads, its reads after a change."""

    name: str
    path: str
    body_bytes: int = 0
    cold_ms: float = math.nan
    cold_cpu_ms: float | None = None
    warm_n: int = 0
    warm_p50_ms: float = math.nan
    warm_p99_ms: float = math.nan
    changed_ms: list[float] = field(default_factory=list)
    """The first read after each single-cell change."""


@dataclass
class ScaleResult:
    scale: str
    municipalities: int
    cells: int
    history: int | None
    figures: list[FigureTimes] = field(default_factory=list)
    figures_cold_state: str = ""
    """What "cold" meant at this scale (whether the kept figures could be emptied)."""
    reads: list[report.Figures] = field(default_factory=list)
    bulk: list[BulkFigures] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class Result:
    plan: Plan
    scales: list[ScaleResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    load_average: dict[str, list[float]] = field(default_factory=dict)
    seconds: float = 0.0
    """Wall time of the whole section, servers and the 10× copy included."""

    def problems(self) -> list[str]:
        return [f"progress {s.scale}: {p}" for s in self.scales for p in s.problems]


# ---------------------------------------------------------------------------------------------
# Talking to the server


@dataclass(frozen=True)
class Editor:
    """A logged-in editor: an httpx client holding the session cookies, and the CSRF token."""

    client: httpx.Client
    csrf: str
    cookie_header: str
    """The cookies of the session, as one `Cookie` header for the load generator."""


def log_in(stack: ExitStack, server: servers.Server) -> Editor:
    client = stack.enter_context(httpx.Client(base_url=server.url(""), timeout=REQUEST_TIMEOUT))
    response = client.post(LOGIN, json=EDITOR)
    if response.status_code != 201:
        raise RuntimeError(
            f"POST {LOGIN} as the demo editor: {response.status_code} {response.text[:300]}"
        )
    cookies = "; ".join(f"{c.name}={c.value}" for c in client.cookies.jar)
    return Editor(client, str(response.json()["csrfToken"]), cookies)


def fetch_grid(client: httpx.Client) -> Grid:
    def get(path: str) -> Any:
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path}: {response.status_code}")
        return response.json()

    measures = [m["code"] for m in get(MEASURES)["resultaten"]]
    steps = {
        code: [s["code"] for s in get(f"/api/v1/maatregelen/{code}/routekaart")["stappen"]]
        for code in measures
    }
    first = get(MUNICIPALITIES)
    municipalities = [m["code"] for m in first["resultaten"]]
    for page in range(2, int(first["paginering"]["aantalPaginas"]) + 1):
        municipalities += [m["code"] for m in get(f"{MUNICIPALITIES}&pagina={page}")["resultaten"]]
    return Grid(municipalities, measures, steps)


def bulk_rows(grid: Grid, version: str) -> list[dict[str, Any]]:
    """Every cell of the matrix. Version A: preparing, half the steps done; B: implemented, every
    step done. The note names the version, so A and B differ in every row, and from the demo."""
    rows = []
    for municipality in grid.municipalities:
        for measure in grid.measures:
            steps = grid.steps[measure]
            done = steps if version == "B" else steps[: len(steps) // 2]
            rows.append(
                {
                    "gemeente": municipality,
                    "maatregel": measure,
                    "fase": "geimplementeerd" if version == "B" else "voorbereidend",
                    "geplandLivegang": "2027-01-01",
                    "stappenGereed": [{"stap": s, "gereedOp": "2026-03-01"} for s in done],
                    "notitie": f"bench {version}",
                }
            )
    return rows


def _encode(rows: list[dict[str, Any]]) -> bytes:
    return json.dumps({"rijen": rows}, separators=(",", ":")).encode()


def bulk_bodies(grid: Grid, max_rows: int, max_bytes: int) -> dict[str, list[tuple[int, bytes]]]:
    """Per version, the request bodies (with their row counts): the matrix split evenly over
    the fewest requests that hold at most `max_rows` rows and `max_bytes` bytes each, the same
    split for both versions so their runs are alike."""
    versions = {v: bulk_rows(grid, v) for v in ("A", "B")}
    requests = max(
        math.ceil(grid.cells / max_rows),
        *(math.ceil(len(_encode(rows)) / max_bytes) for rows in versions.values()),
    )
    while True:
        size = math.ceil(grid.cells / requests)
        bodies = {
            v: [
                (len(rows[i : i + size]), _encode(rows[i : i + size]))
                for i in range(0, len(rows), size)
            ]
            for v, rows in versions.items()
        }
        if all(len(body) <= max_bytes for parts in bodies.values() for _, body in parts):
            return bodies
        requests += 1


def api_limits() -> tuple[int, int]:
    """The rows per request and body bytes the server accepts, from the app's own code and
    settings (the server gets the same environment and `.env`)."""
    from api.core.settings import Settings
    from api.progress.bulk import MAX_ROWS

    return MAX_ROWS, Settings().max_body_bytes


def bulk_run(
    editor: Editor, server: servers.Server, parts: list[tuple[int, bytes]], changed: bool
) -> tuple[float, float | None, int | None]:
    """Send one version of the whole matrix; return the wall seconds, the server's CPU
    seconds and how far its resident memory rose at the peak (bytes). Every answer must be 200
    with every row counted as changed (or as unchanged)."""
    headers = {"Content-Type": "application/json", "X-CSRF-Token": editor.csrf}
    memory_start = servers.start_peak_memory(server)
    cpu_before = servers.cpu_seconds(server)
    started = time.perf_counter()
    for rows, body in parts:
        response = editor.client.post(BULK, content=body, headers=headers)
        if response.status_code != 200:
            raise BulkError(
                f"{response.status_code} for {rows} rows ({len(body)} bytes): {response.text[:300]}"
            )
        answer = response.json()
        expected = {"rijen": rows, "gewijzigd": rows if changed else 0}
        expected["ongewijzigd"] = rows - expected["gewijzigd"]
        if any(answer.get(k) != v for k, v in expected.items()):
            raise BulkError(f"answer {answer}, expected {expected}")
    seconds = time.perf_counter() - started
    cpu_after = servers.cpu_seconds(server)
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return seconds, cpu, servers.peak_memory_growth(server, memory_start)


class BulkError(RuntimeError):
    """A bulk request answered otherwise than expected."""


def measure_bulk(
    editor: Editor, server: servers.Server, grid: Grid, plan: ScalePlan, scale: str, log: Log
) -> list[BulkFigures]:
    max_rows, max_bytes = api_limits()
    bodies = bulk_bodies(grid, max_rows, max_bytes)
    largest = max(len(body) for parts in bodies.values() for _, body in parts)
    requests = len(bodies["A"])
    log(
        f"progress {scale}: bulk of {grid.cells} rows in {requests} request(s) "
        f"(largest body {largest / 1e6:.2f} MB; limits {max_rows} rows, {max_bytes} bytes)"
    )
    versions = ["AB"[run % 2] for run in range(plan.changed_runs)]
    runs: dict[str, list[tuple[float, float | None, int | None]]] = {
        "changed": [],
        "unchanged": [],
    }
    errors: dict[str, str] = {}
    for kind, version in [("changed", v) for v in versions] + [("unchanged", versions[-1])]:
        try:
            seconds, cpu, memory = bulk_run(editor, server, bodies[version], kind == "changed")
        except (BulkError, httpx.HTTPError) as exc:
            # The database is no longer in a known state: stop the bulk part of this scale.
            errors[kind] = f"version {version}: {type(exc).__name__}: {exc}"
            log(f"progress {scale}: bulk {kind} failed: {errors[kind]}")
            break
        runs[kind].append((seconds, cpu, memory))
        log(
            f"progress {scale}: bulk {kind:<9} version {version}: {seconds:6.2f} s, "
            f"{grid.cells / seconds:7.0f} rows/s"
            + (f", server CPU {cpu:.2f} s" if cpu is not None else "")
        )
    figures = []
    for kind, done in runs.items():
        rates = [grid.cells / s for s, _, _ in done]
        cpus = [c for _, c, _ in done if c is not None]
        peaks = [m for _, _, m in done if m is not None]
        figures.append(
            BulkFigures(
                scale=scale,
                kind=kind,
                rows=grid.cells,
                requests=requests,
                request_bytes=largest,
                runs=len(done),
                rows_per_s=statistics.median(rates) if rates else math.nan,
                run_seconds=[round(s, 3) for s, _, _ in done],
                server_cpu_us_per_row=(
                    statistics.median(cpus) / grid.cells * 1e6
                    if cpus and len(cpus) == len(done)
                    else None
                ),
                spread_pct=report.spread(rates),
                error=errors.get(kind, ""),
                peak_growth_bytes=max(peaks) if peaks and len(peaks) == len(done) else None,
            )
        )
    return figures


# ---------------------------------------------------------------------------------------------
# One cell, and the figures


class CellError(RuntimeError):
    """A single-cell write answered otherwise than expected."""


def change_cell(
    editor: Editor,
    cell: tuple[str, str],
    steps: list[str],
    version: str,
    note: str,
    etag: str | None = None,
) -> str:
    """Write one cell through `PUT /gemeenten/{code}/voortgang/{maatregel}` as the editor, in
    version A or B of bulk_rows (another phase and other steps done, so every figure changes)
    with `note`; returns the cell's new ETag, the If-Match of the next change. Without `etag`
    the cell is read first for it."""
    municipality, measure = cell
    path = CELL.format(municipality=municipality, measure=measure)
    if etag is None:
        read = editor.client.get(path)
        if read.status_code != 200 or "etag" not in read.headers:
            raise CellError(f"GET {path}: {read.status_code} {read.text[:200]}")
        etag = read.headers["etag"]
    row = bulk_rows(Grid([municipality], [measure], {measure: steps}), version)[0]
    body = {k: v for k, v in row.items() if k not in ("gemeente", "maatregel")}
    response = editor.client.put(
        path,
        json={**body, "notitie": note},
        headers={"If-Match": etag, "X-CSRF-Token": editor.csrf},
    )
    if response.status_code != 200 or "etag" not in response.headers:
        raise CellError(f"PUT {path}: {response.status_code} {response.text[:300]}")
    return str(response.headers["etag"])


async def _one_read(server: servers.Server, target: Target) -> tuple[LoadResult, float | None]:
    """One request, as the load generator sends it, with the server's CPU time for it."""
    before = servers.cpu_seconds(server)
    result = await run_load(
        target,
        concurrency=1,
        duration=REQUEST_TIMEOUT,
        max_requests=1,
        request_timeout=REQUEST_TIMEOUT,
    )
    after = servers.cpu_seconds(server)
    return result, None if before is None or after is None else after - before


async def measure_figures(
    real: servers.Server,
    editor: Editor | None,
    grid: Grid,
    plan: ScalePlan,
    scale: str,
    log: Log,
) -> tuple[list[FigureTimes], list[str]]:
    """Each figure's first read (cold: call this first on a server just started), then its
    warm reads, then, with an editor and `plan.figure_changes`, its first read after a single
    cell change (one change before every such read, so no figure profits from another having
    been built already). Returns the times and what went wrong."""
    problems: list[str] = []
    times = [FigureTimes(read.name, read.path) for read in reads.figures()]
    for figure in times:
        target = Target(figure.name, servers.HOST, real.port, figure.path)
        cold, cpu = await _one_read(real, target)
        if cold.errors or not cold.latencies:
            problems.append(f"figure {figure.name} cold: {cold.last_error}")
            continue
        figure.cold_ms = cold.latencies[0] * 1000
        figure.cold_cpu_ms = None if cpu is None else cpu * 1000
        figure.body_bytes = cold.body_bytes
        warm = await run_load(
            Target(figure.name, servers.HOST, real.port, figure.path, expect_bytes=cold.body_bytes),
            concurrency=1,
            duration=plan.figure_warm_seconds,
            max_requests=plan.figure_warm,
            request_timeout=REQUEST_TIMEOUT,
        )
        if warm.errors:
            problems.append(f"figure {figure.name} warm: {warm.errors} wrong, {warm.last_error}")
        latencies = sorted(warm.latencies)
        figure.warm_n = len(latencies)
        figure.warm_p50_ms = report.percentile(latencies, 0.50) * 1000
        figure.warm_p99_ms = report.percentile(latencies, 0.99) * 1000
    log(
        f"progress {scale}: figures cold in {sum(t.cold_ms for t in times):,.0f} ms together, "
        "warm p99 at most "
        f"{max((t.warm_p99_ms for t in times if t.warm_n), default=math.nan):.1f} ms"
    )
    if editor is None or not plan.figure_changes:
        return times, problems
    steps = grid.steps[CHANGED_CELL[1]]
    etag = None
    number = 0
    for _ in range(plan.figure_changes):
        for figure in times:
            try:
                etag = change_cell(
                    editor, CHANGED_CELL, steps, "AB"[number % 2], f"bench cel {number % 2}", etag
                )
            except (CellError, httpx.HTTPError) as exc:
                problems.append(f"change before figure {figure.name}: {exc}")
                return times, problems
            number += 1
            first, _ = await _one_read(
                real, Target(figure.name, servers.HOST, real.port, figure.path)
            )
            if first.errors or not first.latencies:
                problems.append(f"figure {figure.name} after a change: {first.last_error}")
                continue
            figure.changed_ms.append(first.latencies[0] * 1000)
    log(
        f"progress {scale}: figures after a single change: at most "
        f"{max((ms for t in times for ms in t.changed_ms), default=math.nan):.1f} ms"
    )
    return times, problems


# ---------------------------------------------------------------------------------------------
# Reads


@dataclass(frozen=True)
class ReadTarget:
    target: Target
    server: servers.Server


def first_read(
    server: servers.Server, path: str, headers: tuple[tuple[str, str], ...], grid: Grid
) -> tuple[int, LoadResult, float | None]:
    """The first request of a read, sent as the load generator will send the others (the
    overview anonymously, the matrix with the editor's cookies) but by httpx, so its answer can
    be checked: 200, and every cell in it. Returns the body length every later answer must
    have, and the request as a measured sample (its latency and the server's CPU time): at 10×
    one request takes seconds, too many to spend one on a warm-up only. The login and the
    listing of municipalities and roadmaps before it have warmed the server up."""
    cpu_before = servers.cpu_seconds(server)
    started = time.perf_counter()
    response = httpx.get(server.url(path), headers=dict(headers), timeout=REQUEST_TIMEOUT)
    elapsed = time.perf_counter() - started
    cpu_after = servers.cpu_seconds(server)
    if response.status_code != 200:
        raise RuntimeError(f"GET {path}: {response.status_code} {response.text[:300]}")
    body = response.json()
    if path == OVERVIEW:
        found = sum(int(g["cellen"]) for g in body["groepen"])
    else:
        found = sum(len(row["fasen"]) for row in body["gemeenten"])
    if found != grid.cells:
        raise RuntimeError(f"GET {path}: {found} cells, expected {grid.cells}")
    sample = LoadResult(latencies=[elapsed], elapsed=elapsed, body_bytes=len(response.content))
    sample.statuses[response.status_code] += 1
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return len(response.content), sample, cpu


def _p50_ms(result: LoadResult) -> float:
    return statistics.median(result.latencies) * 1000 if result.latencies else math.nan


async def measure_reads(
    targets: list[ReadTarget],
    firsts: dict[str, tuple[LoadResult, float | None]],
    plan: ScalePlan,
    concurrency: int,
    label: str,
    log: Log,
) -> list[report.Figures]:
    """The baseline and the reads take turns, `plan.rounds` times, so drift on the machine hits
    them alike; each run is bounded by its request budget (and a generous time limit). The
    first request of each read (`firsts`) counts as a round of its own. Targets that share a
    name (one endpoint with several query texts, say) make one figure, all their answers
    together; its path is the first one's."""
    paths = {t.target.name: t.target.path for t in reversed(targets)}
    names = list(dict.fromkeys(t.target.name for t in targets))
    totals = {name: LoadResult() for name in names}
    rounds: dict[str, list[LoadResult]] = {name: [] for name in names}
    cpu: dict[str, float | None] = {name: 0.0 for name in names}
    for name, (sample, spent) in firsts.items():
        totals[name].merge(sample)
        rounds[name].append(sample)
        cpu[name] = spent
    for number in range(1, plan.rounds + 1):
        for read in targets:
            name = read.target.name
            budget = BASELINE_PER_ROUND if name == "baseline" else plan.reads_per_round
            before = servers.cpu_seconds(read.server)
            result = await run_load(
                read.target,
                concurrency=min(concurrency, budget),
                duration=REQUEST_TIMEOUT * budget,
                max_requests=budget,
                request_timeout=REQUEST_TIMEOUT,
            )
            after = servers.cpu_seconds(read.server)
            spent = cpu[name]
            cpu[name] = (
                None
                if spent is None or before is None or after is None
                else (spent + after - before)
            )
            totals[name].merge(result)
            rounds[name].append(result)
            log(
                f"{label}: round {number}/{plan.rounds} {name:<10} "
                f"{result.completed} requests, "
                f"p50 {_p50_ms(result):.0f} ms"
                + (f" ({result.errors} wrong: {result.last_error})" if result.errors else "")
            )
    measured = [
        report.figures(name, paths[name], 200, totals[name], rounds[name], cpu[name])
        for name in names
    ]
    return report.with_ratios(measured, measured[0])


# ---------------------------------------------------------------------------------------------
# One scale


def run_scale(
    *,
    scale: str,
    real: servers.Server,
    baseline: ReadTarget,
    plan: ScalePlan,
    concurrency: int,
    history: int | None,
    writes: bool,
    cold_state: str,
    run_async: Callable[[Coroutine[Any, Any, Any]], Any],
    log: Log,
) -> ScaleResult:
    with ExitStack() as stack:
        editor = log_in(stack, real)
        grid = fetch_grid(editor.client)
        log(
            f"progress {scale}: {len(grid.municipalities)} municipalities × "
            f"{len(grid.measures)} measures = {grid.cells} cells"
            + (f", {history} history rows" if history is not None else "")
        )
        result = ScaleResult(scale, len(grid.municipalities), grid.cells, history)
        # First: the server has just started, so each figure's first read is its cold one.
        result.figures, problems = run_async(
            measure_figures(real, editor if writes else None, grid, plan, scale, log)
        )
        result.figures_cold_state = cold_state
        result.problems += problems
        cookie = (("Cookie", editor.cookie_header),)
        targets = [baseline]
        firsts: dict[str, tuple[LoadResult, float | None]] = {}
        endpoints: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
            ("overzicht", OVERVIEW, ()),
            ("matrix", MATRIX, cookie),
        )
        for name, path, headers in endpoints:
            size, sample, cpu = first_read(real, path, headers, grid)
            log(
                f"progress {scale}: first {path}: {size} bytes, every cell present, "
                f"{sample.latencies[0] * 1000:.0f} ms"
            )
            target = Target(name, servers.HOST, real.port, path, headers=headers, expect_bytes=size)
            targets.append(ReadTarget(target, real))
            firsts[name] = (sample, cpu)
        result.reads = run_async(
            measure_reads(targets, firsts, plan, concurrency, f"progress {scale}", log)
        )
        result.problems += [f"{f.scenario}: {f.wrong_answers()}" for f in result.reads if f.errors]
        if writes:
            result.bulk = measure_bulk(editor, real, grid, plan, scale, log)
            result.problems += [f"bulk {b.kind}: {b.error}" for b in result.bulk if b.error]
        return result


def start_baseline(
    stack: ExitStack,
    real: servers.Server,
    name: str,
    root: Path,
    workdir: Path,
    server_cpus: set[int] | None,
) -> ReadTarget:
    """The bare baseline app, serving the measures page of `real` as a constant; stopped with
    `stack`."""
    body_env, size = baseline_body(real, workdir, name)
    base = servers.start(
        name, "bench.baseline_app:create_app", body_env, root, workdir, server_cpus
    )
    stack.callback(servers.stop, base)
    servers.wait_ready(base, baseline_app.PATH)
    return baseline_target(base, size)


def baseline_body(real: servers.Server, workdir: Path, name: str) -> tuple[dict[str, str], int]:
    """The measures page of `real` in a file, for the baseline to serve as its constant: the
    baseline's environment that names the file, and the page's length."""
    body = httpx.get(real.url(MEASURES), timeout=30).content
    body_file = workdir / f"{name}-body.json"
    body_file.write_bytes(body)
    return {baseline_app.BODY_FILE_ENV: str(body_file)}, len(body)


def baseline_target(base: servers.Server, size: int) -> ReadTarget:
    """The baseline's constant measures page, as a read next to the real ones."""
    return ReadTarget(
        Target("baseline", servers.HOST, base.port, baseline_app.PATH, expect_bytes=size), base
    )


@dataclass(frozen=True)
class Shared:
    """A smoke run's servers, started once (by the load section) on the bench's database and
    read by every section after it instead of servers of their own: the app, with SERVER_ENV,
    and the baseline, serving the app's measures page too. Each server costs seconds of CPU to
    start, most of a smoke run's sections' own cost; a smoke run's figures mean nothing, and
    its sections check the same answers on a server that already served others."""

    real: servers.Server
    baseline: ReadTarget


@dataclass(frozen=True)
class Context:
    """What the harness gives every section that starts servers of its own."""

    env: dict[str, str]
    """The app's settings (bench.database.app_env)."""
    url: str
    workdir: Path
    root: Path
    cpus: tuple[set[int] | None, set[int] | None]
    """CPUs for the servers and for the load generator (None: not pinned)."""
    run_async: Callable[[Coroutine[Any, Any, Any]], Any]
    log: Log

    writable: bool
    """Whether the database is the bench's to change: its own temporary SQLite file, or one
    given with --throwaway-database. Otherwise the sections only read it."""
    shared: Shared | None = None
    """A smoke run's servers, for every section after the load (None: each starts its own)."""

    def database_to_fill(self, stack: ExitStack, name: str) -> str:
        """The URL of a database a section may fill with thousands of rows: a copy of the
        bench's named `name`, dropped with `stack`. In a smoke run the bench's own: the shared
        server reads that one, and the rows a smoke run adds are few."""
        if self.shared is not None:
            return self.url
        url = database.copy_database(self.url, name, self.workdir)
        stack.callback(database.drop_copy, url, self.url)
        return url

    def serve(self, stack: ExitStack, url: str, name: str) -> tuple[servers.Server, ReadTarget]:
        """The app on `url` (with SERVER_ENV) named `name`, and a baseline serving its measures
        page, both stopped with `stack`; in a smoke run the shared ones (and `url` the bench's
        database, from database_to_fill)."""
        if self.shared is not None:
            return self.shared.real, self.shared.baseline
        server_cpus = self.cpus[0]
        env = {**self.env, **SERVER_ENV, "DATABASE_URL": url}
        real = servers.start(name, "api.main:create_app", env, self.root, self.workdir, server_cpus)
        stack.callback(_log_errors, real, self.log)
        stack.callback(servers.stop, real)
        servers.wait_ready(real, READY_PATH)
        baseline = start_baseline(
            stack, real, f"baseline-{name}", self.root, self.workdir, server_cpus
        )
        return real, baseline


NOT_WRITABLE = (
    "the database is not the bench's to change (a --database-url without --throwaway-database)"
)


def run_section(context: Context, plan: Plan) -> Result:
    """Measure 1×, then (unless the plan says not to, or the database is not the bench's to
    change) 10×. Servers are started here and stopped before this returns."""
    env, url, workdir, root = context.env, context.url, context.workdir, context.root
    cpus, run_async, log = context.cpus, context.run_async, context.log
    result = Result(plan)
    started_section = time.perf_counter()
    result.load_average["start"] = [round(x, 2) for x in os.getloadavg()]
    server_cpus, client_cpus = cpus
    if client_cpus:
        os.sched_setaffinity(0, client_cpus)
    if not context.writable:
        result.notes.append(
            f"single-cell changes, bulk writes and 10× skipped: {NOT_WRITABLE}; the figures' "
            "cold reads found what the database kept"
        )
    server_env = {**env, **SERVER_ENV}
    with ExitStack() as stack:
        ten_url = None
        if plan.ten is not None and context.writable:
            # Copied before any write, so the 10× data is the demo's, like the 1× reads.
            started = time.perf_counter()
            ten_url = database.copy_database(url, "bench_10x", workdir)
            stack.callback(database.drop_copy, ten_url, url)
            counts = database.multiply_municipalities(ten_url, FACTOR)
            log(
                f"progress 10×: database with {counts[0]} municipalities, {counts[1]} statuses, "
                f"{counts[2]} history rows ({time.perf_counter() - started:.1f} s)"
            )
            started = time.perf_counter()
            history, added = database.lengthen_history(ten_url)
            log(
                f"progress 10×: {database.HISTORY_YEARS} years of history, {history} rows "
                f"({added} added, {time.perf_counter() - started:.1f} s)"
            )
        elif plan.ten is None:
            result.notes.append("10× skipped in --quick and --smoke; run --progress-only for it")
        if context.writable:
            # As on a database where nothing was asked yet: the first read of a figure then
            # computes it in full (the server below has nothing kept in memory either).
            database.forget_figures(url)
        cold = (
            "a server just started, no figures kept in the database"
            if context.shared is None
            else "the smoke run's server, which the sections before kept figures in"
        )
        real, baseline = context.serve(stack, url, "spoorboek-1x")
        log(
            f"progress: servers on CPU {sorted(server_cpus or [])}, client on "
            f"{sorted(client_cpus or [])}, concurrency {plan.concurrency}"
        )
        try:
            result.scales.append(
                run_scale(
                    scale="1×",
                    real=real,
                    baseline=baseline,
                    plan=plan.one,
                    concurrency=plan.concurrency,
                    history=database.count_rows(url, "progress_history"),
                    writes=context.writable,
                    cold_state=cold
                    if context.writable
                    else "a server just started, with what the database kept",
                    run_async=run_async,
                    log=log,
                )
            )
        finally:
            if context.shared is None:
                # Gone before the 10× server starts, so it takes no memory from it.
                servers.stop(real)
        if plan.ten is not None and ten_url is not None:
            ten = servers.start(
                "spoorboek-10x",
                "api.main:create_app",
                {**server_env, "DATABASE_URL": ten_url},
                root,
                workdir,
                server_cpus,
            )
            stack.callback(servers.stop, ten)
            servers.wait_ready(ten, READY_PATH)
            try:
                result.scales.append(
                    run_scale(
                        scale="10×",
                        real=ten,
                        baseline=baseline,
                        plan=plan.ten,
                        concurrency=plan.concurrency,
                        history=database.count_rows(ten_url, "progress_history"),
                        writes=True,
                        cold_state=cold,
                        run_async=run_async,
                        log=log,
                    )
                )
            finally:
                servers.stop(ten)
                _log_errors(ten, log)
    result.load_average["end"] = [round(x, 2) for x in os.getloadavg()]
    result.seconds = time.perf_counter() - started_section
    return result


def _log_errors(server: servers.Server, log: Log) -> None:
    text = ""
    try:
        text = server.log.read_text(errors="replace")
    except OSError:
        return
    if '"level": "error"' in text or '"level":"error"' in text or "Traceback" in text:
        log(f"server: errors logged by {server.name}:")
        for line in servers.error_summary(server):
            log(f"  {line}")


# ---------------------------------------------------------------------------------------------
# Tables


def _num(value: float | None, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:,.{digits}f}"


def _ratio(value: float) -> str:
    """A fraction of the baseline: 0.25, or 1/2,400 when it is far below 1."""
    if math.isnan(value) or value <= 0:
        return "-"
    return f"{value:.3f}" if value >= 0.01 else f"1/{1 / value:,.0f}"


def _per(wall: float | None, cpu: float | None) -> str:
    return f"{wall / cpu:.2f}" if wall and cpu else "-"


def read_table(title: str, column: str, rows: list[tuple[str, report.Figures]]) -> list[str]:
    """Reads at low concurrency: latency, server CPU and the ratios to the baseline. `column`
    names the second column, each row's first item (the scale, the state of a cache…)."""
    header = (
        f"{title:<14} {column:>5} {'KB':>7} {'n':>4} {'p50 ms':>8} {'p99 ms':>8}"
        f" {'CPU ms/req':>10} {'p50÷CPU':>7} {'req/s ÷ base':>12} {'p50 ÷ base':>10}"
    )
    lines = [header, "-" * len(header)]
    for kind, f in rows:
        cpu = f.server_cpu_ms_per_request
        lines.append(
            f"{f.scenario:<14} {kind:>5} {f.body_bytes / 1024:>7.1f} {f.requests:>4}"
            f" {_num(f.p50_ms, 1):>8} {_num(f.p99_ms, 1):>8} {_num(cpu, 1):>10}"
            f" {_per(f.p50_ms, cpu):>7} {_ratio(f.throughput_ratio):>12}"
            f" {_num(f.p50_ratio):>10}"
        )
    return lines


def figure_table(scales: list[ScaleResult]) -> list[str]:
    """Per figure and scale: the cold read, the warm reads and the reads after a change."""
    rows = [(s, f) for s in scales for f in s.figures]
    if not rows:
        return []
    width = max(14, *(len(f.name) for _, f in rows))
    header = (
        f"{'figures':<{width}} {'scale':>5} {'KB':>6} {'cold ms':>9} {'CPU ms':>7} {'warm n':>6}"
        f" {'p50 ms':>7} {'p99 ms':>7} {'changed n':>9} {'max ms':>7}"
    )
    lines = [header, "-" * len(header)]
    for scale, f in rows:
        lines.append(
            f"{f.name:<{width}} {scale.scale:>5} {f.body_bytes / 1024:>6.1f}"
            f" {_num(f.cold_ms, 1):>9} {_num(f.cold_cpu_ms):>7} {f.warm_n:>6}"
            f" {_num(f.warm_p50_ms, 1):>7} {_num(f.warm_p99_ms, 1):>7}"
            f" {len(f.changed_ms) or '-':>9}"
            f" {_num(max(f.changed_ms) if f.changed_ms else None, 1):>7}"
        )
    for scale in scales:
        if scale.figures:
            lines.append(
                f"{scale.scale}: all figures cold {_num(cold_total_ms(scale), 0)} ms "
                f"({scale.figures_cold_state})"
            )
    lines.append(
        "anonymous, concurrency 1. cold: each figure's first read; warm: then up to the plan's "
        "number of reads (p99 of fewer than 100 is the slowest); changed: the first read after "
        "one cell changed (PUT as the editor), one change before every read"
    )
    return lines


def cold_total_ms(scale: ScaleResult) -> float:
    """Every figure's first read together: the full computation of the figures."""
    return sum(f.cold_ms for f in scale.figures) if scale.figures else math.nan


def cold_total_cpu_ms(scale: ScaleResult) -> float | None:
    """The server's CPU time for every figure's first read together (None if one was not
    measured): steadier than the wall time when other work shares the machine."""
    times = [f.cold_cpu_ms for f in scale.figures]
    if not times or any(t is None for t in times):
        return None
    return sum(t for t in times if t is not None)


def tables(result: Result) -> str:
    figures = figure_table(result.scales)
    lines = [*figures, ""] if figures else []
    lines += read_table(
        "progress reads", "scale", [(s.scale, f) for s in result.scales for f in s.reads]
    )
    lines.append(
        f"concurrency {result.plan.concurrency}; p99 of fewer than 100 requests is the slowest "
        "one; overzicht is groep=land (public), matrix needs an editor session; p50÷CPU well "
        "over 1 at concurrency 1: the server waited for its CPU (other work on the machine)"
    )
    lines += [
        f"WRONG ANSWERS {s.scale} {f.scenario}: {f.wrong_answers()}"
        for s in result.scales
        for f in s.reads
        if f.errors
    ]
    bulk = [b for s in result.scales for b in s.bulk]
    if bulk:
        header = (
            f"{'progress bulk':<14} {'scale':>5} {'rows':>7} {'req':>4} {'MB/req':>7} {'runs':>4}"
            f" {'rows/s':>8} {'spread':>6} {'s/matrix':>9} {'CPU µs/row':>10} {'s÷CPU':>6}"
        )
        lines += ["", header, "-" * len(header)]
        for b in bulk:
            noise = "-" if math.isnan(b.spread_pct) else f"{b.spread_pct:.0f}%"
            lines.append(
                f"{b.kind:<14} {b.scale:>5} {b.rows:>7} {b.requests:>4}"
                f" {b.request_bytes / 1e6:>7.2f} {b.runs:>4} {_num(b.rows_per_s):>8} {noise:>6}"
                f" {_num(b.seconds, 2):>9} {_num(b.server_cpu_us_per_row):>10}"
                f" {_per(b.seconds, b.server_cpu_seconds):>6}"
            )
        lines.append(
            "changed: every row differs from what is stored (versions A and B alternate); "
            "unchanged: the last version again. rows/s: median run, all requests of a run "
            "together; s÷CPU: wall time over the server's CPU time"
        )
    lines += [
        f"ERROR {s.scale} {b.kind}: {b.error}" for s in result.scales for b in s.bulk if b.error
    ]
    if len(result.scales) == 2:
        lines += ["", *growth_table(result.scales[0], result.scales[1])]
    lines += [f"note: {n}" for n in result.notes]
    if result.load_average:
        lines.append(
            f"section took {result.seconds:.0f} s; load average (1, 5, 15 min) at start "
            f"{result.load_average.get('start')}, at end {result.load_average.get('end')}, "
            f"on {os.cpu_count()} CPUs"
        )
    return "\n".join(lines)


def growth_table(one: ScaleResult, ten: ScaleResult) -> list[str]:
    """1× and 10× side by side. Growth is the 10× figure divided by the 1× one: for a cost per
    request or per matrix, 10 is linear in the municipalities; for a cost per row, 1 is."""
    rows: list[tuple[str, float | None, float | None, int]] = []

    def read(name: str, scale: ScaleResult) -> report.Figures | None:
        return next((f for f in scale.reads if f.scenario == name), None)

    for name in ("overzicht", "matrix"):
        a, b = read(name, one), read(name, ten)
        if a and b:
            rows += [
                (f"{name}: p50 ms", a.p50_ms, b.p50_ms, 0),
                (
                    f"{name}: CPU ms/req",
                    a.server_cpu_ms_per_request,
                    b.server_cpu_ms_per_request,
                    0,
                ),
            ]
            if name == "matrix":
                rows.append((f"{name}: KB", a.body_bytes / 1024, b.body_bytes / 1024, 0))

    def bulk(kind: str, scale: ScaleResult) -> BulkFigures | None:
        return next((x for x in scale.bulk if x.kind == kind and x.runs), None)

    for kind in ("changed", "unchanged"):
        a2, b2 = bulk(kind, one), bulk(kind, ten)
        if a2 and b2:
            rows += [
                (f"bulk {kind}: s for the matrix", a2.seconds, b2.seconds, 2),
                (
                    f"bulk {kind}: CPU s for the matrix",
                    a2.server_cpu_seconds,
                    b2.server_cpu_seconds,
                    2,
                ),
                (f"bulk {kind}: rows/s", a2.rows_per_s, b2.rows_per_s, 0),
                (
                    f"bulk {kind}: CPU µs/row",
                    a2.server_cpu_us_per_row,
                    b2.server_cpu_us_per_row,
                    0,
                ),
            ]
    label = f"{one.scale} ({one.municipalities}) and {ten.scale} ({ten.municipalities})"
    header = f"{label:<34} {one.scale:>10} {ten.scale:>10} {'growth':>8}"
    lines = [header, "-" * len(header)]
    for name, a_value, b_value, digits in rows:
        growth = (
            f"{b_value / a_value:.1f}×" if a_value and b_value is not None and a_value > 0 else "-"
        )
        lines.append(
            f"{name:<34} {_num(a_value, digits):>10} {_num(b_value, digits):>10} {growth:>8}"
        )
    lines.append(
        "growth = 10× ÷ 1×: per request or per whole matrix 10 is linear in the municipalities; "
        "per row 1 is. Wall times move with other work on the machine; CPU is the steadier figure"
    )
    return lines


def as_json(result: Result) -> dict[str, Any]:
    def clean(value: Any) -> Any:
        if isinstance(value, float) and math.isnan(value):
            return None
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    document: dict[str, Any] = clean(
        {
            "plan": asdict(result.plan),
            "seconds": round(result.seconds, 1),
            "notes": result.notes,
            "load_average": result.load_average,
            "scales": [
                {
                    "scale": s.scale,
                    "municipalities": s.municipalities,
                    "cells": s.cells,
                    "history_rows": s.history,
                    "figures": [asdict(f) for f in s.figures],
                    "figures_cold": s.figures_cold_state,
                    "reads": [asdict(f) for f in s.reads],
                    "bulk": [
                        {
                            **asdict(b),
                            "seconds": b.seconds,
                            "server_cpu_seconds": b.server_cpu_seconds,
                        }
                        for b in s.bulk
                    ],
                    "problems": s.problems,
                }
                for s in result.scales
            ],
        }
    )
    return document
