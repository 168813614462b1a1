"""help list: a note per municipality and measure of who contacted it when

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 08:00:00

Contact moments (api/progress/contact_models.py): appended per municipality × measure, the
latest shown in the help list.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "help_contact_moments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "municipality_code",
            sa.String(6),
            sa.ForeignKey("municipalities.code"),
            nullable=False,
        ),
        sa.Column(
            "measure_code",
            sa.String(3),
            sa.ForeignKey("measures.code", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("contacted_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(500), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_help_contact_moments_cell",
        "help_contact_moments",
        ["municipality_code", "measure_code", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_help_contact_moments_cell", table_name="help_contact_moments")
    op.drop_table("help_contact_moments")
