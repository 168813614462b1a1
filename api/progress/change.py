"""Change since the previous period, as the EU Single Market Scoreboard shows it: a figure
beside the state at the end of the previous month, and the difference. The dashboard and the
open-data overview both compare this way."""

from datetime import date, timedelta
from typing import Any

from api.progress.schemas import (
    FigureChange,
    FiguresWithChange,
    GroupFigures,
    Overview,
    OverviewGroup,
    OverviewWithChange,
    PreviousFigures,
)


def previous_period_end(today: date) -> date:
    """The previous period is the previous month: today is compared with the state at the end
    of its last day, i.e. as it stood when this month began."""
    return today.replace(day=1) - timedelta(days=1)


def _points(now: float | None, before: float | None) -> float | None:
    if now is None or before is None:
        return None
    return round((now - before) * 100, 1)


def _previous(before: GroupFigures, day: date) -> PreviousFigures:
    return PreviousFigures(
        peildatum=day,
        sinds=day + timedelta(days=1),
        aandeel_geimplementeerd=before.aandeel_geimplementeerd,
        tekort=before.tekort,
        te_laat=before.te_laat,
        risico=before.risico,
    )


def _change(now: GroupFigures, before: GroupFigures) -> FigureChange:
    return FigureChange(
        aandeel_geimplementeerd=round(
            (now.aandeel_geimplementeerd - before.aandeel_geimplementeerd) * 100, 1
        ),
        tekort=_points(now.tekort, before.tekort),
        te_laat=now.te_laat - before.te_laat,
        risico=now.risico - before.risico,
    )


# The figures with their change are made from the fields of figures already validated: their
# models pass as they are (pydantic does not validate an instance again). Dumping every group and
# validating the dump, twice for an overview group, was most of the time an overview per
# municipality took after a change. The fields come from the model's `__dict__`: `dict(model)`
# first asks the model for `keys`, which pydantic answers through a failing `__getattr__` (a
# third of what was left: 7.2 to 4.9 ms for the 342 groups of the demo data).


def _fields_with_change(now: GroupFigures, before: GroupFigures, day: date) -> dict[str, Any]:
    return {
        **now.__dict__,
        "vorige_periode": _previous(before, day),
        "verandering": _change(now, before),
    }


def with_change(now: GroupFigures, before: GroupFigures, day: date) -> FiguresWithChange:
    """A group's figures beside its figures at the end of `day`."""
    return FiguresWithChange(**_fields_with_change(now, before, day))


def group_with_change(
    now: GroupFigures, earlier: dict[str, GroupFigures], day: date
) -> OverviewGroup:
    """A group beside the group with its code among the figures at the end of `day`; one the
    earlier figures lack keeps its figures without a change."""
    before = earlier.get(now.groep.code)
    if before is None:
        return OverviewGroup(**now.__dict__, vorige_periode=None, verandering=None)
    return OverviewGroup(**_fields_with_change(now, before, day))


def overview_with_change(now: Overview, before: Overview, day: date) -> OverviewWithChange:
    """Every group of an overview beside the same group at the end of `day`."""
    earlier = {g.groep.code: g for g in before.groepen}
    return OverviewWithChange(
        peildatum=now.peildatum,
        groepering=now.groepering,
        groepen=[group_with_change(g, earlier, day) for g in now.groepen],
        herkomst=now.herkomst,
    )
