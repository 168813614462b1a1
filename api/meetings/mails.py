"""The mails about a place at a meeting: the confirmation, the waiting list, the promotion, her
own cancellation, the reminder the day before, and the meeting's cancellation or move.

Each goes through the outbox, in the transaction of the change it reports, so a change that is
rolled back sends nothing. Who holds a place gets the meeting's .ics with it (an invitation, or
a cancellation that takes it out of her calendar again), and the SEQUENCE it carried is kept in
`sent_sequence`. Every mail about a place still to use carries a link that cancels it without
logging in; only the hash of the newest link is kept, so an older mail's link stops working."""

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from api.accounts.secrets import hash_token, new_token
from api.core import clock
from api.core.settings import Settings
from api.mail import service as mail
from api.mail.wording import SIGNATURE, weekday_text
from api.meetings.calendar import meeting_ics, meeting_page
from api.meetings.models import Meeting, Registration

CANCEL_PAGE = "/aanmelding-annuleren"
ICS_NAME = "bijeenkomst.ics"


class Occasion(enum.Enum):
    REGISTERED = "aangemeld"
    WAITING = "wachtlijst"
    PROMOTED = "van-wachtlijst"
    CANCELLED = "afgemeld"
    REMINDER = "herinnering"
    MOVED = "gewijzigd"
    MOVED_WAITING = "gewijzigd-wachtlijst"
    MEETING_CANCELLED = "bijeenkomst-geannuleerd"


@dataclass(frozen=True)
class Wording:
    subject: str
    opening: str
    method: str | None
    """The .ics sent with it: REQUEST (her place, new or changed), CANCEL, or none."""
    cancel_link: bool
    """A place still to use (or to wait for) can be given up from the mail."""


WORDING = {
    Occasion.REGISTERED: Wording(
        "Aangemeld: {title}",
        "U bent aangemeld voor deze bijeenkomst. De uitnodiging voor uw agenda zit bij deze "
        "e-mail.",
        "REQUEST",
        True,
    ),
    Occasion.WAITING: Wording(
        "Op de wachtlijst: {title}",
        "Deze bijeenkomst is vol; u staat op de wachtlijst (plaats {position}). Komt er een "
        "plaats vrij, dan krijgt u die automatisch, in volgorde van aanmelding, en hoort u dat "
        "per e-mail.",
        None,
        True,
    ),
    Occasion.PROMOTED: Wording(
        "Van de wachtlijst aangemeld: {title}",
        "Er is een plaats vrijgekomen en die is nu voor u: u bent aangemeld. De uitnodiging "
        "voor uw agenda zit bij deze e-mail.",
        "REQUEST",
        True,
    ),
    Occasion.CANCELLED: Wording(
        "Afgemeld: {title}",
        "U bent afgemeld voor deze bijeenkomst. Met de bijlage haalt uw agenda de afspraak weg.",
        "CANCEL",
        False,
    ),
    Occasion.REMINDER: Wording(
        "Morgen: {title}",
        "Een herinnering: morgen is de bijeenkomst waarvoor u bent aangemeld. De uitnodiging "
        "voor uw agenda zit er nog eens bij.",
        "REQUEST",
        True,
    ),
    Occasion.MOVED: Wording(
        "Gewijzigd: {title}",
        "De bijeenkomst waarvoor u bent aangemeld is gewijzigd ({changes}). Hieronder staan de "
        "nieuwe gegevens; met de bijlage werkt uw agenda de afspraak bij.",
        "REQUEST",
        True,
    ),
    Occasion.MOVED_WAITING: Wording(
        "Gewijzigd: {title}",
        "De bijeenkomst waarvoor u op de wachtlijst staat is gewijzigd ({changes}). Hieronder "
        "staan de nieuwe gegevens. U blijft op de wachtlijst.",
        None,
        True,
    ),
    Occasion.MEETING_CANCELLED: Wording(
        "Geannuleerd: {title}",
        "Deze bijeenkomst gaat niet door.{reason} Met de bijlage haalt uw agenda de afspraak weg.",
        "CANCEL",
        False,
    ),
}

