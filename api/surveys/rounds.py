"""Rounds of the survey: an editor creates one, previews whom it will invite, and sends it.

Every active municipal contact is invited once per round, for herself: a contact of a shared
service who speaks for several municipalities gets one invitation, counted under the first of
her municipalities (by CBS code), so her answers are not counted twice. Sending again invites
only the contacts added since; the unique (round, person) key backs that up."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from api.accounts import people
from api.accounts.models import User
from api.accounts.secrets import hash_token, new_token
from api.audit import service as audit
from api.core import clock
from api.core.errors import ConflictError, NotFoundError
from api.core.requests import RequestContext
from api.core.security import Principal, Role
from api.core.settings import Settings
from api.core.validation import InvalidParams
from api.mail import service as mail
from api.surveys import repository
from api.surveys.models import Invitation, RoundQuestion, RoundStatus, SurveyQuestion, SurveyRound
from api.surveys.policy import require_team


def not_found(round_id: int) -> NotFoundError:
    return NotFoundError(f"Peilingronde {round_id} bestaat niet.")


def get(session: Session, principal: Principal, round_id: int) -> SurveyRound:
    require_team(principal)
    found = repository.round_(session, round_id)
    if found is None:
        raise not_found(round_id)
    return found


def listing(session: Session, principal: Principal) -> list[SurveyRound]:
    require_team(principal)
    return repository.rounds(session)


def questions_of(session: Session, round_: SurveyRound) -> list[SurveyQuestion]:
    """What the round asks: its own questions once sent, the active ones before."""
    if round_.status == RoundStatus.DRAFT:
        return repository.questions(session, active_only=True)
    return repository.round_questions(session, round_.id)


@dataclass(frozen=True)
class NewRound:
    title: str
    period: str
    opens_on: date
    closes_on: date
    remind_after_days: int


def create(
    session: Session, ctx: RequestContext, principal: Principal, new: NewRound
) -> SurveyRound:
    require_team(principal)
    invalid = InvalidParams()
    if new.closes_on <= new.opens_on:
        invalid.add("sluitOp", "invalid", "Kies een sluitingsdatum na de openingsdatum.", "body")
    if new.closes_on < clock.today():
        invalid.add("sluitOp", "invalid", "De sluitingsdatum ligt in het verleden.", "body")
    if new.remind_after_days >= (new.closes_on - new.opens_on).days > 0:
        invalid.add(
            "herinnerNaDagen",
            "invalid",
            "De herinnering moet vóór de sluitingsdatum komen.",
            "body",
        )
    invalid.raise_if_any()
    if repository.round_by_period(session, new.period) is not None:
        raise ConflictError(f"Er is al een peilingronde voor de periode {new.period}.")
    created = SurveyRound(
        title=new.title.strip(),
        period=new.period,
        opens_on=new.opens_on,
        closes_on=new.closes_on,
        remind_after_days=new.remind_after_days,
        created_by=principal.user_id,
    )
    session.add(created)
    session.flush()
    audit.record(
        session,
        ctx,
        "peiling.ronde-aangemaakt",
        actor=principal.subject,
        subject=f"ronde:{created.id}",
    )
    return created


@dataclass(frozen=True)
class Invitee:
    user: User
    municipality: str


def _invitees(session: Session) -> list[Invitee]:
    found = []
    for person in people.active_with_role(session, Role.MUNICIPAL_CONTACT):
        codes = sorted(m.code for m in person.municipalities)
        if codes:
            found.append(Invitee(person, codes[0]))
    return found


@dataclass(frozen=True)
class Preview:
    to_invite: list[Invitee]
    already_invited: int
    names: dict[str, str]
    """Municipality names by code."""


def preview(session: Session, principal: Principal, round_id: int) -> Preview:
    round_ = get(session, principal, round_id)
    invited = repository.invited_user_ids(session, round_.id)
    new = [i for i in _invitees(session) if i.user.id not in invited]
    places = repository.municipalities(session, {i.municipality for i in new})
    return Preview(new, len(invited), {code: m.name for code, m in places.items()})


def _still_open(round_: SurveyRound) -> None:
    if round_.status == RoundStatus.CLOSED or round_.closes_on < clock.today():
        raise ConflictError("Deze peilingronde is gesloten.")


def link(settings: Settings, token: str) -> str:
    # In the fragment, as the account links: browsers send it to no server and no log.
    return f"{settings.public_url.rstrip('/')}/peiling#token={token}"


def _invitation_mail(settings: Settings, user: User, round_: SurveyRound, token: str) -> str:
    return (
        f"Beste {user.name},\n\n"
        f"Hoe tevreden bent u over de ondersteuning bij Participatiewet in balans? Met de "
        f"peiling '{round_.title}' ({round_.period}) horen wij graag wat goed gaat en wat "
        "beter kan. Het invullen kost ongeveer twee minuten.\n\n"
        f"Beantwoorden kan tot en met {round_.closes_on:%d-%m-%Y} via deze persoonlijke link "
        f"(u hoeft niet in te loggen):\n{link(settings, token)}\n\n"
        "Bent u ingelogd in Spoorboek, dan vindt u de peiling ook onder Mijn peilingen. Uw "
        "antwoorden zijn alleen zichtbaar voor het programmateam; cijfers worden alleen "
        "gedeeld voor groepen van ten minste vijf gemeenten.\n"
    )


@dataclass(frozen=True)
class Sent:
    invited: int
    already_invited: int


def send(
    session: Session, settings: Settings, ctx: RequestContext, principal: Principal, round_id: int
) -> Sent:
    require_team(principal)
    round_ = repository.lock_round(session, round_id)
    if round_ is None:
        raise not_found(round_id)
    _still_open(round_)
    if round_.status == RoundStatus.DRAFT:
        asked = repository.questions(session, active_only=True)
        if not asked:
            raise ConflictError("Er zijn geen actieve peilingvragen om te versturen.")
        for position, question in enumerate(asked, start=1):
            session.add(
                RoundQuestion(round_id=round_.id, question_id=question.id, position=position)
            )
        round_.status = RoundStatus.OPEN
        round_.sent_at = clock.now()
    invited = repository.invited_user_ids(session, round_.id)
    count = 0
    for invitee in _invitees(session):
        if invitee.user.id in invited:
            continue
        token = new_token()
        session.add(
            Invitation(
                round_id=round_.id,
                user_id=invitee.user.id,
                municipality_code=invitee.municipality,
                token_hash=hash_token(token),
                invited_at=clock.now(),
            )
        )
        mail.send(
            session,
            settings,
            to=invitee.user.email,
            subject=f"Peiling: {round_.title}",
            body=_invitation_mail(settings, invitee.user, round_, token),
        )
        count += 1
    session.flush()
    audit.record(
        session,
        ctx,
        "peiling.ronde-verstuurd",
        actor=principal.subject,
        subject=f"ronde:{round_.id}",
        details={"uitgenodigd": count},
    )
    return Sent(count, len(invited))


def _reminder_mail(settings: Settings, user: User, round_: SurveyRound, token: str) -> str:
    return (
        f"Beste {user.name},\n\n"
        f"Onlangs vroegen wij u de peiling '{round_.title}' ({round_.period}) in te vullen. "
        "Wij hebben uw antwoorden nog niet ontvangen; het kost ongeveer twee minuten.\n\n"
        f"Beantwoorden kan tot en met {round_.closes_on:%d-%m-%Y} via deze nieuwe persoonlijke "
        f"link (de link uit de eerste e-mail werkt niet meer):\n{link(settings, token)}\n\n"
        "Dit is de enige herinnering.\n"
    )


def close_and_remind(session: Session, settings: Settings, today: date) -> tuple[int, int]:
    """The daily job: closes rounds past their closing date, then reminds, once, those who
    have not answered an open round `remind_after_days` after their invitation. Returns the
    rounds closed and the reminders sent. Each reminder is marked in the same transaction as
    its mail, so a second run the same day sends none again."""
    closed = 0
    for round_ in repository.open_rounds_to_close(session, today):
        round_.status = RoundStatus.CLOSED
        closed += 1
    reminded = 0
    now = clock.now()
    for round_ in repository.open_rounds(session):
        if round_.closes_on < today:
            continue
        # By Dutch calendar day, as the job runs daily: invited on day D, reminded on day D+N.
        first_day_not_due = today - timedelta(days=round_.remind_after_days - 1)
        cutoff = clock.start_of_day(first_day_not_due)
        waiting = repository.due_reminders(session, round_.id, cutoff)
        recipients = repository.users(session, (i.user_id for i in waiting if i.user_id))
        for invitation in waiting:
            user = recipients.get(invitation.user_id or 0)
            if user is None or not user.is_active:
                continue
            # Only the hash of the first link was kept, so the reminder carries a new one.
            token = new_token()
            invitation.token_hash = hash_token(token)
            invitation.reminded_at = now
            mail.send(
                session,
                settings,
                to=user.email,
                subject=f"Herinnering peiling: {round_.title}",
                body=_reminder_mail(settings, user, round_, token),
            )
            reminded += 1
    session.flush()
    return closed, reminded
