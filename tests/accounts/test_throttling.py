"""Login throttling per account and per address, with backoff, shared through the database."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session

from api.core import clock
from api.core.db import get_session, transactional
from api.main import create_app
from api.seed.demo_accounts import DEMO_PASSWORD
from tests.auth import EDITOR, UTRECHT
from tests.conftest import api_of, http_client, make_settings


async def fail(client: httpx.AsyncClient, email: str) -> httpx.Response:
    return await client.post(
        "/api/v1/sessies", json={"email": email, "wachtwoord": "fout-wachtwoord"}
    )


async def test_account_is_locked_after_repeated_failures(client: httpx.AsyncClient) -> None:
    for _ in range(5):
        assert (await fail(client, UTRECHT)).status_code == 401
    locked = await fail(client, UTRECHT)
    assert locked.status_code == 429
    assert int(locked.headers["retry-after"]) >= 1
    assert locked.headers["content-type"] == "application/problem+json"
    # Even the right password waits now: the lock is on the account, not on the guess.
    right = await client.post(
        "/api/v1/sessies", json={"email": UTRECHT, "wachtwoord": DEMO_PASSWORD}
    )
    assert right.status_code == 429
    # Another account from the same address is not locked by this one.
    other = await client.post(
        "/api/v1/sessies", json={"email": EDITOR, "wachtwoord": DEMO_PASSWORD}
    )
    assert other.status_code == 201


async def test_unknown_accounts_are_throttled_the_same(client: httpx.AsyncClient) -> None:
    statuses = [(await fail(client, "niemand@voorbeeld.nl")).status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]


@pytest.fixture
def quick_lock_app(database_url: str, db: Session, tmp_path: Path) -> FastAPI:
    app = create_app(
        make_settings(database_url, tmp_path, login_lockout_seconds=1, login_max_failures=2)
    )
    api_of(app).dependency_overrides[get_session] = lambda: (yield from transactional(db))
    return app


async def test_lock_lifts_after_the_wait_and_backs_off(quick_lock_app: FastAPI) -> None:
    # The application's clock moves on instead of the test waiting for the real one.
    with clock.fixed_clock(datetime.now(UTC)) as moving:
        async with http_client(quick_lock_app) as client:
            for _ in range(2):
                await fail(client, UTRECHT)
            first = await fail(client, UTRECHT)
            assert first.status_code == 429
            moving.moment += timedelta(seconds=0.9)
            assert (await fail(client, UTRECHT)).status_code == 429  # not yet
            moving.moment += timedelta(seconds=0.2)
            third = await fail(client, UTRECHT)
            assert third.status_code == 401
            backed_off = await fail(client, UTRECHT)
            assert backed_off.status_code == 429
            assert int(backed_off.headers["retry-after"]) >= 2
            moving.moment += timedelta(seconds=2.1)
            ok = await client.post(
                "/api/v1/sessies", json={"email": UTRECHT, "wachtwoord": DEMO_PASSWORD}
            )
            assert ok.status_code == 201


async def test_address_is_throttled_across_accounts(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    client = clients()
    statuses = [(await fail(client, f"iemand{n}@voorbeeld.nl")).status_code for n in range(21)]
    assert statuses[:20] == [401] * 20
    assert statuses[20] == 429
