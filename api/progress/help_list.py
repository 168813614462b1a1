"""The advisors' 'who needs help now' list: every late or at-risk cell, most urgent first."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from api.core.pagination import PageParams
from api.core.schemas import CodeName
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.progress import policy, repository
from api.progress.deadlines import TrafficLight
from api.progress.grid import Fact, Grid, Place, Subject
from api.progress.presenters import next_step
from api.progress.schemas import HelpNeeded


@dataclass(frozen=True, slots=True)
class HelpFilter:
    province: str | None = None
    region: str | None = None
    wave: int | None = None
    measure: str | None = None
    light: TrafficLight | None = None
    within_days: int | None = None
    """Only measures that take effect within so many days (or already apply)."""


def _urgency(item: tuple[Place, Subject, Fact]) -> tuple[bool, int, date, str, str]:
    """Late before at risk, then the least slack, then the earliest effective date."""
    place, subject, fact = item
    slack = fact.verdict.slack_days
    return (
        fact.verdict.light is not TrafficLight.LATE,
        slack if slack is not None else 0,
        subject.effective,
        place.code,
        subject.code,
    )


def _check(grid: Grid, criteria: HelpFilter) -> None:
    places, subjects = grid.places.values(), grid.subjects.values()
    invalid = InvalidParams()
    invalid.unknown("provincie", criteria.province, lambda: {p.province for p in places})
    invalid.unknown("arbeidsmarktregio", criteria.region, lambda: {p.region for p in places})
    invalid.unknown("fase", criteria.wave, lambda: {s.wave for s in subjects})
    invalid.unknown("maatregel", criteria.measure, lambda: {s.code for s in subjects})
    invalid.raise_if_any()


def help_needed(
    session: Session, principal: Principal, grid: Grid, criteria: HelpFilter, page: PageParams
) -> tuple[list[HelpNeeded], int]:
    """One page of every late or at-risk cell, of any wave, past or future, most urgent first;
    and how many there are. Contacts are looked up for the page's municipalities only."""
    policy.ensure_programme_team(principal)
    _check(grid, criteria)
    today = grid.today
    horizon = None if criteria.within_days is None else today + timedelta(criteria.within_days)
    places = [
        p
        for p in grid.places.values()
        if (criteria.province is None or p.province == criteria.province)
        and (criteria.region is None or p.region == criteria.region)
    ]
    subjects = [
        s
        for s in grid.subjects.values()
        if (criteria.wave is None or s.wave == criteria.wave)
        and (criteria.measure is None or s.code == criteria.measure)
        and (horizon is None or s.effective <= horizon)
    ]
    urgent = [
        (place, subject, fact)
        for place in places
        for subject in subjects
        if (fact := grid.facts[place.code, subject.code]).verdict.light is not TrafficLight.ON_TRACK
        and (criteria.light is None or fact.verdict.light is criteria.light)
    ]
    urgent.sort(key=_urgency)
    shown = urgent[page.offset : page.offset + page.size]
    contacts = repository.contacts_by_municipality(session, sorted({p.code for p, _, _ in shown}))
    return [
        HelpNeeded(
            gemeente=CodeName(code=place.code, naam=place.name),
            maatregel=CodeName(code=subject.code, naam=subject.title),
            ingangsdatum=subject.effective,
            fase=fact.phase,
            verkeerslicht=fact.verdict.light,
            speling=fact.verdict.slack_days,
            volgende_stap=next_step(fact.verdict.next_step),
            contactpersonen=[
                CodeName(code=u.email, naam=u.name) for u in contacts.get(place.code, [])
            ],
        )
        for place, subject, fact in shown
    ], len(urgent)
