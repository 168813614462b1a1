"""Figures per scenario, their ratios to the baseline, and the printed tables."""

import math
import statistics
from dataclasses import asdict, dataclass, field
from typing import Any

from bench.loadgen import LoadResult
from bench.queries import QueryCounts, Revalidation

NOISY = 50.0
"""Spread (percent) between the rounds of a scenario above which the run was disturbed."""

CLIENT_SATURATED = 0.9
"""Client CPU share above which the load generator, not the server, may be the limit."""


@dataclass(frozen=True)
class Figures:
    scenario: str
    path: str
    status: int
    body_bytes: int
    requests: int
    errors: int
    seconds: float
    requests_per_s: float
    """Median over the rounds of requests completed per second."""
    p50_ms: float
    p99_ms: float
    max_ms: float
    server_cpu_ms_per_request: float | None
    client_cpu_share: float
    round_requests_per_s: list[float]
    spread_pct: float
    """Range of the rounds' requests/s as a share of their median: how noisy the machine was."""
    throughput_ratio: float = math.nan
    """requests/s of this scenario divided by the baseline's: 0.1 means a tenth as many."""
    p50_ratio: float = math.nan
    """p50 latency of this scenario divided by the baseline's: 10 means ten times as slow."""
    statuses: dict[int, int] = field(default_factory=dict)
    """Answers per HTTP status, all rounds together."""
    wrong_bodies: int = 0
    """Answers with the expected status whose body differed in length from the reference."""
    warmup_errors: int = 0
    """Wrong answers during the warm-up (not in the figures, but wrong all the same)."""
    warmup_last_error: str = ""

    def wrong_answers(self) -> str:
        """What went wrong, in words; empty when every answer was as expected."""
        warm = (
            f"warm-up: {self.warmup_errors} wrong, last {self.warmup_last_error}"
            if self.warmup_errors
            else ""
        )
        if not self.errors:
            return warm
        parts = [
            f"{count} × {status}"
            for status, count in sorted(self.statuses.items())
            if status != self.status
        ]
        if self.wrong_bodies:
            parts.append(
                f"{self.wrong_bodies} × {self.status} with another body than the reference"
            )
        failed = (
            self.errors
            - self.wrong_bodies
            - sum(n for st, n in self.statuses.items() if st != self.status)
        )
        if failed > 0:
            parts.append(f"{failed} × no answer (connection closed or timed out)")
        measured = f"{self.errors} of {self.requests + max(failed, 0)} answers wrong: "
        measured += ", ".join(parts)
        return f"{measured}; {warm}" if warm else measured


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile: the smallest value with at least q of the samples at or below."""
    if not sorted_values:
        return math.nan
    return sorted_values[max(0, math.ceil(q * len(sorted_values)) - 1)]


def spread(values: list[float]) -> float:
    if len(values) < 2:
        return math.nan
    middle = statistics.median(values)
    return (max(values) - min(values)) / middle * 100 if middle else math.nan


def figures(
    scenario: str,
    path: str,
    status: int,
    total: LoadResult,
    rounds: list[LoadResult],
    server_cpu: float | None,
    *,
    warm_up: LoadResult | None = None,
) -> Figures:
    latencies = sorted(total.latencies)
    completed = len(latencies)
    per_round = [r.completed / r.elapsed for r in rounds if r.elapsed]
    return Figures(
        scenario=scenario,
        path=path,
        status=status,
        body_bytes=total.body_bytes,
        requests=completed,
        errors=total.errors,
        seconds=round(total.elapsed, 3),
        # The median round rather than the total: a burst of other work on the machine during
        # one round then does not drag the figure (nor the ratio to the baseline) down.
        requests_per_s=statistics.median(per_round) if per_round else math.nan,
        p50_ms=percentile(latencies, 0.50) * 1000,
        p99_ms=percentile(latencies, 0.99) * 1000,
        max_ms=(latencies[-1] * 1000) if latencies else math.nan,
        server_cpu_ms_per_request=(
            server_cpu / completed * 1000 if server_cpu is not None and completed else None
        ),
        client_cpu_share=total.client_cpu / total.elapsed if total.elapsed else math.nan,
        round_requests_per_s=per_round,
        spread_pct=spread(per_round),
        statuses=dict(total.statuses),
        wrong_bodies=total.wrong_bodies,
        warmup_errors=warm_up.errors if warm_up else 0,
        warmup_last_error=warm_up.last_error if warm_up else "",
    )


def with_ratios(all_figures: list[Figures], baseline: Figures) -> list[Figures]:
    def ratio(value: float, base: float) -> float:
        return value / base if base else math.nan

    return [
        Figures(
            **{
                **asdict(f),
                "throughput_ratio": ratio(f.requests_per_s, baseline.requests_per_s),
                "p50_ratio": ratio(f.p50_ms, baseline.p50_ms),
            }
        )
        for f in all_figures
    ]


def load_table(all_figures: list[Figures]) -> str:
    header = (
        f"{'scenario':<18} {'status':>6} {'KB':>5} {'req/s':>8} {'spread':>6} {'p50 ms':>8}"
        f" {'p99 ms':>8} {'CPU ms/req':>10} {'req/s ÷ base':>12} {'p50 ÷ base':>10}"
    )
    lines = [header, "-" * len(header)]
    for f in all_figures:
        cpu = "-" if f.server_cpu_ms_per_request is None else f"{f.server_cpu_ms_per_request:.2f}"
        mark = "*" if f.client_cpu_share > CLIENT_SATURATED else " "
        noise = "-" if math.isnan(f.spread_pct) else f"{f.spread_pct:.0f}%"
        lines.append(
            f"{f.scenario:<18} {f.status:>6} {f.body_bytes / 1024:>5.1f} "
            f"{f.requests_per_s:>7.0f}{mark} {noise:>6} {f.p50_ms:>8.2f} {f.p99_ms:>8.2f} {cpu:>10}"
            f" {f.throughput_ratio:>12.3f} {f.p50_ratio:>10.1f}"
        )
    if any(f.spread_pct > NOISY for f in all_figures):
        lines.append(
            f"spread over {NOISY:.0f}%: other work on the machine disturbed some rounds; "
            "CPU ms/req is the steadier figure."
        )
    if any(f.client_cpu_share > CLIENT_SATURATED for f in all_figures):
        lines.append("* the load generator used over 90% of its CPU: this figure is a lower bound.")
    lines += [
        f"WRONG ANSWERS {f.scenario}: {f.wrong_answers()}"
        for f in all_figures
        if f.errors or f.warmup_errors
    ]
    lines += revalidation_lines(revalidation_costs(all_figures))
    return "\n".join(lines)


FAR_LESS = 0.5
"""A 304 "costs far less" than the full answer when its CPU per request is at most this share
of the 200's. One that builds the page anyway comes out near 1."""

