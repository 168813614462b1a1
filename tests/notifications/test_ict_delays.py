"""A supplier's slipped date reaches exactly the contacts of the municipalities whose ICT verdict
got worse, and the editors once; a date that comes earlier, or a report that changes nothing,
tells nobody (docs/ict-readiness.md#notifications)."""

from collections.abc import Callable
from datetime import date, timedelta

import httpx
from fastapi import FastAPI
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api.accounts import people
from api.accounts.models import User, UserRole
from api.core import clock
from api.core.security import Role
from api.ict.models import Application, Usage
from api.municipalities.models import Municipality
from api.notifications.kinds import KINDS, Delivery, Kind
from api.notifications.models import MailState, Notification, NotificationPreference
from api.progress import grid
from api.progress.deadlines import DONE_PHASES
from api.seed.demo_ict import SLIPPED
from tests.auth import EDITOR
from tests.conftest import api_of
from tests.ict.helpers import person, supplier
from tests.ict.test_readiness import brute_force

SEVERITY = {"te-laat-door-ict": 0, "risico-door-ict": 1, "onbekend": 2, "op-tijd": 3}
NO_WAIT = 4


def _rank(verdict: str | None) -> int:
    return SEVERITY[verdict] if verdict is not None else NO_WAIT


MEASURE = "M17"


def _cells(expected: dict[tuple[str, str, int], str]) -> dict[str, str]:
    """Each municipality's worst verdict for the measure, over all its applications."""
    found: dict[str, str] = {}
    for (municipality, measure, _), verdict in expected.items():
        if measure == MEASURE and SEVERITY[verdict] < _rank(found.get(municipality)):
            found[municipality] = verdict
    return found


def _worse(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {
        m
        for m, verdict in after.items()
        if verdict in ("te-laat-door-ict", "risico-door-ict")
        and SEVERITY[verdict] < _rank(before.get(m))
    }


def _contacts_of(db: Session, municipalities: set[str]) -> set[int]:
    contacts = people.contacts_by_municipality(db)
    return {p.id for code in municipalities for p in contacts.get(code, [])}


def _told(db: Session) -> dict[int, Notification]:
    found = db.scalars(select(Notification).where(Notification.kind == Kind.ICT_DELAY)).all()
    by_user = {n.user_id: n for n in found}
    assert len(by_user) == len(found), "one notification per person"
    return by_user


async def test_a_slipped_date_tells_exactly_the_contacts_whose_verdict_got_worse(
    clients: Callable[[], httpx.AsyncClient], db: Session, app: FastAPI
) -> None:
    state = api_of(app).state
    db.execute(delete(Notification))
    application = db.scalar(select(Application).where(Application.name == SLIPPED[0]))
    assert application is not None
    users = sorted(
        set(
            db.scalars(
                select(Usage.municipality_code).where(Usage.application_id == application.id)
            )
        )
    )
    # A contact of her own for every municipality that uses the application, so "exactly"
    # means something; one of them has already implemented the measure.
    contact_of: dict[int, str] = {}
    for code in users:
        user = User(
            email=f"ict-{code.lower()}@test.example",
            name=f"Contact {code}",
            role_rows=[UserRole(role=Role.MUNICIPAL_CONTACT)],
            municipalities=[db.get_one(Municipality, code)],
        )
        db.add(user)
        db.flush()
        contact_of[user.id] = code
        if len(contact_of) % 2:
            db.add(NotificationPreference(user_id=user.id, kind=Kind.ICT_DELAY, delivery="direct"))
    direct = set(list(contact_of)[::2])
    cells = grid.current(db, clock.today(), state)
    done = {c for c in users if cells.facts[c, MEASURE].phase in DONE_PHASES}
    starts = sorted(
        s
        for c in users
        if c not in done and (s := cells.facts[c, MEASURE].verdict.must_start_by) is not None
    )
    assert done, "the demo has users that implemented the measure"
    assert len(starts) > 2, "and users that did not"
    editors = set(
        db.scalars(
            select(User.id)
            .join(UserRole)
            .where(UserRole.role == Role.EDITOR, User.is_active.is_(True))
        )
    )

    # The supplier first plans the release early, then moves it to between the users' dates:
    # some of them can no longer start in time.
    reporter, editor = await supplier(clients), await person(clients)
    url = f"/api/v1/ict/applicaties/{application.id}/gereedheid/{MEASURE}"
    etag = (await reporter.get(url)).headers["etag"]

    async def report(day: date) -> httpx.Response:
        nonlocal etag
        body = {"status": "gepland", "release": "2027.2", "datum": str(day)}
        answer = await reporter.put(url, json=body, headers={"If-Match": etag})
        assert answer.status_code == 200, answer.text
        etag = answer.headers["etag"]
        return answer

    await report(starts[0] - timedelta(days=10))
    db.execute(delete(Notification))
    before = _cells(brute_force(db, state))
    moved_to = starts[len(starts) // 2]
    await report(moved_to)
    after = _cells(brute_force(db, state))
    worse = _worse(before, after)
    assert worse, "the move puts some municipalities at risk"
    assert worse < set(users) - done

    told = _told(db)
    # Every contact of an affected municipality (the demo's own too), and the editors.
    assert set(told) == _contacts_of(db, worse) | editors
    for user_id, code in contact_of.items():
        if code not in worse:
            continue
        line = told[user_id]
        assert line.link == f"/voortgang/gemeenten/{code}"
        assert MEASURE in line.title
        assert application.name in line.text
        assert f"{moved_to:%d-%m-%Y}" in line.text
    summary = told[next(iter(editors))]
    assert summary.link == "/voortgang/hulp-nodig"
    assert str(len(worse)) in summary.title
    # Each as she chose, else in the daily summary (the kind's default).
    assert KINDS[Kind.ICT_DELAY].default is Delivery.DAILY
    for user_id, line in told.items():
        wanted = MailState.DUE if user_id in direct else MailState.IN_NEXT_SUMMARY
        assert line.mail_state is wanted

    # Earlier again, the same report again, and later than the legal date for nobody new:
    # nothing of these tells anyone.
    db.execute(delete(Notification))
    await report(moved_to - timedelta(days=5))
    same = await reporter.put(
        url,
        json={"status": "gepland", "release": "2027.2", "datum": str(moved_to - timedelta(days=5))},
        headers={"If-Match": etag},
    )
    assert same.status_code == 200
    assert same.headers["etag"] == etag, "a report that changes nothing is not recorded"
    assert _told(db) == {}

    # By an editor, past the legal date: now the municipalities go late, the editor herself is
    # not told of her own report.
    legal = cells.subjects[MEASURE].effective
    before = _cells(brute_force(db, state))
    late = await editor.put(
        url,
        json={"status": "gepland", "release": "2027.9", "datum": str(legal + timedelta(days=30))},
        headers={"If-Match": etag},
    )
    assert late.status_code == 200, late.text
    worse = _worse(before, _cells(brute_force(db, state)))
    assert worse
    me = db.scalar(select(User.id).where(User.email == EDITOR))
    assert set(_told(db)) == _contacts_of(db, worse) | (editors - {me})
    assert not {u for u, c in contact_of.items() if c in done} & set(_told(db))
