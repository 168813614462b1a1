"""The bench's verdicts on issue 13's targets: a figure on the right side of its limit passes, one
on the wrong side misses, and what a run did not measure says so, with why. Figures are made
up here; the bench measures them (`make bench`), never a test."""

import math
from dataclasses import asdict, replace
from pathlib import Path

import httpx
import pytest

from bench import baseline_app, browser, report, targets, voortgang, vragen, workers
from bench.loadgen import LoadResult

pytestmark = pytest.mark.engine_neutral


def figures(name: str, status: int, req_per_s: float, p99_ms: float = 1.0) -> report.Figures:
    result = LoadResult(latencies=[p99_ms / 1000], elapsed=1.0)
    result.statuses[status] += 1
    base = report.figures(name, "/", status, result, [result], 0.001)
    return report.Figures(**{**asdict(base), "requests_per_s": req_per_s})


def load(read_share: float, revalidation_share: float) -> list[report.Figures]:
    measured = [
        figures("bare 1,000 B", 200, 1000.0),
        figures("bare 304", 304, 1000.0),
        figures("faq", 200, 1000.0 * read_share),
        figures("faq 304", 304, 1000.0 * revalidation_share),
    ]
    return report.with_own_baselines(measured, {"faq": "bare 1,000 B", "faq 304": "bare 304"})


def by_number(lines: list[targets.Line]) -> dict[str, targets.Line]:
    return {line.number: line for line in lines}


def scale(name: str, warm_ms: float, changed_ms: float, cold_ms: float) -> voortgang.ScaleResult:
    result = voortgang.ScaleResult(name, 342, 7866, 0)
    result.figures = [
        voortgang.FigureTimes(
            figure, "/", cold_ms=cold_ms, warm_n=100, warm_p99_ms=warm_ms, changed_ms=[changed_ms]
        )
        for figure in ("overzicht land", "trend")
    ]
    matrix = figures("matrix", 200, 10.0)
    result.reads = [report.Figures(**{**asdict(matrix), "p50_ms": cold_ms})]
    result.bulk = [
        voortgang.BulkFigures(name, "changed", 7866, 1, 1, 1, 7866 / 0.4, [0.4], 50, math.nan),
        voortgang.BulkFigures(name, "unchanged", 7866, 1, 1, 1, 7866 / 0.1, [0.1], 10, math.nan),
    ]
    return result


def test_a_run_that_measured_nothing_leaves_no_target_silent() -> None:
    skipped = {
        s: "--queries-only run" for s in ("load", "workers", "questions", "progress", "browser")
    }
    lines = targets.evaluate(targets.Measured(skipped=skipped))

    assert [line.number for line in lines] == [
        *("1a", "1b", "2a", "2b", "2c", "2d", "3a", "3b", "3c", "4a", "4b", "4c"),
        *("5a", "5b", "5c", "5d", "6", "7a", "7b"),
    ]
    assert {line.verdict for line in lines} == {targets.NOT_MEASURED}
    assert all(line.note for line in lines)
    assert by_number(lines)["1a"].note == "--queries-only run"


@pytest.mark.parametrize(
    ("read_share", "revalidation_share", "verdicts"),
    [
        (0.5, 0.8, (targets.PASS, targets.PASS)),
        (0.49, 0.8, (targets.MISS, targets.PASS)),
        (0.9, 0.79, (targets.PASS, targets.MISS)),
    ],
)
def test_reads_are_judged_against_the_bare_endpoint_of_their_own_size(
    read_share: float, revalidation_share: float, verdicts: tuple[str, str]
) -> None:
    lines = by_number(targets.evaluate(targets.Measured(load=load(read_share, revalidation_share))))

    assert (lines["1a"].verdict, lines["1b"].verdict) == verdicts
    assert f"{read_share:.3f} (faq;" in lines["1a"].measured


