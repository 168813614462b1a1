"""Invitations where they matter: from a meeting about measure X, invite in one action the
contacts of every municipality that is late or at risk on X.

The traffic lights are the progress figures' own (the kept grid of api/progress/grid.py), so
the list here is the help list's ("hulp nodig") for the meeting's measures, by their own
progress: a municipality late only because of its supplier's release (cause `ict`) has nothing
to catch up at a work session. A person is invited once per meeting: inviting again reaches
only contacts added since, and nobody who already registered or is on the waiting list."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.accounts import people
from api.accounts.models import User
from api.core import clock
from api.core.errors import ConflictError
from api.core.schemas import CodeName
from api.core.security import Principal
from api.core.settings import Settings
from api.mail import service as mail
from api.meetings import calendar, history, mails, policy, repository, service
from api.meetings import repository_reach as reach_repository
from api.meetings.models import Audience, Invitation, Meeting
from api.meetings.reach_schemas import (
    Criterion,
    InvitationPreview,
    InvitationResult,
    InviteeCell,
    InviteeMunicipality,
)
from api.meetings.schemas import PersonRef
from api.progress import grid
from api.progress.deadlines import TrafficLight

ACTION = "Uitnodigen voor een bijeenkomst"
WANTED = {
    "te-laat": frozenset({TrafficLight.LATE}),
    "risico": frozenset({TrafficLight.AT_RISK}),
    "beide": frozenset({TrafficLight.LATE, TrafficLight.AT_RISK}),
}


@dataclass(frozen=True)
class Candidate:
    code: str
    name: str
    reason: TrafficLight
    cells: list[InviteeCell]
    contacts: list[User]


def _meeting(session: Session, meeting_id: int, *, lock: bool = False) -> Meeting:
    if not lock:
        return service.get(session, meeting_id)
    found = repository.get_for_update(session, meeting_id)
    if found is None:
        raise policy.not_found(meeting_id)
    return found


def refusal(meeting: Meeting, now: datetime) -> str | None:
    """Why this meeting takes no invitations now, or None when it does."""
    if meeting.audience is Audience.CHAIN_PARTNERS:
        return "Deze bijeenkomst is voor ketenpartners; gemeenten uitnodigen kan niet."
    if not service.registration_possible(meeting, now):
        return "Uitnodigen kan alleen bij een open of volle bijeenkomst waarvoor aanmelden nog kan."
    return None


def candidates(
    session: Session, state: State, meeting: Meeting, criterion: Criterion, today: date
) -> list[Candidate]:
    """Every municipality whose cell on one of the meeting's measures has a wanted light, with
    its contacts not yet invited and not registered; late first, then by name."""
    cells = grid.current(session, today, state)
    wanted = WANTED[criterion]
    invited = reach_repository.invited(session, meeting.id)
    users, emails = reach_repository.registered(session, meeting.id)
    contacts = people.contacts_by_municipality(session)
    found: list[tuple[str, Candidate]] = []
    for place in cells.places.values():
        states = [
            InviteeCell(
                maatregel=CodeName(code=m.code, naam=m.title),
                fase=fact.phase,
                verkeerslicht=fact.verdict.light,
            )
            for m in meeting.measures
            if (fact := cells.facts.get((place.code, m.code))) is not None
        ]
        lights = {s.verkeerslicht for s in states} & wanted
        if not lights:
            continue
        found.append(
            (
                place.sort_name,
                Candidate(
                    place.code,
                    place.name,
                    TrafficLight.LATE if TrafficLight.LATE in lights else TrafficLight.AT_RISK,
                    states,
                    [
                        person
                        for person in contacts.get(place.code, [])
                        if person.id not in invited
                        and person.id not in users
                        and person.email.lower() not in emails
                    ],
                ),
            )
        )
    found.sort(key=lambda item: (item[1].reason is not TrafficLight.LATE, item[0]))
    # A contact of several municipalities is invited once, for the most urgent of them.
    seen: set[int] = set()
    for _, candidate in found:
        candidate.contacts[:] = [p for p in candidate.contacts if p.id not in seen]
        seen.update(p.id for p in candidate.contacts)
    return [candidate for _, candidate in found]


def preview(
    session: Session, state: State, principal: Principal, meeting_id: int, criterion: Criterion
) -> InvitationPreview:
    policy.require_team(principal, ACTION)
    meeting = _meeting(session, meeting_id)
    today = clock.today()
    found = candidates(session, state, meeting, criterion, today)
    return InvitationPreview(
        criterium=criterion,
        peildatum=today,
        uitnodigen_mogelijk=refusal(meeting, clock.now()) is None,
        gemeenten=[
            InviteeMunicipality(
                gemeente=CodeName(code=c.code, naam=c.name),
                reden=c.reason.value,
                cellen=c.cells,
                contactpersonen=[PersonRef(id=p.id, naam=p.name) for p in c.contacts],
            )
            for c in found
        ],
        aantal_gemeenten=len(found),
        aantal_contactpersonen=sum(len(c.contacts) for c in found),
    )


def invite(
    session: Session,
    state: State,
    settings: Settings,
    principal: Principal,
    meeting_id: int,
    criterion: Criterion,
) -> InvitationResult:
    policy.require_team(principal, ACTION)
    # Locked: two rounds at once would both find the same person not yet invited.
    meeting = _meeting(session, meeting_id, lock=True)
    now = clock.now()
    refused = refusal(meeting, now)
    if refused is not None:
        raise ConflictError(refused)
    found = [c for c in candidates(session, state, meeting, criterion, clock.today()) if c.contacts]
    invitations = [
        Invitation(
            meeting_id=meeting.id,
            user_id=person.id,
            municipality_code=c.code,
            reason=c.reason.value,
            invited_by=principal.user_id,
            invited_at=now,
        )
        for c in found
        for person in c.contacts
    ]
    reach_repository.add_invitations(session, invitations)
    for c in found:
        for person in c.contacts:
            subject, body = invitation_mail(meeting, c, person.name, settings.public_url)
            mail.send(session, settings, to=person.email, subject=subject, body=body)
    result = InvitationResult(uitgenodigd=len(invitations), gemeenten=len(found))
    history.record(
        session,
        meeting,
        "uitgenodigd",
        principal.subject,
        {"criterium": criterion, "uitgenodigd": result.uitgenodigd, "gemeenten": result.gemeenten},
    )
    return result


def _why(candidate: Candidate) -> str:
    late = [s.maatregel.naam for s in candidate.cells if s.verkeerslicht is TrafficLight.LATE]
    at_risk = [s.maatregel.naam for s in candidate.cells if s.verkeerslicht is TrafficLight.AT_RISK]
    parts = []
    if late and candidate.reason is TrafficLight.LATE:
        parts.append(f"loopt achter op {', '.join(late)}")
    if at_risk:
        parts.append(f"loopt risico op {', '.join(at_risk)}")
    return f"{candidate.name} {' en '.join(parts)}, volgens de voortgang die de gemeente doorgeeft."


def invitation_mail(
    meeting: Meeting, candidate: Candidate, name: str, base: str
) -> tuple[str, str]:
    start = meeting.starts_at.astimezone(clock.AMSTERDAM)
    end = meeting.ends_at.astimezone(clock.AMSTERDAM)
    where = "online" if meeting.is_online else (meeting.venue or meeting.address or "")
    body = (
        f"Beste {name},\n\n"
        f"U bent uitgenodigd voor “{meeting.title}”, op {mails.dutch_day(meeting.starts_at)} van "
        f"{start:%H:%M} tot {end:%H:%M} (Nederlandse tijd){', ' + where if where else ''}.\n\n"
        f"Waarom u: {_why(candidate)} Deze bijeenkomst gaat daarover; daarom nodigt het "
        f"programmateam de contactpersonen van {candidate.name} uit.\n\n"
        f"Meer weten en aanmelden: {calendar.meeting_page(base, meeting.id)}\n\n"
        "Met vriendelijke groet,\nHet programmateam Participatiewet in balans\n"
    )
    return f"Uitnodiging: {meeting.title}", body
