"""Benchmark the read API against a bare FastAPI baseline measured in the same run, guard
that list endpoints run a constant number of SQL statements whatever the page size, and measure
the implementation-progress endpoints (bulk upsert, overview, matrix) at 1× and 10× the
municipalities, similarity search over 5,000 questions and 500 FAQ entries with the
dashboard's cached figures, cold and warm, and the satisfaction figures at 10× the demo's scores.

    python -m bench.run [--quick | --smoke] [--json PATH] [--database-url URL]
                        [--queries-only | --progress-only | --questions-only
                         | --satisfaction-only]

--smoke (part of `make test`) counts the statements and runs every section once, briefly and on
little data: it proves the bench still works and measures nothing worth keeping.

Exits 1 if the statement count grows with the page size, a 304 that should skip building the
page runs as many statements as the 200, or a scenario got unexpected answers; 2 if the bench
itself could not run, 130 on Ctrl-C."""

import argparse
import asyncio
import hashlib
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from contextlib import ExitStack
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import httpx

if __name__ == "__main__" and not __package__:
    # Run as `python bench/run.py`: make the repository root importable, as `-m` would.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import (
    baseline_app,
    browser,
    database,
    queries,
    reads,
    report,
    servers,
    targets,
    tevredenheid,
    voortgang,
    vragen,
    workers,
)
from bench.loadgen import LoadResult, Target, run_load

ROOT = Path(__file__).resolve().parent.parent
READY_PATH = "/api/v1/health/ready"

T = TypeVar("T")


@dataclass(frozen=True)
class Plan:
    duration: float
    """Measured seconds per scenario, split evenly over the rounds."""
    rounds: int
    """Scenarios run in turn this many times, so drift on the machine hits all of them alike."""
    warmup: float
    concurrency: int
    max_requests: int
    """Upper bound on requests in one timed run, whatever its duration."""


# Two rounds of half a second rather than one of a second: a burst of other work on the machine
# then lands on all scenarios alike instead of on whichever happened to be running. Short, as
# there are over fifty scenarios (a read and its 304 for every public read, a bare endpoint for
# every body size); `--duration 6` gives the steadier figures of six rounds of a second.
FULL = Plan(duration=1.0, rounds=2, warmup=0.3, concurrency=16, max_requests=200_000)
QUICK = Plan(duration=0.5, rounds=1, warmup=0.2, concurrency=16, max_requests=50_000)
# The smoke run has no warm-up: its one short round checks every answer all the same. Sixteen
# requests over four connections check a scenario's answers under concurrency as well as the
# hundreds that fit in 0.05 s, which only cost CPU (a few seconds over 55 scenarios).
SMOKE = Plan(duration=0.05, rounds=1, warmup=0.0, concurrency=4, max_requests=16)

_started = time.perf_counter()
ONLY = ("queries", "load", "progress", "questions", "satisfaction", "workers", "browser")
"""The sections a --<name>-only run can be limited to."""


