"""A municipality's activity beside its progress, for its page: its contact persons, the
meetings it registered for, its questions and its signals, each read through the owning
domain's services."""

from datetime import datetime

from sqlalchemy.orm import Session

from api.core.errors import NotFoundError
from api.core.pagination import PageParams
from api.core.schemas import CodeName
from api.core.security import Principal
from api.core.settings import Settings
from api.meetings import of_municipality as meetings
from api.municipalities.models import Municipality
from api.progress import policy, repository
from api.progress.activity_schemas import (
    Activity,
    ActivityMeeting,
    ActivityQuestion,
    ActivitySignal,
)
from api.questions import queue
from api.questions.vocabulary import QuestionFilter
from api.signals import of_municipality as signals

LATEST = 5
"""Rows per list: the latest few; the domain's own screen has the rest."""


def _not_found(code: str) -> NotFoundError:
    # As for its progress: another municipality answers as one that does not exist.
    return NotFoundError(f"Geen gemeente {code} gevonden.")


def _meeting(m: meetings.RegisteredMeeting) -> ActivityMeeting:
    return ActivityMeeting(
        id=m.id,
        titel=m.title,
        begin=m.starts_at,
        status=m.status,
        plaatsen=m.places,
        wachtlijst=m.waiting,
    )


def activity(
    session: Session, settings: Settings, principal: Principal, code: str, now: datetime
) -> Activity:
    """The programme team, or the municipality's own contact persons (a contact sees only her
    own questions, as in her inbox)."""
    policy.ensure_person_can_read(principal, code)
    municipality = session.get(Municipality, code)
    if municipality is None:
        raise _not_found(code)
    people = repository.contacts_by_municipality(session, [code]).get(code, [])
    coming, past = meetings.registered_for(session, code, now)
    questions, question_total = queue.find(
        session,
        settings,
        principal,
        QuestionFilter(municipality=code),
        None,
        "-ontvangenOp",
        PageParams(1, LATEST),
    )
    found_signals, signal_total = signals.latest(session, principal, code, LATEST)
    return Activity(
        gemeente=CodeName(code=municipality.code, naam=municipality.name),
        contactpersonen=[CodeName(code=u.email, naam=u.name) for u in people],
        komende_bijeenkomsten=[_meeting(m) for m in coming[:LATEST]],
        afgelopen_bijeenkomsten=[_meeting(m) for m in past[:LATEST]],
        vragen=[
            ActivityQuestion(
                id=q.id, onderwerp=q.subject, status=q.status, ontvangen_op=q.received_at
            )
            for q in questions
        ],
        vragen_totaal=question_total,
        signalen=[
            ActivitySignal(
                id=s.id, titel=s.title, soort=s.kind, status=s.status, gemeld_op=s.created_at
            )
            for s in found_signals
        ],
        signalen_totaal=signal_total,
    )
