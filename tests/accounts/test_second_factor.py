"""The TOTP second factor: enrolment, login with a code, replay protection, enforcement by role."""

import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pyotp
import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session

from api.core.db import get_session, transactional
from api.core.settings import Settings
from api.main import create_app
from api.seed.demo_accounts import DEMO_PASSWORD
from tests.auth import ADMIN, EDITOR, login
from tests.conftest import api_of, http_client, make_settings


async def enrol(client: httpx.AsyncClient) -> pyotp.TOTP:
    started = await client.post("/api/v1/mijn-account/tweede-factor")
    assert started.status_code == 201
    assert started.json()["otpauthUri"].startswith("otpauth://totp/Spoorboek")
    totp = pyotp.TOTP(started.json()["geheim"])
    enabled = await client.put(
        "/api/v1/mijn-account/tweede-factor", json={"actief": True, "code": totp.now()}
    )
    assert enabled.status_code == 200, enabled.text
    assert enabled.json()["tweedeFactor"] is True
    return totp


def code_at(totp: pyotp.TOTP, steps_from_now: int) -> str:
    """A code of a neighbouring 30-second step: the current one was used to enrol."""
    return totp.at(time.time() + steps_from_now * totp.interval)


async def test_login_needs_the_code_once_enrolled(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor = clients()
    await login(editor, EDITOR)
    totp = await enrol(editor)
    fresh = clients()
    without = await fresh.post(
        "/api/v1/sessies", json={"email": EDITOR, "wachtwoord": DEMO_PASSWORD}
    )
    assert without.status_code == 401
    assert without.json()["code"] == "tweede_factor_nodig"
    wrong = await fresh.post(
        "/api/v1/sessies", json={"email": EDITOR, "wachtwoord": DEMO_PASSWORD, "code": "000000"}
    )
    assert wrong.status_code == 401
    assert (
        await fresh.post(
            "/api/v1/sessies",
            json={"email": EDITOR, "wachtwoord": DEMO_PASSWORD, "code": code_at(totp, -1)},
        )
    ).status_code == 401, "a step older than the last one used is refused"
    code = code_at(totp, 1)
    ok = await fresh.post(
        "/api/v1/sessies", json={"email": EDITOR, "wachtwoord": DEMO_PASSWORD, "code": code}
    )
    assert ok.status_code == 201
    replay = await clients().post(
        "/api/v1/sessies", json={"email": EDITOR, "wachtwoord": DEMO_PASSWORD, "code": code}
    )
    assert replay.status_code == 401, "a code is accepted only once"


async def test_a_wrong_code_does_not_enable(client: httpx.AsyncClient) -> None:
    await login(client, EDITOR)
    await client.post("/api/v1/mijn-account/tweede-factor")
    response = await client.put(
        "/api/v1/mijn-account/tweede-factor", json={"actief": True, "code": "123456"}
    )
    assert response.status_code == 400
    assert (await client.get("/api/v1/mijn-account")).json()["tweedeFactor"] is False


async def test_disabling_needs_a_current_code(client: httpx.AsyncClient) -> None:
    await login(client, EDITOR)
    totp = await enrol(client)
    disabled = await client.put(
        "/api/v1/mijn-account/tweede-factor", json={"actief": False, "code": code_at(totp, 1)}
    )
    assert disabled.status_code == 200
    assert disabled.json()["tweedeFactor"] is False


@pytest.fixture
def enforcing_app(database_url: str, db: Session, tmp_path: Path) -> FastAPI:
    app = create_app(make_settings(database_url, tmp_path, second_factor_roles="beheerder"))
    api_of(app).dependency_overrides[get_session] = lambda: (yield from transactional(db))
    return app


async def test_admins_must_set_up_a_second_factor_first(enforcing_app: FastAPI) -> None:
    async with http_client(enforcing_app) as admin:
        session = await login(admin, ADMIN)
        assert session["tweedeFactorInstellen"] is True
        blocked = await admin.get("/api/v1/gebruikers")
        assert blocked.status_code == 403
        assert blocked.json()["code"] == "tweede_factor_instellen"
        totp = await enrol(admin)
        assert (await admin.get("/api/v1/gebruikers")).status_code == 200
        cannot_disable = await admin.put(
            "/api/v1/mijn-account/tweede-factor", json={"actief": False, "code": code_at(totp, 1)}
        )
        assert cannot_disable.status_code == 409
    async with http_client(enforcing_app) as editor:
        session = await login(editor, EDITOR)
        assert session["tweedeFactorInstellen"] is False


def test_second_factor_is_on_for_admins_and_experts_by_default_except_in_demo_mode() -> None:
    assert Settings(database_url="sqlite://").roles_needing_second_factor == {
        "beheerder",
        "expert",
    }
    assert (
        Settings(database_url="sqlite://", environment="demo").roles_needing_second_factor == set()
    )
    configured = Settings(database_url="sqlite://", second_factor_roles="beheerder,redacteur")
    assert configured.roles_needing_second_factor == {"beheerder", "redacteur"}
