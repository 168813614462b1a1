"""product followers

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 11:40:00

People who follow a product, to hear when a new version of it is published
(api/products/following.py, api/notifications).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "product_followers",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_followers_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_product_followers_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("product_id", "user_id", name=op.f("pk_product_followers")),
    )
    with op.batch_alter_table("product_followers") as batch:
        batch.create_index(batch.f("ix_product_followers_user_id"), ["user_id"])


def downgrade() -> None:
    op.drop_table("product_followers")
