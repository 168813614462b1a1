"""Target 3c in a real browser: the longest task while the editors' heat map of 342 × 23 draws.

The browser test frontend/e2e/heatmap-performance.spec.ts checks what the heat map does and,
when SPOORBOEK_LONGTASK_REPORT names a file, writes there what the browser's Long Tasks API saw
(one JSON line per viewport width). This section builds the SPA into the run's own folder, runs
that one spec with a single browser at a time (in `make test` two browsers and the server share
the two cores, which is no place for a timing) and reads the lines back.

It needs the SPA's packages (frontend/node_modules) and Chromium; without them the target says
"not measured" and why, never a silent gap."""

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.servers import free_port

SPEC = "e2e/heatmap-performance.spec.ts"
REPORT_ENV = "SPOORBOEK_LONGTASK_REPORT"
# A cold build and the demo data behind the browser take about a minute; ten is a hung run.
TIMEOUT_SECONDS = 600


@dataclass(frozen=True)
class Width:
    """What the browser saw at one viewport width."""

    width: int
    after_data_ms: int
    """The longest task that started once the matrix's answer had arrived (the target)."""
    first_render_ms: int
    """The same for the first render alone, before the filter and its clearing."""
    since_navigation_ms: int
    """The longest task since the document started: the cold load's script evaluation too."""
    count: int


@dataclass(frozen=True)
class Result:
    widths: list[Width]

    @property
    def longest_ms(self) -> int:
        return max(width.after_data_ms for width in self.widths)


def why_not(root: Path) -> str | None:
    """What the section lacks on this machine, or None when it can run."""
    frontend = root / "frontend"
    if not (frontend / "node_modules" / ".bin" / "playwright").exists():
        return "the SPA's packages are not installed (make install)"
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(chromium).exists():
        return f"no Chromium at {chromium} (set CHROMIUM_PATH)"
    if shutil.which("npm") is None:
        return "npm is not on the PATH"
    return None


def read_report(path: Path) -> Result:
    """The lines the spec wrote; a spec that wrote none measured nothing, which is an error."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines:
        raise RuntimeError(f"browser: {SPEC} wrote no figures")
    widths = [_width(json.loads(line)) for line in lines]
    return Result(widths=sorted(widths, key=lambda w: -w.width))


def _width(line: dict[str, Any]) -> Width:
    return Width(
        width=int(line["width"]),
        after_data_ms=int(line["afterData"]),
        first_render_ms=int(line["firstRender"]),
        since_navigation_ms=int(line["sinceNavigation"]),
        count=int(line["count"]),
    )


def measure(root: Path, workdir: Path, progress: Callable[[str], None]) -> Result:
    frontend = root / "frontend"
    dist = workdir / "spa"
    figures = workdir / "longtasks.jsonl"
    figures.unlink(missing_ok=True)
    progress("browser: building the SPA")
    _run(["npx", "vite", "build", "--outDir", str(dist), "--emptyOutDir"], frontend, {})
    progress(f"browser: {SPEC}, one browser at a time")
    env = {
        REPORT_ENV: str(figures),
        "E2E_DIST": str(dist),
        "E2E_PORT": str(free_port()),
    }
    command = ["npx", "playwright", "test", SPEC, "--workers", "1"]
    _run([*command, "--output", str(workdir / "playwright")], frontend, env)
    result = read_report(figures)
    for width in result.widths:
        progress(
            f"browser: {width.width}px longest task {width.after_data_ms} ms after the data "
            f"(first render {width.first_render_ms} ms, cold load included "
            f"{width.since_navigation_ms} ms, {width.count} long tasks)"
        )
    return result


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> None:
    done = subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-30:])
        raise RuntimeError(f"browser: {' '.join(command[:3])} failed:\n{tail}")


def as_json(result: Result) -> list[dict[str, int]]:
    return [
        {
            "width": w.width,
            "longest_after_data_ms": w.after_data_ms,
            "longest_first_render_ms": w.first_render_ms,
            "longest_since_navigation_ms": w.since_navigation_ms,
            "long_tasks": w.count,
        }
        for w in result.widths
    ]