def progress(message: str) -> None:
    # Progress on stderr, tables on stdout: `make bench > result.txt` keeps only the figures.
    print(f"[{time.perf_counter() - _started:6.1f}s] {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=(__doc__ or "").split("\n\n")[0].replace("\n", " ")
    )
    parser.add_argument("--quick", action="store_true", help="short run: 1 s per scenario")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="check that every section still runs: query counts, then each section once, "
        "briefly, on little data (well under a minute); the figures mean nothing",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write figures as JSON")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL"),
        help="database to use instead of a temporary SQLite file (env BENCH_DATABASE_URL)",
    )
    parser.add_argument(
        "--throwaway-database",
        action="store_true",
        help="the database of --database-url is a throwaway one: the bench may change it "
        "(bulk writes, single cells, thousands of questions in a copy, a 10× copy)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes of the app under load (uvicorn --workers; default 1)",
    )
    parser.add_argument(
        "--skip-setup",
        action="store_true",
        help="do not run migrate/seed/demo (only with --database-url)",
    )
    parser.add_argument("--queries-only", action="store_true", help="only count SQL statements")
    parser.add_argument(
        "--load-only",
        action="store_true",
        help="only the load table: every public read and its 304 next to the bare endpoint",
    )
    parser.add_argument(
        "--progress-only",
        action="store_true",
        help="only the progress section: bulk upsert, overview and matrix at 1× and 10×",
    )
    parser.add_argument(
        "--questions-only",
        action="store_true",
        help="only the questions section: similarity and FAQ search, dashboard cold and warm",
    )
    parser.add_argument(
        "--satisfaction-only",
        action="store_true",
        help="only the satisfaction section: the figures at 10× the demo's scores",
    )
    parser.add_argument(
        "--workers-only",
        action="store_true",
        help="only the several-workers check: two servers on one database, the same answers",
    )
    parser.add_argument(
        "--browser-only",
        action="store_true",
        help="only the browser section: the heat map's longest task in Chromium (target 3c)",
    )
    parser.add_argument(
        "--progress-concurrency",
        type=int,
        metavar="N",
        help="connections for the progress reads (default 1; 1 to 4 suits these heavy endpoints)",
    )
    parser.add_argument("--concurrency", type=int, help="connections kept busy (default 16)")
    parser.add_argument(
        "--duration", type=float, help="measured seconds per scenario (default 6; 1 with --quick)"
    )
    parser.add_argument(
        "--no-pin", action="store_true", help="do not pin server and load generator to CPUs"
    )
    args = parser.parse_args(argv)
    if args.skip_setup and not args.database_url:
        parser.error("--skip-setup needs --database-url: a new temporary database is empty")
    only = [name for name in ONLY if getattr(args, f"{name}_only")]
    if len(only) > 1:
        parser.error(" and ".join(f"--{name}-only" for name in only) + " exclude each other")
    if args.smoke and (only or args.quick):
        parser.error("--smoke runs every section briefly: it excludes --quick and --*-only")
    if args.progress_concurrency is not None and args.progress_concurrency < 1:
        parser.error("--progress-concurrency must be at least 1")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.throwaway_database and not args.database_url:
        parser.error("--throwaway-database needs --database-url: the temporary one always is")
    return args


def plan_for(args: argparse.Namespace) -> Plan:
    plan = SMOKE if args.smoke else QUICK if args.quick else FULL
    changes = {
        key: value
        for key, value in (("concurrency", args.concurrency), ("duration", args.duration))
        if value is not None
    }
    return Plan(**{**asdict(plan), **changes})


def progress_plan_for(args: argparse.Namespace) -> voortgang.Plan:
    plan = voortgang.SMOKE if args.smoke else voortgang.QUICK if args.quick else voortgang.FULL
    if args.progress_concurrency is None:
        return plan
    return replace(plan, concurrency=args.progress_concurrency)


def questions_plan_for(args: argparse.Namespace) -> vragen.Plan:
    return vragen.SMOKE if args.smoke else vragen.QUICK if args.quick else vragen.FULL


def satisfaction_plan_for(args: argparse.Namespace) -> tevredenheid.Plan:
    return (
        tevredenheid.SMOKE
        if args.smoke
        else tevredenheid.QUICK
        if args.quick
        else tevredenheid.FULL
    )


def cpu_split(enabled: bool) -> tuple[set[int] | None, set[int] | None]:
    """One CPU for the servers, the rest for the load generator, so they do not compete for
    the same core and the figures do not depend on how the scheduler happened to place them."""
    if not enabled or not hasattr(os, "sched_getaffinity"):
        return None, None
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return None, None
    return {cpus[0]}, set(cpus[1:])


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    # uvloop, when installed (it comes with uvicorn[standard]), gives the client more headroom.
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


def _interrupt(_signum: int, _frame: object) -> NoReturn:
    # SIGTERM takes the same way out as Ctrl-C, so the ExitStack stops servers and cleans up.
    raise KeyboardInterrupt


# ---------------------------------------------------------------------------------------------
# Query counts


def check_queries(
    env: dict[str, str],
) -> tuple[list[queries.QueryCounts], list[queries.Revalidation]]:
    progress("queries: counting SQL statements per request in-process")
    counts, revalidations = asyncio.run(queries.count_statements(env))
    print(report.query_table(counts, revalidations), end="\n\n", flush=True)
    return counts, revalidations


# ---------------------------------------------------------------------------------------------
# Load


@dataclass(frozen=True)
class Reference:
    """A page as the app served it before any load: every answer under load must match it."""

    etag: str
    size: int
    """Body length in bytes."""
    cache_control: str = ""
    cache_control_304: str = ""
    """The Cache-Control of the 200 and of the 304 to its ETag."""


BARE_304 = "bare 304"


