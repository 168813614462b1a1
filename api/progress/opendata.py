"""The progress figures as open data: CSV rows of group figures and map values, and where the
figures come from."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from fastapi import Request, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.core.opendata import PROGRESS_SOURCE, Provenance, csv_response, provenance
from api.progress.models import Phase, ProgressStatus
from api.progress.schemas import GroupFigures, OverviewGroup

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


CHANGE_COLUMNS = [
    "vorige_peildatum",
    "vorig_aandeel_geimplementeerd",
    "verandering_aandeel_geimplementeerd",
    "verandering_tekort",
    "verandering_te_laat",
    "verandering_risico",
]
"""The overview's groups beside the end of the previous month: the share implemented then, and
the change since (shares and deficits in percentage points), as `OverviewGroup` has them. Empty
for a group without a previous period."""


def _change_row(g: OverviewGroup) -> list[object]:
    before, change = g.vorige_periode, g.verandering
    if before is None or change is None:
        return [None] * len(CHANGE_COLUMNS)
    return [
        before.peildatum,
        before.aandeel_geimplementeerd,
        change.aandeel_geimplementeerd,
        change.tekort,
        change.te_laat,
        change.risico,
    ]


def _last_change(session: Session) -> datetime | None:
    return session.scalar(select(func.max(ProgressStatus.updated_at)))


def figures_provenance(session: Session, request: Request, day: date) -> Provenance:
    return provenance(request, PROGRESS_SOURCE, _last_change(session), day)


def figures_csv(session: Session, name: str, groups: Iterable[GroupFigures]) -> Response:
    rows = (_figure_row(g) for g in groups)
    return csv_response(name, FIGURE_COLUMNS, rows, moment=_last_change(session))


def overview_csv(session: Session, name: str, groups: Iterable[OverviewGroup]) -> Response:
    """The overview's figures with their change since the previous month (`CHANGE_COLUMNS`)."""
    rows = ([*_figure_row(g), *_change_row(g)] for g in groups)
    columns = [*FIGURE_COLUMNS, *CHANGE_COLUMNS]
    return csv_response(name, columns, rows, moment=_last_change(session))


def values_csv(
    session: Session, name: str, rows: Iterable[Sequence[object]], indicator: str
) -> Response:
    columns = ["code", "naam", indicator]
    return csv_response(name, columns, rows, moment=_last_change(session))
