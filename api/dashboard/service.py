"""The public dashboard: the waves on a timeline, national progress per measure, the deficit and
its trend, and what was published last. Today's figures come from the progress grid (kept per
process, patched per write); the trend's past months are cached in the database per version of
the dates they depend on."""

import calendar
import json
from datetime import date, datetime, timedelta

from pydantic import TypeAdapter
from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.core import clock, data_versions
from api.core.data_versions import Reader
from api.core.errors import NotFoundError
from api.core.figure_cache import prefetch, store, valid
from api.core.kept import kept_part
from api.dashboard import repository
from api.dashboard.schemas import (
    MunicipalityTrendPoint,
    NewFaq,
    NewProduct,
    TrendPoint,
    WaveMoment,
)
from api.progress import aggregates, done_counts, versions
from api.progress.change import previous_period_end, with_change
from api.progress.grid import NETHERLANDS, Grid, Tally, total
from api.progress.schemas import FiguresWithChange, GroupFigures

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


def publications_version(reader: Reader) -> str:
    """Every change the products' feed numbers, every write to the FAQ."""
    return data_versions.key(reader, data_versions.PRODUCT_CHANGES, data_versions.FAQ)


def version(reader: Reader, today: date) -> str:
    """What the dashboard depends on: the figures, the publications and the day. Counters only,
    so a round of core/kept.py reads it with the others in one query."""
    return "|".join([versions.progress(reader), publications_version(reader), str(today)])


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


def with_changes(
    session: Session, cells: Grid
) -> tuple[FiguresWithChange, list[FiguresWithChange]]:
    """The national and per-measure figures, each beside its figures at the end of last month.
    A past day's figures are kept in the database per version of the reference data
    (aggregates.past_overviews), so after the first request of a month this reads two rows."""
    day = previous_period_end(cells.today)
    before = aggregates.past_overviews(session, ["land", "maatregel"], day)
    country = with_change(national(cells), before["land"].groepen[0], day)
    measures = {g.groep.code: g for g in before["maatregel"].groepen}
    return country, [with_change(now, measures[now.groep.code], day) for now in per_measure(cells)]


def _point(figures: GroupFigures, day: date) -> TrendPoint:
    return TrendPoint(
        peildatum=day,
        tekort=figures.tekort,
        aandeel_geimplementeerd=figures.aandeel_geimplementeerd,
        gemiddelde_achterstand_dagen=figures.gemiddelde_achterstand_dagen,
    )


_NATIONAL, _MUNICIPAL = "trend", "trend-gemeenten"


def _month_ends_kept(session: Session, today: date) -> dict[str, dict[date, str]]:
    """The national trend point and every municipality's counts at each of the last twelve
    month ends, as kept in the database. A month that has ended keeps its figures (history is
    only appended) until an editor moves a legal date. The months not kept are computed
    together, in one pass over the history, and both kinds are kept from that pass: the
    dashboard's trend and a municipality's page never pay for the same history twice."""
    dates = repository.dates_version(session)
    days = month_ends(today, TREND_MONTHS)
    keys = {kind: {day: f"{kind}:{day}" for day in days} for kind in (_NATIONAL, _MUNICIPAL)}
    prefetch(session, [key for per_day in keys.values() for key in per_day.values()])
    bodies: dict[str, dict[date, str]] = {_NATIONAL: {}, _MUNICIPAL: {}}
    for kind, per_day in keys.items():
        for day, key in per_day.items():
            if (body := valid(session, key, dates)) is not None:
                bodies[kind][day] = body
    missing = [day for day in days if any(day not in found for found in bodies.values())]
    # Neither kind needs a cell's verdict: counted, not judged.
    for then in done_counts.at_ends_of(session, missing):
        day = then.today
        made = {
            _NATIONAL: _point(then.country().figures(NETHERLANDS), day).model_dump_json(
                by_alias=True
            ),
            _MUNICIPAL: json.dumps({c: _counts(t) for c, t in then.places.items()}),
        }
        for kind, body in made.items():
            if day not in bodies[kind]:
                bodies[kind][day] = body
                store(session, keys[kind][day], dates, body)
    return bodies


def trend(session: Session, cells: Grid) -> list[TrendPoint]:
    """The national figures at each of the last twelve month ends, and today's."""
    bodies = _month_ends_kept(session, cells.today)[_NATIONAL]
    points = [TrendPoint.model_validate_json(bodies[day]) for day in sorted(bodies)]
    points.append(_point(national(cells), cells.today))
    return points