def bare_name(size: int) -> str:
    return f"bare {size:,} B"


def start_servers(
    stack: ExitStack,
    env: dict[str, str],
    workdir: Path,
    server_cpus: set[int] | None,
    workers: int,
    share: bool = False,
    started: servers.Server | None = None,
) -> tuple[servers.Server, servers.Server, dict[str, Reference], voortgang.Shared | None]:
    """Start the real app (unless `started`, one already started with `env`), fetch each read
    once as its reference, then start the baseline with a constant body of each reference's
    size; return both servers and the references. With `share` (a smoke run), the baseline
    also serves the app's measures page, the one the other sections set their reads against,
    and both are returned for them to share."""
    real = started
    if real is None:
        real = servers.start(
            "spoorboek", "api.main:create_app", env, ROOT, workdir, server_cpus, workers=workers
        )
        stack.callback(servers.stop, real)
    servers.wait_ready(real, READY_PATH)
    progress(f"server: spoorboek on port {real.port} ({workers} worker(s))")
    references = reference_responses(real)
    sizes = sorted({r.size for r in references.values()})
    baseline_env = {baseline_app.SIZES_ENV: ",".join(str(size) for size in sizes)}
    body_env, body_size = voortgang.baseline_body(real, workdir, "baseline") if share else ({}, 0)
    baseline = servers.start(
        "baseline",
        "bench.baseline_app:create_app",
        {**baseline_env, **body_env},
        ROOT,
        workdir,
        server_cpus,
    )
    stack.callback(servers.stop, baseline)
    servers.wait_ready(baseline, baseline_app.PATH)
    progress(f"server: baseline on port {baseline.port} ({len(sizes)} body sizes)")
    shared = (
        voortgang.Shared(real, voortgang.baseline_target(baseline, body_size)) if share else None
    )
    return real, baseline, references, shared


def reference_responses(real: servers.Server) -> dict[str, Reference]:
    """Each read's reference, checked to hold results and to give 304 to its ETag before any
    load is run, so a broken precondition (an empty catalogue, a search that finds nothing)
    fails fast instead of measuring an empty page. The first request of a figure computes it
    (it is kept afterwards), so the load starts warm."""
    references: dict[str, Reference] = {}
    with httpx.Client(timeout=120.0) as client:
        for read in reads.public_reads():
            response = client.get(real.url(read.path))
            etag = response.headers.get("etag")
            if response.status_code != 200 or not etag:
                raise RuntimeError(f"GET {read.path}: {response.status_code}, ETag {etag!r}")
            found = len(response.json()[read.results])
            if not found:
                raise RuntimeError(f"GET {read.path}: no {read.results}; did `spoorboek demo` run?")
            again = client.get(real.url(read.path), headers={"If-None-Match": etag})
            if again.status_code != 304:
                raise RuntimeError(
                    f"GET {read.path} with If-None-Match: {again.status_code}, not 304"
                )
            references[read.path] = Reference(
                etag=etag,
                size=len(response.content),
                cache_control=response.headers.get("cache-control", ""),
                cache_control_304=again.headers.get("cache-control", ""),
            )
            progress(
                f"reference: {read.path}: {found} {read.results}, {len(response.content)} bytes"
            )
    return references


def scenarios(
    real: servers.Server, baseline: servers.Server, references: dict[str, Reference]
) -> tuple[list[tuple[Target, servers.Server]], dict[str, str]]:
    """The bare 304 first, then every read right after the bare endpoint of its body size (so
    drift on the machine between the two is least), followed by its revalidation; and for
    each scenario the bare one it is compared with."""
    host = servers.HOST
    pairs = [
        (
            Target(
                BARE_304,
                host,
                baseline.port,
                baseline_app.NOT_MODIFIED_PATH,
                expect_status=304,
                expect_bytes=0,
            ),
            baseline,
        )
    ]
    baseline_of: dict[str, str] = {}
    for read in reads.public_reads():
        reference = references[read.path]
        bare = bare_name(reference.size)
        if bare not in baseline_of.values():
            path = baseline_app.sized_path(reference.size)
            pairs.append(
                (Target(bare, host, baseline.port, path, expect_bytes=reference.size), baseline)
            )
        pairs.append(
            (
                Target(read.name, host, real.port, read.path, expect_bytes=reference.size),
                real,
            )
        )
        pairs.append(
            (
                Target(
                    f"{read.name} 304",
                    host,
                    real.port,
                    read.path,
                    headers=(("If-None-Match", reference.etag),),
                    expect_status=304,
                    expect_bytes=0,
                ),
                real,
            )
        )
        baseline_of[read.name] = bare
        baseline_of[f"{read.name} 304"] = BARE_304
    return pairs, baseline_of