KEPT_PER_VERSION = ("producten",)
"""Scenarios whose built page is kept per version of its data: a repeated 200 is served from
the kept copy, so it costs about what the 304 costs."""

REQUIRED_304: tuple[str, ...] = ()
"""Scenarios whose 304 must cost far less than their 200 under load. None today: the public
product list, whose ETag comes from a version key, also keeps its built page per version, so
its repeated 200 is as cheap as its 304. That its 304 never builds the page is checked by the
statement counts (bench/queries.py), against a 200 that builds it; the others hash the rendered
body, so their 304 is expected to cost as much as the 200."""


@dataclass(frozen=True)
class RevalidationCost:
    scenario: str
    full_cpu_ms: float
    revalidated_cpu_ms: float
    ratio: float
    """CPU ms per request of the 304 divided by that of the 200."""
    required: bool
    """Whether the 304 must cost far less (REQUIRED_304)."""

    @property
    def far_less(self) -> bool:
        return self.ratio <= FAR_LESS


def revalidation_costs(all_figures: list[Figures]) -> list[RevalidationCost]:
    """For each scenario with a `<name> 304` twin: CPU per request of the 304 against the 200."""
    by_name = {f.scenario: f for f in all_figures}
    costs = []
    for name, full in by_name.items():
        revalidated = by_name.get(f"{name} 304")
        if revalidated is None:
            continue
        full_cpu, cpu_304 = full.server_cpu_ms_per_request, revalidated.server_cpu_ms_per_request
        if full_cpu is None or cpu_304 is None or not full_cpu:
            continue
        costs.append(
            RevalidationCost(name, full_cpu, cpu_304, cpu_304 / full_cpu, name in REQUIRED_304)
        )
    return costs


