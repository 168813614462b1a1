"""progress updated_at index: the newest change of progress in one look-up

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07 18:30:00

Every figure names the newest change of progress as its moment (`MAX(updated_at)` over the
cells); without an index that is a pass over every cell, on each build of a figure.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_progress_statuses_updated_at"), "progress_statuses", ["updated_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_progress_statuses_updated_at"), table_name="progress_statuses")
