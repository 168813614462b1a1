"""blocker kinds

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 14:00:00

A kind beside each progress cell's blocker text (api/progress/models.py, BlockerKind), in the
cells and their history. Nullable: blockers written before kinds existed have none.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The values as this revision knows them, not imported from the models, which may change later.
KINDS = (
    "wet-en-regelgeving",
    "ict-en-leveranciers",
    "financien",
    "uitvoering-en-capaciteit",
    "ketenpartners",
    "implementatieproducten",
)
TABLES = ("progress_statuses", "progress_history")


def _kind() -> sa.Column[str]:
    kind = sa.Enum(*KINDS, name="blocker_kind", native_enum=False, length=40)
    return sa.Column("blocker_kind", kind, nullable=True)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(_kind())


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("blocker_kind")
