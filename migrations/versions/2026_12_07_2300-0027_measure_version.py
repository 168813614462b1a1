"""measures: a version numbering the editors' changes of a measure and its roadmap

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07 23:00:00

So an editor's change of a measure (its text, wave, dates) or of its roadmap can name the state
it was made on (If-Match), as a change of a wave can: two editors at the same measure no longer
overwrite each other unseen.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("measures") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("measures") as batch:
        batch.drop_column("version")
