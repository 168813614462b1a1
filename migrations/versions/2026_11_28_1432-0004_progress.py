"""Progress: roadmap steps, status per municipality and measure, and its history.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 14:32:08.513814
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "progress_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("measure_code", sa.String(length=3), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "phase",
            sa.Enum(
                "niet-gestart",
                "orienterend",
                "voorbereidend",
                "geimplementeerd",
                "geevalueerd",
                name="phase",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("planned_go_live", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("blockers", sa.Text(), nullable=True),
        sa.Column("steps_done", sa.JSON(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column(
            "source",
            sa.Enum(
                "persoon",
                "script",
                "programma",
                name="progress_source",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_code"],
            ["measures.code"],
            name=op.f("fk_progress_history_measure_code_measures"),
        ),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipalities.code"],
            name=op.f("fk_progress_history_municipality_code_municipalities"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_history")),
        sa.UniqueConstraint(
            "municipality_code",
            "measure_code",
            "version",
            name=op.f("uq_progress_history_municipality_code_measure_code_version"),
        ),
    )
    with op.batch_alter_table("progress_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_progress_history_municipality_code"), ["municipality_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_progress_history_recorded_at"), ["recorded_at"], unique=False
        )

    op.create_table(
        "progress_statuses",
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("measure_code", sa.String(length=3), nullable=False),
        sa.Column(
            "phase",
            sa.Enum(
                "niet-gestart",
                "orienterend",
                "voorbereidend",
                "geimplementeerd",
                "geevalueerd",
                name="phase",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("planned_go_live", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("blockers", sa.Text(), nullable=True),
        sa.Column("steps_done", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "source",
            sa.Enum(
                "persoon",
                "script",
                "programma",
                name="progress_source",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_code"],
            ["measures.code"],
            name=op.f("fk_progress_statuses_measure_code_measures"),
        ),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipalities.code"],
            name=op.f("fk_progress_statuses_municipality_code_municipalities"),
        ),
        sa.PrimaryKeyConstraint(
            "municipality_code", "measure_code", name=op.f("pk_progress_statuses")
        ),
    )
    with op.batch_alter_table("progress_statuses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_progress_statuses_measure_code"), ["measure_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_progress_statuses_phase"), ["phase"], unique=False)

    op.create_table(
        "roadmap_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_code", sa.String(length=3), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("start_offset_days", sa.Integer(), nullable=False),
        sa.Column("finish_offset_days", sa.Integer(), nullable=False),
        sa.Column("depends_on", sa.JSON(), nullable=False),
        sa.Column("council_decision", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_code"],
            ["measures.code"],
            name=op.f("fk_roadmap_steps_measure_code_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roadmap_steps")),
        sa.UniqueConstraint(
            "measure_code", "code", name=op.f("uq_roadmap_steps_measure_code_code")
        ),
    )
    with op.batch_alter_table("roadmap_steps", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_roadmap_steps_measure_code"), ["measure_code"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("roadmap_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_roadmap_steps_measure_code"))

    op.drop_table("roadmap_steps")
    with op.batch_alter_table("progress_statuses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progress_statuses_phase"))
        batch_op.drop_index(batch_op.f("ix_progress_statuses_measure_code"))

    op.drop_table("progress_statuses")
    with op.batch_alter_table("progress_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progress_history_recorded_at"))
        batch_op.drop_index(batch_op.f("ix_progress_history_municipality_code"))

    op.drop_table("progress_history")
