"""signals: a signal of kind ict-en-leveranciers names the supplier it concerns

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


FK = "fk_signals_supplier_code_organisations"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a nullable column with its reference in place. A batch would copy the
        # table and drop the old one, and with foreign keys on, that drop deletes every row of
        # the register's tables that point at a signal (ON DELETE CASCADE).
        op.execute(
            "ALTER TABLE signals ADD COLUMN supplier_code VARCHAR(60) "
            f"CONSTRAINT {FK} REFERENCES organisations (code)"
        )
    else:
        op.add_column("signals", sa.Column("supplier_code", sa.String(length=60), nullable=True))
        op.create_foreign_key(op.f(FK), "signals", "organisations", ["supplier_code"], ["code"])
    op.create_index(op.f("ix_signals_supplier_code"), "signals", ["supplier_code"])


def downgrade() -> None:
    op.drop_index(op.f("ix_signals_supplier_code"), table_name="signals")
    # The column takes its reference along. On SQLite this copies the table (a column with a
    # reference cannot be dropped in place): the same cascade as above, so downgrade only a
    # database whose signals may go.
    with op.batch_alter_table("signals") as batch:
        batch.drop_column("supplier_code")