CHANGES = {
    "begin": "het begin",
    "einde": "het einde",
    "locatie": "de locatie",
    "adres": "het adres",
    "online": "online of op locatie",
    "deelnamelink": "de deelnamelink",
}


def dutch_day(moment: datetime) -> str:
    """The Dutch day of `moment` in words: "vrijdag 20 november 2026"."""
    local = moment.astimezone(clock.AMSTERDAM)
    return weekday_text(local.date())


def dutch_moment(moment: datetime) -> str:
    """The day in words and the Dutch time: "vrijdag 20 november 2026, 10:00"."""
    return f"{dutch_day(moment)}, {moment.astimezone(clock.AMSTERDAM):%H:%M}"


def when(meeting: Meeting) -> str:
    start = meeting.starts_at.astimezone(clock.AMSTERDAM)
    end = meeting.ends_at.astimezone(clock.AMSTERDAM)
    if start.date() == end.date():
        return f"{dutch_moment(start)} tot {end:%H:%M} uur"
    return f"{dutch_moment(start)} uur tot {dutch_moment(end)} uur"


def where(meeting: Meeting) -> str:
    place = ", ".join(part for part in (meeting.venue, meeting.address) if part)
    if meeting.is_online:
        return f"online ({place})" if place else "online"
    return place or "de locatie volgt"


def cancel_link(settings: Settings, token: str) -> str:
    # The token in the fragment: it never reaches a server's access log or a Referer header.
    return f"{settings.public_url.rstrip('/')}{CANCEL_PAGE}#token={token}"


def _changes(fields: list[str]) -> str:
    named = [CHANGES.get(field, field) for field in fields] or ["tijd of plaats"]
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} en {named[-1]}"


def _body(
    settings: Settings,
    meeting: Meeting,
    registration: Registration,
    opening: str,
    *,
    join_url: bool,
    token: str | None,
) -> str:
    lines = [
        f"Beste {registration.name},",
        "",
        opening,
        "",
        meeting.title,
        f"Wanneer: {when(meeting)}",
        f"Waar: {where(meeting)}",
    ]
    if join_url and meeting.is_online and meeting.join_url:
        lines.append(f"Deelnemen: {meeting.join_url}")
    lines.append(f"Meer informatie: {meeting_page(settings.public_url, meeting.id)}")
    if token is not None:
        lines += ["", f"Kunt u niet? Meld u af met deze link: {cancel_link(settings, token)}"]
    return "\n".join(lines) + SIGNATURE


def send(
    session: Session,
    settings: Settings,
    meeting: Meeting,
    registration: Registration,
    occasion: Occasion,
    *,
    position: int | None = None,
    fields: list[str] | None = None,
) -> None:
    """Mails her about this occasion; a mail with a cancel link renews her token, one with an
    .ics records the SEQUENCE it carried."""
    wording = WORDING[occasion]
    token: str | None = None
    if wording.cancel_link:
        token = new_token()
        registration.token_hash = hash_token(token)
    reason = f" Reden: {meeting.cancel_reason}" if meeting.cancel_reason else ""
    opening = wording.opening.format(
        position=position or "", changes=_changes(fields or []), reason=reason
    )
    attachments = []
    if wording.method is not None:
        ics = meeting_ics(
            meeting,
            method=wording.method,
            attendee_email=registration.email,
            include_join_url=wording.method == "REQUEST",
            settings=settings,
        )
        attachments.append(
            {
                "filename": ICS_NAME,
                "content_type": f"text/calendar; method={wording.method}",
                "content": ics,
            }
        )
        registration.sent_sequence = meeting.sequence
    mail.send(
        session,
        settings,
        to=registration.email,
        subject=wording.subject.format(title=meeting.title)[:200],
        body=_body(
            settings,
            meeting,
            registration,
            opening,
            join_url=wording.method == "REQUEST",
            token=token,
        ),
        attachments=attachments,
    )
