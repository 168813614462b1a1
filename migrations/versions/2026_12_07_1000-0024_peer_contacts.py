"""accounts: whether a municipal contact agrees to be named as a contact for peers

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 10:00:00

A municipality behind on a measure is shown similar municipalities that implemented it, with
the contacts there who agreed to be called by peers (docs/peers.md). Nobody agrees until she
says so herself, under "mijn account": every existing contact starts at false.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("is_peer_contact", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("is_peer_contact")
