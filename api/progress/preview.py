"""What if a date moves: what a change of a measure, a wave or a roadmap would do, before it is
saved. The change itself is made, by the very code that saves it, inside a savepoint that is
always rolled back: so its validation, its events (products flagged for review, notifications)
and the dates it leaves behind are exactly those of saving, and nothing of it stays. The grid
of every cell is then judged twice, on today, with the same stored progress: with the
reference data as it is, and as the change leaves it (grid.judged, the figures' own rules).

What escapes the savepoint: nothing written (rows, data-version counters, audit entries, the
products' flags and change feed all roll back with it; on PostgreSQL its row locks are released
at once), no mail (queued mail of the savepoint is dropped from the session's after-commit
list), and the kept grid of figures is neither read inside the savepoint nor replaced."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import Field
from sqlalchemy import event
from sqlalchemy.orm import Session

from api.accounts import people
from api.core import clock
from api.core.requests import RequestContext
from api.core.schemas import ApiModel, CodeName, OptionalDate
from api.core.security import Principal, require_programme_team
from api.mail import service as mail
from api.measures import editing
from api.measures.service import get_measure, get_wave
from api.notifications.kinds import KINDS, Kind
from api.notifications.models import Notification
from api.notifications.reminders import MUNICIPALITY_WEEKS, PRODUCT_WEEKS
from api.products import delivery
from api.products.presenters import due_date
from api.progress import grid, notices, repository, roadmaps
from api.progress.deadlines import TrafficLight
from api.progress.schemas import RoadmapStepWrite

MAX_CELLS = 100
"""Changed cells listed by default; `aantal` says how many there are in all."""

IMMEDIATELY: Literal["direct"] = "direct"
NEXT_REMINDERS: Literal["volgende-herinnering"] = "volgende-herinnering"


class LightCount(ApiModel):
    verkeerslicht: TrafficLight
    voor: int
    na: int


class ChangedCell(ApiModel):
    gemeente: CodeName
    maatregel: CodeName
    voor: TrafficLight
    na: TrafficLight
    moet_starten_op_voor: OptionalDate
    moet_starten_op_na: OptionalDate


class ChangedCells(ApiModel):
    aantal: int = Field(description="Alle combinaties waarvan het verkeerslicht verandert.")
    resultaten: list[ChangedCell] = Field(
        description="De eerste maxCellen, op naam van de gemeente."
    )


class MovedMeasure(ApiModel):
    maatregel: CodeName
    ingangsdatum_voor: date
    ingangsdatum_na: date


class HelpListChange(ApiModel):
    voor: int
    na: int
    erbij: int
    eraf: int


class ProductChange(ApiModel):
    id: int
    titel: str
    uiterste_leverdatum_voor: OptionalDate
    uiterste_leverdatum_na: OptionalDate
    te_laat_voor: bool
    te_laat_na: bool
    actualiteit_controleren: bool = Field(
        description="Opslaan markeert het product als 'actualiteit controleren' (nu niet)."
    )


class NotificationCount(ApiModel):
    soort: Kind
    moment: Literal["direct", "volgende-herinnering"] = Field(
        description="direct: opslaan maakt ze zelf; volgende-herinnering: de eerstvolgende "
        "dagelijkse herinneringen zouden ze maken, en zonder de wijziging niet."
    )
    aantal: int = Field(description="Hoeveel meldingen.")
    ontvangers: int = Field(description="Aan hoeveel verschillende personen.")


class WhatIf(ApiModel):
    """Wat opslaan zou veranderen; er is niets opgeslagen of verstuurd."""

    peildatum: date = Field(description="Vandaag: de verkeerslichten zoals ze vandaag gelden.")
    maatregelen: list[MovedMeasure] = Field(
        description="Maatregelen waarvan de ingangsdatum schuift."
    )
    verkeerslichten: list[LightCount] = Field(
        description="Per verkeerslicht het aantal combinaties van gemeente en maatregel, nu en na "
        "opslaan."
    )
    cellen: ChangedCells
    hulp_nodig: HelpListChange = Field(
        description="De lijst Hulp nodig zonder filters: nu, na opslaan, erbij en eraf."
    )
    producten: list[ProductChange] = Field(
        description="Producten met een andere leverdatum of die op actualiteit gecontroleerd "
        "moeten worden."
    )
    meldingen: list[NotificationCount]


@dataclass(frozen=True, slots=True)
class _Products:
    """Per product id: title, delivery date, late, needs review."""

    found: dict[int, tuple[str, date | None, bool, bool]]


def _products(session: Session, today: date) -> _Products:
    found = {}
    for standing in delivery.standings(session, today):
        product = standing.product
        due = due_date(product)
        late = not standing.published and due is not None and due < today
        found[product.id] = (product.title, due, late, product.needs_review)
    return _Products(found)


def _owed(session: Session, today: date) -> dict[tuple[int, bool, date], int]:
    """The product reminders the next run would make: occasion → owner."""
    return {
        (o.product_id, o.late, o.due): o.owner_id
        for o in delivery.owed(session, today, PRODUCT_WEEKS)
    }


def _notices(built: grid.Grid, today: date) -> set[tuple[str, str, bool, date]]:
    standing = notices.standing_in(built, today, MUNICIPALITY_WEEKS)
    return {(n.municipality, n.measure, n.late, n.must_start_by) for n in standing.notices}


class _Collected:
    """Notifications the change makes, seen as they are flushed (they are rolled back after)."""

    def __init__(self) -> None:
        self.made: list[tuple[Kind, int]] = []

    def __call__(self, session: Session, *_: object) -> None:
        for instance in session.new:
            if isinstance(instance, Notification):
                self.made.append((instance.kind, instance.user_id))


def _counts(
    kind: Kind, moment: Literal["direct", "volgende-herinnering"], recipients: Iterable[int]
) -> list[NotificationCount]:
    listed = list(recipients)
    if not listed:
        return []
    return [
        NotificationCount(
            soort=kind, moment=moment, aantal=len(listed), ontvangers=len(set(listed))
        )
    ]


def _what_if(session: Session, change: Callable[[], object], limit: int) -> WhatIf:
    today = clock.today()
    stored = repository.phases_and_steps(session)
    before = grid.judged(grid.load_reference(session), today, stored)
    products_before = _products(session, today)
    owed_before = _owed(session, today)
    collected = _Collected()
    event.listen(session, "before_flush", collected)
    with mail.held_back(session):
        savepoint = session.begin_nested()
        try:
            change()
            session.flush()
            after = grid.judged(grid.load_reference(session), today, stored)
            products_after = _products(session, today)
            owed_after = _owed(session, today)
        finally:
            event.remove(session, "before_flush", collected)
            savepoint.rollback()
    found = _compare(
        session, before, after, products_before, products_after, owed_before, owed_after, collected
    )
    cells = found.cellen
    return found.model_copy(
        update={"cellen": ChangedCells(aantal=cells.aantal, resultaten=cells.resultaten[:limit])}
    )


def _compare(
    session: Session,
    before: grid.Grid,
    after: grid.Grid,
    products_before: _Products,
    products_after: _Products,
    owed_before: dict[tuple[int, bool, date], int],
    owed_after: dict[tuple[int, bool, date], int],
    collected: _Collected,
) -> WhatIf:
    today = before.today
    moved = [
        MovedMeasure(
            maatregel=CodeName(code=code, naam=subject.title),
            ingangsdatum_voor=before.subjects[code].effective,
            ingangsdatum_na=subject.effective,
        )
        for code, subject in after.subjects.items()
        if code in before.subjects and before.subjects[code].effective != subject.effective
    ]
    lights = {light: [0, 0] for light in TrafficLight}
    changed: list[tuple[grid.Place, grid.Subject, grid.Fact, grid.Fact]] = []
    for key, new in after.facts.items():
        old = before.facts[key]
        lights[old.verdict.light][0] += 1
        lights[new.verdict.light][1] += 1
        if old.verdict.light is not new.verdict.light:
            changed.append((after.places[key[0]], after.subjects[key[1]], old, new))
    changed.sort(key=lambda c: (c[0].sort_name, c[0].code, c[1].code))
    urgent_before = {
        k for k, f in before.facts.items() if f.verdict.light is not TrafficLight.ON_TRACK
    }
    urgent_after = {
        k for k, f in after.facts.items() if f.verdict.light is not TrafficLight.ON_TRACK
    }
    return WhatIf(
        peildatum=today,
        maatregelen=moved,
        verkeerslichten=[
            LightCount(verkeerslicht=light, voor=n[0], na=n[1]) for light, n in lights.items()
        ],
        cellen=ChangedCells(
            aantal=len(changed),
            resultaten=[
                ChangedCell(
                    gemeente=CodeName(code=place.code, naam=place.name),
                    maatregel=CodeName(code=subject.code, naam=subject.title),
                    voor=old.verdict.light,
                    na=new.verdict.light,
                    moet_starten_op_voor=old.verdict.must_start_by,
                    moet_starten_op_na=new.verdict.must_start_by,
                )
                for place, subject, old, new in changed
            ],
        ),
        hulp_nodig=HelpListChange(
            voor=len(urgent_before),
            na=len(urgent_after),
            erbij=len(urgent_after - urgent_before),
            eraf=len(urgent_before - urgent_after),
        ),
        producten=_product_changes(products_before, products_after),
        meldingen=_notifications(session, before, after, owed_before, owed_after, collected),
    )


def _product_changes(before: _Products, after: _Products) -> list[ProductChange]:
    found = []
    for product_id, (title, due, late, review) in sorted(after.found.items()):
        old = before.found.get(product_id)
        if old is None:
            continue
        _, old_due, old_late, old_review = old
        flagged = review and not old_review
        if (old_due, old_late) == (due, late) and not flagged:
            continue
        found.append(
            ProductChange(
                id=product_id,
                titel=title,
                uiterste_leverdatum_voor=old_due,
                uiterste_leverdatum_na=due,
                te_laat_voor=old_late,
                te_laat_na=late,
                actualiteit_controleren=flagged,
            )
        )
    return found


def _notifications(
    session: Session,
    before: grid.Grid,
    after: grid.Grid,
    owed_before: dict[tuple[int, bool, date], int],
    owed_after: dict[tuple[int, bool, date], int],
    collected: _Collected,
) -> list[NotificationCount]:
    """What saving sends at once (the notifications its events make), and the reminders the
    next daily run would make that it would not have made without the change: a moved date is
    a new occasion (notifications/reminders.py)."""
    found: list[NotificationCount] = []
    by_kind: dict[Kind, list[int]] = {}
    for kind, user_id in collected.made:
        by_kind.setdefault(kind, []).append(user_id)
    for kind, users in sorted(by_kind.items()):
        found += _counts(kind, IMMEDIATELY, users)
    today = before.today
    new_notices = _notices(after, today) - _notices(before, today)
    if new_notices:
        contacts = people.contacts_by_municipality(session)
        found += _counts(
            Kind.MUNICIPALITY_DEADLINE,
            NEXT_REMINDERS,
            (
                person.id
                for municipality, *_ in sorted(new_notices)
                for person in contacts.get(municipality, [])
            ),
        )
    owners = [owner for key, owner in owed_after.items() if key not in owed_before]
    roles = KINDS[Kind.PRODUCT_DUE].roles
    team = {p.id for p in people.active_people(session, owners) if p.roles & roles}
    found += _counts(Kind.PRODUCT_DUE, NEXT_REMINDERS, (o for o in owners if o in team))
    return found


def measure_change(
    session: Session,
    principal: Principal,
    ctx: RequestContext,
    code: str,
    changes: dict[str, Any],
    limit: int = MAX_CELLS,
    if_match: str | None = None,
) -> WhatIf:
    """What `PATCH /maatregelen/{code}` with these changes (and this If-Match) would do."""
    require_programme_team(principal, "Maatregelen wijzigen")
    get_measure(session, code)
    return _what_if(
        session,
        lambda: editing.update_measure(session, principal, ctx, code, changes, if_match),
        limit,
    )


def wave_change(
    session: Session,
    principal: Principal,
    ctx: RequestContext,
    number: int,
    changes: dict[str, Any],
    limit: int = MAX_CELLS,
    if_match: str | None = None,
) -> WhatIf:
    """What `PATCH /fasen/{nummer}` with these changes (and this If-Match) would do."""
    require_programme_team(principal, "Fasen wijzigen")
    get_wave(session, number)
    return _what_if(
        session,
        lambda: editing.update_wave(session, principal, ctx, number, changes, if_match),
        limit,
    )


def roadmap_change(
    session: Session,
    principal: Principal,
    ctx: RequestContext,
    code: str,
    steps: list[RoadmapStepWrite],
    limit: int = MAX_CELLS,
    if_match: str | None = None,
) -> WhatIf:
    """What `PUT /maatregelen/{code}/routekaart` with these steps (and this If-Match) would
    do."""
    require_programme_team(principal, "Routekaarten wijzigen")
    get_measure(session, code)
    return _what_if(
        session,
        lambda: roadmaps.replace_roadmap(session, principal, ctx, code, steps, if_match),
        limit,
    )
