"""Mail leaves only once the change it reports on is committed."""

from pathlib import Path

import pytest
from sqlalchemy import create_engine, delete, select
from sqlalchemy.orm import Session

from api.mail import service as mail
from api.mail.models import OutboxMessage
from tests.auth import mails
from tests.conftest import make_settings


def test_mail_of_a_rolled_back_change_is_never_sent(db: Session, tmp_path: Path) -> None:
    settings = make_settings("sqlite://", tmp_path)
    mail.send(db, settings, to="a@gemeente.example", subject="Teruggedraaid", body="x")
    db.rollback()
    assert mails(tmp_path / "outbox") == []
    assert (
        db.scalars(select(OutboxMessage).where(OutboxMessage.subject == "Teruggedraaid")).all()
        == []
    )


def test_mail_is_delivered_after_the_commit_and_its_text_wiped(db: Session, tmp_path: Path) -> None:
    settings = make_settings("sqlite://", tmp_path)
    mail.send(db, settings, to="b@gemeente.example", subject="Vastgelegd", body="De tekst.")
    assert mails(tmp_path / "outbox") == []  # not before the commit
    db.commit()
    [sent] = mails(tmp_path / "outbox")
    assert sent["To"] == "b@gemeente.example"
    assert sent.get_content().strip() == "De tekst."
    row = db.scalars(select(OutboxMessage).where(OutboxMessage.subject == "Vastgelegd")).one()
    db.refresh(row)
    assert row.sent_at is not None
    assert row.body == mail.DELIVERED


def test_a_mail_with_an_html_part_is_logged_by_the_console_backend(
    db: Session, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings("sqlite://", tmp_path, mail_backend="console", log_level="INFO")
    mail.send(
        db, settings, to="c@gemeente.example", subject="Twee delen", body="Tekst.", html="<p>H</p>"
    )

    with caplog.at_level("INFO", logger="spoorboek.mail"):
        db.commit()

    [logged] = [r for r in caplog.records if r.getMessage() == "mail (console)"]
    assert logged.body.strip() == "Tekst."  # type: ignore[attr-defined]
    row = db.scalars(select(OutboxMessage).where(OutboxMessage.subject == "Twee delen")).one()
    db.refresh(row)
    assert row.sent_at is not None


def test_any_failure_of_one_message_keeps_it_for_a_retry_and_spares_the_commit(
    db: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings("sqlite://", tmp_path)

    class Broken:
        def send(self, message: object) -> None:
            raise ValueError("kapotte koptekst")

    monkeypatch.setattr(mail, "backend_for", lambda _settings: Broken())
    mail.send(db, settings, to="d@gemeente.example", subject="Later", body="x")

    db.commit()  # the change itself commits all the same

    row = db.scalars(select(OutboxMessage).where(OutboxMessage.subject == "Later")).one()
    db.refresh(row)
    assert row.sent_at is None
    assert row.last_error == "kapotte koptekst"


def test_delivery_after_a_commit_needs_no_second_connection(
    database_url: str, tmp_path: Path
) -> None:
    """The request's connection is back in the pool before the mail is delivered: with every
    connection taken, delivery must not wait for one that only it holds (a pool timeout)."""
    settings = make_settings(database_url, tmp_path)
    engine = create_engine(database_url, pool_size=1, max_overflow=0, pool_timeout=0.5)
    subject = "Eén verbinding genoeg"
    try:
        with Session(engine) as session:
            mail.send(session, settings, to="c@gemeente.example", subject=subject, body="x")
            session.commit()
        [sent] = mails(tmp_path / "outbox")
        assert sent["Subject"] == subject
        with Session(engine) as session:
            row = session.scalars(
                select(OutboxMessage).where(OutboxMessage.subject == subject)
            ).one()
            assert row.sent_at is not None
    finally:
        with engine.begin() as connection:
            connection.execute(delete(OutboxMessage).where(OutboxMessage.subject == subject))
        engine.dispose()
