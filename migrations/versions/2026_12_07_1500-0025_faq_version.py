"""faq version: a counter for the public FAQ (`versie:faq`)

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07 15:00:00

The FAQ lists and the dashboard's newest entries are keyed by a counter that every write to the
FAQ raises (core/data_versions.py), instead of counting and dating the entries on every request.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FAQ_COUNTER = "versie:faq"
COUNTERS = sa.table(
    "sequence_counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger)
)


def upgrade() -> None:
    # Start at 1, as 0016 does (a counter written first by the new code stays as it is).
    missing = ~sa.exists().where(COUNTERS.c.name == FAQ_COUNTER)
    op.execute(
        COUNTERS.insert().from_select(
            ["name", "value"], sa.select(sa.literal(FAQ_COUNTER), sa.literal(1)).where(missing)
        )
    )


def downgrade() -> None:
    op.execute(COUNTERS.delete().where(COUNTERS.c.name == FAQ_COUNTER))
