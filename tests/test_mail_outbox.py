"""Mail leaves only once the change it reports on is committed."""

from pathlib import Path

import pytest
from sqlalchemy import select
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
