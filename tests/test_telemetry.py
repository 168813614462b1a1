"""FastAPI's own OpenTelemetry: off unless the settings turn it on (api/main.py)."""

from pathlib import Path

import httpx
import pytest
from opentelemetry import trace

from api.main import create_app
from tests.conftest import make_settings

pytestmark = pytest.mark.engine_neutral


class _Providers:
    """Counts the requests that ask whether a tracer provider is set up."""

    def __init__(self) -> None:
        self.asked = 0
        self._real = trace.get_tracer_provider

    def __call__(self) -> trace.TracerProvider:
        self.asked += 1
        return self._real()


@pytest.mark.parametrize(("on", "asks"), [(False, False), (True, True)])
async def test_a_request_asks_for_telemetry_only_when_it_is_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, on: bool, asks: bool
) -> None:
    providers = _Providers()
    monkeypatch.setattr(trace, "get_tracer_provider", providers)
    app = create_app(make_settings("sqlite://", tmp_path, telemetry=on))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://spoorboek.test") as client:
        response = await client.get("/api/v1/")
    assert response.status_code == 200
    assert (providers.asked > 0) is asks
