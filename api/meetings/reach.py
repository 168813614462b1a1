"""The reach of the meetings (programme team): per measure, kind, province and labour-market
region how many meetings there were, how many registered and came, how many municipalities
were reached, and which municipalities were not reached at all in the period.

A municipality is reached by a meeting when someone of hers was present; as long as a meeting
has no attendance recorded (it is still to come, or nobody filled in the list), being
registered counts instead, so a half-year's figures do not wait for the last check-in list."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from api.core import clock
from api.core.opendata import csv_bytes
from api.core.schemas import CodeName
from api.core.security import Principal, require_programme_team
from api.core.text import spreadsheet_cell
from api.core.validation import InvalidParams
from api.meetings import repository_reach as repository
from api.meetings.models import Attendance, Meeting, MeetingKind, RegistrationStatus
from api.meetings.reach_schemas import Reach, ReachGroup, ReachPeriod, UnreachedMunicipality
from api.meetings.repository_reach import Place, Seat

METHOD = (
    "Geteld zijn de bijeenkomsten die in de periode begonnen, behalve geannuleerde. "
    "Aanmeldingen zijn de plaatsen met status 'aangemeld', aanwezig de aanmeldingen met "
    "aanwezigheid 'aanwezig'. Een gemeente is bereikt als iemand van haar aanwezig was; bij een "
    "bijeenkomst waarvan de aanwezigheid nog niet is vastgelegd telt aanmelden als bereik "
    "(hoeveel bijeenkomsten dat zijn staat per groep). Per provincie en arbeidsmarktregio telt "
    "de gemeente waarvoor iemand zich aanmeldde, niet de plaats van de bijeenkomst; een "
    "bijeenkomst telt daar mee als er iemand uit die provincie of regio aangemeld of aanwezig "
    "was."
)


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    """Included."""

    def bounds(self) -> tuple[datetime, datetime]:
        """From the start of its first Dutch day up to the start of the day after its last."""
        return clock.start_of_day(self.start), clock.start_of_day(self.end + timedelta(days=1))


def half_year_of(day: date) -> Period:
    if day.month <= 6:
        return Period(date(day.year, 1, 1), date(day.year, 6, 30))
    return Period(date(day.year, 7, 1), date(day.year, 12, 31))


def period(start: date | None, end: date | None, today: date) -> Period:
    """Without either end the half-year of today; with one end, the rest of that end's
    half-year. 400 when it starts after it ends."""
    if start is None:
        start = half_year_of(end or today).start
    if end is None:
        end = half_year_of(start).end
    if start > end:
        invalid = InvalidParams()
        invalid.add("van", "after_end", "'van' ligt na 'tot'.")
        invalid.raise_if_any()
    return Period(start, end)


def counts(seat: Seat) -> bool:
    """Whether a seat ties its meeting to its municipality's province or region."""
    return seat.status is RegistrationStatus.REGISTERED or seat.attendance is Attendance.PRESENT


def recorded(seats: Iterable[Seat]) -> bool:
    """Whether the meeting's attendance was filled in: of a place that was taken. A late
    cancellation records `laat-afgemeld` on a place given up, which says nothing of who came."""
    return any(
        s.status is RegistrationStatus.REGISTERED and s.attendance is not None for s in seats
    )


def reached_by(seats: list[Seat]) -> set[str]:
    """The municipalities one meeting reached (its seats given)."""
    filled_in = recorded(seats)
    return {
        s.municipality
        for s in seats
        if s.municipality is not None
        and (
            s.attendance is Attendance.PRESENT
            if filled_in
            else s.status is RegistrationStatus.REGISTERED
        )
    }


@dataclass
class _Tally:
    meetings: set[int] = field(default_factory=set)
    unrecorded: set[int] = field(default_factory=set)
    registered: int = 0
    present: int = 0
    reached: set[str] = field(default_factory=set)

    def group(self, group: CodeName, municipalities: int | None = None) -> ReachGroup:
        return ReachGroup(
            groep=group,
            bijeenkomsten=len(self.meetings),
            aanmeldingen=self.registered,
            aanwezig=self.present,
            gemeenten_bereikt=len(self.reached),
            bijeenkomsten_zonder_presentie=len(self.unrecorded),
            gemeenten=municipalities,
        )


@dataclass(frozen=True)
class _Held:
    meeting: Meeting
    seats: list[Seat]
    reached: set[str]
    recorded: bool


def _add(tally: _Tally, held: _Held, seats: Iterable[Seat], reached: set[str]) -> None:
    tally.meetings.add(held.meeting.id)
    if not held.recorded:
        tally.unrecorded.add(held.meeting.id)
    for seat in seats:
        tally.registered += seat.status is RegistrationStatus.REGISTERED
        tally.present += seat.attendance is Attendance.PRESENT
    tally.reached |= reached


def _per_place(
    held: list[_Held], places: dict[str, Place], key: Callable[[Place], str]
) -> dict[str, _Tally]:
    """Each meeting, split by the province or region of the municipalities of its seats."""
    tallies: dict[str, _Tally] = {}
    for h in held:
        by_group: dict[str, list[Seat]] = {}
        for seat in h.seats:
            if seat.municipality is not None and counts(seat):
                by_group.setdefault(key(places[seat.municipality]), []).append(seat)
        for group, seats in by_group.items():
            reached = {m for m in h.reached if key(places[m]) == group}
            _add(tallies.setdefault(group, _Tally()), h, seats, reached)
    return tallies


