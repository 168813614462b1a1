"""Sending an edition: each active subscriber once, only the sections she chose, with her own
one-click unsubscribe; resumed after a crash without duplicates or gaps, at a batch a run; and
addresses the mail server refused recorded as bounces."""

import smtplib
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from api.accounts.secrets import hash_token, new_token
from api.core import clock
from api.core.clock import AMSTERDAM, fixed_clock
from api.core.db import build_engine
from api.core.settings import Settings
from api.jobs.registry import JOBS
from api.mail import service as outbox
from api.mail.backends import FileBackend
from api.mail.models import OutboxMessage
from api.newsletters import bounces, sending
from api.newsletters.models import (
    Delivery,
    Edition,
    EditionStatus,
    Subscriber,
    SubscriberStatus,
)
from tests.auth import mail_fails_at, mails
from tests.conftest import make_settings
from tests.databases import drop_database, migrated_copy

MOMENT = datetime(2026, 12, 7, 9, 0, tzinfo=AMSTERDAM)

GENERAL = {"soort": "nieuws", "titel": "Nieuws voor iedereen", "items": []}
ABOUT_M05 = {"soort": "maatregel", "titel": "Over de bijstandsnorm", "maatregelen": ["M05"]}
ABOUT_M10 = {"soort": "maatregel", "titel": "Over de vrijlating", "maatregelen": ["M10"]}


@pytest.fixture(autouse=True)
def at_moment() -> Iterator[None]:
    with fixed_clock(MOMENT):
        yield


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(database_url, tmp_path, newsletter_batch_size=200)


def subscriber(
    session: Session,
    email: str,
    status: SubscriberStatus = SubscriberStatus.ACTIVE,
    measures: list[str] | None = None,
) -> Subscriber:
    found = Subscriber(
        email=email,
        status=status,
        manage_token_hash=hash_token(new_token()),
        everything=measures is None,
        measures=measures or [],
        themes=[],
        waves=[],
    )
    session.add(found)
    session.flush()
    return found


def edition(
    session: Session,
    *,
    status: EditionStatus = EditionStatus.SCHEDULED,
    scheduled_for: datetime | None = None,
    introduction: str = "Het laatste nieuws.",
    sections: list[dict[str, Any]] | None = None,
) -> Edition:
    made = Edition(
        title="Nieuwsbrief december",
        introduction=introduction,
        sections=[GENERAL] if sections is None else sections,
        status=status,
        scheduled_for=clock.now() - timedelta(minutes=1)
        if scheduled_for is None
        else scheduled_for,
    )
    session.add(made)
    session.flush()
    return made


def outbox_of(settings: Settings) -> list[EmailMessage]:
    return mails(Path(settings.mail_file_dir))


def per_address(settings: Settings) -> Counter[str]:
    return Counter(str(message["To"]) for message in outbox_of(settings))


def mail_to(settings: Settings, address: str) -> EmailMessage:
    (found,) = (m for m in outbox_of(settings) if m["To"] == address)
    return found


def text_of(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content())  # type: ignore[attr-defined]


def run(session: Session, settings: Settings) -> str:
    return sending.send_due(session, settings, clock.now())


def test_only_active_subscribers_get_the_edition_each_once_however_often_the_job_runs(
    db: Session, settings: Settings
) -> None:
    for address in ("a@example.org", "b@example.org"):
        subscriber(db, address)
    subscriber(db, "nog-niet@example.org", SubscriberStatus.UNCONFIRMED)
    subscriber(db, "weg@example.org", SubscriberStatus.UNSUBSCRIBED)
    sent = edition(db)
    db.commit()

    assert run(db, settings) == "2 abonnees gemaild, 1 editie gestart, 1 editie verzonden"
    # Again by hand, and through the scheduler's registry: nothing more.
    assert run(db, settings).startswith("0 abonnees gemaild")
    job = JOBS["nieuwsbrief-verzenden"]
    assert job.work(db, settings, clock.now()) == (
        "0 abonnees gemaild, 0 edities gestart, 0 edities verzonden, 0 onbestelbaar"
    )

    assert per_address(settings) == {"a@example.org": 1, "b@example.org": 1}
    db.refresh(sent)
    assert (sent.status, sent.sent_at) == (EditionStatus.SENT, clock.now())
    assert sending.delivery_counts(db, sent.id) == sending.DeliveryCounts(2, 0, 0)


