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

# Hand-overs that someone must hear about (api/notifications/rules.py turns them into
# notifications). Ids are user ids; "actor" is the user who did it, who is never notified.

REVIEW_INVITED = "toetsing.uitgenodigd"
"""payload: {"product": int, "title": str, "version": int, "reviewer": int, "actor": int}"""

VERDICT_GIVEN = "toetsing.oordeel"
"""payload: {"product": int, "title": str, "version": int, "verdict": str,
"reviewer_name": str, "owner": int | None, "invited_by": int | None, "actor": int}"""

PRODUCT_PUBLISHED = "product.gepubliceerd"
"""payload: {"product": int, "title": str, "version": int, "reviewers": [int],
"followers": [int], "actor": int}"""

QUESTION_ASSIGNED = "vraag.toegewezen"
"""payload: {"question": int, "subject": str, "assignee": int, "actor": int}"""

QUESTION_ESCALATED = "vraag.voorgelegd"
"""payload: {"question": int, "request": int, "subject": str, "organisation": str,
"due": date, "actor": int}"""

EXPERT_ANSWERED = "vraag.expertantwoord"
"""payload: {"question": int, "request": int, "subject": str, "organisation_name": str,
"advisors": [int], "actor": int}: the advisors are the assignee and whoever asked."""

SIGNAL_REPORTED = "signaal.gemeld"
"""payload: {"signal": int, "title": str, "reporter_name": str, "actor": int}: a signal
reported by someone outside the programme team, for the team to take up."""

SIGNAL_RESPONDED = "signaal.reactie"
"""payload: {"signal": int, "title": str, "backers": [int], "actor": int}: the backers are the
people who reported it or said it applies to them too."""

SIGNAL_FED_BACK = "signaal.teruggekoppeld"
"""payload: {"signal": int, "title": str, "municipalities": [str], "actor": int}: every
municipality behind the evidence, whose contacts are told of the response."""

PROPOSAL_RECEIVED = "verbetervoorstel.ontvangen"
"""payload: {"proposal": int, "product": int, "title": str, "version": int, "owner": int | None,
"actor": int | None}: an improvement proposal for the product's owner to decide on."""

PROPOSAL_DECIDED = "verbetervoorstel.stap"
"""payload: {"proposal": int, "product": int, "title": str, "status": str, "reason": str | None,
"version": int | None, "proposer": int | None, "actor": int | None}: adopted (into version),
rejected (with the reason) or processed (published in version), for the proposer to hear."""

MEETING_CANCELLED = "bijeenkomst.geannuleerd"
"""payload: {"meeting": int, "reason": str, "actor": int | None}: everyone registered or on the
waiting list is told, with a cancelling .ics."""

MEETING_MOVED = "bijeenkomst.verplaatst"
"""payload: {"meeting": int, "fields": [str], "actor": int | None}: the time, the place or the
join link changed (the SEQUENCE is raised); everyone registered gets the updated .ics."""

MEETING_PLACES_CHANGED = "bijeenkomst.plaatsen"
"""payload: {"meeting": int, "actor": str}: the capacity or the status changed, so places may
have come free for the waiting list."""

ICT_READINESS_REPORTED = "ict.gereedheid-gemeld"
"""payload: {"application": int, "application_name": str, "supplier": str, "measure": str,
"old_status": str | None, "old_date": date | None, "new_status": str, "new_date": date | None,
"actor": int | None}: a supplier's client or an editor changed an application's readiness for a
measure (old_status None: nothing was reported before); the municipalities whose verdict got
worse are told."""
