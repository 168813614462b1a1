"""The migrations build exactly the schema the models describe, up and down, on both databases."""

from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from api.core.db import build_engine
from api.core.migrations import alembic_config, include_name, upgrade_to_head
from api.model_registry import Base
from tests.databases import create_database, drop_database


@pytest.fixture
def empty_database() -> Iterator[str]:
    url = create_database("migrations")
    yield url
    drop_database(url)


def test_upgrade_matches_the_models_and_downgrade_removes_everything(empty_database: str) -> None:
    upgrade_to_head(empty_database)
    engine = build_engine(empty_database)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], f"models and migrations differ: {diff}"

    command.downgrade(alembic_config(empty_database), "base")
    with engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}, "left behind"

    upgrade_to_head(empty_database)
    with engine.connect() as connection:
        assert "measures" in inspect(connection).get_table_names()
    engine.dispose()
