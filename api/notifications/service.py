"""The rules of notifications: who gets one (only people whose roles the kind is for, never
the person who did what it is about), how it reaches her (her choice, else the kind's
default), reading and marking them, and unsubscribing by the link in a mail."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.accounts import people
from api.accounts.models import User
from api.accounts.principal import require_person
from api.accounts.secrets import hash_token, new_token
from api.audit import service as audit
from api.core import clock
from api.core.errors import ConflictError, NotFoundError
from api.core.pagination import PageParams
from api.core.requests import RequestContext
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.notifications import repository
from api.notifications.kinds import KINDS, Delivery, Kind, kinds_for
from api.notifications.models import (
    MailState,
    Notification,
    NotificationPreference,
    UnsubscribeLink,
)

MAIL_STATE = {
    Delivery.IMMEDIATELY: MailState.DUE,
    Delivery.DAILY: MailState.IN_NEXT_SUMMARY,
    Delivery.IN_APP_ONLY: MailState.NONE,
}


@dataclass(frozen=True)
class Message:
    title: str
    text: str
    link: str
    """The path of the thing itself in the SPA."""
    occasion: str | None = None
    """What makes it once per person (a reminder, whoever runs the job and how often; the
    response to a signal, however many ways she is behind it)."""


def notify(
    session: Session,
    kind: Kind,
    recipients: Iterable[User],
    message: Message,
    *,
    actor_id: int | None = None,
) -> list[Notification]:
    """One notification per right person: active, with a role the kind is for, not the actor,
    not twice, and not again for an occasion she was already told of."""
    info = KINDS[kind]
    people = {
        person.id: person
        for person in recipients
        if person.is_active and person.roles & info.roles and person.id != actor_id
    }
    if message.occasion is not None and people:
        for taken in repository.occasions_taken(session, sorted(people), message.occasion):
            people.pop(taken)
    choices = repository.preferences_of(session, sorted(people))
    made = []
    for person_id in sorted(people):
        choice = choices.get((person_id, kind))
        delivery = choice.delivery if choice is not None else info.default
        made.append(
            Notification(
                user_id=person_id,
                kind=kind,
                title=message.title[:300],
                text=message.text,
                link=message.link,
                occasion=message.occasion,
                mail_state=MAIL_STATE[delivery],
            )
        )
    session.add_all(made)
    session.flush()
    return made


@dataclass(frozen=True)
class Inbox:
    notifications: list[Notification]
    total: int
    unread: int


def my_notifications(
    session: Session, principal: Principal, unread_only: bool, page: PageParams
) -> Inbox:
    user_id = require_person(principal)
    found, total = repository.page_of(session, user_id, unread_only, page.offset, page.size)
    return Inbox(found, total, repository.unread_count(session, user_id))


def unread_count(session: Session, principal: Principal) -> int:
    return repository.unread_count(session, require_person(principal))


def mark_read(session: Session, principal: Principal, notification_id: int) -> Notification:
    found = repository.one_of(session, require_person(principal), notification_id)
    if found is None:
        # Someone else's notification looks like a missing one.
        raise NotFoundError(f"Melding {notification_id} bestaat niet.")
    if found.read_at is None:
        found.read_at = clock.now()
    return found


def mark_all_read(session: Session, principal: Principal) -> int:
    return repository.mark_all_read(session, require_person(principal), clock.now())


@dataclass(frozen=True)
class Choice:
    kind: Kind
    delivery: Delivery
    default: Delivery


def _effective(session: Session, user_id: int) -> dict[Kind, Delivery]:
    """Per kind, how it reaches this person: her choice, else the kind's default."""
    chosen = repository.preferences_of(session, [user_id])
    return {
        kind: chosen[(user_id, kind)].delivery if (user_id, kind) in chosen else info.default
        for kind, info in KINDS.items()
    }


def my_preferences(session: Session, principal: Principal) -> list[Choice]:
    effective = _effective(session, require_person(principal))
    return [
        Choice(kind, effective[kind], KINDS[kind].default) for kind in kinds_for(principal.roles)
    ]


def set_preferences(
    session: Session, principal: Principal, ctx: RequestContext, choices: dict[Kind, Delivery]
) -> list[Choice]:
    user_id = require_person(principal)
    offered = set(kinds_for(principal.roles))
    invalid = InvalidParams()
    for kind in choices:
        if kind not in offered:
            invalid.add(
                f"voorkeuren.{kind.value}",
                "not_for_role",
                "Deze soort melding krijgt u met uw rollen niet.",
                "body",
            )
    invalid.raise_if_any()
    _choose(session, user_id, choices)
    audit.record(
        session,
        ctx,
        "meldingen.voorkeuren",
        actor=principal.subject,
        subject=f"user:{user_id}",
        details={kind.value: delivery.value for kind, delivery in choices.items()},
    )
    return my_preferences(session, principal)


def _choose(session: Session, user_id: int, choices: dict[Kind, Delivery]) -> None:
    chosen = repository.preferences_of(session, [user_id])
    for kind, delivery in choices.items():
        row = chosen.get((user_id, kind))
        if row is None:
            session.add(NotificationPreference(user_id=user_id, kind=kind, delivery=delivery))
        else:
            row.delivery = delivery
    session.flush()


# ---------------------------------------------------------------------------------------------
# Unsubscribing by the link in a mail, without a login


def new_unsubscribe_link(session: Session, user_id: int, kind: Kind | None) -> str:
    """A token for one mail: it stops this kind (None: the daily summary) for this person."""
    raw = new_token()
    session.add(UnsubscribeLink(token_hash=hash_token(raw), user_id=user_id, kind=kind))
    return raw


@dataclass(frozen=True)
class Unsubscription:
    kind: Kind | None
    used: bool


def _link(session: Session, token: str) -> UnsubscribeLink:
    found = repository.unsubscribe_link(session, hash_token(token))
    if found is None:
        raise NotFoundError("Deze afmeldlink bestaat niet. Kopieer de hele link uit de e-mail.")
    return found


def unsubscribe_preview(session: Session, token: str) -> Unsubscription:
    """What the link would stop, so the page can say so before anyone presses a button."""
    found = _link(session, token)
    return Unsubscription(found.kind, found.used_at is not None)


def unsubscribe(session: Session, ctx: RequestContext, token: str) -> Unsubscription:
    found = _link(session, token)
    if found.used_at is not None:
        raise ConflictError("Deze afmeldlink is al gebruikt. Uw keuzes staan onder Mijn meldingen.")
    found.used_at = clock.now()
    if found.kind is not None:
        stopped = [found.kind]
    else:
        # The daily summary: every kind of hers that would go into it.
        effective = _effective(session, found.user_id)
        roles = frozenset().union(
            *(p.roles for p in people.active_people(session, [found.user_id]))
        )
        stopped = [k for k in kinds_for(roles) if effective[k] is Delivery.DAILY]
    _choose(session, found.user_id, dict.fromkeys(stopped, Delivery.IN_APP_ONLY))
    audit.record(
        session,
        ctx,
        "meldingen.afgemeld",
        actor="anonymous",
        subject=f"user:{found.user_id}",
        details={"soort": found.kind.value if found.kind else "dagoverzicht"},
    )
    return Unsubscription(found.kind, True)
