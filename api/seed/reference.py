"""The reference data set: waves, themes, measures, municipalities and partner organisations,
read from the project's own seed files in `data/`."""

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, selectinload

from api.measures.models import (
    Confidence,
    ImpactArea,
    Measure,
    Obligation,
    Source,
    Theme,
    Wave,
)
from api.municipalities.models import LabourMarketRegion, Municipality, Province
from api.organisations.models import Organisation, OrganisationKind
from api.progress.models import RoadmapStep
from api.progress.roadmap_template import steps_for
from api.seed.merge import CodeList, EntitySpec, MergeReport, merge_rows
from api.surveys import questions as survey_questions

DATA_DIR = Path(__file__).parent / "data"

ProgressHook = Callable[[str, int], Callable[[], None]]
"""Called with an entity name and its row count; returns the callback to run per row."""


def _read(data_dir: Path, name: str) -> list[dict[str, str]]:
    with (data_dir / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _optional_date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class _Step:
    spec: EntitySpec
    rows: list[dict[str, Any]]
    load_options: tuple[Any, ...] = ()


def _steps(data_dir: Path) -> Iterator[_Step]:
    waves = {int(w["number"]): w for w in _read(data_dir, "waves.csv")}
    yield _Step(
        EntitySpec(
            "waves",
            Wave,
            "number",
            dict.fromkeys(
                ["name", "legal_effective_date", "may_apply_from", "products_due", "note"]
            ),
        ),
        [
            {
                "number": number,
                "name": w["name"],
                "legal_effective_date": date.fromisoformat(w["legal_effective_date"]),
                "may_apply_from": date.fromisoformat(w["may_apply_from"]),
                "products_due": date.fromisoformat(w["products_due"]),
                "note": w["note"],
            }
            for number, w in waves.items()
        ],
    )
    simple_models: tuple[tuple[str, type[Theme] | type[ImpactArea]], ...] = (
        ("themes", Theme),
        ("impact_areas", ImpactArea),
    )
    for entity, model in simple_models:
        yield _Step(
            EntitySpec(entity, model, "code", dict.fromkeys(["name", "position"])),
            [
                {"code": r["code"], "name": r["name"], "position": int(r["position"])}
                for r in _read(data_dir, f"{entity}.csv")
            ],
        )
    yield _Step(
        EntitySpec("sources", Source, "code", dict.fromkeys(["title", "url"])),
        [
            {"code": r["code"], "title": r["title"], "url": r["url"] or None}
            for r in _read(data_dir, "sources.csv")
        ],
    )
    yield _Step(
        EntitySpec(
            "measures",
            Measure,
            "code",
            {
                "title": None,
                "summary": None,
                "articles": None,
                "wave_number": None,
                "theme_code": None,
                "obligation": None,
                "confidence": None,
                "effective_date_override": None,
                "may_apply_from_override": None,
                "impact_areas": CodeList(ImpactArea),
                "sources": CodeList(Source),
            },
        ),
        [_measure_row(r) for r in _read(data_dir, "measures.csv")],
        (selectinload(Measure.impact_areas), selectinload(Measure.sources)),
    )
    measure_rows = [_measure_row(r) for r in _read(data_dir, "measures.csv")]
    yield _Step(
        EntitySpec(
            "roadmap_steps",
            RoadmapStep,
            "key",
            dict.fromkeys(
                [
                    "measure_code",
                    "code",
                    "position",
                    "title",
                    "description",
                    "start_offset_days",
                    "finish_offset_days",
                    "depends_on",
                    "council_decision",
                ]
            ),
            natural_key=lambda step: f"{step.measure_code}:{step.code}",
        ),
        [
            step
            for m in measure_rows
            for step in steps_for(m["code"], set(m["impact_areas"]), m["obligation"].value)
        ],
    )
    municipalities = _read(data_dir, "municipalities.csv")
    groupings: tuple[tuple[str, type[Province] | type[LabourMarketRegion], str], ...] = (
        ("provinces", Province, "province"),
        ("labour_market_regions", LabourMarketRegion, "labour_market_region"),
    )
    for entity, group_model, prefix in groupings:
        groups = {m[f"{prefix}_code"]: m[prefix] for m in municipalities}
        yield _Step(
            EntitySpec(entity, group_model, "code", {"name": None}),
            [{"code": code, "name": name} for code, name in sorted(groups.items())],
        )
    yield _Step(
        EntitySpec(
            "municipalities",
            Municipality,
            "code",
            dict.fromkeys(
                [
                    "name",
                    "province_code",
                    "labour_market_region_code",
                    "population",
                    "population_date",
                ]
            ),
        ),
        [
            {
                "code": m["code"],
                "name": m["name"],
                "province_code": m["province_code"],
                "labour_market_region_code": m["labour_market_region_code"],
                "population": int(m["population"]),
                "population_date": date.fromisoformat(m["population_date"]),
            }
            for m in municipalities
        ],
    )
    yield _Step(
        EntitySpec(
            "organisations",
            Organisation,
            "code",
            dict.fromkeys(["name", "abbreviation", "kind", "website"]),
        ),
        [
            {
                "code": r["code"],
                "name": r["name"],
                "abbreviation": r["abbreviation"] or None,
                "kind": OrganisationKind(r["kind"]),
                "website": r["website"] or None,
            }
            for r in _read(data_dir, "organisations.csv")
        ],
    )


def _measure_row(r: dict[str, str]) -> dict[str, Any]:
    return {
        "code": r["code"],
        "title": r["title"],
        "summary": r["summary"],
        "articles": [a.strip() for a in r["articles"].split(";") if a.strip()],
        "wave_number": int(r["wave"]),
        "theme_code": r["theme"],
        "obligation": Obligation(r["obligation"]),
        "confidence": Confidence(r["confidence"]),
        "effective_date_override": _optional_date(r["effective_date"]),
        "may_apply_from_override": _optional_date(r["may_apply_from"]),
        "impact_areas": r["impact_areas"].split(),
        "sources": r["sources"].split(),
    }


def load_reference_data(
    session: Session, *, data_dir: Path = DATA_DIR, progress: ProgressHook | None = None
) -> list[MergeReport]:
    reports = []
    for step in _steps(data_dir):
        on_row = progress(step.spec.entity, len(step.rows)) if progress else (lambda: None)
        reports.append(
            merge_rows(session, step.spec, step.rows, load_options=step.load_options, on_row=on_row)
        )
    # The survey's standard questions have no code to merge on: they are added once, to an
    # empty list, and are the editors' from then on.
    added = survey_questions.ensure_standard_questions(session)
    standard = len(survey_questions.STANDARD_QUESTIONS)
    reports.append(MergeReport("survey_questions", created=added, unchanged=standard - added))
    return reports
