"""The public dashboard: the waves on a timeline, national progress per measure, the deficit and
its trend, and what was published last. Today's figures come from the progress grid (kept per
process, patched per write); the trend's past months are cached in the database per version of
the dates they depend on."""

import calendar
from datetime import date, datetime

from sqlalchemy.orm import Session

from api.core import clock
from api.core.data_versions import Reader
from api.core.figure_cache import prefetch, store, valid
from api.dashboard import repository
from api.dashboard.schemas import NewFaq, NewProduct, TrendPoint, WaveMoment
from api.progress import aggregates, grid, versions
from api.progress.grid import Grid
from api.progress.schemas import GroupFigures

TREND_MONTHS = 12
NEWEST = 5


def month_ends(today: date, months: int) -> list[date]:
    """The last day of each of the `months` months before today's month, oldest first."""
    ends = []
    year, month = today.year, today.month
    for _ in range(months):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        ends.append(date(year, month, calendar.monthrange(year, month)[1]))
    return sorted(ends)


def version(reader: Reader, today: date) -> str:
    """What the dashboard depends on: the figures, the publications and the day."""
    return "|".join(
        [versions.progress(reader), repository.publications_version(reader), str(today)]
    )


def version_now(reader: Reader) -> str:
    """The dashboard's key as of now: how its kept answer's key is read again (core/kept.py)."""
    return version(reader, clock.today())


def trend_version(reader: Reader, today: date) -> str:
    """The trend's points are figures, so they follow the figures' version."""
    return versions.figures(reader, today)


trend_version_now = versions.figures_now
"""The trend's key as of now (core/kept.py)."""


def latest_progress_change(session: Session) -> datetime | None:
    """When progress last changed anywhere: the moment the open data was current."""
    return repository.latest_progress_change(session)


def national(cells: Grid) -> GroupFigures:
    return aggregates.overview(cells, "land").groepen[0]


def per_measure(cells: Grid) -> list[GroupFigures]:
    return aggregates.overview(cells, "maatregel").groepen


def _point(figures: GroupFigures, day: date) -> TrendPoint:
    return TrendPoint(
        peildatum=day,
        tekort=figures.tekort,
        aandeel_geimplementeerd=figures.aandeel_geimplementeerd,
        gemiddelde_achterstand_dagen=figures.gemiddelde_achterstand_dagen,
    )


def trend(session: Session, cells: Grid) -> list[TrendPoint]:
    # A month that has ended keeps its figures (history is only appended) until an editor
    # moves a legal date; only today's point follows every change. The months not kept are
    # computed together, in one pass over the history.
    dates = repository.dates_version(session)
    days = month_ends(cells.today, TREND_MONTHS)
    keys = {day: f"trend:{day}" for day in days}
    prefetch(session, list(keys.values()))
    bodies: dict[date, str] = {}
    for day in days:
        if (body := valid(session, keys[day], dates)) is not None:
            bodies[day] = body
    for then in grid.at_ends_of(session, [day for day in days if day not in bodies]):
        bodies[then.today] = _point(national(then), then.today).model_dump_json(by_alias=True)
        store(session, keys[then.today], dates, bodies[then.today])
    points = [TrendPoint.model_validate_json(bodies[day]) for day in days]
    points.append(_point(national(cells), cells.today))
    return points


def waves(session: Session, today: date) -> list[WaveMoment]:
    published = repository.published_products_per_wave(session)
    return [
        WaveMoment(
            nummer=w.number,
            naam=w.name,
            ingangsdatum=w.legal_effective_date,
            dagen_tot_ingang=(w.legal_effective_date - today).days,
            producten_gereed_op=w.products_due,
            gepubliceerde_producten=published.get(w.number, 0),
        )
        for w in repository.waves(session)
    ]


def next_effective_date(moments: list[WaveMoment], today: date) -> date | None:
    upcoming = [w.ingangsdatum for w in moments if w.ingangsdatum > today]
    return min(upcoming, default=None)


def newest_products(session: Session) -> list[NewProduct]:
    return [
        NewProduct(
            id=p.id,
            titel=p.title,
            soort=p.type.value,
            maatregelen=[m.code for m in p.measures],
            gepubliceerd_op=at,
        )
        for p, at in repository.newest_products(session, NEWEST)
    ]


def newest_faq(session: Session) -> list[NewFaq]:
    return [
        NewFaq(
            id=e.id,
            vraag=v.question,
            maatregelen=[m.code for m in e.measures],
            gepubliceerd_op=v.published_at,
        )
        for e, v in repository.newest_faq(session, NEWEST)
    ]
