"""The Atom feed of responses: every public signal that had its response (reactie-ontvangen or
teruggekoppeld), the newest response first, with the response and what it changes. Like the
CSV (opendata.py) it names no reporter and no municipality, and it is built once per version."""

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from api.core.atom import new_feed
from api.core.text import without_unsafe_characters
from api.signals import repository
from api.signals.models import Body, Outcome, Signal

PATH = "/openbare-signalen/reacties"
PAGE = "/openbare-signalen"
"""The public register in the SPA; a signal's page is below it."""
SIZE = 50
# An empty feed still says when it was updated (Atom requires it); a fixed moment keeps its
# bytes the same in every worker, as its ETag is. The day the first measures took effect.
EMPTY_UPDATED = datetime(2026, 1, 1, tzinfo=UTC)

BODIES = {
    Body.TRACK_2: "spoor 2 (de fundamentele herziening)",
    Body.TRACK_3: "spoor 3 (vakmanschap en leren)",
    Body.MINISTRY: "het ministerie van SZW",
    Body.DIVOSA: "Divosa",
    Body.SUPPLIER: "een softwareleverancier",
    Body.PROGRAMME: "het programma",
}
OUTCOMES = {
    Outcome.LAW_AMENDMENT: "een wetswijziging",
    Outcome.GUIDE: "een handreiking",
    Outcome.PRODUCT: "een implementatieproduct",
    Outcome.NOTHING: "geen wijziging",
}


def _updated(signal: Signal) -> datetime:
    moments = [m for m in (signal.responded_at, signal.fed_back_at) if m is not None]
    return max(moments)


def _summary(signal: Signal) -> str:
    parts = []
    if signal.passed_to is not None:
        parts.append(f"Doorgezet aan {BODIES[signal.passed_to]}.")
    if signal.outcome is not None:
        parts.append(f"Uitkomst: {OUTCOMES[signal.outcome]}.")
    if signal.fed_back_at is not None:
        parts.append("Teruggekoppeld aan de gemeenten.")
    return " ".join(parts)


def _content(signal: Signal) -> str:
    text = signal.response or ""
    if signal.outcome_explanation:
        text += f"\n\nWat er verandert: {signal.outcome_explanation}"
    return text


def responses_feed(session: Session, base: str) -> bytes:
    """`base`: the public URL of the application."""
    signals = repository.public_responses(session, SIZE)
    feed = new_feed(
        base,
        PATH,
        title="Spoorboek: reacties op knelpunten uit de praktijk",
        subtitle="Wat er terugkwam op de knelpunten die gemeenten meldden bij de implementatie "
        "van Participatiewet in balans, spoor 1",
        page=PAGE,
        updated=max((_updated(s) for s in signals), default=EMPTY_UPDATED),
    )
    for signal in signals:
        entry = feed.add_entry(order="append")
        # One response per signal: the lifecycle allows no second one.
        entry.id(f"{base}/api/v1/openbare-signalen/{signal.id}#reactie")
        # Text stored before the edge refused control characters must not break the XML.
        entry.title(without_unsafe_characters(signal.title))
        entry.link(href=f"{base}{PAGE}/{signal.id}")
        entry.published(signal.responded_at)
        entry.updated(_updated(signal))
        entry.summary(without_unsafe_characters(_summary(signal)))
        entry.content(without_unsafe_characters(_content(signal)), type="text")
        entry.category(term=signal.kind.value)
        for measure in signal.measures:
            entry.category(term=measure.code, label=without_unsafe_characters(measure.title))
    return feed.atom_str(pretty=True)  # type: ignore[no-any-return]