def kind_label(kind: MeetingKind) -> str:
    return kind.value.replace("-", " ").capitalize()


def reach(
    session: Session, principal: Principal, start: date | None, end: date | None, today: date
) -> Reach:
    require_programme_team(principal, "Het bereik van de bijeenkomsten inzien")
    chosen = period(start, end, today)
    lower, upper = chosen.bounds()
    seats: dict[int, list[Seat]] = {}
    for seat in repository.seats_between(session, lower, upper):
        seats.setdefault(seat.meeting_id, []).append(seat)
    held = []
    for meeting in repository.meetings_between(session, lower, upper):
        own = seats.get(meeting.id, [])
        held.append(_Held(meeting, own, reached_by(own), recorded(own)))
    places = {p.code: p for p in repository.places(session)}

    total = _Tally()
    per_measure: dict[str, _Tally] = {}
    per_kind: dict[MeetingKind, _Tally] = {}
    for h in held:
        _add(total, h, h.seats, h.reached)
        _add(per_kind.setdefault(h.meeting.kind, _Tally()), h, h.seats, h.reached)
        for measure in h.meeting.measures:
            _add(per_measure.setdefault(measure.code, _Tally()), h, h.seats, h.reached)
    per_province = _per_place(held, places, lambda p: p.province)
    per_region = _per_place(held, places, lambda p: p.region)

    provinces = sorted({(p.province, p.province_name) for p in places.values()})
    regions = sorted({(p.region, p.region_name) for p in places.values()})
    size = {
        "province": _sizes(places.values(), lambda p: p.province),
        "region": _sizes(places.values(), lambda p: p.region),
    }
    unreached = sorted(
        (p for p in places.values() if p.code not in total.reached),
        key=lambda p: (-p.population, p.sort_name),
    )
    return Reach(
        periode=ReachPeriod(van=chosen.start, tot=chosen.end),
        methode=METHOD,
        totaal=total.group(CodeName(code="totaal", naam="Alle bijeenkomsten")),
        per_maatregel=[
            per_measure.get(code, _Tally()).group(CodeName(code=code, naam=title))
            for code, title in repository.measures(session)
        ],
        per_soort=[
            per_kind.get(kind, _Tally()).group(CodeName(code=kind.value, naam=kind_label(kind)))
            for kind in MeetingKind
        ],
        per_provincie=[
            per_province.get(code, _Tally()).group(
                CodeName(code=code, naam=name), size["province"][code]
            )
            for code, name in provinces
        ],
        per_arbeidsmarktregio=[
            per_region.get(code, _Tally()).group(
                CodeName(code=code, naam=name), size["region"][code]
            )
            for code, name in regions
        ],
        niet_bereikt=[
            UnreachedMunicipality(
                code=p.code,
                naam=p.name,
                provincie=CodeName(code=p.province, naam=p.province_name),
                arbeidsmarktregio=CodeName(code=p.region, naam=p.region_name),
                inwoners=p.population,
            )
            for p in unreached
        ],
    )


def _sizes(places: Iterable[Place], key: Callable[[Place], str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for place in places:
        found[key(place)] = found.get(key(place), 0) + 1
    return found


CSV_COLUMNS = [
    "groepering",
    "code",
    "naam",
    "bijeenkomsten",
    "aanmeldingen",
    "aanwezig",
    "gemeenten_bereikt",
    "bijeenkomsten_zonder_presentie",
    "provincie",
    "inwoners",
]
UNREACHED = "niet-bereikt"


def to_csv(figures: Reach) -> bytes:
    """One table: a row per group (groepering totaal, maatregel, soort, provincie,
    arbeidsmarktregio), then a row per municipality not reached (groepering niet-bereikt, with
    its province and population)."""
    rows: list[list[object]] = []
    groupings = [
        ("totaal", [figures.totaal]),
        ("maatregel", figures.per_maatregel),
        ("soort", figures.per_soort),
        ("provincie", figures.per_provincie),
        ("arbeidsmarktregio", figures.per_arbeidsmarktregio),
    ]
    for grouping, groups in groupings:
        for g in groups:
            rows.append(
                [
                    grouping,
                    g.groep.code,
                    spreadsheet_cell(g.groep.naam),
                    g.bijeenkomsten,
                    g.aanmeldingen,
                    g.aanwezig,
                    g.gemeenten_bereikt,
                    g.bijeenkomsten_zonder_presentie,
                    None,
                    None,
                ]
            )
    for m in figures.niet_bereikt:
        rows.append(
            [
                UNREACHED,
                m.code,
                spreadsheet_cell(m.naam),
                *[None] * 5,
                spreadsheet_cell(m.provincie.naam),
                m.inwoners,
            ]
        )
    return csv_bytes(CSV_COLUMNS, rows)


def file_name(figures: Reach) -> str:
    return f"bijeenkomsten-bereik-{figures.periode.van}-{figures.periode.tot}"
