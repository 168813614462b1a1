"""login attempts in flight

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 01:00:00

Login attempts are reserved (and committed) before the password is verified, so parallel
attempts see each other; `pending` counts those still being verified.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("login_throttles") as batch:
        batch.add_column(sa.Column("pending", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("pending_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("login_throttles") as batch:
        batch.drop_column("pending_until")
        batch.drop_column("pending")
