"""On SQLite a kept answer costs no query while nothing is committed, and the first request
after a commit by anyone (another process here) reads the keys again (core/commit_watch.py).
PostgreSQL has no such number: there every request reads its key, in rounds."""

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from api.core import clock
from api.core.db import build_engine
from api.core.kept import index_of, key_reads_of
from api.main import create_app
from api.measures.models import Measure
from tests.conftest import api_of, http_client, make_settings
from tests.databases import drop_database, is_postgres, reference_copy

MEASURES = "/api/v1/maatregelen?paginaGrootte=100"


@pytest.fixture
def committed_database() -> Iterator[str]:
    """A database of its own, written only by committed transactions (no test transaction)."""
    url = reference_copy("watch")
    yield url
    drop_database(url)


def commit_elsewhere(url: str, title: str) -> None:
    """A write by another process: its own engine, its own connection, committed."""
    engine = build_engine(url)
    with Session(engine) as session:
        session.execute(update(Measure).where(Measure.code == "M05").values(title=title))
        session.commit()
    engine.dispose()


async def test_keys_are_read_again_after_a_commit_or_a_new_minute(
    committed_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(make_settings(committed_database, tmp_path))
    state = api_of(app).state
    per_request = 1 if is_postgres(committed_database) else 0
    async with http_client(app) as client:
        built = await client.get(MEASURES)
        assert (await client.get(MEASURES)).content == built.content
        rounds, answered = key_reads_of(state).rounds, index_of(state).answered
        for _ in range(5):
            assert (await client.get(MEASURES)).content == built.content
        assert index_of(state).answered == answered + 5
        assert key_reads_of(state).rounds == rounds + 5 * per_request

        commit_elsewhere(committed_database, "Gewijzigd door een ander proces")
        after = await client.get(MEASURES)
        assert "Gewijzigd door een ander proces" in after.text
        assert after.headers["etag"] != built.headers["etag"]
        assert (await client.get(MEASURES)).content == after.content

        # Keys also name the day or the minute: a new minute reads them again.
        rounds = key_reads_of(state).rounds
        later = clock.FixedClock(clock.now() + timedelta(minutes=1))
        monkeypatch.setattr(clock, "_clock", later)
        assert (await client.get(MEASURES)).content == after.content
        assert key_reads_of(state).rounds == rounds + 1