def test_an_edition_planned_for_later_or_in_draft_is_not_sent(
    db: Session, settings: Settings
) -> None:
    subscriber(db, "a@example.org")
    later = edition(db, scheduled_for=clock.now() + timedelta(minutes=1))
    draft = edition(db, status=EditionStatus.DRAFT, scheduled_for=clock.now())
    db.commit()

    assert run(db, settings).startswith("0 abonnees gemaild")
    assert outbox_of(settings) == []
    db.refresh(later)
    db.refresh(draft)
    assert (later.status, draft.status) == (EditionStatus.SCHEDULED, EditionStatus.DRAFT)
    assert sending.delivery_counts(db, later.id) == sending.DeliveryCounts(0, 0, 1)
    assert sending.delivery_counts(db, draft.id) == sending.DeliveryCounts(0, 0, 0)

    with fixed_clock(MOMENT + timedelta(minutes=1)):
        run(db, settings)
    assert per_address(settings) == {"a@example.org": 1}


def test_a_batch_a_run_and_a_killed_run_resumed_without_duplicates_or_gaps(
    db: Session, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(database_url, tmp_path, newsletter_batch_size=2)
    addresses = [f"abonnee{n}@example.org" for n in range(1, 6)]
    for address in addresses:
        subscriber(db, address)
    sent = edition(db)
    db.commit()

    # The batch is the pace: one run mails two, the first two by id.
    run(db, settings)
    assert per_address(settings) == {addresses[0]: 1, addresses[1]: 1}

    mail_fails_at(monkeypatch, 1)  # the first of the second batch
    with pytest.raises(RuntimeError):
        run(db, settings)
    db.rollback()  # as the scheduler does with a run that failed
    assert per_address(settings) == {addresses[0]: 1, addresses[1]: 1}
    assert sending.delivery_counts(db, sent.id) == sending.DeliveryCounts(2, 0, 3)

    for _ in range(4):
        run(db, settings)
    assert per_address(settings) == dict.fromkeys(addresses, 1)
    db.refresh(sent)
    assert sent.status is EditionStatus.SENT
    assert sending.delivery_counts(db, sent.id) == sending.DeliveryCounts(5, 0, 0)


def test_each_gets_only_the_sections_about_what_she_chose(db: Session, settings: Settings) -> None:
    subscriber(db, "alles@example.org")
    subscriber(db, "m05@example.org", measures=["M05"])
    nothing_for_her = subscriber(db, "m99@example.org", measures=["M99"])
    about_measures = edition(db, introduction="", sections=[ABOUT_M05, ABOUT_M10])
    db.commit()

    run(db, settings)

    everything = text_of(mail_to(settings, "alles@example.org"))
    assert "Over de bijstandsnorm" in everything
    assert "Over de vrijlating" in everything
    only_m05 = text_of(mail_to(settings, "m05@example.org"))
    assert "Over de bijstandsnorm" in only_m05
    assert "Over de vrijlating" not in only_m05
    # Without an introduction the edition has nothing for her: no mail, but a delivery, so
    # she is not tried again.
    assert "m99@example.org" not in per_address(settings)
    (delivery,) = db.scalars(
        select(Delivery).where(Delivery.subscriber_id == nothing_for_her.id)
    ).all()
    assert (delivery.outbox_message_id, delivery.link_token_hash) == (None, None)
    assert sending.delivery_counts(db, about_measures.id) == sending.DeliveryCounts(2, 0, 0, 1)


def test_each_mail_carries_her_own_one_click_unsubscribe_whose_hash_is_on_her_delivery(
    db: Session, settings: Settings
) -> None:
    people = [subscriber(db, address) for address in ("a@example.org", "b@example.org")]
    sent = edition(db)
    db.commit()

    run(db, settings)

    tokens = set()
    for person in people:
        message = mail_to(settings, person.email)
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        prefix = "<https://spoorboek.example/api/v1/nieuwsbrief/afmelden?token="
        unsubscribe = str(message["List-Unsubscribe"])
        assert unsubscribe.startswith(prefix)
        assert unsubscribe.endswith(">")
        token = unsubscribe.removeprefix(prefix).removesuffix(">")
        assert f"https://spoorboek.example/nieuwsbrief/beheren#token={token}" in text_of(message)
        assert f"https://spoorboek.example/nieuwsbrief/archief/{sent.id}" in text_of(message)
        delivery = db.scalars(
            select(Delivery).where(
                Delivery.edition_id == sent.id, Delivery.subscriber_id == person.id
            )
        ).one()
        assert delivery.link_token_hash == hash_token(token)
        stored = db.get(OutboxMessage, delivery.outbox_message_id)
        assert stored is not None
        assert stored.recipient == person.email
        tokens.add(token)
    assert len(tokens) == 2
    # As written, an address a mail program reads, not RFC 2047 encoded words.
    raw = b"".join(path.read_bytes() for path in Path(settings.mail_file_dir).glob("*.eml"))
    assert raw.count(b"\nList-Unsubscribe: <https://spoorboek.example/api/v1/nieuwsbrief/") == 2


class RefusingServer:
    """Refuses some addresses as a mail server does at RCPT TO; writes the rest to files."""

    def __init__(self, settings: Settings, refusals: dict[str, tuple[int, bytes]]) -> None:
        self.files = FileBackend(Path(settings.mail_file_dir))
        self.refusals = refusals

    def send(self, message: EmailMessage) -> None:
        address = str(message["To"])
        if address in self.refusals:
            raise smtplib.SMTPRecipientsRefused({address: self.refusals[address]})
        self.files.send(message)


def test_addresses_the_mail_server_refuses_for_good_are_recorded_as_bounces(
    db: Session, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    unknown = subscriber(db, "onbekend@example.org")
    full = subscriber(db, "later@example.org")
    subscriber(db, "goed@example.org")
    sent = edition(db)
    db.commit()
    server = RefusingServer(
        settings,
        {
            "onbekend@example.org": (550, b"5.1.1 User unknown"),
            "later@example.org": (452, b"4.2.2 Mailbox full"),
        },
    )
    monkeypatch.setattr(outbox, "backend_for", lambda _settings: server)

    outcome = JOBS["nieuwsbrief-verzenden"].work(db, settings, clock.now())

    assert outcome.endswith(", 1 onbestelbaar")
    assert per_address(settings) == {"goed@example.org": 1}
    by_subscriber = {
        d.subscriber_id: d
        for d in db.scalars(select(Delivery).where(Delivery.edition_id == sent.id))
    }
    assert (by_subscriber[unknown.id].bounced_at, by_subscriber[unknown.id].bounce_reason) == (
        clock.now(),
        "550 5.1.1 User unknown",
    )
    # A temporary refusal is tried again by the outbox, not a bounce.
    assert by_subscriber[full.id].bounced_at is None
    assert sending.delivery_counts(db, sent.id) == sending.DeliveryCounts(3, 1, 0)
    assert bounces.record_bounces(db, clock.now()) == 0


@pytest.mark.engine_neutral
@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (
            smtplib.SMTPRecipientsRefused({"a@x.nl": (550, b"5.1.1 User unknown")}),
            "550 5.1.1 User unknown",
        ),
        (smtplib.SMTPRecipientsRefused({"o'b@x.nl": (554, b"it's gone")}), "554 it's gone"),
        (smtplib.SMTPRecipientsRefused({"a@x.nl": (450, b"try again")}), None),
        (smtplib.SMTPAuthenticationError(535, b"bad login"), None),
        (smtplib.SMTPSenderRefused(553, b"sender refused", "noreply@x.nl"), None),
        (smtplib.SMTPDataError(554, b"spam"), None),
        (ConnectionRefusedError(111, "Connection refused"), None),
    ],
)
def test_only_a_permanent_refusal_of_her_address_is_a_bounce(
    error: Exception, reason: str | None
) -> None:
    assert bounces.permanent_refusal(str(error)[:500]) == reason


