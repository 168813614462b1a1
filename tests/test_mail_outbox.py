"""Mail leaves only once the change it reports on is committed."""

from pathlib import Path

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