def _shares_when_in_force(
    session: Session, cells: Grid, moments: list[WaveMoment]
) -> dict[int, float | None]:
    """Each wave's share implemented by its legal date, for the waves in force: at the end of
    the day before it, the figure its target is measured by (the wave's share in the overview
    per wave of that day). Kept in the database per version of the reference data, like any
    past day's figures; a share needs no verdict, only the wave's done cells, so the database
    counts them (done_counts)."""
    version = data_versions.key(session, data_versions.REFERENCE)
    due = [m for m in moments if m.ingangsdatum <= cells.today]
    days = {m.nummer: m.ingangsdatum - timedelta(days=1) for m in due}
    keys = {wave: f"aandeel-op-ingangsdatum:{wave}:{day}" for wave, day in days.items()}
    prefetch(session, list(keys.values()))
    shares = {}
    for wave, day in days.items():
        body = valid(session, keys[wave], version)
        if body is None:
            body = json.dumps(_share_at_end_of(session, cells, wave, day))
            store(session, keys[wave], version, body)
        shares[wave] = json.loads(body)
    return shares


def _share_at_end_of(session: Session, cells: Grid, wave: int, day: date) -> float | None:
    """The wave's share in the overview per wave at the end of `day`; None for a wave without
    measures, which the overview has no group for."""
    chosen = [s for s in cells.subjects.values() if s.wave == wave]
    if not chosen:
        return None
    tallies = done_counts.measures_at_end_of(session, day, len(cells.places), chosen)
    return total(tallies.values()).figures(NETHERLANDS).aandeel_geimplementeerd


def waves(session: Session, today: date) -> list[WaveMoment]:
    """The waves on the timeline, with their targets; `with_wave_figures` adds how far they
    are."""
    published = repository.published_products_per_wave(session)
    return [
        WaveMoment(
            nummer=w.number,
            naam=w.name,
            ingangsdatum=w.legal_effective_date,
            dagen_tot_ingang=(w.legal_effective_date - today).days,
            producten_gereed_op=w.products_due,
            gepubliceerde_producten=published.get(w.number, 0),
            doel=None if w.target is None else w.target / 100,
        )
        for w in repository.waves(session)
    ]


def with_wave_figures(session: Session, cells: Grid, moments: list[WaveMoment]) -> list[WaveMoment]:
    """Each wave's share implemented now, and by its legal date to hold beside its target."""
    now = {g.groep.code: g for g in aggregates.overview(cells, "fase").groepen}
    when_in_force = _shares_when_in_force(session, cells, moments)
    shown = []
    for moment in moments:
        then = when_in_force.get(moment.nummer)
        figures = now.get(str(moment.nummer))
        shown.append(
            moment.model_copy(
                update={
                    "aandeel_geimplementeerd": figures.aandeel_geimplementeerd if figures else None,
                    "aandeel_op_ingangsdatum": then,
                    "doel_gehaald": None
                    if moment.doel is None or then is None
                    else then >= moment.doel,
                }
            )
        )
    return shown


_WAVES = TypeAdapter(list[WaveMoment])
_NEWEST = TypeAdapter(tuple[list[NewProduct], list[NewFaq]])


def kept_waves(session: Session, state: State, today: date) -> list[WaveMoment]:
    """`waves`, kept per process per version of the reference data and the products and per
    day: a change of progress makes the dashboard again, but not its timeline."""
    depends = data_versions.key(session, data_versions.REFERENCE, data_versions.PRODUCT_CHANGES)
    return kept_part(
        state, f"dashboard-fasen:{depends}|{today}", _WAVES, lambda: waves(session, today)
    )


def kept_newest(session: Session, state: State) -> tuple[list[NewProduct], list[NewFaq]]:
    """The newest products and FAQ entries, kept per process per version of the publications:
    after a change of progress they were a third of the dashboard's build (five queries), and
    they do not depend on progress."""
    return kept_part(
        state,
        f"dashboard-nieuwste:{publications_version(session)}",
        _NEWEST,
        lambda: (newest_products(session), newest_faq(session)),
    )


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


def _counts(tally: Tally) -> list[int]:
    return [tally.cells, tally.done, tally.in_force, tally.behind]


def _municipality_point(day: date, counts: list[int]) -> MunicipalityTrendPoint:
    cells, done, in_force, behind = counts
    return MunicipalityTrendPoint(
        peildatum=day,
        cellen=cells,
        geimplementeerd=done,
        aandeel_geimplementeerd=round(done / cells, 4) if cells else 0.0,
        tekort=round(behind / in_force, 4) if in_force else None,
    )


def municipality_trend(session: Session, cells: Grid, code: str) -> list[MunicipalityTrendPoint]:
    """A municipality's share implemented at the end of each of the last twelve months, and
    today. A month that has ended is kept for every municipality at once (one cached entry per
    month, valid until a legal date moves, made in the national trend's pass), so each
    municipality's page after the first costs a few rows' read."""
    if code not in cells.places:
        raise NotFoundError(f"Gemeente {code} bestaat niet.")
    counts = {
        day: json.loads(body)
        for day, body in _month_ends_kept(session, cells.today)[_MUNICIPAL].items()
    }
    points = [
        _municipality_point(day, counts[day][code]) for day in sorted(counts) if code in counts[day]
    ]
    points.append(_municipality_point(cells.today, _counts(cells.place_totals[code])))
    return points


def last_reported(session: Session, code: str) -> datetime | None:
    return repository.last_reported(session, code)
