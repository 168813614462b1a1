"""signal versions

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 14:40:00

A version counter for the register of signals (core/data_versions.py: `versie:signalen`),
raised by every transaction that writes a signal, its evidence or its history: the key of the
public CSV and the Atom feed of responses, built once per version.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTER = "versie:signalen"
COUNTERS = sa.table(
    "sequence_counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger)
)


def upgrade() -> None:
    # Start at 1, as the other counters did: a database that already holds signals is then
    # never keyed as an empty register. A signal written by the new code before this ran made
    # the row already (core/sequences.py creates a missing counter): then it stays as it is.
    missing = ~sa.exists().where(COUNTERS.c.name == COUNTER)
    op.execute(
        COUNTERS.insert().from_select(
            ["name", "value"], sa.select(sa.literal(COUNTER), sa.literal(1)).where(missing)
        )
    )


def downgrade() -> None:
    op.execute(COUNTERS.delete().where(COUNTERS.c.name == COUNTER))
