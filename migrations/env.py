"""Alembic environment: the database comes from DATABASE_URL (or a connection handed in)."""

from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection

from api.core.db import TimeLimits, build_engine
from api.core.migrations import include_name
from api.core.settings import get_settings
from api.model_registry import Base

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logging", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=get_settings().database_url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    settings = get_settings()
    # A migration may rebuild large tables and indexes: it waits for locks no longer than a
    # request does, but its statements may take as long as they need.
    engine = build_engine(
        config.get_main_option("sqlalchemy.url") or settings.database_url,
        TimeLimits(lock_ms=settings.db_lock_timeout_ms, statement_ms=0),
    )
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
