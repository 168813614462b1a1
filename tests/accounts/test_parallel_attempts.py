"""Parallel sign-in attempts on one account, with real sessions in real threads (no test
transaction): the throttle and the one-time TOTP code hold on PostgreSQL as on SQLite."""

import contextlib
import itertools
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pyotp
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.accounts import sessions, throttling
from api.accounts.keys import signing_key
from api.accounts.models import LoginThrottle, User, UserSession
from api.accounts.passwords import hash_password, verify_password
from api.accounts.throttling import account_key
from api.core.db import build_engine, new_session, transactional
from api.core.errors import DomainError
from api.core.requests import RequestContext
from api.core.settings import Settings
from tests.conftest import make_settings
from tests.databases import drop_database, migrated_copy

PASSWORD = "Zeven-Lange-Woorden-Op-Een-Rij"
_numbers = itertools.count(1)


@pytest.fixture(scope="module")
def real_database() -> Iterator[str]:
    url = migrated_copy("parallel")
    engine = build_engine(url)
    with Session(engine) as session:
        signing_key(session, Settings(database_url=url))
        session.commit()
    engine.dispose()
    yield url
    drop_database(url)


@pytest.fixture
def settings(real_database: str, tmp_path: Path) -> Settings:
    return make_settings(real_database, tmp_path)


def new_user(settings: Settings, *, totp_secret: str | None = None) -> str:
    email = f"parallel{next(_numbers)}@voorbeeld.nl"
    with new_session(settings.database_url) as session:
        session.add(
            User(
                email=email,
                name="Parallel",
                password_hash=hash_password(PASSWORD),
                totp_secret=totp_secret,
                totp_enabled=totp_secret is not None,
            )
        )
        session.commit()
    return email


def log_in(settings: Settings, address: str, email: str, password: str, code: str | None) -> int:
    """One login as the session dependency runs it: its own session, committed or rolled back."""
    context = RequestContext(address=address, request_id="parallel", user_agent="test")
    session = new_session(settings.database_url)
    try:
        with contextlib.contextmanager(transactional)(session) as s:
            sessions.login(s, settings, context, email, password, code)
        return 201
    except DomainError as exc:
        return exc.status
    finally:
        session.close()


def in_parallel(count: int, attempt: Callable[[], int]) -> list[int]:
    start = threading.Barrier(count)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            start.wait()
            statuses.append(attempt())
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert len(statuses) == count
    return sorted(statuses)


@pytest.fixture
def verifications(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the argon2 verifications of logins."""
    counted: list[int] = []
    lock = threading.Lock()

    def counting(password_hash: str | None, password: str) -> bool:
        with lock:
            counted.append(1)
        # The suite hashes at argon2's lowest cost; a check as slow as a real one keeps the
        # parallel attempts overlapping, which is what these tests are about.
        time.sleep(0.3)
        return verify_password(password_hash, password)

    monkeypatch.setattr(sessions, "verify_password", counting)
    return counted


def throttle_of(settings: Settings, email: str) -> LoginThrottle:
    with new_session(settings.database_url) as session:
        key = account_key("login", email)
        return session.scalars(select(LoginThrottle).where(LoginThrottle.key == key)).one()


def test_thirty_parallel_wrong_passwords_verify_at_most_the_limit(
    settings: Settings, verifications: list[int]
) -> None:
    email = new_user(settings)
    statuses = in_parallel(
        30, lambda: log_in(settings, "192.0.2.1", email, "Geraden-Wachtwoord-Nummer-1", None)
    )
    assert len(verifications) <= settings.login_max_failures
    assert statuses.count(401) == len(verifications) >= 1
    assert statuses.count(429) == 30 - len(verifications)
    row = throttle_of(settings, email)
    assert row.failures == len(verifications)
    assert row.pending == 0, "every reservation was settled"


def test_parallel_logins_with_the_right_password_all_succeed(
    settings: Settings, verifications: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Attempts beyond the free slots wait for those in flight instead of being refused."""
    # How long they wait is policy; on a busy test machine five argon2 verifications at once
    # can take longer than a real server's few seconds.
    monkeypatch.setattr(throttling, "MAX_WAIT_SECONDS", 120.0)
    email = new_user(settings)
    statuses = in_parallel(8, lambda: log_in(settings, "192.0.2.2", email, PASSWORD, None))
    assert statuses == [201] * 8
    assert len(verifications) == 8
    row = throttle_of(settings, email)
    assert (row.failures, row.pending) == (0, 0)


def test_one_totp_code_gives_one_session_however_many_logins_race(settings: Settings) -> None:
    secret = pyotp.random_base32()
    email = new_user(settings, totp_secret=secret)
    code = pyotp.TOTP(secret).now()
    statuses = in_parallel(10, lambda: log_in(settings, "192.0.2.3", email, PASSWORD, code))
    assert statuses.count(201) == 1, statuses
    assert set(statuses) <= {201, 401, 429}
    with new_session(settings.database_url) as session:
        user_id = session.scalars(select(User.id).where(User.email == email)).one()
        made = session.scalar(select(func.count()).where(UserSession.user_id == user_id))
    assert made == 1
