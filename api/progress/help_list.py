"""The advisors' 'who needs help now' list: every cell late or at risk, by its own progress or
because of ICT (causes.py), most urgent first, each with its causes and the team's last contact
moment (contacts.py); one page as JSON, or every row as a call list (help_export.py)."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session

from api.core.pagination import PageParams
from api.core.schemas import CodeName
from api.core.security import Principal
from api.mail.wording import day_text
from api.progress import policy, repository, selection
from api.progress.causes import Cause, CauseKind, CellKey
from api.progress.contacts import ContactFilter, Latest, last_contact, latest
from api.progress.deadlines import TrafficLight
from api.progress.grid import Fact, Grid, Place, Subject
from api.progress.presenters import next_step
from api.progress.schemas import HelpCause, HelpNeeded


@dataclass(frozen=True, slots=True)
class HelpFilter:
    province: str | None = None
    region: str | None = None
    wave: int | None = None
    measure: str | None = None
    light: TrafficLight | None = None
    """The row's light: the most urgent of its causes, or of the one kind asked for."""
    cause: CauseKind | None = None
    """Only cells with a cause of this kind, each with that cause's light."""
    within_days: int | None = None
    """Only measures that take effect within so many days (or already apply)."""
    contact: ContactFilter = field(default_factory=ContactFilter)
    """Only cells the team contacted (lately), or only those it did not."""
    chances: Callable[[], Mapping[CellKey, float]] | None = None
    """Sort by the forecast's chance of not being implemented by the legal date (forecast.py),
    the highest first, then by urgency; by urgency alone when None."""


@dataclass(frozen=True, slots=True)
class _Row:
    place: Place
    subject: Subject
    fact: Fact
    causes: list[Cause]
    """The most urgent first; never empty."""
    light: TrafficLight
    """The most urgent of the causes the list is for (all, or one kind)."""


def _urgency(row: _Row) -> tuple[bool, int, date, str, str]:
    """Late before at risk, then the least slack, then the earliest effective date."""
    slack = row.fact.verdict.slack_days
    return (
        row.light is not TrafficLight.LATE,
        slack if slack is not None else 0,
        row.subject.effective,
        row.place.code,
        row.subject.code,
    )


def _own_cause(fact: Fact) -> Cause | None:
    """The cell's own progress as a cause, when its light is not on track."""
    verdict = fact.verdict
    if verdict.light is TrafficLight.ON_TRACK:
        return None
    step = verdict.next_step
    if step is None:
        text = "Loopt achter op de routekaart."
    elif verdict.light is TrafficLight.LATE:
        text = (
            f"Stap ‘{step.step.title}’ had uiterlijk {day_text(step.latest_start)} moeten beginnen."
        )
    else:
        text = f"Stap ‘{step.step.title}’ moet uiterlijk {day_text(step.latest_start)} beginnen."
    return Cause(CauseKind.PROGRESS, verdict.light, text)


def _causes(fact: Fact, others: list[Cause]) -> list[Cause]:
    own = _own_cause(fact)
    found = ([own] if own is not None else []) + others
    return sorted(found, key=lambda c: c.light is not TrafficLight.LATE)


def urgent_rows(
    grid: Grid,
    criteria: HelpFilter,
    other_causes: Mapping[CellKey, list[Cause]],
    contacts: Latest,
) -> list[_Row]:
    """Every row of the list, most urgent first. `other_causes`: from `causes.current` for
    today's grid; none for a past reference date (a supplier's readiness has no past state
    kept). `contacts`: the latest contact moment per cell (contacts.latest)."""
    c = criteria
    selection.check(grid, c.province, c.region, c.wave, c.measure)
    horizon = None if c.within_days is None else grid.today + timedelta(c.within_days)
    places = selection.places(grid, c.province, c.region)
    subjects = [
        s
        for s in selection.subjects(grid, c.wave, c.measure)
        if horizon is None or s.effective <= horizon
    ]
    urgent = []
    for place in places:
        for subject in subjects:
            key = place.code, subject.code
            fact = grid.facts[key]
            found = _causes(fact, other_causes.get(key, []))
            counted = [c for c in found if criteria.cause is None or c.kind is criteria.cause]
            if (
                counted
                and (criteria.light is None or counted[0].light is criteria.light)
                and criteria.contact.admits(contacts.get(key), grid.today)
            ):
                urgent.append(_Row(place, subject, fact, found, counted[0].light))
    urgent.sort(key=_urgency)
    if criteria.chances is not None:
        chances = criteria.chances()
        # Stable: equal chances keep their order of urgency.
        urgent.sort(key=lambda row: -chances.get((row.place.code, row.subject.code), 0.0))
    return urgent


def present(session: Session, rows: list[_Row], contacts: Latest) -> list[HelpNeeded]:
    """The rows as the API shows them; contact persons are looked up for their municipalities
    only."""
    people = repository.contacts_by_municipality(session, sorted({r.place.code for r in rows}))
    return [
        HelpNeeded(
            gemeente=CodeName(code=row.place.code, naam=row.place.name),
            maatregel=CodeName(code=row.subject.code, naam=row.subject.title),
            ingangsdatum=row.subject.effective,
            fase=row.fact.phase,
            verkeerslicht=row.light,
            oorzaken=[
                HelpCause(soort=c.kind, verkeerslicht=c.light, toelichting=c.explanation)
                for c in row.causes
            ],
            speling=row.fact.verdict.slack_days,
            volgende_stap=next_step(row.fact.verdict.next_step),
            contactpersonen=[
                CodeName(code=u.email, naam=u.name) for u in people.get(row.place.code, [])
            ],
            laatste_contact=last_contact(contacts.get((row.place.code, row.subject.code))),
        )
        for row in rows
    ]


def help_needed(
    session: Session,
    principal: Principal,
    grid: Grid,
    criteria: HelpFilter,
    page: PageParams | None,
    other_causes: Mapping[CellKey, list[Cause]],
) -> tuple[list[HelpNeeded], int]:
    """One page (or, without `page`, all) of every cell late or at risk, by its own progress or
    by another cause (ICT), of any wave, past or future, most urgent first; and how many there
    are."""
    policy.ensure_programme_team(principal)
    contacts = latest(session)
    urgent = urgent_rows(grid, criteria, other_causes, contacts)
    shown = urgent if page is None else urgent[page.offset : page.offset + page.size]
    return present(session, shown, contacts), len(urgent)
