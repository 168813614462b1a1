"""In-process domain events, so one domain can react to another's change without importing it
(the products domain flags its products when a measure changes). Handlers run synchronously in
the same transaction; nothing is kept between requests."""

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

Handler = Callable[[Session, dict[str, Any]], None]
_handlers: dict[str, list[Handler]] = {}


def subscribe(event: str, handler: Handler) -> None:
    if handler not in _handlers.setdefault(event, []):
        _handlers[event].append(handler)


def publish(session: Session, event: str, payload: dict[str, Any]) -> None:
    for handler in _handlers.get(event, []):
        handler(session, payload)


MEASURES_CHANGED = "maatregelen.gewijzigd"
"""payload: {"codes": [...], "fields": [...], "actor": str}"""
