"""Public representations are built once per version of their data and kept per app (per
worker); a write makes a new version, so no worker serves a copy that the write made stale.
Private representations are never kept."""

from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session

from api.core.db import get_session, transactional
from api.core.kept import Representations, representations
from api.main import create_app
from tests.auth import EDITOR, UTRECHT, login
from tests.conftest import QueryCounter, api_of, http_client, make_settings
from tests.progress.helpers import move_utrechts_m20

OVERVIEW = "/api/v1/voortgang/overzicht?groep=maatregel"


def _m20(body: dict[str, object]) -> dict[str, int]:
    rows = body["groepen"]  # type: ignore[index]
    return next(r for r in rows if r["groep"]["code"] == "M20")["perFase"]  # type: ignore[no-any-return]


async def test_a_public_representation_is_built_once_per_version(
    client: httpx.AsyncClient, app: FastAPI, count_queries: QueryCounter
) -> None:
    first = await client.get(OVERVIEW)
    built = count_queries.count
    count_queries.count = 0
    again = await client.get(OVERVIEW)
    assert again.status_code == 200
    assert again.content == first.content
    # Only the version key was read (and the test's savepoint opened and released): the
    # figures were not computed again.
    assert built >= 10
    assert count_queries.count <= 3
    assert len(representations(api_of(app).state)) == 2, (
        "the body and its compressed copy (httpx accepts gzip)"
    )


async def test_a_write_is_seen_at_once_by_the_worker_that_kept_a_copy(clients: object) -> None:
    public: httpx.AsyncClient = clients()  # type: ignore[operator]
    contact: httpx.AsyncClient = clients()  # type: ignore[operator]
    await login(contact, UTRECHT)
    before = (await public.get(OVERVIEW)).json()
    target = await move_utrechts_m20(contact)
    after = (await public.get(OVERVIEW)).json()
    assert _m20(after)[target] == _m20(before)[target] + 1


@pytest.fixture
def other_worker(database_url: str, db: Session, tmp_path: Path) -> FastAPI:
    """A second app over the same database: another worker, with a store of its own."""
    app = create_app(make_settings(database_url, tmp_path / "other"))
    api_of(app).dependency_overrides[get_session] = lambda: (yield from transactional(db))
    return app


async def test_a_write_through_one_worker_is_seen_by_another(
    clients: object, other_worker: FastAPI
) -> None:
    contact: httpx.AsyncClient = clients()  # type: ignore[operator]
    await login(contact, UTRECHT)
    async with http_client(other_worker) as elsewhere:
        before = (await elsewhere.get(OVERVIEW)).json()
        assert len(representations(api_of(other_worker).state)) == 2, (
            "the body and its compressed copy"
        )
        target = await move_utrechts_m20(contact)
        after = (await elsewhere.get(OVERVIEW)).json()
    assert _m20(after)[target] == _m20(before)[target] + 1


async def test_a_private_representation_is_never_kept(clients: object, app: FastAPI) -> None:
    editor: httpx.AsyncClient = clients()  # type: ignore[operator]
    await login(editor, EDITOR)
    listed = await editor.get("/api/v1/producten")
    assert listed.status_code == 200
    assert listed.headers["cache-control"].startswith("private")
    assert len(representations(api_of(app).state)) == 0


@pytest.mark.engine_neutral
def test_the_store_keeps_to_its_budget_and_its_age(monkeypatch: pytest.MonkeyPatch) -> None:
    store = Representations(budget_bytes=10, max_age_seconds=60)
    store.put("a", b"12345")
    store.put("b", b"12345")
    assert store.get("a") == b"12345"  # now the most recently used
    store.put("c", b"12345")
    assert store.get("b") is None
    assert store.get("a") == b"12345"
    assert store.get("c") == b"12345"
    store.put("huge", b"x" * 11)
    assert store.get("huge") is None

    now = [1000.0]
    monkeypatch.setattr("api.core.kept.time.monotonic", lambda: now[0])
    aging = Representations(max_age_seconds=60)
    aging.put("t", b"body")
    now[0] += 59
    assert aging.get("t") == b"body"
    now[0] += 2
    assert aging.get("t") is None


async def test_the_compressed_copy_is_kept_too(client: httpx.AsyncClient, app: FastAPI) -> None:
    plain = await client.get("/api/v1/kaart/gemeenten", headers={"Accept-Encoding": "identity"})
    packed = await client.get("/api/v1/kaart/gemeenten", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["vary"]
    assert packed.headers["etag"] == plain.headers["etag"]
    assert packed.content == plain.content, "the same body, compressed"
    store = representations(api_of(app).state)
    assert len(store) == 2, "the body and its compressed copy, each once"
    again = await client.get("/api/v1/kaart/gemeenten", headers={"Accept-Encoding": "gzip"})
    assert again.content == plain.content
    assert len(store) == 2
