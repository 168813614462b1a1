"""An edition as a subscriber gets it: only the sections and items about what she chose, as a
web page, as mail (HTML with its CSS inlined, and plain text) with the links that let whoever
holds the mail manage or end the subscription (one click, RFC 8058). No tracking of any kind.

A section or item names the measures, themes and waves it is about (`maatregelen`, `themas`,
`golven`); one that names none is about everything and goes to everyone."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import nh3
from jinja2 import Environment
from markdown_it import MarkdownIt
from markupsafe import Markup

from api.mail import templating
from api.newsletters.models import Edition, Subscriber

Section = dict[str, Any]

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

# No images: a picture in a mail is how a sender learns who opened it.
_ALLOWED_TAGS = {
    "a", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li", "ol", "p", "pre",
    "strong", "ul",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


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
        set(measures) & set(subscriber.measures or [])
        or set(themes) & set(subscriber.themes or [])
        or set(waves) & set(subscriber.waves or [])
    )


def sections_for(edition: Edition, subscriber: Subscriber | None) -> list[Section]:
    """The edition's sections as this subscriber gets them (everything for None: the archive,
    the preview, a subscriber of everything): a section or item about other measures, themes
    or waves is left out, and a section left without items goes too."""
    sections = edition.sections or []
    if subscriber is None or subscriber.everything:
        return [dict(section) for section in sections]
    kept: list[Section] = []
    for section in sections:
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


@cache
def _markdown() -> MarkdownIt:
    # Raw HTML in the Markdown is passed on to nh3, which keeps what is harmless (a <br>, an
    # <em>) and strips the rest (scripts with their content, event attributes, javascript:).
    return MarkdownIt("commonmark", {"html": True}).disable("image")


def sanitise(html: str) -> str:
    """Only the tags a newsletter needs, links only to the web or a mail address, and no heading
    of the first level: that is the page's own, or the mail's title."""
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=set(SAFE_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def markdown_html(source: str | None) -> Markup:
    """The editor's Markdown as safe HTML, its headings a level below the edition's title and
    the sections' (an editor's "# Kop" is a heading of the third level)."""
    markdown = _markdown()
    tokens = markdown.parse(source or "")
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 2, 4)}"
    html = markdown.renderer.render(tokens, markdown.options, {})
    return Markup(sanitise(html))  # noqa: S704 - sanitised above


def safe_link(url: Any) -> str | None:
    """A link of a section's item, if it leads to the web or a mail address: a javascript: or
    data: link, or anything that is not a string, is dropped rather than shown."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in SAFE_SCHEMES else None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class _Item:
    title: str
    text: str
    html: Markup
    link: str | None


@dataclass(frozen=True)
class _Section:
    title: str
    text: str
    html: Markup
    items: list[_Item]


def _shaped(sections: Sequence[Section]) -> list[_Section]:
    """Sections as the templates show them: whatever an editor stored, only strings and safe
    links reach the template."""
    shaped = []
    for section in sections:
        items = section.get("items") if isinstance(section.get("items"), list) else []
        shaped.append(
            _Section(
                title=_text(section.get("titel")),
                text=_text(section.get("tekst")),
                html=markdown_html(_text(section.get("tekst"))),
                items=[
                    _Item(
                        title=_text(item.get("titel")),
                        text=_text(item.get("tekst")),
                        html=markdown_html(_text(item.get("tekst"))),
                        link=safe_link(item.get("link")),
                    )
                    for item in items or []
                    if isinstance(item, Mapping)
                ],
            )
        )
    return shaped


def _environment() -> Environment:
    return templating.environment("api.newsletters")


def _context(edition: Edition, sections: Sequence[Section]) -> dict[str, Any]:
    return {
        "subject": edition.title,
        "title": edition.title,
        "introduction": edition.introduction or "",
        "introduction_html": markdown_html(edition.introduction),
        "sections": _shaped(sections),
    }


def render_web(edition: Edition, sections: Sequence[Section]) -> str:
    """The edition as a fragment of a web page (the archive, the editor's preview), below the
    title that page gives it (one heading of the first level per page): sanitised once more as
    a whole, so no template mistake can let a script through."""
    fragment = _environment().get_template("edition.web.html").render(_context(edition, sections))
    return sanitise(fragment)


def render_mail(edition: Edition, sections: Sequence[Section], links: MailLinks) -> RenderedMail:
    """The mail of this edition with these sections: an HTML part with its CSS inlined (mail
    programs drop style sheets) and a plain-text part, both with the links to manage the
    subscription and to read the edition online."""
    environment = _environment()
    context = {
        **_context(edition, sections),
        "manage_url": links.manage,
        "archive_url": links.archive,
    }
    html = environment.get_template("edition.html").render(context)
    return RenderedMail(
        subject=edition.title,
        text=environment.get_template("edition.txt").render(context),
        html=templating.inline_css(html),
        headers=templating.one_click_unsubscribe(links.unsubscribe),
    )
