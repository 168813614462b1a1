"""Demo subscribers of the nieuwsbrief and three editions already sent, so the archive, its Atom
feed and a new draft ("what happened since the previous edition") have something to show.

Invented readers at the demo domain, all confirmed, with varied choices (a quarter of them
everything). The editions went out four, eight and twelve weeks ago: each is drafted by the
real drafting code as it would have been on its day (the clock held at that moment), from what
the demo data holds, with an invented introduction. Each reader who had confirmed by then got
it: a delivery and an outbox row, both marked sent at that moment, so the outbox never sends
them. The links' secrets are random and never shown: nobody manages a demo subscription from
a mail.

Deterministic (fixed random seed; the dates follow today). Made once: a second `spoorboek demo`
finds the subscribers and the editions made."""

import random
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.accounts.secrets import hash_token, new_token
from api.core import clock
from api.core.settings import Settings
from api.mail.models import OutboxMessage
from api.mail.service import DELIVERED
from api.measures.models import Measure, Theme, Wave
from api.newsletters import drafting, links
from api.newsletters.models import (
    Delivery,
    Edition,
    EditionStatus,
    Subscriber,
    SubscriberStatus,
)
from api.newsletters.rendering import render_mail, sections_for

DOMAIN = "demo.spoorboek.example"
ROLES = ["beleid", "klantmanager", "werkcoach", "teamleider", "jurist", "communicatie"]
PLACES = [
    "almere", "amersfoort", "apeldoorn", "arnhem", "breda", "delft", "deventer", "dordrecht",
    "ede", "emmen", "enschede", "groningen", "haarlem", "helmond", "hengelo", "leeuwarden",
    "leiden", "lelystad", "maastricht", "nijmegen", "oss", "roosendaal", "schiedam", "sittard",
    "tilburg", "venlo", "zaanstad", "zwolle", "gouda", "hoorn", "alkmaar", "assen",
]  # fmt: skip
SUBSCRIBERS = len(PLACES)
EVERYTHING_SHARE = 0.25
EDITION_WEEKS_AGO = [12, 8, 4]
"""When the three demo editions went out, oldest first (at ten in the morning)."""
TITLE_MARK = "(demo)"
INTRODUCTIONS = [
    "Welkom bij de nieuwsbrief van Spoorboek. Elke maand leest u hier wat er veranderde in "
    "de implementatie van **Participatiewet in balans**: nieuwe producten, antwoorden op uw "
    "vragen, bijeenkomsten en termijnen.\n\nKies op de beheerpagina over welke maatregelen u "
    "leest; dan krijgt u alleen wat over die maatregelen gaat.",
    "De eerste gemeenten zijn klaar met de maatregelen van fase 1. In deze editie leest u "
    "welke producten daarbij hielpen en welke vragen het vaakst terugkwamen.\n\n"
    "Heeft u een knelpunt uit de praktijk? Meld het als signaal; de reacties staan hieronder.",
    "De termijnen van de volgende fase komen dichterbij. Kijk in de lijst hieronder wanneer "
    "welke maatregel ingaat en welke producten daarvoor klaarstaan.\n\n"
    "Wij horen graag hoe u de nieuwsbrief vindt: mail de redactie.",
]
NewRows = tuple[int, int]


def _address(number: int) -> str:
    """Fixed by its number alone: a second run finds the same readers, whatever else changed."""
    return f"{ROLES[number * 5 % len(ROLES)]}.{PLACES[number]}@{DOMAIN}"


def _choices(
    rng: random.Random, measures: list[str], themes: list[str], waves: list[int]
) -> dict[str, Any]:
    if rng.random() < EVERYTHING_SHARE:
        return {"everything": True, "measures": [], "themes": [], "waves": []}
    chosen = sorted(rng.sample(measures, k=rng.randint(1, 3))) if rng.random() < 0.8 else []
    return {
        "everything": False,
        "measures": chosen,
        # Without a measure, a theme: every reader chose something.
        "themes": sorted(rng.sample(themes, k=1)) if rng.random() < 0.4 or not chosen else [],
        "waves": sorted(rng.sample(waves, k=1)) if rng.random() < 0.25 else [],
    }


def _subscribers(
    session: Session, rng: random.Random, first_edition: datetime, on_row: Callable[[], None]
) -> NewRows:
    measures = list(session.scalars(select(Measure.code).order_by(Measure.code)))
    themes = list(session.scalars(select(Theme.code).order_by(Theme.code)))
    waves = list(session.scalars(select(Wave.number).order_by(Wave.number)))
    known = set(session.scalars(select(Subscriber.email)))
    created = existing = 0
    for number in range(SUBSCRIBERS):
        address = _address(number)
        choices = _choices(rng, measures, themes, waves)
        # Most signed up before the first edition, the rest along the way.
        signed_up = first_edition + timedelta(days=rng.uniform(-60, 80), hours=rng.uniform(0, 9))
        if address in known:
            existing += 1
        else:
            session.add(
                Subscriber(
                    email=address,
                    status=SubscriberStatus.ACTIVE,
                    manage_token_hash=hash_token(new_token()),
                    created_at=signed_up,
                    confirmed_at=signed_up + timedelta(minutes=rng.uniform(2, 600)),
                    **choices,
                )
            )
            created += 1
        on_row()
    session.flush()
    return created, existing


