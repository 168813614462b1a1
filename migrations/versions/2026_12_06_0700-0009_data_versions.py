"""data versions

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 07:00:00

One counter per kind of data (reference, progress), raised by every transaction that writes
it (rows of sequence_counters, handed out in commit order): the key of everything built from
that data, the same for every worker. Progress rows carry the counter of the write that made
them, so the figures read back only what changed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = ("referentie", "voortgang")


COUNTERS = sa.table(
    "sequence_counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger)
)


def upgrade() -> None:
    # Start at 1: a database already holding data is then never mistaken for an empty one.
    op.bulk_insert(COUNTERS, [{"name": f"versie:{kind}", "value": 1} for kind in KINDS])
    with op.batch_alter_table("progress_statuses") as batch:
        batch.add_column(
            sa.Column("data_version", sa.BigInteger(), server_default="0", nullable=False)
        )
        batch.create_index(batch.f("ix_progress_statuses_data_version"), ["data_version"])


def downgrade() -> None:
    with op.batch_alter_table("progress_statuses") as batch:
        batch.drop_index(batch.f("ix_progress_statuses_data_version"))
        batch.drop_column("data_version")
    op.execute(COUNTERS.delete().where(COUNTERS.c.name.in_([f"versie:{kind}" for kind in KINDS])))
