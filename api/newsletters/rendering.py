"""An edition as a subscriber gets it: only the sections and items about what she chose, as a
web page, as mail (HTML with its CSS inlined, and plain text) with the links that let whoever
holds the mail manage or end the subscription (one click, RFC 8058). No tracking of any kind.

A section or item names the measures, themes and waves it is about (`maatregelen`, `themas`,
`golven`); one that names none is about everything and goes to everyone."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from api.newsletters.models import Edition, Subscriber

Section = dict[str, Any]


@dataclass(frozen=True)
class MailLinks:
    manage: str
    """The page where she changes her choices or leaves (the SPA)."""
    unsubscribe: str
    """The one-click address a mail program POSTs to (List-Unsubscribe, RFC 8058)."""
    archive: str
    """The edition in the public archive."""


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str
    headers: dict[str, str]


def _about(part: Mapping[str, Any], subscriber: Subscriber) -> bool:
    measures, themes, waves = (
        part.get("maatregelen") or [],
        part.get("themas") or [],
        part.get("golven") or [],
    )
    if not (measures or themes or waves):
        return True
    return bool(
        set(measures) & set(subscriber.measures)
        or set(themes) & set(subscriber.themes)
        or set(waves) & set(subscriber.waves)
    )


def sections_for(edition: Edition, subscriber: Subscriber | None) -> list[Section]:
    """The edition's sections as this subscriber gets them (everything for None: the archive,
    the preview, a subscriber of everything): a section or item about other measures, themes
    or waves is left out, and a section left without items goes too."""
    if subscriber is None or subscriber.everything:
        return [dict(section) for section in edition.sections]
    kept: list[Section] = []
    for section in edition.sections:
        if not _about(section, subscriber):
            continue
        items = section.get("items")
        if items:
            chosen = [item for item in items if _about(item, subscriber)]
            if not chosen:
                continue
            section = {**section, "items": chosen}
        kept.append(dict(section))
    return kept


def unsubscribe_headers(links: MailLinks) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{links.unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def render_mail(edition: Edition, sections: Sequence[Section], links: MailLinks) -> RenderedMail:
    """A plain first version: the work on editions gives it its template and Markdown."""
    lines = [edition.title, "", edition.introduction, ""]
    for section in sections:
        lines += [str(section.get("titel", "")), ""]
        for item in section.get("items") or []:
            lines.append(f"- {item.get('titel', '')}: {item.get('link', '')}")
        lines.append("")
    lines += [f"Uw keuzes wijzigen of afmelden: {links.manage}", f"Online lezen: {links.archive}"]
    text = "\n".join(lines)
    return RenderedMail(
        subject=edition.title,
        text=text,
        html=f"<pre>{escape(text)}</pre>",
        headers=unsubscribe_headers(links),
    )
