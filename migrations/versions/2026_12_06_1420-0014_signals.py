"""signals register

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 14:20:00

The register of bottlenecks and improvement proposals (api/signals/): signals, their measures
and themes, their evidence (questions, cell blockers, municipalities that back them), their
history, and the suggestions an advisor dismissed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _user(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"))


def upgrade() -> None:
    op.create_table(
        "signals",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("reporter_kind", sa.String(20), nullable=False),
        _user("reported_by"),
        sa.Column("reporter_municipality_code", sa.String(6), sa.ForeignKey("municipalities.code")),
        sa.Column("is_public", sa.Boolean(), nullable=False),
        sa.Column("passed_to", sa.String(20)),
        sa.Column("passed_on_at", sa.DateTime(timezone=True)),
        _user("passed_by"),
        sa.Column("passed_text", sa.Text()),
        sa.Column("response", sa.Text()),
        sa.Column("outcome", sa.String(20)),
        sa.Column("outcome_explanation", sa.Text()),
        sa.Column("responded_at", sa.DateTime(timezone=True)),
        sa.Column("fed_back_at", sa.DateTime(timezone=True)),
        sa.Column("rejection_reason", sa.Text()),
        sa.Column("closed_at", sa.DateTime(timezone=True)),
        sa.Column("suggestion_key", sa.String(200)),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    for column in (
        "kind",
        "status",
        "reported_by",
        "reporter_municipality_code",
        "is_public",
        "passed_to",
        "responded_at",
        "suggestion_key",
        "created_at",
    ):
        op.create_index(f"ix_signals_{column}", "signals", [column])

    op.create_table(
        "signal_measures",
        sa.Column(
            "signal_id",
            sa.Integer(),
            sa.ForeignKey("signals.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("measure_code", sa.String(3), sa.ForeignKey("measures.code"), primary_key=True),
    )
    op.create_index("ix_signal_measures_measure_code", "signal_measures", ["measure_code"])
    op.create_table(
        "signal_themes",
        sa.Column(
            "signal_id",
            sa.Integer(),
            sa.ForeignKey("signals.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("theme_code", sa.String(80), sa.ForeignKey("themes.code"), primary_key=True),
    )
    op.create_index("ix_signal_themes_theme_code", "signal_themes", ["theme_code"])

    op.create_table(
        "signal_questions",
        sa.Column(
            "signal_id",
            sa.Integer(),
            sa.ForeignKey("signals.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "question_id",
            sa.Integer(),
            sa.ForeignKey("questions.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        _user("added_by"),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_signal_questions_question_id", "signal_questions", ["question_id"])

    op.create_table(
        "signal_blockers",
        sa.Column(
            "signal_id",
            sa.Integer(),
            sa.ForeignKey("signals.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "municipality_code",
            sa.String(6),
            sa.ForeignKey("municipalities.code"),
            primary_key=True,
        ),
        sa.Column("measure_code", sa.String(3), sa.ForeignKey("measures.code"), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("blocker_kind", sa.String(40)),
        _user("added_by"),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_signal_blockers_municipality_code", "signal_blockers", ["municipality_code"]
    )

    op.create_table(
        "signal_supports",
        sa.Column(
            "signal_id",
            sa.Integer(),
            sa.ForeignKey("signals.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "municipality_code",
            sa.String(6),
            sa.ForeignKey("municipalities.code"),
            primary_key=True,
        ),
        _user("user_id"),
        sa.Column("note", sa.Text()),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_signal_supports_municipality_code", "signal_supports", ["municipality_code"]
    )
    op.create_index("ix_signal_supports_user_id", "signal_supports", ["user_id"])

    op.create_table(
        "signal_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "signal_id",
            sa.Integer(),
            sa.ForeignKey("signals.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("from_status", sa.String(40)),
        sa.Column("to_status", sa.String(40)),
        sa.Column("actor", sa.String(80), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
    )
    op.create_index("ix_signal_events_signal_id", "signal_events", ["signal_id"])

    op.create_table(
        "signal_dismissed_suggestions",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("evidence", sa.Integer(), nullable=False),
        _user("dismissed_by"),
        sa.Column("dismissed_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "signal_dismissed_suggestions",
        "signal_events",
        "signal_supports",
        "signal_blockers",
        "signal_questions",
        "signal_themes",
        "signal_measures",
        "signals",
    ):
        op.drop_table(table)
