"""Reminders the scheduled jobs make once a day (api/jobs): what falls due soon or is late,
for the person who must act. Each is made once per person and occasion (the occasion names
the thing and its date), so running a job twice, or two schedulers at once, tells nobody
twice; a date that moves is a new occasion."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from api.accounts import people
from api.accounts.models import User
from api.core import clock
from api.core.dutch import plural
from api.core.security import Role
from api.core.settings import Settings
from api.notifications.kinds import Kind
from api.notifications.service import Message, notify
from api.products import delivery
from api.progress import notices
from api.questions import deadlines, faq

PRODUCT_WEEKS = 2
"""An owner hears of a product due within this many weeks (and of one that is late)."""
MUNICIPALITY_WEEKS = 6
"""A contact hears of a measure her municipality must start on within this many weeks."""
TEAM_LEAD_AFTER = 2
"""Working days a question may be late before the team's admins hear of it too (at once when
nobody has it)."""
NEW_HELP_DAYS = 7
"""Products and FAQ answers published this many days back still count as new (a missed run
catches up)."""


def _by_id(found: list[User]) -> dict[int, User]:
    return {person.id: person for person in found}


def _one(found: dict[int, User], person_id: int | None) -> list[User]:
    return [found[person_id]] if person_id in found else []


def _date(day: date) -> str:
    return f"{day:%d-%m-%Y}"


def product_deadlines(session: Session, settings: Settings, today: date) -> str:
    made = 0
    all_owed = delivery.owed(session, today, PRODUCT_WEEKS)
    owners = _by_id(people.active_people(session, {o.owner_id for o in all_owed}))
    for owed in all_owed:
        if owed.late:
            title = f"Te laat: {owed.title}"
            text = f"De uiterste leverdatum van '{owed.title}' was {_date(owed.due)}."
        else:
            title = f"Binnenkort te leveren: {owed.title}"
            text = f"'{owed.title}' moet uiterlijk {_date(owed.due)} gepubliceerd zijn."
        state = "te-laat" if owed.late else "bijna"
        made += len(
            notify(
                session,
                Kind.PRODUCT_DUE,
                _one(owners, owed.owner_id),
                Message(
                    title,
                    text,
                    f"/producten/{owed.product_id}",
                    occasion=f"product:{owed.product_id}:{state}:{owed.due}",
                ),
            )
        )
    return f"{plural(made, 'herinnering', 'herinneringen')} over leverdata"


@dataclass(frozen=True, slots=True)
class _Help:
    """A new product or FAQ answer, for the municipalities behind on one of its measures."""

    title: str
    text: str
    link: str
    occasion: str
    measures: frozenset[str]


def _new_help(session: Session, since: datetime) -> list[_Help]:
    products = [
        _Help(
            f"Nieuw product voor uw gemeente: {p.title}",
            f"'{p.title}' helpt bij een maatregel waarmee uw gemeente achterloopt.",
            f"/producten/{p.product_id}",
            f"product:{p.product_id}:{p.version}",
            p.measures,
        )
        for p in delivery.published_since(session, since)
    ]
    answers = [
        _Help(
            "Nieuw antwoord in de veelgestelde vragen",
            f"'{e.question}' is beantwoord, bij een maatregel waarmee uw gemeente achterloopt.",
            f"/faq/{e.faq_id}",
            f"faq:{e.faq_id}",
            e.measures,
        )
        for e in faq.new_since(session, since)
    ]
    return products + answers


def municipality_deadlines(session: Session, settings: Settings, today: date) -> str:
    standing = notices.standing(session, today, MUNICIPALITY_WEEKS)
    contacts = people.contacts_by_municipality(session)
    made = 0
    for notice in standing.notices:
        link = f"/voortgang/gemeenten/{notice.municipality}/{notice.measure}"
        if notice.late:
            message = Message(
                f"Achter op schema: {notice.measure} {notice.measure_title}",
                f"Uw gemeente loopt achter met {notice.measure_title}: een stap van de "
                "routekaart had al klaar moeten zijn.",
                link,
                occasion=f"gemeente:{notice.municipality}:{notice.measure}:te-laat:"
                f"{notice.must_start_by}",
            )
        else:
            message = Message(
                f"Starten vóór {_date(notice.must_start_by)}: {notice.measure}",
                f"Uw gemeente moet uiterlijk {_date(notice.must_start_by)} beginnen met "
                f"{notice.measure_title} om op tijd klaar te zijn.",
                link,
                occasion=f"gemeente:{notice.municipality}:{notice.measure}:starten:"
                f"{notice.must_start_by}",
            )
        made += len(
            notify(
                session, Kind.MUNICIPALITY_DEADLINE, contacts.get(notice.municipality, []), message
            )
        )
    since = clock.start_of_day(today - timedelta(days=NEW_HELP_DAYS))
    for help_ in _new_help(session, since):
        behind = set().union(*(standing.behind.get(m, set()) for m in help_.measures))
        for municipality in sorted(behind):
            message = Message(
                help_.title,
                help_.text,
                help_.link,
                occasion=f"gemeente:{municipality}:{help_.occasion}",
            )
            made += len(
                notify(session, Kind.MUNICIPALITY_DEADLINE, contacts.get(municipality, []), message)
            )
    return f"{plural(made, 'melding', 'meldingen')} over termijnen van gemeenten"


def question_deadlines(session: Session, settings: Settings, today: date) -> str:
    questions, requests = deadlines.falling_due(session, settings, today)
    made = 0
    advisors = _by_id(people.active_people(session, {q.assignee_id for q in questions}))
    admins = people.active_with_role(session, Role.ADMIN) if questions else []
    experts = {
        organisation: people.active_with_role(session, Role.EXPERT, organisation=organisation)
        for organisation in {r.organisation for r in requests}
    }
    for due in questions:
        state = "te-laat" if due.late_by else "bijna"
        link = f"/vragen/{due.question_id}"
        if due.late_by:
            title = f"Vraag {due.question_id} is over de termijn"
            text = f"'{due.subject}' had uiterlijk {_date(due.due)} beantwoord moeten zijn."
        else:
            title = f"Vraag {due.question_id} moet uiterlijk {_date(due.due)} beantwoord zijn"
            text = f"De termijn van '{due.subject}' verloopt bijna."
        occasion = f"vraag:{due.question_id}:{state}:{due.due}"
        made += len(
            notify(
                session,
                Kind.QUESTION_DUE,
                _one(advisors, due.assignee_id),
                Message(title, text, link, occasion=occasion),
            )
        )
        if due.late_by >= TEAM_LEAD_AFTER or (due.late_by and due.assignee_id is None):
            made += len(
                notify(
                    session,
                    Kind.QUESTION_DUE,
                    admins,
                    Message(
                        title,
                        text + (" Niemand behandelt haar." if due.assignee_id is None else ""),
                        link,
                        occasion=f"vraag:{due.question_id}:teamleider:{due.due}",
                    ),
                )
            )
    for due in requests:
        state = "te-laat" if due.late_by else "bijna"
        made += len(
            notify(
                session,
                Kind.QUESTION_DUE,
                experts[due.organisation],
                Message(
                    f"Voorgelegde vraag: antwoord uiterlijk {_date(due.due)}",
                    f"Het implementatieteam wacht op uw antwoord op '{due.subject}'.",
                    f"/expertvragen/{due.request_id}",
                    occasion=f"expertvraag:{due.request_id}:{state}:{due.due}",
                ),
            )
        )
    return f"{plural(made, 'herinnering', 'herinneringen')} over vragen"
