"""What happened since the previous edition, as the sections of a new draft: new and updated
products, new FAQ answers, the coming meetings and deadlines, the national progress figure and
the signals that got a response. Every other domain is read through its services.

Each item names the measures it is about, with their themes and waves, so a subscriber gets
only what she chose (rendering.sections_for); a section names them too, unless one of its items
is about everything."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from api.core import clock
from api.core.pagination import PageParams
from api.dashboard import service as dashboard
from api.mail.wording import day_text
from api.measures import service as measures
from api.meetings import calendar as meeting_calendar
from api.meetings import service as meetings
from api.meetings.models import MeetingStatus
from api.products import delivery
from api.products import presenters as product_presenters
from api.progress import grid
from api.questions import faq
from api.signals import service as signals
from api.signals.models import SignalStatus

Section = dict[str, Any]

AHEAD = timedelta(weeks=6)
# More than an editor would keep in one mail: the rest is on the site.
MOST = 100


def _percentage(share: float) -> str:
    return f"{share * 100:.1f}".replace(".", ",") + "%"


@dataclass(frozen=True)
class _About:
    theme: str
    wave: int
    effective: date
    title: str


class _Index:
    """Each measure's theme and wave, to tag what is about it."""

    def __init__(self, session: Session) -> None:
        every = measures.MeasureFilter()
        found, _ = measures.find_measures(session, every, None, PageParams(1, 1000))
        self.by_code = {
            m.code: _About(m.theme_code, m.wave_number, m.effective_date, m.title) for m in found
        }

    def item(self, title: str, text: str, link: str | None, codes: Iterable[str]) -> Section:
        chosen = sorted(set(codes))
        known = [self.by_code[c] for c in chosen if c in self.by_code]
        return {
            "titel": title,
            "tekst": text,
            "link": link,
            "maatregelen": chosen,
            "themas": sorted({a.theme for a in known}),
            "golven": sorted({a.wave for a in known}),
        }


@dataclass(frozen=True)
class Known:
    """The measures, themes and waves a section may name."""

    measures: frozenset[str]
    themes: frozenset[str]
    waves: frozenset[int]


def known(session: Session) -> Known:
    every = measures.MeasureFilter()
    found, _ = measures.find_measures(session, every, None, PageParams(1, 1000))
    return Known(
        frozenset(m.code for m in found),
        frozenset(theme.code for theme, _ in measures.list_themes(session)),
        frozenset(wave.number for wave, _ in measures.list_waves(session)),
    )


def _section(kind: str, title: str, items: list[Section]) -> list[Section]:
    if not items:
        return []
    everything = any(not (i["maatregelen"] or i["themas"] or i["golven"]) for i in items)

    def union(key: str) -> list[Any]:
        return [] if everything else sorted({v for i in items for v in i[key]})

    return [
        {
            "soort": kind,
            "titel": title,
            "items": items[:MOST],
            "maatregelen": union("maatregelen"),
            "themas": union("themas"),
            "golven": union("golven"),
        }
    ]


def _products(session: Session, index: _Index, base: str, since: datetime) -> list[Section]:
    published = delivery.published_since(session, since)

    def item(p: delivery.Published) -> Section:
        text = "Nieuw gepubliceerd." if p.version == 1 else f"Nieuwe versie {p.version}."
        return index.item(p.title, text, f"{base}/producten/{p.product_id}", p.measures)

    return _section(
        "nieuwe-producten", "Nieuwe producten", [item(p) for p in published if p.version == 1]
    ) + _section(
        "bijgewerkte-producten",
        "Bijgewerkte producten",
        [item(p) for p in published if p.version > 1],
    )


def _faq(session: Session, index: _Index, base: str, since: datetime) -> list[Section]:
    items = [
        index.item(e.question, "", f"{base}/faq/{e.faq_id}", e.measures)
        for e in faq.new_since(session, since)
    ]
    return _section("vragen", "Nieuw in de veelgestelde vragen", items)


def _meetings(session: Session, index: _Index, base: str, now: datetime) -> list[Section]:
    today = clock.today()
    listing = meetings.Listing(from_day=today, to_day=today + AHEAD)
    found, _ = meetings.find(session, listing, PageParams(1, MOST), now)
    items = []
    for meeting in found:
        if meetings.shown_status(meeting, now) in (MeetingStatus.CANCELLED, MeetingStatus.PAST):
            continue
        start = meeting.starts_at.astimezone(clock.AMSTERDAM)
        items.append(
            index.item(
                meeting.title,
                f"{day_text(start.date())}, {start:%H:%M} uur. Aanmelden via de link.",
                meeting_calendar.meeting_page(base, meeting.id),
                (m.code for m in meeting.measures),
            )
        )
    return _section("bijeenkomsten", "Bijeenkomsten in de komende zes weken", items)


