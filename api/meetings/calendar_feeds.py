"""The calendars of the agenda: the public feed, one meeting's .ics, and a person's own feed at
a secret URL.

A calendar program fetches a feed without a login and sends no headers of ours, so a person's
feed is found by the secret in its URL. The secret is stored only as a hash: the URL can be
shown once, when it is made, and making a new one replaces it (the old URL then answers 404).
The join link of an online meeting is in a person's own feed and in the .ics of those who may
see it (api/meetings/policy.py), never in the public feed."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from api.accounts.principal import require_person
from api.accounts.secrets import hash_token, new_token
from api.core import clock, data_versions
from api.core.errors import NotFoundError
from api.core.security import Principal
from api.core.settings import Settings
from api.core.urls import api_path
from api.meetings import calendar, policy, presenters, repository, repository_calendar
from api.meetings.calendar_schemas import PersonalCalendar
from api.meetings.models import RegistrationStatus

FEEDS = "kalenders"
"""The path segment under which a person's feed lives, its secret after it."""
PUBLIC_NAME = "Bijeenkomsten Participatiewet in balans (Spoorboek)"
PERSONAL_NAME = "Mijn bijeenkomsten (Spoorboek)"
WINDOW = timedelta(days=183)
"""How far back a feed reaches: half a year of past meetings, then everything to come."""
_SECRET = re.compile(r"[A-Za-z0-9_-]{20,100}")
UNKNOWN_FEED = "Deze agenda bestaat niet (meer). Maak in Spoorboek een nieuw agenda-adres."


@dataclass(frozen=True)
class CalendarFile:
    """What the router sends: built only when the caller's copy (by `version_key`) is stale."""

    version_key: str
    build: Callable[[], bytes]
    public: bool
    """The same for every anonymous caller, so a shared cache may keep it."""
    filename: str | None = None


def public_version(reader: data_versions.Reader) -> str:
    # The day is in the key: meetings leave the feed's window as days pass, with no write.
    agenda = data_versions.key(reader, data_versions.MEETINGS, data_versions.REFERENCE)
    return f"{agenda}|{clock.today()}"


def public_feed(session: Session, settings: Settings) -> CalendarFile:
    def build() -> bytes:
        meetings = repository_calendar.public_meetings(session, clock.now() - WINDOW)
        feed = calendar.calendar_feed(
            meetings, name=PUBLIC_NAME, include_join_url=False, settings=settings
        )
        return feed.encode()

    return CalendarFile(public_version(session), build, public=True)


def meeting_file(
    session: Session, principal: Principal, meeting_id: int, settings: Settings
) -> CalendarFile:
    meeting = repository.get(session, meeting_id)
    if meeting is None:
        raise policy.not_found(meeting_id)
    registered = (
        principal.user_id is not None
        and repository.statuses_of(session, [meeting.id], principal.user_id).get(meeting.id)
        == RegistrationStatus.REGISTERED
    )
    with_link = policy.may_see_join_link(principal, meeting, registered=registered)

    def build() -> bytes:
        # PUBLISH: a download asks no answer of the calendar program, as an invitation would.
        ics = calendar.meeting_ics(
            meeting, method="PUBLISH", include_join_url=with_link, settings=settings
        )
        return ics.encode()

    version = data_versions.key(session, data_versions.MEETINGS, data_versions.REFERENCE)
    return CalendarFile(
        f"{version}|{'met' if with_link else 'zonder'}-link",
        build,
        public=not principal.is_authenticated,
        filename=f"bijeenkomst-{meeting.id}.ics",
    )


def personal_feed(session: Session, secret: str, settings: Settings) -> CalendarFile:
    feed = (
        repository_calendar.feed_of_token(session, hash_token(secret))
        if _SECRET.fullmatch(secret)
        else None
    )
    if feed is None:
        raise NotFoundError(UNKNOWN_FEED)
    user_id = feed.user_id

    def build() -> bytes:
        meetings = repository_calendar.registered_meetings(session, user_id, clock.now() - WINDOW)
        # Only meetings she holds a place at, so the join links are hers to see.
        ics = calendar.calendar_feed(
            meetings, name=PERSONAL_NAME, include_join_url=True, settings=settings
        )
        return ics.encode()

    return CalendarFile(public_version(session), build, public=False)


def my_calendar(session: Session, principal: Principal) -> PersonalCalendar:
    feed = repository_calendar.feed_of_user(session, require_person(principal))
    return PersonalCalendar(
        url=None,
        actief=feed is not None,
        aangemaakt_op=presenters.local_or_none(feed.created_at if feed else None),
    )


def renew(session: Session, principal: Principal, settings: Settings) -> PersonalCalendar:
    """A new secret URL; the one before, if any, stops working."""
    user_id = require_person(principal)
    secret = new_token()
    now = clock.now()
    repository_calendar.put_feed(session, user_id, hash_token(secret), now)
    url = f"{settings.public_url.rstrip('/')}{api_path(FEEDS, secret)}"
    return PersonalCalendar(url=url, actief=True, aangemaakt_op=presenters.local(now))


def revoke(session: Session, principal: Principal) -> None:
    repository_calendar.remove_feed(session, require_person(principal))