def revalidation_lines(costs: list[RevalidationCost]) -> list[str]:
    lines = []
    for c in costs:
        figures = (
            f"304 ÷ 200 CPU ms/req, {c.scenario}: {c.ratio:.2f} "
            f"({c.revalidated_cpu_ms:.2f} ÷ {c.full_cpu_ms:.2f} ms)"
        )
        if c.scenario in KEPT_PER_VERSION:
            lines.append(f"{figures}; the page is kept per version, so the 200 is cheap too")
        elif not c.required:
            lines.append(f"{figures}; ETag hashed from the body, so the page is built anyway")
        elif c.far_less:
            lines.append(
                f"{figures}: a cached read (304) costs far less than a full one "
                f"(at most {FAR_LESS:.0%} of it), as required"
            )
        else:
            lines.append(
                f"{figures}: NOT FAR LESS. The requirement is that a cached read (304) costs far "
                f"less than a full one (here: at most {FAR_LESS:.0%} of it); it does not"
            )
    return lines


def query_table(counts: list[QueryCounts], revalidations: list[Revalidation]) -> str:
    # Sizes as columns, in the order asked; an endpoint probed at fewer sizes leaves cells blank.
    sizes = list(dict.fromkeys(s for c in counts for s in c.per_size))
    width = max([len("endpoint"), *(len(c.path) for c in counts)]) + 2
    header = f"{'endpoint':<{width}}" + "".join(f"{'size ' + str(s):>12}" for s in sizes)
    lines = [header + "  constant", "-" * (len(header) + 10)]
    for c in counts:
        cells = "".join(
            (f"{c.per_size[s]} ({c.rows[s]})" if s in c.per_size else "").rjust(12) for s in sizes
        )
        lines.append(f"{c.path:<{width}}{cells}  {'yes' if c.constant else 'NO'}")
    lines.append(
        "SQL statements per request (results on the page); on SQLite one is the engine's BEGIN"
    )
    for r in revalidations:
        verdict = "fewer: the page is not built" if r.cheaper else "NOT fewer: the page is built"
        lines.append(f"304 of {r.path}: {r.revalidated} statements, 200: {r.full} ({verdict})")
    for c in counts:
        if not c.constant:
            lines.append(f"statements of {c.path} at the largest page size:")
            lines += [f"  {' '.join(sql.split())[:120]}" for sql in c.largest_page]
    return "\n".join(lines)


def as_json(
    meta: dict[str, Any],
    all_figures: list[Figures],
    counts: list[QueryCounts],
    revalidations: list[Revalidation],
) -> dict[str, Any]:
    def clean(value: Any) -> Any:
        # JSON has no NaN; a missing figure is null.
        return None if isinstance(value, float) and math.isnan(value) else value

    return {
        "meta": meta,
        "scenarios": [{k: clean(v) for k, v in asdict(f).items()} for f in all_figures],
        "queries": [
            {
                "path": c.path,
                "statements_per_page_size": {str(k): v for k, v in c.per_size.items()},
                "results_per_page_size": {str(k): v for k, v in c.rows.items()},
                "constant": c.constant,
            }
            for c in counts
        ],
        "revalidation_statements": [
            {"path": r.path, "statements_200": r.full, "statements_304": r.revalidated}
            for r in revalidations
        ],
        "revalidation_cost": [
            {k: clean(v) for k, v in asdict(c).items()} for c in revalidation_costs(all_figures)
        ],
    }