def test_figures_matrix_and_bulk_on_both_sides_of_their_limits() -> None:
    fast = voortgang.Result(voortgang.FULL, scales=[scale("1×", 9.9, 19.9, 40.0)])
    fast.scales.append(scale("10×", 9.9, math.nan, 200.0))
    slow = voortgang.Result(voortgang.FULL, scales=[scale("1×", 10.1, 20.1, 60.0)])
    slow.scales.append(scale("10×", 10.1, math.nan, 601.0))

    passed = by_number(targets.evaluate(targets.Measured(progress=fast)))
    missed = by_number(targets.evaluate(targets.Measured(progress=slow)))

    for number in ("2a", "2b", "2c", "2d", "3a", "3b"):
        assert passed[number].verdict == targets.PASS, passed[number]
        assert missed[number].verdict == targets.MISS, missed[number]
    assert passed["2d"].measured.startswith("5.0×")
    assert (passed["4a"].verdict, passed["4b"].verdict) == (targets.PASS, targets.PASS)


def test_cold_growth_says_what_history_it_was_over_and_the_servers_cpu() -> None:
    result = voortgang.Result(voortgang.FULL, scales=[scale("1×", 1.0, 1.0, 40.0)])
    result.scales.append(scale("10×", 1.0, math.nan, 400.0))
    for found, history, cpu in zip(result.scales, (19_695, 2_249_760), (30.0, 450.0), strict=True):
        found.history = history
        found.figures = [replace(f, cold_cpu_ms=cpu) for f in found.figures]

    line = by_number(targets.evaluate(targets.Measured(progress=result)))["2d"]

    assert line.measured.startswith("10.0×")
    assert line.note == (
        "history rows 19,695 at 1×, 2,249,760 at 10×; server CPU 15.0× (60 → 900 ms)"
    )
    result.scales[1].figures[0].cold_cpu_ms = None
    line = by_number(targets.evaluate(targets.Measured(progress=result)))["2d"]
    assert "CPU" not in line.note


@pytest.mark.parametrize(
    ("ten_times_rise", "verdict"), [(80e6, targets.PASS), (81e6, targets.MISS)]
)
def test_bulk_memory_follows_the_request_not_the_matrix(
    ten_times_rise: float, verdict: str
) -> None:
    result = voortgang.Result(voortgang.FULL, scales=[scale("1×", 1.0, 1.0, 10.0)])
    result.scales.append(scale("10×", 1.0, math.nan, 50.0))
    for name, rise in (("1×", 40e6), ("10×", ten_times_rise)):
        found = next(s for s in result.scales if s.scale == name)
        found.bulk = [replace(b, peak_growth_bytes=int(rise)) for b in found.bulk]

    line = by_number(targets.evaluate(targets.Measured(progress=result)))["4c"]

    assert line.verdict == verdict, line
    without = voortgang.Result(voortgang.FULL, scales=[scale("1×", 1.0, 1.0, 10.0)])
    without.scales.append(scale("10×", 1.0, math.nan, 50.0))
    unmeasured = by_number(targets.evaluate(targets.Measured(progress=without)))["4c"]
    assert unmeasured.verdict == targets.NOT_MEASURED
    assert "Linux" in unmeasured.note


def test_quick_runs_say_10x_was_not_measured() -> None:
    result = voortgang.Result(voortgang.QUICK, scales=[scale("1×", 1.0, 1.0, 10.0)])
    result.notes.append("10× skipped in --quick and --smoke")

    lines = by_number(targets.evaluate(targets.Measured(progress=result)))

    assert lines["2a"].verdict == targets.PASS
    for number in ("2c", "2d", "3b", "4c"):
        assert lines[number].verdict == targets.NOT_MEASURED
        assert "10× skipped" in lines[number].note


def test_search_is_judged_only_at_the_sizes_the_issue_names() -> None:
    small = vragen.Result(vragen.SMOKE, questions=500, faq_entries=100)
    small.search = [figures("vergelijkbaar", 200, 10.0, p99_ms=5.0)]
    full = vragen.Result(vragen.FULL, questions=5_000, faq_entries=500, large_questions=50_000)
    full.search = [figures("vergelijkbaar", 200, 10.0, p99_ms=30.0)]
    full.search_large = [figures("vergelijkbaar", 200, 10.0, p99_ms=61.0)]

    smoke = by_number(targets.evaluate(targets.Measured(questions=small)))
    measured = by_number(targets.evaluate(targets.Measured(questions=full)))

    assert smoke["5a"].verdict == targets.NOT_MEASURED
    assert "500 questions" in smoke["5a"].note
    assert (measured["5a"].verdict, measured["5c"].verdict) == (targets.PASS, targets.MISS)
    assert measured["5b"].verdict == targets.NOT_MEASURED