# Two runs at the same moment, each with its own connection, on a database that commits for
# real (the suite's runs in one transaction).


@pytest.fixture(scope="module")
def committing_engine() -> Iterator[Engine]:
    url = migrated_copy("nieuwsbrief")
    engine = build_engine(url)
    yield engine
    engine.dispose()
    drop_database(url)


def test_two_runs_at_once_mail_each_subscriber_once(
    committing_engine: Engine, tmp_path: Path
) -> None:
    url = committing_engine.url.render_as_string(hide_password=False)
    settings = make_settings(url, tmp_path, newsletter_batch_size=3)
    addresses = [f"abonnee{n}@example.org" for n in range(1, 11)]

    def sessions() -> Session:
        return Session(committing_engine)

    with sessions() as session:
        for address in addresses:
            subscriber(session, address)
        edition(session)
        session.commit()

    barrier = threading.Barrier(2)
    failures: list[BaseException] = []

    def scheduler() -> None:
        with sessions() as session:
            try:
                barrier.wait(timeout=10)
                for _ in range(4):
                    run(session, settings)
            except BaseException as exc:  # reported below, in the test's thread
                failures.append(exc)

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    # A run that waited too long for SQLite's write lock fails and mails nothing; runs again
    # afterwards finish the edition.
    assert all("locked" in str(failure) for failure in failures), failures
    with sessions() as session:
        for _ in range(4):
            run(session, settings)
        assert per_address(settings) == dict.fromkeys(addresses, 1)
        assert session.scalars(select(Edition.status)).all() == [EditionStatus.SENT]
