"""Atom feeds for feed readers (feedgen): what every feed of this API shares, so the products'
publications and the signals' responses say who publishes them, in which language, and refuse
a client that takes no Atom in the same way."""

from datetime import datetime
from typing import Any

from fastapi import Request
from feedgen.feed import FeedGenerator

from api.core.negotiation import require_accept

ATOM = "application/atom+xml"
ATOM_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "Atom 1.0", "content": {ATOM: {"schema": {"type": "string"}}}}
}
AUTHOR = "Implementatieteam Participatiewet in balans"


def require_atom(request: Request) -> None:
    require_accept(request, ATOM, "application/xml", "text/xml")


def new_feed(
    base: str,
    path: str,
    *,
    title: str,
    subtitle: str,
    page: str,
    updated: datetime | None,
) -> FeedGenerator:
    """A feed at `/api/v1{path}`, its page for people at `page`; `base` is the public URL."""
    feed = FeedGenerator()
    feed.id(f"{base}/api/v1{path}")
    feed.title(title)
    feed.subtitle(subtitle)
    feed.link(href=f"{base}{page}", rel="alternate")
    feed.link(href=f"{base}/api/v1{path}", rel="self")
    feed.language("nl")
    feed.author({"name": AUTHOR})
    if updated is not None:
        feed.updated(updated)
    return feed
