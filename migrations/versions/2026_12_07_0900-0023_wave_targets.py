"""waves: a target per wave (the share of municipalities implemented by the legal date)

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The target is a whole percentage (0-100) or none; the version numbers the wave's changes,
    # so an editor's change can name the state it was made on (If-Match).
    with op.batch_alter_table("waves") as batch:
        batch.add_column(sa.Column("target", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("waves") as batch:
        batch.drop_column("version")
        batch.drop_column("target")
