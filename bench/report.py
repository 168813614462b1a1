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
    cpu_ratio: float = math.nan
    """The baseline's CPU ms per request divided by this scenario's: the throughput ratio the
    server's CPU time predicts for a saturated worker. Steadier than the req/s ratio when other
    work on the machine takes CPU from the server in some rounds."""
    statuses: dict[int, int] = field(default_factory=dict)
    """Answers per HTTP status, all rounds together."""
    wrong_bodies: int = 0
    """Answers with the expected status whose body differed in length from the reference."""
    warmup_errors: int = 0
    """Wrong answers during the warm-up (not in the figures, but wrong all the same)."""
    warmup_last_error: str = ""
    baseline: str = ""
    """The scenario the ratios are taken against: the bare endpoint sending as many bytes."""

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


def _ratio(value: float, base: float) -> float:
    return value / base if base else math.nan


def _against(f: Figures, baseline: Figures) -> Figures:
    return Figures(
        **{
            **asdict(f),
            "throughput_ratio": _ratio(f.requests_per_s, baseline.requests_per_s),
            "p50_ratio": _ratio(f.p50_ms, baseline.p50_ms),
            "cpu_ratio": _ratio(
                baseline.server_cpu_ms_per_request or math.nan,
                f.server_cpu_ms_per_request or math.nan,
            ),
            "baseline": baseline.scenario,
        }
    )


def with_ratios(all_figures: list[Figures], baseline: Figures) -> list[Figures]:
    return [_against(f, baseline) for f in all_figures]


def with_own_baselines(all_figures: list[Figures], baseline_of: dict[str, str]) -> list[Figures]:
    """Each scenario's ratios against the scenario `baseline_of` names for it (the bare
    endpoint of the same body size); a scenario named nowhere is its own baseline."""
    by_name = {f.scenario: f for f in all_figures}
    return [_against(f, by_name[baseline_of.get(f.scenario, f.scenario)]) for f in all_figures]


def load_table(all_figures: list[Figures]) -> str:
    width = max([18, *(len(f.scenario) for f in all_figures)])
    header = (
        f"{'scenario':<{width}} {'status':>6} {'KB':>6} {'req/s':>8} {'spread':>6} {'p50 ms':>8}"
        f" {'p99 ms':>8} {'CPU ms/req':>10} {'req/s ÷ base':>12} {'p50 ÷ base':>10}"
        f" {'by CPU':>7}"
    )
    lines = [header, "-" * len(header)]
    for f in all_figures:
        cpu = "-" if f.server_cpu_ms_per_request is None else f"{f.server_cpu_ms_per_request:.2f}"
        mark = "*" if f.client_cpu_share > CLIENT_SATURATED else " "
        noise = "-" if math.isnan(f.spread_pct) else f"{f.spread_pct:.0f}%"
        lines.append(
            f"{f.scenario:<{width}} {f.status:>6} {f.body_bytes / 1024:>6.1f} "
            f"{f.requests_per_s:>7.0f}{mark} {noise:>6} {f.p50_ms:>8.2f} {f.p99_ms:>8.2f} {cpu:>10}"
            f" {f.throughput_ratio:>12.3f} {f.p50_ratio:>10.1f} {f.cpu_ratio:>7.3f}"
        )
    if any(f.baseline and f.baseline != f.scenario for f in all_figures):
        lines.append(
            "ratios against the bare endpoint sending as many bytes (a 304 against the bare "
            "304); by CPU: its CPU ms/req ÷ this one's, the req/s ratio a saturated worker "
            "would show"
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

REQUIRED_304: tuple[str, ...] = ()
"""Scenarios whose 304 must cost far less than their 200 under load. None today: a page kept
per version of its data makes its repeated 200 about as cheap as its 304, and a page whose
ETag is hashed from its body builds the page for the 304 too. That a 304 with a version key
never builds the page is checked by the statement counts (bench/queries.py) instead."""


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
    """One line for all of them (near 1: the 304 costs what the 200 costs, because the page is
    built for it or because the 200 is served from a kept copy), and a line per required one."""
    if not costs:
        return []
    lines = ["304 ÷ 200 CPU ms/req: " + ", ".join(f"{c.scenario} {c.ratio:.2f}" for c in costs)]
    for c in costs:
        if not c.required:
            continue
        verdict = "as required" if c.far_less else "NOT FAR LESS, as required"
        lines.append(
            f"304 of {c.scenario}: {c.revalidated_cpu_ms:.2f} ÷ {c.full_cpu_ms:.2f} ms, at most "
            f"{FAR_LESS:.0%} of the 200: {verdict}"
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
