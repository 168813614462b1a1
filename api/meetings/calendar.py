"""iCalendar (RFC 5545) for meetings: the .ics of one meeting (a download, or an invitation sent
with a mail) and the feeds of several (the public agenda, a person's own calendar).

A pure builder: it reads the meeting's row and, when the caller loaded them, its measures, and
asks the database nothing. Times go out with TZID=Europe/Amsterdam and the zone's VTIMEZONE, so
a calendar program shows the Dutch wall-clock time on either side of a daylight-saving change
and moves it along should the rules change. The same UID in every .ics of a meeting, with its
SEQUENCE, lets a calendar program replace its copy instead of adding a second one."""

from collections.abc import Iterable
from datetime import datetime, timedelta
from email.utils import parseaddr

from icalendar import Calendar, Event, Timezone, vCalAddress
from sqlalchemy import inspect

from api.core import clock
from api.core.settings import Settings, get_settings
from api.measures.models import Measure
from api.meetings.models import Meeting, MeetingStatus

PRODID = "-//Implementatieteam Participatiewet in balans//Spoorboek//NL"
MEDIA_TYPE = "text/calendar; charset=utf-8"
PAGE = "/bijeenkomsten"
"""The agenda in the SPA; a meeting's page is below it."""
REFRESH = timedelta(hours=1)
"""How often a calendar program may fetch a feed again."""


def meeting_page(base: str, meeting_id: int) -> str:
    return f"{base.rstrip('/')}{PAGE}/{meeting_id}"


def meeting_ics(
    meeting: Meeting,
    *,
    method: str = "REQUEST",
    attendee_email: str | None = None,
    include_join_url: bool,
    settings: Settings | None = None,
) -> str:
    """One meeting as an .ics. `method` REQUEST for an invitation or an update (a calendar
    program replaces the copy with a lower SEQUENCE), CANCEL when it is cancelled, PUBLISH for
    a download that asks no answer; `attendee_email` names the person an invitation is for."""
    settings = settings or get_settings()
    calendar = _calendar(method=method.upper())
    calendar.add_component(
        _event(
            meeting,
            settings,
            stamp=clock.now(),
            include_join_url=include_join_url,
            attendee_email=attendee_email,
            cancelled=method.upper() == "CANCEL",
        )
    )
    return _serialised(calendar, [meeting])


def calendar_feed(
    meetings: Iterable[Meeting],
    *,
    name: str,
    include_join_url: bool,
    settings: Settings | None = None,
) -> str:
    """A feed a calendar program subscribes to: no METHOD (RFC 5545: then DTSTAMP is when the
    meeting was last changed, which keeps the feed's bytes the same until a meeting changes)."""
    settings = settings or get_settings()
    meetings = list(meetings)
    calendar = _calendar(method=None)
    calendar.calendar_name = name
    calendar.refresh_interval = REFRESH
    for meeting in meetings:
        calendar.add_component(
            _event(
                meeting,
                settings,
                stamp=meeting.updated_at,
                include_join_url=include_join_url,
                attendee_email=None,
                cancelled=False,
            )
        )
    return _serialised(calendar, meetings)


def _calendar(*, method: str | None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method is not None:
        calendar.add("method", method)
    return calendar


# Europe/Amsterdam as the zone's rules state it (EU summer time since 1996: the last Sunday of
# March and of October), as yearly rules. The library's own VTIMEZONE lists each change as an
# RDATE, which Outlook and other readers (vobject, in the tests) ignore after the first year:
# a meeting next summer then read as an hour off.
AMSTERDAM_VTIMEZONE = Timezone.from_ical(
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Amsterdam\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "TZNAME:CEST\r\n"
    "DTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:CET\r\n"
    "DTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
)


def _serialised(calendar: Calendar, meetings: list[Meeting]) -> str:
    if meetings:
        calendar.add_component(AMSTERDAM_VTIMEZONE)
    ics: bytes = calendar.to_ical()
    return ics.decode()


def _event(
    meeting: Meeting,
    settings: Settings,
    *,
    stamp: datetime,
    include_join_url: bool,
    attendee_email: str | None,
    cancelled: bool,
) -> Event:
    event = Event()
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.starts_at.astimezone(clock.AMSTERDAM))
    event.add("dtend", meeting.ends_at.astimezone(clock.AMSTERDAM))
    event.add("summary", meeting.title)
    event.add("description", _description(meeting, include_join_url=include_join_url))
    location = _location(meeting)
    if location:
        event.add("location", location)
    event.add("url", meeting_page(settings.public_url, meeting.id))
    is_cancelled = cancelled or meeting.status == MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if is_cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("organizer", _organiser(settings))
    if attendee_email:
        attendee = vCalAddress(f"mailto:{attendee_email}")
        attendee.params["role"] = "REQ-PARTICIPANT"
        # She registered already: the invitation is her place, not a question to answer.
        attendee.params["partstat"] = "ACCEPTED"
        attendee.params["rsvp"] = "FALSE"
        event.add("attendee", attendee)
    return event


def _organiser(settings: Settings) -> vCalAddress:
    name, address = parseaddr(settings.mail_from)
    organiser = vCalAddress(f"mailto:{address}")
    if name:
        organiser.params["cn"] = name
    return organiser


def _location(meeting: Meeting) -> str | None:
    place = ", ".join(part for part in (meeting.venue, meeting.address) if part)
    if place:
        return place
    return "Online" if meeting.is_online else None


def _description(meeting: Meeting, *, include_join_url: bool) -> str:
    parts = []
    if meeting.status == MeetingStatus.CANCELLED:
        reason = f" Reden: {meeting.cancel_reason}" if meeting.cancel_reason else ""
        parts.append(f"Deze bijeenkomst is geannuleerd.{reason}")
    if meeting.description:
        parts.append(meeting.description)
    measures = _loaded_measures(meeting)
    if measures:
        parts.append("Maatregelen:\n" + "\n".join(f"- {m.code} {m.title}" for m in measures))
    if include_join_url and meeting.join_url:
        parts.append(f"Deelnemen: {meeting.join_url}")
    return "\n\n".join(parts)


def _loaded_measures(meeting: Meeting) -> list[Measure]:
    # The relationship raises when not loaded: a caller that has no use for the measures (a
    # mail about one meeting) need not load them for the .ics.
    if "measures" in inspect(meeting).unloaded:
        return []
    return list(meeting.measures)
