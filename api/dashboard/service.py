"""The public dashboard: the waves on a timeline, national progress per measure, the deficit and
its trend, and what was published last. Figures come from the progress aggregates; the costly
ones are cached in the database per version of what they depend on."""

import calendar
from datetime import date, datetime

from sqlalchemy.orm import Session

from api.core.figure_cache import cached
from api.dashboard import repository
from api.dashboard.schemas import NewFaq, NewProduct, TrendPoint, WaveMoment
from api.progress import aggregates, versions
from api.progress.schemas import GroupFigures, Overview

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


def _overview(session: Session, grouping: str, today: date) -> Overview:
    body = cached(
        session,
        f"overzicht:{grouping}",
        versions.figures(session, today),
        lambda: aggregates.overview(session, grouping, today).model_dump_json(by_alias=True),
    )
    return Overview.model_validate_json(body)


def version(session: Session, today: date) -> str:
    """What the dashboard depends on: the figures, the publications and the day."""
    return "|".join(
        [versions.progress(session), repository.publications_version(session), str(today)]
    )


def trend_version(session: Session, today: date) -> str:
    """The trend's points are figures, so they follow the figures' version."""
    return versions.figures(session, today)


def latest_progress_change(session: Session) -> datetime | None:
    """When progress last changed anywhere: the moment the open data was current."""
    return repository.latest_progress_change(session)


def national(session: Session, today: date) -> GroupFigures:
    return _overview(session, "land", today).groepen[0]


def per_measure(session: Session, today: date) -> list[GroupFigures]:
    return _overview(session, "maatregel", today).groepen


def _point(figures: GroupFigures, day: date) -> TrendPoint:
    return TrendPoint(
        peildatum=day,
        tekort=figures.tekort,
        aandeel_geimplementeerd=figures.aandeel_geimplementeerd,
        gemiddelde_achterstand_dagen=figures.gemiddelde_achterstand_dagen,
    )


def trend(session: Session, today: date) -> list[TrendPoint]:
    # A month that has ended keeps its figures (history is only appended) until an editor
    # moves a legal date; only today's point follows every change.
    dates = repository.dates_version(session)
    points = []
    for day in month_ends(today, TREND_MONTHS):

        def compute(day: date = day) -> str:
            figures = aggregates.overview(session, "land", day, as_of=day).groepen[0]
            return _point(figures, day).model_dump_json(by_alias=True)

        points.append(
            TrendPoint.model_validate_json(cached(session, f"trend:{day}", dates, compute))
        )
    points.append(_point(national(session, today), today))
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
