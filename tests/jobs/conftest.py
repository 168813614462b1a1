"""The jobs' tests commit for real, from several sessions and threads at once, as schedulers
do: on a migrated database of their own (no demo data), whose job runs are wiped after each
test."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from api.core.db import build_engine
from api.core.settings import Settings
from api.jobs.models import JobRun
from tests.conftest import make_settings
from tests.databases import drop_database, migrated_copy


@pytest.fixture(scope="package")
def jobs_database_url() -> Iterator[str]:
    url = migrated_copy("jobs")
    yield url
    drop_database(url)


@pytest.fixture(scope="package")
def jobs_engine(jobs_database_url: str) -> Iterator[Engine]:
    engine = build_engine(jobs_database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(jobs_engine: Engine) -> Iterator[Callable[[], Session]]:
    """New sessions on the jobs' database, as `new_session` makes them."""
    yield lambda: Session(bind=jobs_engine, expire_on_commit=False)
    with Session(jobs_engine) as session:
        session.execute(delete(JobRun))
        session.commit()


@pytest.fixture
def jobs_settings(jobs_database_url: str, tmp_path: Path) -> Settings:
    return make_settings(jobs_database_url, tmp_path)
