"""What a contact's persoonlijk overzicht holds, read from the other domains' services:

- per municipality she speaks for (a shared service's contact: a section per member), the
  must-start-by dates of its open cells (those passed, and those in the coming half year) and
  the cells that turned late or at risk since her previous digest, as the progress service
  judges them (api/progress/status.py); the new products and FAQ entries
  for the measures where it is behind (late or at risk), and the coming meetings about them;
- for herself, the answers to her questions and the responses to her municipalities' signals
  since her previous digest.

"Since" is the moment of her previous digest (sent, or due and found empty); before her first
one, a period back. Which cells "turned" is told by the lights her previous digest reported
(kept with it): a cell that is late or at risk now and was not, or was at risk and is late now.
Lights change with time alone (a date passes), which no progress history records; so they are
kept, not derived. Her first digest has nothing to compare with and names every cell late or at
risk."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from api.core import clock
from api.core.pagination import PageParams
from api.core.security import Principal
from api.core.settings import Settings
from api.digests import periods
from api.digests.models import DigestFrequency
from api.meetings import calendar as meeting_calendar
from api.meetings import service as meetings
from api.meetings.models import MeetingStatus
from api.products import delivery
from api.progress import status as progress
from api.progress.deadlines import TrafficLight
from api.questions import faq, queue
from api.questions.vocabulary import QuestionFilter
from api.signals import service as signals
from api.signals.vocabulary import SignalStatus

DATES_AHEAD = timedelta(weeks=26)
"""How far ahead a must-start-by date is named (every one that passed is named too: a cell
whose steps should have started, and have not)."""
MEETINGS_AHEAD = timedelta(weeks=6)
MOST = 100
"""Of the questions and signals looked through: more than anyone gets answered in a month."""
ANSWER_LENGTH = 600

Lights = dict[str, dict[str, str]]
"""Per municipality, per measure late or at risk, its light (as a digest keeps them)."""


@dataclass(frozen=True)
class DateItem:
    measure: str
    title: str
    must_start_by: date
    light: TrafficLight
    link: str


@dataclass(frozen=True)
class TurnedItem:
    measure: str
    title: str
    light: TrafficLight
    was: TrafficLight | None
    """None: nothing to compare with (her first digest for this municipality)."""
    must_start_by: date | None
    link: str


@dataclass(frozen=True)
class NewsItem:
    kind: str
    """"product" or "faq"."""
    title: str
    measures: tuple[str, ...]
    link: str


@dataclass(frozen=True)
class MeetingItem:
    title: str
    starts_at: datetime
    measures: tuple[str, ...]
    link: str


@dataclass(frozen=True)
class Section:
    code: str
    name: str
    dates: list[DateItem]
    turned: list[TurnedItem]
    behind: list[str]
    """The measures it is late or at risk on."""
    news: list[NewsItem]
    meetings: list[MeetingItem]

    @property
    def is_empty(self) -> bool:
        return not (self.dates or self.turned or self.news or self.meetings)


@dataclass(frozen=True)
class AnswerItem:
    kind: str
    """"vraag" or "signaal"."""
    title: str
    text: str
    answered_at: datetime
    link: str


@dataclass(frozen=True)
class Contents:
    frequency: DigestFrequency
    period: str
    today: date
    since: datetime
    sections: list[Section]
    answers: list[AnswerItem]
    lights: Lights = field(default_factory=dict)
    """What this digest reports as late or at risk, kept for the next one."""

    @property
    def is_empty(self) -> bool:
        """Nothing to say: no dates, no changes, nothing new and no answers."""
        return not self.answers and all(s.is_empty for s in self.sections)


@dataclass
class Sources:
    """What is the same for every contact of a run, read once: the coming meetings, and the
    products and FAQ entries published since a moment (a run's contacts mostly share it: the
    moment of the previous run)."""

    session: Session
    now: datetime
    _meetings: list[MeetingItem] | None = None
    _news: dict[datetime, list[NewsItem]] = field(default_factory=dict)

    def meetings(self, base: str) -> list[MeetingItem]:
        if self._meetings is None:
            today = clock.dutch_date(self.now)
            listing = meetings.Listing(from_day=today, to_day=today + MEETINGS_AHEAD)
            found, _ = meetings.find(self.session, listing, PageParams(1, MOST), self.now)
            self._meetings = [
                MeetingItem(
                    m.title,
                    m.starts_at,
                    tuple(sorted(x.code for x in m.measures)),
                    meeting_calendar.meeting_page(base, m.id),
                )
                for m in found
                if meetings.shown_status(m, self.now)
                not in (MeetingStatus.CANCELLED, MeetingStatus.PAST)
            ]
        return self._meetings

    def news(self, base: str, since: datetime) -> list[NewsItem]:
        if since not in self._news:
            products = [
                NewsItem(
                    "product",
                    p.title,
                    tuple(sorted(p.measures)),
                    f"{base}/producten/{p.product_id}",
                )
                for p in delivery.published_since(self.session, since)
            ]
            answers = [
                NewsItem("faq", e.question, tuple(sorted(e.measures)), f"{base}/faq/{e.faq_id}")
                for e in faq.new_since(self.session, since)
            ]
            self._news[since] = products + answers
        return self._news[since]


def _about(measures: Iterable[str], behind: set[str]) -> bool:
    return bool(behind.intersection(measures))


def _section(
    session: Session,
    sources: Sources,
    principal: Principal,
    code: str,
    today: date,
    base: str,
    since: datetime,
    before: dict[str, str] | None,
) -> tuple[Section, dict[str, str]]:
    municipality, cells = progress.progress_of_municipality(session, principal, code, today, None)
    dates: list[DateItem] = []
    turned: list[TurnedItem] = []
    lights: dict[str, str] = {}
    for measure, _state, deadlines in cells:
        link = f"{base}/voortgang/gemeenten/{code}/{measure.code}"
        light = deadlines.light
        start = deadlines.must_start_by
        if start is not None and start <= today + DATES_AHEAD:
            dates.append(DateItem(measure.code, measure.title, start, light, link))
        if light is TrafficLight.ON_TRACK:
            continue
        lights[measure.code] = light.value
        was = None if before is None else TrafficLight(before.get(measure.code, "op-schema"))
        if was is not light and was is not TrafficLight.LATE:
            turned.append(
                TurnedItem(measure.code, measure.title, light, was, deadlines.must_start_by, link)
            )
    dates.sort(key=lambda d: (d.must_start_by, d.measure))
    behind = set(lights)
    section = Section(
        code=code,
        name=municipality.name,
        dates=dates,
        turned=turned,
        behind=sorted(behind),
        news=[n for n in sources.news(base, since) if _about(n.measures, behind)],
        meetings=[m for m in sources.meetings(base) if _about(m.measures, behind)],
    )
    return section, lights


def _answers(
    session: Session,
    settings: Settings,
    principal: Principal,
    base: str,
    since: datetime,
    now: datetime,
) -> list[AnswerItem]:
    """Answered from `since` up to `now`: what comes during a run is the next digest's."""
    found: list[AnswerItem] = []
    questions, _ = queue.find(
        session, settings, principal, QuestionFilter(), None, "-gewijzigdOp", PageParams(1, MOST)
    )
    for q in questions:
        if q.answered_at is not None and since <= q.answered_at < now and q.answer:
            found.append(
                AnswerItem(
                    "vraag",
                    q.subject,
                    q.answer[:ANSWER_LENGTH],
                    q.answered_at,
                    f"{base}/vragen/{q.id}",
                )
            )
    for status in (SignalStatus.RESPONDED, SignalStatus.FED_BACK):
        listing = signals.Listing(status=status)
        responded, _ = signals.find(session, principal, listing, PageParams(1, MOST), now)
        for s in responded:
            if s.responded_at is not None and since <= s.responded_at < now and s.response:
                found.append(
                    AnswerItem(
                        "signaal",
                        s.title,
                        s.response[:ANSWER_LENGTH],
                        s.responded_at,
                        f"{base}/signalen/{s.id}",
                    )
                )
    found.sort(key=lambda a: a.answered_at, reverse=True)
    return found


def compose(
    session: Session,
    settings: Settings,
    principal: Principal,
    frequency: DigestFrequency,
    previous: tuple[datetime, Lights] | None,
    sources: Sources,
) -> Contents:
    """The digest of `principal` (a contact, her municipalities on it) on the day of
    `sources.now`, after her `previous` digest (its moment and the lights it reported)."""
    base = settings.public_url.rstrip("/")
    today = clock.dutch_date(sources.now)
    if previous is None:
        since = clock.start_of_day(periods.previous_start(frequency, today))
        before_all: Lights | None = None
    else:
        since, before_all = previous
    sections = []
    lights: Lights = {}
    for code in sorted(principal.municipalities):
        # A municipality missing from her previous digest was on schedule on every measure.
        before = None if before_all is None else before_all.get(code, {})
        section, found = _section(session, sources, principal, code, today, base, since, before)
        sections.append(section)
        if found:
            lights[code] = found
    sections.sort(key=lambda s: s.name)
    return Contents(
        frequency=frequency,
        period=periods.key(frequency, today),
        today=today,
        since=since,
        sections=sections,
        answers=_answers(session, settings, principal, base, since, sources.now),
        lights=lights,
    )