def _moments() -> list[datetime]:
    today = clock.today()
    return [
        datetime.combine(today - timedelta(weeks=weeks), time(10), clock.AMSTERDAM).astimezone(UTC)
        for weeks in EDITION_WEEKS_AGO
    ]


def _title(moment: datetime) -> str:
    months = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december",
    ]  # fmt: skip
    day = clock.dutch_date(moment)
    return f"Nieuwsbrief {months[day.month - 1]} {day.year} {TITLE_MARK}"


def _as_of(session: Session, base: str, since: datetime, moment: datetime) -> list[dict[str, Any]]:
    """The draft as the editor would have had it at `moment`. Products, FAQ entries and
    responses are drafted from `since` with no end, so what came after `moment` is taken out
    again."""
    with clock.fixed_clock(moment):
        sections = drafting.draft_sections(session, base, since)
        too_new = drafting.happened_links(session, base, moment)
    kept = []
    for section in sections:
        items = [i for i in section["items"] if i["link"] is None or i["link"] not in too_new]
        if not items:
            continue
        if section["maatregelen"] or section["themas"] or section["golven"]:
            for key in ("maatregelen", "themas", "golven"):
                section[key] = sorted({v for i in items for v in i[key]})
        kept.append({**section, "items": items})
    return kept


def _deliver(
    session: Session, settings: Settings, edition: Edition, subscribers: list[Subscriber]
) -> None:
    """What the sending job would have recorded, already sent: nothing left to mail."""
    moment = edition.sent_at or clock.now()
    for subscriber in subscribers:
        if subscriber.confirmed_at is None or subscriber.confirmed_at > moment:
            continue
        sections = sections_for(edition, subscriber)
        if not sections and not edition.introduction.strip():
            session.add(
                Delivery(edition_id=edition.id, subscriber_id=subscriber.id, sent_at=moment)
            )
            continue
        token = new_token()
        subject = render_mail(edition, sections, links.mail_links(settings, edition.id, token))
        message = OutboxMessage(
            recipient=subscriber.email,
            subject=subject.subject,
            body=DELIVERED,
            created_at=moment,
            sent_at=moment,
            attempts=1,
        )
        session.add(message)
        session.flush()
        session.add(
            Delivery(
                edition_id=edition.id,
                subscriber_id=subscriber.id,
                outbox_message_id=message.id,
                link_token_hash=hash_token(token),
                sent_at=moment,
            )
        )


def _editions(
    session: Session, settings: Settings, moments: list[datetime], on_row: Callable[[], None]
) -> NewRows:
    made = session.scalar(
        select(func.count()).select_from(Edition).where(Edition.title.endswith(TITLE_MARK))
    )
    if made:
        for _ in moments:
            on_row()
        return 0, int(made)
    editor = session.scalars(select(User.id).where(User.email == f"redacteur@{DOMAIN}")).first()
    subscribers = list(
        session.scalars(
            select(Subscriber)
            .where(Subscriber.email.endswith(f"@{DOMAIN}"))
            .order_by(Subscriber.id)
        )
    )
    base = links.absolute(settings, "")
    since = moments[0] - timedelta(days=30)
    for moment, introduction in zip(moments, INTRODUCTIONS, strict=True):
        edition = Edition(
            title=_title(moment),
            introduction=introduction,
            sections=_as_of(session, base, since, moment),
            status=EditionStatus.SENT,
            covers_from=since,
            scheduled_for=moment,
            sent_at=moment,
            created_by=editor,
            created_at=moment - timedelta(days=2),
            updated_at=moment - timedelta(hours=1),
            version=3,
        )
        session.add(edition)
        session.flush()
        _deliver(session, settings, edition, subscribers)
        since = moment
        on_row()
    session.flush()
    return len(moments), 0


def load_demo_newsletters(
    session: Session, settings: Settings, on_row: Callable[[], None]
) -> tuple[int, int]:
    """(created, already there)."""
    rng = random.Random(2026_18)
    moments = _moments()
    subscribers = _subscribers(session, rng, moments[0], on_row)
    editions = _editions(session, settings, moments, on_row)
    return subscribers[0] + editions[0], subscribers[1] + editions[1]


NEWSLETTERS_ROWS = SUBSCRIBERS + len(EDITION_WEEKS_AGO)
"""How many rows the progress bar counts for this part."""
