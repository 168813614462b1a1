"""Mail owed by notifications, sent by the scheduled jobs (api/jobs): each notification's own
mail within a minute, and once a day one summary per person. Each person's mail and the
state of the notifications it covers commit together, and rows being sent are locked (and
skipped by a second sender), so a crash or a second scheduler never mails anyone twice and
never skips anyone."""

from collections import defaultdict
from collections.abc import Callable

from sqlalchemy.orm import Session

from api.accounts import people
from api.core.settings import Settings
from api.mail import service as outbox
from api.notifications import mail, repository
from api.notifications.kinds import KINDS
from api.notifications.models import MailState, Notification
from api.notifications.service import new_unsubscribe_link

BATCH = 200


def _line(settings: Settings, notification: Notification) -> mail.Line:
    return mail.Line(
        notification.title, notification.text, mail.absolute(settings, notification.link)
    )


def send_due(session: Session, settings: Settings, commit: Callable[[], None]) -> int:
    """Each notification that owes its own mail gets it; returns how many were mailed."""
    sent = 0
    while batch := repository.due(session, MailState.DUE, BATCH):
        recipients = {p.id: p for p in people.active_people(session, {n.user_id for n in batch})}
        for notification in batch:
            person = recipients.get(notification.user_id)
            if person is None:
                # Deactivated since: the notification stays in the app, no mail goes out.
                notification.mail_state = MailState.NONE
                continue
            rendered = mail.one(
                settings,
                name=person.name,
                line=_line(settings, notification),
                token=new_unsubscribe_link(session, person.id, notification.kind),
                kind_label=KINDS[notification.kind].label,
            )
            _post(session, settings, person.email, rendered)
            notification.mail_state = MailState.SENT
            sent += 1
        commit()
    return sent


def send_summaries(session: Session, settings: Settings, commit: Callable[[], None]) -> int:
    """One mail per person with notifications waiting for the daily summary; returns how many
    people were mailed."""
    mailed = 0
    due = repository.people_with_summary_due(session)
    recipients = {p.id: p for p in people.active_people(session, due)}
    for user_id in due:
        waiting = repository.summary_of(session, user_id)
        person = recipients.get(user_id)
        if not waiting:
            continue  # another sender has them
        if person is None:
            for notification in waiting:
                notification.mail_state = MailState.NONE
        else:
            groups: dict[str, list[mail.Line]] = defaultdict(list)
            for kind in KINDS:
                for notification in waiting:
                    if notification.kind is kind:
                        groups[KINDS[kind].label].append(_line(settings, notification))
            rendered = mail.summary(
                settings,
                name=person.name,
                groups=[mail.Group(label, lines) for label, lines in groups.items()],
                token=new_unsubscribe_link(session, person.id, None),
            )
            _post(session, settings, person.email, rendered)
            for notification in waiting:
                notification.mail_state = MailState.SENT
            mailed += 1
        commit()
    return mailed


def _post(session: Session, settings: Settings, to: str, rendered: mail.Rendered) -> None:
    outbox.send(
        session,
        settings,
        to=to,
        subject=rendered.subject,
        body=rendered.text,
        html=rendered.html,
        headers=rendered.headers,
    )
