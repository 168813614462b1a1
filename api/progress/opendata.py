"""The progress figures as open data: CSV rows of group figures and map values, and where the
figures come from."""

from collections.abc import Iterable, Sequence
from datetime import date

from fastapi import Request, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.core.opendata import PROGRESS_SOURCE, Provenance, csv_response, provenance
from api.progress.models import Phase, ProgressStatus
from api.progress.schemas import GroupFigures

FIGURE_COLUMNS = [
    "code",
    "naam",
    "cellen",
    *(f"fase_{p.value}" for p in Phase),
    "aandeel_geimplementeerd",
    "risico",
    "te_laat",
    "tekort",
    "gemiddelde_achterstand_dagen",
]


def _figure_row(g: GroupFigures) -> list[object]:
    return [
        g.groep.code,
        g.groep.naam,
        g.cellen,
        *(g.per_fase.get(p.value, 0) for p in Phase),
        g.aandeel_geimplementeerd,
        g.risico,
        g.te_laat,
        g.tekort,
        g.gemiddelde_achterstand_dagen,
    ]


def figures_provenance(session: Session, request: Request, day: date) -> Provenance:
    moment = session.scalar(select(func.max(ProgressStatus.updated_at)))
    return provenance(request, PROGRESS_SOURCE, moment, day)


def figures_csv(session: Session, name: str, groups: Iterable[GroupFigures]) -> Response:
    moment = session.scalar(select(func.max(ProgressStatus.updated_at)))
    return csv_response(name, FIGURE_COLUMNS, (_figure_row(g) for g in groups), moment=moment)


def values_csv(
    session: Session, name: str, rows: Iterable[Sequence[object]], indicator: str
) -> Response:
    moment = session.scalar(select(func.max(ProgressStatus.updated_at)))
    return csv_response(name, ["code", "naam", indicator], rows, moment=moment)
