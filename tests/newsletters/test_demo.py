"""The demo's nieuwsbrief: confirmed readers with varied choices, three sent editions in the
public archive and its feed, each delivered to whoever had confirmed by then; made once."""

from collections import Counter
from pathlib import Path

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.core import clock
from api.core.settings import Settings
from api.mail.models import OutboxMessage
from api.newsletters import sending
from api.newsletters.models import Delivery, Edition, EditionStatus, Subscriber, SubscriberStatus
from api.seed.demo_newsletters import DOMAIN, load_demo_newsletters

ARCHIVE = "/api/v1/nieuwsbrief/archief"


def _rows(db: Session) -> Counter[str]:
    return Counter(
        {
            table.__name__: int(db.scalar(select(func.count()).select_from(table)) or 0)
            for table in (Subscriber, Edition, Delivery, OutboxMessage)
        }
    )


async def test_demo_readers_and_three_sent_editions_in_the_archive_made_once(
    client: httpx.AsyncClient, db: Session, database_url: str, storage_dir: Path
) -> None:
    readers = list(db.scalars(select(Subscriber).where(Subscriber.email.endswith(f"@{DOMAIN}"))))
    assert len(readers) >= 24
    assert {r.status for r in readers} == {SubscriberStatus.ACTIVE}
    assert all(r.confirmed_at is not None and r.confirmed_at < clock.now() for r in readers)
    assert any(r.everything for r in readers)
    assert all(r.everything or r.measures or r.themes or r.waves for r in readers)
    choices = {(tuple(r.measures), tuple(r.themes), tuple(r.waves)) for r in readers}
    assert len(choices) > len(readers) // 2, "varied choices"

    editions = list(
        db.scalars(
            select(Edition).where(Edition.status == EditionStatus.SENT).order_by(Edition.sent_at)
        )
    )
    assert len(editions) == 3
    sent_at = [e.sent_at for e in editions]
    assert all(moment is not None and moment < clock.now() for moment in sent_at)
    assert len({clock.dutch_date(m).month for m in sent_at if m is not None}) >= 2
    assert all(e.sections for e in editions), "drafted from what the demo holds"
    assert [e.covers_from for e in editions[1:]] == sent_at[:2]

    archive = await client.get(ARCHIVE)
    assert archive.status_code == 200, archive.text
    assert {e["id"] for e in archive.json()["resultaten"]} == {e.id for e in editions}
    feed = (await client.get(f"{ARCHIVE}/feed")).text
    assert all(e.title in feed for e in editions)

    for edition in editions:
        deliveries = list(db.scalars(select(Delivery).where(Delivery.edition_id == edition.id)))
        confirmed = [r for r in readers if r.confirmed_at and r.confirmed_at <= edition.sent_at]
        assert {d.subscriber_id for d in deliveries} == {r.id for r in confirmed}
        counts = sending.delivery_counts(db, edition.id)
        assert (counts.recipients, counts.waiting) == (len(confirmed), 0)
        mails = [db.get(OutboxMessage, d.outbox_message_id) for d in deliveries]
        assert all(m is not None and m.sent_at == edition.sent_at for m in mails), "never resent"

    before = _rows(db)
    settings = Settings(database_url=database_url, storage_dir=str(storage_dir))
    assert load_demo_newsletters(db, settings, lambda: None) == (0, len(readers) + 3)
    assert _rows(db) == before