async def warm_up(pairs: list[tuple[Target, servers.Server]], plan: Plan) -> dict[str, LoadResult]:
    """Fill caches and pools; fail fast on a scenario that does not work at all. A few wrong
    answers (a race under concurrency, say) do not stop the run: they are returned, reported
    and make the bench fail, like wrong answers in the measured rounds."""
    warm_ups: dict[str, LoadResult] = {}
    if not plan.warmup:
        return {target.name: LoadResult() for target, _ in pairs}
    for target, _server in pairs:
        warm = await run_load(
            target, concurrency=plan.concurrency, duration=plan.warmup, max_requests=10_000
        )
        if warm.errors and warm.errors * 2 >= warm.completed:
            raise RuntimeError(f"warm-up of {target.name} failed: {warm.last_error}")
        if warm.errors:
            progress(
                f"load: warm-up of {target.name}: {warm.errors} of {warm.completed} answers "
                f"wrong ({warm.last_error})"
            )
        warm_ups[target.name] = warm
    progress(f"load: warmed up {len(pairs)} scenarios ({plan.warmup:g} s each)")
    return warm_ups


async def timed_round(
    target: Target, server: servers.Server, plan: Plan
) -> tuple[LoadResult, float | None]:
    """One round of one scenario, with the CPU seconds the server spent on it."""
    before = servers.cpu_seconds(server)
    result = await run_load(
        target,
        concurrency=plan.concurrency,
        duration=plan.duration / plan.rounds,
        max_requests=plan.max_requests,
    )
    after = servers.cpu_seconds(server)
    return result, None if before is None or after is None else after - before


async def measure(pairs: list[tuple[Target, servers.Server]], plan: Plan) -> list[report.Figures]:
    warm_ups = await warm_up(pairs, plan)
    totals = {target.name: LoadResult() for target, _ in pairs}
    rounds: dict[str, list[LoadResult]] = {target.name: [] for target, _ in pairs}
    server_cpu: dict[str, float | None] = {target.name: 0.0 for target, _ in pairs}
    for number in range(1, plan.rounds + 1):
        for target, server in pairs:
            result, cpu = await timed_round(target, server, plan)
            totals[target.name].merge(result)
            rounds[target.name].append(result)
            spent = server_cpu[target.name]
            server_cpu[target.name] = None if spent is None or cpu is None else spent + cpu
            progress(
                f"load: round {number}/{plan.rounds} {target.name:<16} "
                f"{result.completed / result.elapsed:8.0f} req/s"
                + (f"  ({result.errors} errors: {result.last_error})" if result.errors else "")
            )
    return [
        report.figures(
            t.name,
            t.path,
            t.expect_status,
            totals[t.name],
            rounds[t.name],
            server_cpu[t.name],
            warm_up=warm_ups[t.name],
        )
        for t, _ in pairs
    ]


@dataclass
class LoadSection:
    figures: list[report.Figures]
    references: dict[str, Reference]
    """Per path: the reference answer, with its Cache-Control headers."""
    worker_processes: int
    check: workers.Result | None = None
    """The several-workers check, run against this section's server after the load."""
    shared: voortgang.Shared | None = None
    """This section's servers, still running for the sections after it (a smoke run)."""


Check = Callable[[servers.Server], workers.Result]


def server_env(env: dict[str, str]) -> dict[str, str]:
    # With the demo accounts (they change nothing else), so that the several-workers check can
    # write through the load's server after the load, and the sections sharing it log in.
    return {**env, **voortgang.SERVER_ENV}


def fork_servers(
    stack: ExitStack, env: dict[str, str], workdir: Path, server_cpus: set[int] | None
) -> tuple[servers.Server, servers.Server]:
    """A smoke run's two app servers, forked from the app this process imported (bench/forked.py:
    no new process imports it again) before it starts any thread: the load's, which the
    sections after it share, and the several-workers check's second (not pinned: nothing on
    it is timed), idle until the check asks it. Stopped with `stack`."""
    import api.main  # noqa: F401

    pair = []
    for name, cpus in (("spoorboek", server_cpus), ("spoorboek-b", None)):
        server = servers.fork_app(name, server_env(env), workdir, cpus)
        stack.callback(voortgang._log_errors, server, progress)
        stack.callback(servers.stop, server)
        pair.append(server)
    progress(f"server: forked {', '.join(s.name for s in pair)}")
    return pair[0], pair[1]