def test_shared_caches_need_both_directives_on_the_200_and_the_304() -> None:
    shared = "public, max-age=0, s-maxage=60, stale-while-revalidate=300"
    headers = {"/a": (shared, shared), "/b": (shared, "public, max-age=0, s-maxage=60")}

    line = by_number(targets.evaluate(targets.Measured(cache_control=headers)))["6"]

    assert (line.verdict, line.measured, line.note) == (targets.MISS, "1 of 2 reads", "lacking: /b")


def test_workers_that_disagree_miss_and_a_check_without_a_write_says_so() -> None:
    agree = workers.Result(reads=18, writes=2)
    disagree = workers.Result(reads=18, before=["trend"], writes=2, unchanged=["trend on b"])
    read_only = workers.Result(reads=18, notes=["no write: not the bench's to change"])

    def verdicts(result: workers.Result) -> tuple[str, str]:
        lines = by_number(targets.evaluate(targets.Measured(workers=result)))
        return lines["7a"].verdict, lines["7b"].verdict

    assert verdicts(agree) == (targets.PASS, targets.PASS)
    assert verdicts(disagree) == (targets.MISS, targets.MISS)
    assert verdicts(read_only) == (targets.PASS, targets.NOT_MEASURED)


def test_the_heat_maps_longest_task_is_read_from_what_the_browser_spec_wrote(
    tmp_path: Path,
) -> None:
    figures = tmp_path / "longtasks.jsonl"
    line = (
        '{{"width": {w}, "afterData": {ms}, "firstRender": 40, "sinceNavigation": 180, "count": 3}}'
    )
    figures.write_text(line.format(w=360, ms=101) + "\n" + line.format(w=1280, ms=64) + "\n")

    result = browser.read_report(figures)
    missed = by_number(targets.evaluate(targets.Measured(browser=result)))["3c"]

    assert [(w.width, w.after_data_ms) for w in result.widths] == [(1280, 64), (360, 101)]
    assert (missed.verdict, missed.measured) == (targets.MISS, "101 ms (1280px 64, 360px 101)")

    figures.write_text(line.format(w=360, ms=100) + "\n")
    passed = by_number(targets.evaluate(targets.Measured(browser=browser.read_report(figures))))
    assert passed["3c"].verdict == targets.PASS


def test_a_browser_spec_that_wrote_no_figures_is_an_error_not_a_pass(tmp_path: Path) -> None:
    figures = tmp_path / "longtasks.jsonl"
    figures.write_text("\n")

    with pytest.raises(RuntimeError, match="wrote no figures"):
        browser.read_report(figures)


def test_the_table_has_a_line_per_target_and_says_misses_leave_the_exit_code_alone() -> None:
    lines = targets.evaluate(targets.Measured(load=load(0.1, 0.1)))

    printed = targets.table(lines, "issue 13 targets").splitlines()

    rows = printed[3 : 3 + len(lines)]
    assert [row.split(" ", 1)[0] for row in rows] == [line.number for line in lines]
    assert rows[0].endswith(targets.MISS)
    assert rows[-1].endswith(targets.NOT_MEASURED)
    assert "a MISS leaves the exit code alone" in printed[3 + len(lines)]


async def test_the_bare_endpoint_sends_exactly_the_sizes_asked_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(baseline_app.SIZES_ENV, "1,724,188002")
    transport = httpx.ASGITransport(app=baseline_app.create_app())

    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        sizes = [
            len((await client.get(baseline_app.sized_path(n))).content) for n in (1, 724, 188002)
        ]
        not_modified = await client.get(baseline_app.NOT_MODIFIED_PATH)

    assert sizes == [1, 724, 188002]
    assert (not_modified.status_code, not_modified.content) == (304, b"")
