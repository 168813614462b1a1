"""Creating and dropping empty databases for tests, on SQLite and PostgreSQL alike."""

import itertools
import os
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, make_url, text
from sqlalchemy.orm import Session

from api.core.db import build_engine
from api.core.migrations import upgrade_to_head
from api.seed.reference import load_reference_data

_counter = itertools.count()


def base_url() -> str:
    """The server the suite runs against: TEST_DATABASE_URL, or SQLite when none is given."""
    return os.environ.get("TEST_DATABASE_URL", "sqlite://")


def is_postgres(url: str) -> bool:
    return url.startswith("postgresql")


def create_database(label: str) -> str:
    """An empty database of its own; returns its URL."""
    url = base_url()
    if not is_postgres(url):
        folder = Path(tempfile.mkdtemp(prefix=f"spoorboek-{label}-"))
        return f"sqlite:///{folder / 'test.db'}"
    name = f"spoorboek_{label}_{os.getpid()}_{next(_counter)}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def clone_database(template_url: str, label: str) -> str:
    """A new database with the template's schema and rows; returns its URL. Far cheaper than
    migrating and loading data again. On PostgreSQL the template must have no open connections
    (dispose its engines first), or CREATE DATABASE ... TEMPLATE refuses."""
    if not is_postgres(template_url):
        url = create_database(label)
        # The backup API copies a consistent state, whatever a WAL file still holds.
        source = sqlite3.connect(make_url(template_url).database or "")
        target = sqlite3.connect(make_url(url).database or "")
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        return url
    name = f"spoorboek_{label}_{os.getpid()}_{next(_counter)}"
    template = make_url(template_url).database
    admin = create_engine(base_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    admin.dispose()
    return make_url(template_url).set(database=name).render_as_string(hide_password=False)


_templates: dict[str, str] = {}
"""The databases copied by `migrated_copy` and `reference_copy`, made on first use."""


def migrated_copy(label: str) -> str:
    """A new database at the newest migration, copied from one migrated once per run:
    migrating costs about two seconds, a copy a small part of one."""
    template = _templates.get("migrated")
    if template is None:
        template = create_database("migrated")
        upgrade_to_head(template)
        _templates["migrated"] = template
    return clone_database(template, label)


def reference_copy(label: str) -> str:
    """As `migrated_copy`, with the reference data (measures, municipalities) loaded."""
    template = _templates.get("reference")
    if template is None:
        template = migrated_copy("reference")
        engine = build_engine(template)
        with Session(engine) as session:
            load_reference_data(session)
            session.commit()
        engine.dispose()  # a template with a connection open cannot be copied (PostgreSQL)
        _templates["reference"] = template
    return clone_database(template, label)


def drop_templates() -> None:
    """At the end of the run: the templates the copies were made from."""
    for url in _templates.values():
        drop_database(url)
    _templates.clear()


def drop_database(url: str) -> None:
    if not is_postgres(url):
        Path(make_url(url).database or "").unlink(missing_ok=True)
        return
    name = make_url(url).database
    admin = create_engine(base_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
