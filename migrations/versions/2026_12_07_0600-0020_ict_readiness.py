"""ict readiness: suppliers' applications, which one each municipality uses, readiness per measure

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 06:00:00

ICT-gereedheid (api/ict/): a supplier's consent to public figures, applications and the domains
they serve, the application each municipality uses per domain (with its history), the measures
that need software changes, and each application's readiness per measure (with its history).
A version counter for everything of it (`versie:ict`).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ICT_COUNTER = "versie:ict"
COUNTERS = sa.table(
    "sequence_counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger)
)


def _at(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def _actor(name: str) -> sa.Column[str]:
    return sa.Column(name, sa.String(60), nullable=False)


def upgrade() -> None:
    op.create_table(
        "ict_suppliers",
        sa.Column(
            "organisation_code",
            sa.String(60),
            sa.ForeignKey("organisations.code", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("figures_public", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _at("changed_at"),
        _actor("changed_by"),
    )
    op.create_table(
        "ict_applications",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "supplier_code", sa.String(60), sa.ForeignKey("organisations.code"), nullable=False
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("domains", sa.JSON(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _at("created_at"),
        _at("changed_at"),
        sa.UniqueConstraint("supplier_code", "name"),
    )
    op.create_index("ix_ict_applications_supplier_code", "ict_applications", ["supplier_code"])
    op.create_table(
        "ict_usages",
        sa.Column(
            "municipality_code",
            sa.String(6),
            sa.ForeignKey("municipalities.code"),
            primary_key=True,
        ),
        sa.Column("domain", sa.String(20), primary_key=True),
        sa.Column(
            "application_id", sa.Integer(), sa.ForeignKey("ict_applications.id"), nullable=False
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        _at("changed_at"),
    )
    op.create_index("ix_ict_usages_application_id", "ict_usages", ["application_id"])
    op.create_table(
        "ict_usage_history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("municipality_code", sa.String(6), nullable=False),
        sa.Column("domain", sa.String(20), nullable=False),
        sa.Column("application_id", sa.Integer()),
        sa.Column("source", sa.String(20), nullable=False),
        _actor("actor"),
        _at("changed_at"),
    )
    op.create_index(
        "ix_ict_usage_history_municipality_code", "ict_usage_history", ["municipality_code"]
    )
    op.create_table(
        "ict_software_measures",
        sa.Column("measure_code", sa.String(3), sa.ForeignKey("measures.code"), primary_key=True),
        sa.Column("needs_software", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _at("changed_at"),
        _actor("changed_by"),
    )
    op.create_table(
        "ict_readiness",
        sa.Column(
            "application_id",
            sa.Integer(),
            sa.ForeignKey("ict_applications.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("measure_code", sa.String(3), sa.ForeignKey("measures.code"), primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("release", sa.String(100)),
        sa.Column("release_date", sa.Date()),
        sa.Column("source", sa.String(20), nullable=False),
        _actor("actor"),
        sa.Column("version", sa.Integer(), nullable=False),
        _at("changed_at"),
    )
    op.create_table(
        "ict_readiness_history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "application_id",
            sa.Integer(),
            sa.ForeignKey("ict_applications.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("measure_code", sa.String(3), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("release", sa.String(100)),
        sa.Column("release_date", sa.Date()),
        sa.Column("source", sa.String(20), nullable=False),
        _actor("actor"),
        _at("changed_at"),
    )
    op.create_index(
        "ix_ict_readiness_history_application_id", "ict_readiness_history", ["application_id"]
    )
    # Start at 1, as 0016 and 0018 do (a counter written first by the new code stays as it is).
    missing = ~sa.exists().where(COUNTERS.c.name == ICT_COUNTER)
    op.execute(
        COUNTERS.insert().from_select(
            ["name", "value"], sa.select(sa.literal(ICT_COUNTER), sa.literal(1)).where(missing)
        )
    )


def downgrade() -> None:
    op.execute(COUNTERS.delete().where(COUNTERS.c.name == ICT_COUNTER))
    for table in (
        "ict_readiness_history",
        "ict_readiness",
        "ict_software_measures",
        "ict_usage_history",
        "ict_usages",
        "ict_applications",
        "ict_suppliers",
    ):
        op.drop_table(table)
