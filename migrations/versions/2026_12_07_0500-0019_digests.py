"""digests: each municipal contact's choice of a weekly or monthly personal digest

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 05:00:00

The persoonlijk overzicht (api/digests/): how often each contact wants it, and one row per
digest of a period (with the traffic lights it reported and the hash of its unsubscribe
secret), so a run that stops halfway goes on where it stopped.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _user() -> sa.Column[int]:
    return sa.Column(
        "user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "digest_preferences",
        sa.Column(
            "user_id",
            sa.Integer(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("frequency", sa.String(20), nullable=False),
        sa.Column("chosen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "digests",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(),
        sa.Column("period", sa.String(20), nullable=False),
        sa.Column("frequency", sa.String(20), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lights", sa.JSON(), nullable=False),
        sa.Column("outbox_message_id", sa.Integer()),
        sa.Column("link_token_hash", sa.String(64), unique=True),
        sa.UniqueConstraint("user_id", "period"),
    )
    op.create_index("ix_digests_user_id", "digests", ["user_id"])


def downgrade() -> None:
    op.drop_table("digests")
    op.drop_table("digest_preferences")
