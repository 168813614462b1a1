"""Figures per scenario, their ratios to the baseline, and the printed tables."""

import math
import statistics
from dataclasses import asdict, dataclass
from typing import Any

from bench.loadgen import LoadResult
from bench.queries import QueryCounts

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
    return "\n".join(lines)


def query_table(counts: list[QueryCounts]) -> str:
    sizes = list(counts[0].per_size) if counts else []
    header = f"{'endpoint':<24}" + "".join(f"{'size ' + str(s):>12}" for s in sizes)
    lines = [header + "  constant", "-" * (len(header) + 10)]
    for c in counts:
        cells = "".join(f"{c.per_size[s]} ({c.rows[s]})".rjust(12) for s in sizes)
        lines.append(f"{c.path:<24}{cells}  {'yes' if c.constant else 'NO'}")
    lines.append(
        "SQL statements per request (results on the page); on SQLite one is the engine's BEGIN"
    )
    for c in counts:
        if not c.constant:
            lines.append(f"statements of {c.path} at the largest page size:")
            lines += [f"  {' '.join(sql.split())[:120]}" for sql in c.largest_page]
    return "\n".join(lines)


def as_json(
    meta: dict[str, Any], all_figures: list[Figures], counts: list[QueryCounts]
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
    }
