"""A digest as mail: an HTML part (the shared layout, its CSS inlined) and a plain-text part,
both from one shaping of its contents, with the one-click unsubscribe of RFC 8058 in its
headers (the same headers as the nieuwsbrief's). No tracking of any kind."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from api.core.clock import AMSTERDAM
from api.digests.compose import Contents, Section
from api.digests.models import DigestFrequency
from api.mail import templating
from api.mail.wording import MONTHS, SIGNATURE, day_text, weekday_text
from api.progress.deadlines import TrafficLight

LIGHTS = {
    TrafficLight.ON_TRACK: "op schema",
    TrafficLight.AT_RISK: "risico",
    TrafficLight.LATE: "te laat",
}


@dataclass(frozen=True)
class Item:
    title: str
    text: str
    link: str | None = None


@dataclass(frozen=True)
class Part:
    title: str
    items: list[Item]


@dataclass(frozen=True)
class Block:
    """One municipality's parts, or her own answers."""

    title: str
    parts: list[Part]
    empty_text: str = ""


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str
    headers: dict[str, str]


def period_text(contents: Contents) -> str:
    """ "week 50 van 2026", "december 2026"."""
    if contents.frequency is DigestFrequency.MONTHLY:
        return f"{MONTHS[contents.today.month - 1]} {contents.today.year}"
    year, week, _ = contents.today.isocalendar()
    return f"week {week} van {year}"


def subject(contents: Contents) -> str:
    return f"Uw persoonlijk overzicht van {period_text(contents)}"


def _turned_text(light: TrafficLight, was: TrafficLight | None) -> str:
    now = f"Nu {LIGHTS[light]}"
    return now + (f" (was {LIGHTS[was]})." if was is not None else ".")


def _block(section: Section, today: date) -> Block:
    parts = [
        Part(
            "Uiterlijk beginnen",
            [
                Item(
                    f"{day_text(d.must_start_by)}: {d.measure} {d.title}",
                    (
                        "Had toen al moeten beginnen"
                        if d.must_start_by < today
                        else "Uiterlijk dan beginnen"
                    )
                    + f"; nu {LIGHTS[d.light]}.",
                    d.link,
                )
                for d in section.dates
            ],
        ),
        Part(
            "Sinds uw vorige overzicht te laat of met risico",
            [
                Item(f"{t.measure} {t.title}", _turned_text(t.light, t.was), t.link)
                for t in section.turned
            ],
        ),
        Part(
            "Nieuw voor de maatregelen waarmee de gemeente achterloopt",
            [
                Item(
                    n.title,
                    ("Nieuw product" if n.kind == "product" else "Nieuw in de veelgestelde vragen")
                    + f" bij {', '.join(n.measures)}.",
                    n.link,
                )
                for n in section.news
            ],
        ),
        Part(
            "Bijeenkomsten over die maatregelen",
            [
                Item(
                    m.title,
                    f"{weekday_text(m.starts_at.astimezone(AMSTERDAM).date())}, "
                    f"{m.starts_at.astimezone(AMSTERDAM):%H:%M} uur.",
                    m.link,
                )
                for m in section.meetings
            ],
        ),
    ]
    kept = [p for p in parts if p.items]
    return Block(
        f"{section.name} ({section.code})",
        kept,
        "" if kept else "Niets te melden: geen startdata, achterstanden of nieuws.",
    )


def blocks(contents: Contents) -> list[Block]:
    """The digest shaped for reading: a block per municipality, then her answers."""
    shaped = [_block(section, contents.today) for section in contents.sections]
    if contents.answers:
        shaped.append(
            Block(
                "Antwoorden op uw vragen en signalen",
                [
                    Part(
                        "Beantwoord sinds uw vorige overzicht",
                        [
                            Item(
                                ("Vraag: " if a.kind == "vraag" else "Signaal: ") + a.title,
                                a.text,
                                a.link,
                            )
                            for a in contents.answers
                        ],
                    )
                ],
            )
        )
    return shaped


def _context(contents: Contents, manage_url: str) -> dict[str, Any]:
    return {
        "subject": subject(contents),
        "introduction": (
            f"Wat er sinds {day_text(contents.since.astimezone(AMSTERDAM).date())} "
            "speelt bij uw gemeente"
            + ("n" if len(contents.sections) > 1 else "")
            + ": wanneer u uiterlijk moet beginnen, wat te laat raakte of risico liep, en wat "
            "nieuw is voor de maatregelen waarmee u achterloopt."
        ),
        "blocks": blocks(contents),
        "manage_url": manage_url,
        "signature": SIGNATURE.strip(),
    }


def render_mail(contents: Contents, manage_url: str, unsubscribe_url: str) -> RenderedMail:
    environment = templating.environment("api.digests")
    context = _context(contents, manage_url)
    html = environment.get_template("digest.html").render(context)
    return RenderedMail(
        subject=subject(contents),
        text=environment.get_template("digest.txt").render(context),
        html=templating.inline_css(html),
        headers=templating.one_click_unsubscribe(unsubscribe_url),
    )