def run_load_scenarios(
    env: dict[str, str],
    workdir: Path,
    plan: Plan,
    cpus: tuple[set[int] | None, set[int] | None],
    workers: int,
    check: Check | None,
    keep: ExitStack | None = None,
    started: servers.Server | None = None,
) -> LoadSection:
    """With `keep` (a smoke run) the servers stay up until that stack closes, shared with the
    sections after this one (LoadSection.shared); `started` is the app's server, if one is."""
    if keep is not None:
        return _load_scenarios(
            keep, env, workdir, plan, cpus, workers, check, share=True, started=started
        )
    # Servers of their own, stopped when this section ends, so they are gone (and their CPU
    # free) before the next section starts its own.
    with ExitStack() as stack:
        return _load_scenarios(stack, env, workdir, plan, cpus, workers, check)


def _load_scenarios(
    stack: ExitStack,
    env: dict[str, str],
    workdir: Path,
    plan: Plan,
    cpus: tuple[set[int] | None, set[int] | None],
    workers: int,
    check: Check | None,
    share: bool = False,
    started: servers.Server | None = None,
) -> LoadSection:
    server_cpus, client_cpus = cpus
    real, baseline, references, shared = start_servers(
        stack, server_env(env), workdir, server_cpus, workers, share, started
    )
    if shared is not None and started is None:
        stack.callback(voortgang._log_errors, real, progress)
    if client_cpus:
        os.sched_setaffinity(0, client_cpus)
        progress(
            f"load: servers on CPU {sorted(server_cpus or [])}, client on {sorted(client_cpus)}"
        )
    pairs, baseline_of = scenarios(real, baseline, references)
    progress(
        f"load: {len(pairs)} scenarios, {plan.concurrency} connections, {plan.duration:g} s "
        f"per scenario in {plan.rounds} round(s)"
    )
    measured = run_async(measure(pairs, plan))
    all_figures = report.with_own_baselines(measured, baseline_of)
    print(report.load_table(all_figures), end="\n\n", flush=True)
    if any(f.errors or f.warmup_errors for f in all_figures):
        progress(f"server: errors logged by {real.name}:")
        for line in servers.error_summary(real):
            progress(f"  {line}")
    for cost in report.revalidation_costs(all_figures):
        if cost.required and not cost.far_less:
            progress(f"WARNING: a 304 of {cost.scenario} is not far cheaper than its 200")
    section = LoadSection(all_figures, references, workers, shared=shared)
    if check is not None:
        section.check = check(real)
    return section


# ---------------------------------------------------------------------------------------------
# Run


def section_context(
    env: dict[str, str],
    url: str,
    workdir: Path,
    cpus: tuple[set[int] | None, set[int] | None],
    writable: bool,
) -> voortgang.Context:
    return voortgang.Context(env, url, workdir, ROOT, cpus, run_async, progress, writable)


def run_workers(
    context: voortgang.Context,
    running: servers.Server | None = None,
    second: servers.Server | None = None,
) -> workers.Result:
    progress("workers: two servers on one database, every public read from both")
    result = workers.run_section(context, running, second)
    print(workers.tables(result), end="\n\n", flush=True)
    return result


def run_progress(context: voortgang.Context, plan: voortgang.Plan) -> voortgang.Result:
    progress(
        "progress: bulk upsert of the whole matrix, overview and matrix reads"
        + (
            " at 1× and 10× the municipalities"
            if plan.ten
            else " at 1× (not 10× in --quick, --smoke)"
        )
    )
    result = voortgang.run_section(context, plan)
    print(voortgang.tables(result), end="\n\n", flush=True)
    return result


def run_questions(context: voortgang.Context, plan: vragen.Plan) -> vragen.Result:
    progress(
        f"questions: similarity and FAQ search over {plan.questions:,} questions and "
        f"{plan.faq_entries} FAQ entries, dashboard and trend cold and warm"
    )
    result = vragen.run_section(context, plan)
    print(vragen.tables(result), end="\n\n", flush=True)
    return result


