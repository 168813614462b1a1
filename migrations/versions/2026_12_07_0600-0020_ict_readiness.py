"""ict readiness: suppliers' applications, which one each municipality uses, readiness per measure

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 06:00:00

ICT-gereedheid (api/ict/).
"""

from collections.abc import Sequence

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