def _deadlines(session: Session, index: _Index, base: str) -> list[Section]:
    today = clock.today()
    horizon = today + AHEAD
    coming: list[tuple[date, str, str, str | None, list[str]]] = []
    waves = dashboard.waves(session, today)
    wave_dates = {w.ingangsdatum for w in waves}
    for wave in waves:
        codes = [c for c, a in index.by_code.items() if a.wave == wave.nummer]
        if today <= wave.ingangsdatum <= horizon:
            text = f"Fase {wave.nummer} ({wave.naam}) gaat wettelijk in."
            coming.append((wave.ingangsdatum, f"Ingang fase {wave.nummer}", text, None, codes))
        if today <= wave.producten_gereed_op <= horizon:
            text = f"De producten voor fase {wave.nummer} ({wave.naam}) zijn dan gereed."
            coming.append((wave.producten_gereed_op, "Producten gereed", text, None, codes))
    for code, about in index.by_code.items():
        # A measure with its own date; the others go in with their wave.
        if today <= about.effective <= horizon and about.effective not in wave_dates:
            text = f"Maatregel {code} ({about.title}) gaat in."
            coming.append((about.effective, f"Ingang {code}", text, None, [code]))
    for standing in delivery.standings(session, today):
        due = product_presenters.due_date(standing.product)
        if standing.published or due is None or not today <= due <= horizon:
            continue
        product = standing.product
        link = f"{base}/producten/{product.id}"
        text = f"'{product.title}' wordt verwacht."
        codes = [m.code for m in product.measures]
        coming.append((due, "Product verwacht", text, link, codes))
    coming.sort(key=lambda entry: entry[0])
    items = [
        index.item(f"{day_text(day)}: {title}", text, link, codes)
        for day, title, text, link, codes in coming
    ]
    return _section("termijnen", "Termijnen in de komende zes weken", items)


def _progress(session: Session, index: _Index, since: datetime) -> list[Section]:
    today = clock.today()
    now_share = dashboard.national(grid.build(session, today)).aandeel_geimplementeerd
    text = f"Landelijk is {_percentage(now_share)} van de maatregelen geïmplementeerd."
    then_day = clock.dutch_date(since)
    if then_day < today:
        then = next(grid.at_ends_of(session, [then_day]), None)
        if then is not None:
            before = dashboard.national(then).aandeel_geimplementeerd
            change = f"{abs(now_share - before) * 100:.1f}".replace(".", ",")
            sign = "+" if now_share >= before else "−"
            text += (
                f" Op {day_text(then_day)} was dat {_percentage(before)} "
                f"({sign}{change} procentpunt)."
            )
    return _section("voortgang", "Voortgang", [index.item("Landelijke voortgang", text, None, [])])


def _signals(session: Session, index: _Index, base: str, since: datetime) -> list[Section]:
    now = clock.now()
    answered = []
    for status in (SignalStatus.RESPONDED, SignalStatus.FED_BACK):
        found, _ = signals.find_public(
            session, signals.Listing(status=status), PageParams(1, MOST), now
        )
        answered += [s for s in found if s.responded_at is not None and s.responded_at >= since]
    answered.sort(key=lambda s: s.responded_at or since, reverse=True)
    items = [
        index.item(
            s.title,
            (s.response or "")[:600],
            f"{base}/openbare-signalen/{s.id}",
            (m.code for m in s.measures),
        )
        for s in answered
    ]
    return _section("signalen", "Reacties op knelpunten uit de praktijk", items)


def draft_sections(session: Session, base: str, since: datetime) -> list[Section]:
    """The sections of a new draft covering what happened since `since`; `base` is the
    public URL the links start with."""
    now = clock.now()
    index = _Index(session)
    return [
        *_products(session, index, base, since),
        *_faq(session, index, base, since),
        *_meetings(session, index, base, now),
        *_deadlines(session, index, base),
        *_progress(session, index, since),
        *_signals(session, index, base, since),
    ]


def happened_links(session: Session, base: str, since: datetime) -> set[str]:
    """The links of the products, FAQ entries and responses a draft from `since` would hold:
    what happened since then (the rest of a draft looks ahead from today)."""
    index = _Index(session)
    sections = [
        *_products(session, index, base, since),
        *_faq(session, index, base, since),
        *_signals(session, index, base, since),
    ]
    return {item["link"] for section in sections for item in section["items"] if item["link"]}