def run_satisfaction(context: voortgang.Context, plan: tevredenheid.Plan) -> tevredenheid.Result:
    progress(f"satisfaction: the figures at {plan.factor}× the demo's scores")
    result = tevredenheid.run_section(context, plan)
    print(tevredenheid.tables(result), end="\n\n", flush=True)
    return result


def code_state() -> str:
    """The commit and a hash of the uncommitted changes under api/: the servers load the code
    when they start, so a change during the run (a shared checkout) can make figures of the
    same run disagree."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout

    changes = git("diff", "HEAD", "--", "api") + git(
        "ls-files", "--others", "--exclude-standard", "--", "api"
    )
    digest = hashlib.blake2b(changes.encode(), digest_size=6).hexdigest()
    return f"{git('rev-parse', '--short', 'HEAD').strip()}+{digest if changes else 'clean'}"


def metadata(url: str, plan: Plan, cpus: tuple[set[int] | None, set[int] | None]) -> dict[str, Any]:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    server_cpus, client_cpus = cpus
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": git("rev-parse", "HEAD"),
        "uncommitted_changes": bool(git("status", "--porcelain")),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "server_cpus": sorted(server_cpus) if server_cpus else None,
        "client_cpus": sorted(client_cpus) if client_cpus else None,
        "database": database.describe(url),
        "plan": asdict(plan),
    }


def failures(
    counts: list[queries.QueryCounts],
    revalidations: list[queries.Revalidation],
    all_figures: list[report.Figures],
    progress_result: voortgang.Result | None = None,
    questions_result: vragen.Result | None = None,
    workers_result: workers.Result | None = None,
    satisfaction_result: tevredenheid.Result | None = None,
) -> list[str]:
    problems = [
        f"{c.path}: SQL statements per request grow with the page size {c.per_size}"
        for c in counts
        if not c.constant
    ]
    problems += [
        f"{c.path}: no SQL statement counted at all: the counter no longer sees the app's queries"
        for c in counts
        if not any(c.per_size.values())
    ]
    problems += [
        f"{r.path}: a 304 runs as many SQL statements as the 200 ({r.revalidated} vs {r.full}): "
        "the page is built before the ETag is compared"
        for r in revalidations
        if not r.cheaper
    ]
    problems += [
        f"{f.scenario}: {f.wrong_answers()}" for f in all_figures if f.errors or f.warmup_errors
    ]
    if progress_result is not None:
        problems += progress_result.problems()
    if questions_result is not None:
        problems += questions_result.problems()
    if satisfaction_result is not None:
        problems += satisfaction_result.problems()
    if workers_result is not None:
        # A read that fails is a broken bench or app; answers that differ are target 7's MISS.
        problems += [f"workers: {p}" for p in workers_result.problems]
    return problems


SECTIONS = ("queries", "load", "workers", "questions", "satisfaction", "progress", "browser")


def sections_to_run(args: argparse.Namespace) -> dict[str, str]:
    """Each section this run leaves out, with why (for the targets table)."""
    only = next((name for name in ONLY if getattr(args, f"{name}_only")), None)
    if only is not None:
        skipped = {name: f"--{only}-only run" for name in SECTIONS if name != only}
    elif args.smoke:
        # The browser tests of `make test` run the same spec; a second browser run adds minutes.
        skipped = {"browser": "smoke run: make test's browser tests run the same page"}
    else:
        skipped = {}
    lacking = None if "browser" in skipped else browser.why_not(ROOT)
    return {**skipped, "browser": lacking} if lacking else skipped


def run_mode(args: argparse.Namespace) -> str:
    only = next((name for name in ONLY if getattr(args, f"{name}_only")), None)
    if only:
        return f"--{only}-only" + (" --quick" if args.quick else "")
    return "--smoke" if args.smoke else "--quick" if args.quick else "full"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    plan = plan_for(args)
    # Decided once, before the bench pins itself and its own affinity changes.
    cpus = cpu_split(not args.no_pin)
    cpus_at_start = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else set()
    signal.signal(signal.SIGTERM, _interrupt)
    code_at_start = code_state()
    skipped = sections_to_run(args)
    try:
        with ExitStack() as stack:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-")))
            url = args.database_url or database.temporary_sqlite_url(workdir)
            progress(f"database: {database.describe(url)}")
            env = database.app_env(url, workdir)
            if not args.skip_setup:
                database.prepare(url, workdir, progress)
            # Now, before the first request starts a thread (bench/forked.py).
            real, second = (
                fork_servers(stack, env, workdir, cpus[0])
                if args.smoke and args.workers == 1
                else (None, None)
            )
            counts, revalidations = check_queries(env) if "queries" not in skipped else ([], [])
            writable = not args.database_url or args.throwaway_database
            context = section_context(env, url, workdir, cpus, writable)
            check = None if "workers" in skipped else partial(run_workers, context, second=second)
            # A smoke run keeps the load's servers for the sections after it (voortgang.Shared).
            load = (
                run_load_scenarios(
                    env,
                    workdir,
                    plan,
                    cpus,
                    args.workers,
                    check,
                    stack if args.smoke else None,
                    real,
                )
                if "load" not in skipped
                else None
            )
            if load is not None and load.shared is not None:
                context = replace(context, shared=load.shared)
            all_figures = load.figures if load else []
            workers_result = (
                load.check if load else run_workers(context) if check is not None else None
            )
            # Before progress: the section copies the database as the demo left it, before the
            # bulk writes, so a full run and --questions-only measure the same data.
            questions_result = (
                run_questions(context, questions_plan_for(args))
                if "questions" not in skipped
                else None
            )
            satisfaction_result = (
                run_satisfaction(context, satisfaction_plan_for(args))
                if "satisfaction" not in skipped
                else None
            )
            progress_result = (
                run_progress(context, progress_plan_for(args))
                if "progress" not in skipped
                else None
            )
            if "browser" not in skipped and hasattr(os, "sched_setaffinity"):
                # The sections before pinned the bench to the load client's CPU, and the
                # browser, its server and Playwright would inherit that one CPU: the heat map
                # then measured twice its time on a machine of two (95-139 ms against 54).
                os.sched_setaffinity(0, cpus_at_start)
            browser_result = (
                browser.measure(ROOT, workdir, progress) if "browser" not in skipped else None
            )
            measured = targets.Measured(
                load=load.figures if load else None,
                cache_control=(
                    {p: (r.cache_control, r.cache_control_304) for p, r in load.references.items()}
                    if load
                    else None
                ),
                workers=workers_result,
                questions=questions_result,
                progress=progress_result,
                browser=browser_result,
                skipped=skipped,
            )
            verdicts = targets.evaluate(measured)
            engine = "PostgreSQL" if database.is_postgres(url) else "SQLite"
            heading = (
                f"issue 13 targets: {engine}, load on {args.workers} worker(s), "
                f"{run_mode(args)} run"
                + (" (a smoke run's figures mean nothing)" if args.smoke else "")
            )
            print(targets.table(verdicts, heading), end="\n\n", flush=True)
            code_at_end = code_state()
            if code_at_end != code_at_start:
                progress(
                    f"WARNING: the code under api/ changed during the run ({code_at_start} -> "
                    f"{code_at_end}): servers started at different times ran different code"
                )
            if args.json:
                document = report.as_json(
                    metadata(url, plan, cpus), all_figures, counts, revalidations
                )
                document["meta"]["code"] = {"start": code_at_start, "end": code_at_end}
                document["meta"]["workers"] = args.workers
                document["meta"]["mode"] = run_mode(args)
                if load is not None:
                    document["cache_control"] = measured.cache_control
                if workers_result is not None:
                    document["workers"] = workers.as_json(workers_result)
                if progress_result is not None:
                    document["progress"] = voortgang.as_json(progress_result)
                if questions_result is not None:
                    document["questions"] = vragen.as_json(questions_result)
                if satisfaction_result is not None:
                    document["satisfaction"] = tevredenheid.as_json(satisfaction_result)
                if browser_result is not None:
                    document["browser"] = browser.as_json(browser_result)
                document["targets"] = targets.as_json(verdicts)
                args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
                progress(f"json: written to {args.json}")
    except KeyboardInterrupt:
        progress("interrupted; servers stopped, temporary files removed")
        return 130
    except RuntimeError as exc:
        # Setup failures (a command, a server, a precondition): the message says which.
        print(f"error: {exc}", file=sys.stderr)
        return 2
    problems = failures(
        counts,
        revalidations,
        all_figures,
        progress_result,
        questions_result,
        workers_result,
        satisfaction_result,
    )
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    progress("done" if not problems else f"done, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
