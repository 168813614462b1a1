"""The job persoonlijk-overzicht-verzenden: weekly digests on Monday and monthly ones on the
1st, each contact at most once per period; a run that dies halfway is resumed by the next with
nobody mailed twice and nobody skipped; a contact with nothing to hear of gets no mail."""

from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User, UserRole
from api.core import clock
from api.core.clock import AMSTERDAM, fixed_clock
from api.core.security import Role
from api.core.settings import Settings
from api.digests.models import Digest, DigestFrequency, DigestPreference
from api.jobs.registry import JOBS
from api.mail.models import OutboxMessage
from api.municipalities.models import Municipality
from api.seed.demo_digests import DEMO_DIGESTS, load_demo_digests
from tests.auth import mail_fails_at, mails

JOB = JOBS["persoonlijk-overzicht-verzenden"]
LONG_AGO = datetime(2026, 11, 1, tzinfo=AMSTERDAM)
MUNICIPALITIES = ["GM0344", "GM0363", "GM0518", "GM0599", "GM0014"]


def contact(
    db: Session, email: str, codes: list[str], frequency: DigestFrequency, chosen_at: datetime
) -> User:
    user = User(
        email=email,
        name=email.split("@")[0],
        role_rows=[UserRole(role=Role.MUNICIPAL_CONTACT)],
        municipalities=[db.get_one(Municipality, code) for code in codes],
    )
    db.add(user)
    db.flush()
    db.add(DigestPreference(user_id=user.id, frequency=frequency, chosen_at=chosen_at))
    db.flush()
    return user


def per_address(folder: Path) -> Counter[str]:
    return Counter(str(m["To"]) for m in mails(folder))


def run(db: Session, settings: Settings) -> str:
    return JOB.work(db, settings, clock.now())


@pytest.fixture
def settings(app: FastAPI) -> Settings:
    return app.state.settings  # type: ignore[no-any-return]


def test_a_run_that_dies_halfway_is_resumed_without_duplicates_or_gaps(
    db: Session, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    weekly = [
        contact(db, f"contact{n}@example.org", [code], DigestFrequency.WEEKLY, LONG_AGO).email
        for n, code in enumerate(MUNICIPALITIES)
    ]
    db.commit()
    mail_fails_at(monkeypatch, 3)
    with pytest.raises(RuntimeError):
        run(db, settings)
    db.rollback()  # as the scheduler does with a run that failed
    assert per_address(tmp_path / "outbox") == dict.fromkeys(weekly[:2], 1)

    assert run(db, settings).startswith("3 persoonlijke overzichten gemaild")
    assert per_address(tmp_path / "outbox") == dict.fromkeys(weekly, 1)
    assert run(db, settings).startswith("0 ")
    assert per_address(tmp_path / "outbox") == dict.fromkeys(weekly, 1)
    periods = db.scalars(select(Digest.period).where(Digest.outbox_message_id.is_not(None)))
    assert Counter(periods) == {"2026-W50": 5}


def test_weekly_on_monday_monthly_on_the_first_and_each_once_per_period(
    db: Session, settings: Settings, tmp_path: Path
) -> None:
    this_monday = clock.now()
    contact(db, "wekelijks@example.org", ["GM0344"], DigestFrequency.WEEKLY, LONG_AGO)
    contact(db, "maandelijks@example.org", ["GM0363"], DigestFrequency.MONTHLY, LONG_AGO)
    # Chose after this week began: her first is next Monday's.
    contact(db, "nieuw@example.org", ["GM0518"], DigestFrequency.WEEKLY, this_monday)
    contact(db, "nooit@example.org", ["GM0599"], DigestFrequency.NEVER, LONG_AGO)
    # The monthly one had December's on the 1st already.
    monthly_id = db.scalar(select(User.id).where(User.email == "maandelijks@example.org"))
    db.add(Digest(user_id=monthly_id, period="2026-12", frequency=DigestFrequency.MONTHLY))
    db.commit()
    outbox_dir = tmp_path / "outbox"

    run(db, settings)
    assert per_address(outbox_dir) == {"wekelijks@example.org": 1}

    for day in range(1, 7):  # the rest of the week: nobody new
        with fixed_clock(this_monday + timedelta(days=day)):
            run(db, settings)
    assert per_address(outbox_dir) == {"wekelijks@example.org": 1}

    with fixed_clock(this_monday + timedelta(weeks=1)):
        run(db, settings)
    assert per_address(outbox_dir) == {"wekelijks@example.org": 2, "nieuw@example.org": 1}

    # Friday 1 January: the month's for the monthly one; and as nobody ran the job on Monday
    # 28 December, the weekly ones get that week's now (once, however often it runs).
    with fixed_clock(datetime(2027, 1, 1, 8, 0, tzinfo=AMSTERDAM)):
        run(db, settings)
        run(db, settings)
    assert per_address(outbox_dir) == {
        "wekelijks@example.org": 3,
        "nieuw@example.org": 2,
        "maandelijks@example.org": 1,
    }


def test_the_demo_contacts_each_had_one_digest_in_the_outbox_and_a_second_load_adds_none(
    db: Session, settings: Settings
) -> None:
    assert load_demo_digests(db, settings, lambda: None) == (2, 0)
    made = db.scalars(select(Digest)).all()
    assert {d.frequency for d in made} == {DigestFrequency.WEEKLY, DigestFrequency.MONTHLY}
    assert all(d.outbox_message_id is not None for d in made)
    sent = db.scalars(
        select(OutboxMessage.recipient).where(
            OutboxMessage.id.in_([d.outbox_message_id for d in made]),
            OutboxMessage.sent_at.is_not(None),
        )
    ).all()
    assert sorted(sent) == sorted(email for email, _ in DEMO_DIGESTS)
    # The current period is still to come for both.
    assert {d.period for d in made}.isdisjoint({"2026-W50", "2026-12"})

    assert load_demo_digests(db, settings, lambda: None) == (0, 2)
    assert len(db.scalars(select(Digest)).all()) == 2
