"""Running the alembic migrations from code (CLI, tests) against the configured database."""

from pathlib import Path

from alembic import command
from alembic.config import Config

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def alembic_config(database_url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    config.attributes["configure_logging"] = False
    return config


def upgrade_to_head(database_url: str) -> None:
    command.upgrade(alembic_config(database_url), "head")


# Tables that migrations create but no model describes (engine-specific search indexes).
UNMANAGED_TABLE_PREFIXES = ("product_search", "qa_search")


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Keeps alembic's autogenerate from proposing to drop the unmanaged tables."""
    return not (type_ == "table" and name is not None and name.startswith(UNMANAGED_TABLE_PREFIXES))
