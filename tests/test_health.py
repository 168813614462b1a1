"""Liveness and readiness."""

from collections.abc import Iterator
from pathlib import Path

import httpx
from fastapi import FastAPI
from sqlalchemy.orm import Session

from api.core.db import build_engine, get_session
from tests.conftest import api_of


async def test_liveness_and_readiness(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/v1/health")).json() == {"status": "ok"}
    assert (await client.get("/api/v1/health/ready")).json() == {"status": "ok"}


async def test_not_ready_without_a_database(app: FastAPI, tmp_path: Path) -> None:
    unreachable = build_engine(f"sqlite:///{tmp_path / 'missing-dir' / 'x.db'}")

    def session_without_database() -> Iterator[Session]:
        with Session(unreachable) as session:
            yield session

    api_of(app).dependency_overrides[get_session] = session_without_database
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        ready = await client.get("/api/v1/health/ready")
        live = await client.get("/api/v1/health")
    assert ready.status_code == 503
    assert ready.headers["content-type"] == "application/problem+json"
    assert live.status_code == 200
