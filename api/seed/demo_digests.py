"""The demo contacts' choices of a personal digest, and the digests they already had.

Ulla Utrecht wants hers weekly, Bas Bollenstreek (a shared service: a part per member) monthly.
Each had one at the start of the previous period, as the job would have made it then: the digest
and its outbox row, marked sent at that moment (the outbox never sends it; its link's secret is
never shown); so the current period's is still to come, and her preview tells what changed
since. Loaded once: a contact with a digest, or with a choice of her own, is left alone."""

from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User
from api.core import clock
from api.core.settings import Settings
from api.digests import compose, periods
from api.digests.models import Digest, DigestFrequency, DigestPreference
from api.digests.sending import contact_of, prepare_digest
from api.mail.models import OutboxMessage
from api.mail.service import DELIVERED

DEMO_DIGESTS: tuple[tuple[str, DigestFrequency], ...] = (
    ("utrecht@demo.spoorboek.example", DigestFrequency.WEEKLY),
    ("bollenstreek@demo.spoorboek.example", DigestFrequency.MONTHLY),
)

DIGESTS_ROWS = len(DEMO_DIGESTS)
"""How many rows the progress bar counts for this part."""

SENT_AT = timedelta(hours=7)
"""The job's time of day (api/jobs/registry.py)."""


def load_demo_digests(
    session: Session, settings: Settings, on_row: Callable[[], None]
) -> tuple[int, int]:
    """(created, already there)."""
    created = existing = 0
    wanted = dict(DEMO_DIGESTS)
    users = session.scalars(
        select(User)
        .where(User.email.in_(wanted))
        .options(selectinload(User.municipalities), selectinload(User.role_rows))
    ).all()
    today = clock.today()
    for user in sorted(users, key=lambda u: u.email):
        frequency = wanted[user.email]
        had_one = session.scalar(select(Digest.id).where(Digest.user_id == user.id).limit(1))
        if had_one is not None or session.get(DigestPreference, user.id) is not None:
            existing += 1
            on_row()
            continue
        sent_at = clock.start_of_day(periods.previous_start(frequency, today)) + SENT_AT
        session.add(
            DigestPreference(
                user_id=user.id, frequency=frequency, chosen_at=sent_at - timedelta(days=1)
            )
        )
        session.flush()
        sources = compose.Sources(session, sent_at)
        digest, mail = prepare_digest(session, settings, contact_of(user), frequency, sources)
        if mail is not None:
            message = OutboxMessage(
                recipient=user.email,
                subject=mail.subject,
                body=DELIVERED,
                created_at=sent_at,
                sent_at=sent_at,
                attempts=1,
            )
            session.add(message)
            session.flush()
            digest.outbox_message_id = message.id
        session.add(digest)
        created += 1
        on_row()
    session.flush()
    return created, existing
