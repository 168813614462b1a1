"""notifications, expert requests and scheduled jobs

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 10:20:00

Notifications in the app and by mail (api/notifications): the notifications themselves, each
person's choice per kind, and the single-use unsubscribe links of mail. The outbox gets an
HTML part and extra headers (List-Unsubscribe, RFC 8058). Kinds are stored as plain strings,
so a new kind needs no migration. Questions put to a partner organisation's experts
(`question_expert_requests`), and one row per scheduled job and period (`job_runs`), which
is what lets one scheduler run it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = (
    "toetsing-uitgenodigd",
    "oordeel-gegeven",
    "getoetst-product-gepubliceerd",
    "vraag-toegewezen",
    "vraag-voorgelegd",
    "expertantwoord",
    "vraag-termijn",
    "product-termijn",
    "gemeente-termijn",
)


def _kind(nullable: bool = False) -> sa.Column[str]:
    kind = sa.Enum(*KINDS, name="notification_kind", native_enum=False, length=40)
    return sa.Column("kind", kind, nullable=nullable)


def _user() -> sa.Column[int]:
    return sa.Column("user_id", sa.Integer(), nullable=False)


def _user_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["user_id"], ["users.id"], name=op.f(f"fk_{table}_user_id_users"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        _user(),
        _kind(),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("link", sa.String(length=300), nullable=False),
        sa.Column("occasion", sa.String(length=120), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "mail_state",
            sa.Enum(
                "geen",
                "te-verzenden",
                "dagoverzicht",
                "verzonden",
                name="notification_mail_state",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        _user_key("notifications"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
        sa.UniqueConstraint("user_id", "occasion", name="uq_notifications_user_occasion"),
    )
    with op.batch_alter_table("notifications") as batch:
        batch.create_index(batch.f("ix_notifications_created_at"), ["created_at"])
        batch.create_index("ix_notifications_summary", ["mail_state", "user_id"])
        batch.create_index("ix_notifications_user_unread", ["user_id", "read_at"])

    op.create_table(
        "notification_preferences",
        _user(),
        _kind(),
        sa.Column(
            "delivery",
            sa.Enum(
                "direct",
                "dagelijks",
                "alleen-in-app",
                name="notification_delivery",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _user_key("notification_preferences"),
        sa.PrimaryKeyConstraint("user_id", "kind", name=op.f("pk_notification_preferences")),
    )

    op.create_table(
        "notification_unsubscribe_links",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        _user(),
        _kind(nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        _user_key("notification_unsubscribe_links"),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_notification_unsubscribe_links")),
    )
    with op.batch_alter_table("notification_unsubscribe_links") as batch:
        batch.create_index(batch.f("ix_notification_unsubscribe_links_user_id"), ["user_id"])

    op.create_table(
        "question_expert_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("organisation_code", sa.String(length=60), nullable=False),
        sa.Column("asked_by", sa.Integer(), nullable=True),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("share_contact", sa.Boolean(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_by", sa.Integer(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_question_expert_requests_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_code"],
            ["organisations.code"],
            name=op.f("fk_question_expert_requests_organisation_code_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["asked_by"],
            ["users.id"],
            name=op.f("fk_question_expert_requests_asked_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["answered_by"],
            ["users.id"],
            name=op.f("fk_question_expert_requests_answered_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question_expert_requests")),
    )
    with op.batch_alter_table("question_expert_requests") as batch:
        batch.create_index(batch.f("ix_question_expert_requests_question_id"), ["question_id"])
        batch.create_index(
            batch.f("ix_question_expert_requests_organisation_code"), ["organisation_code"]
        )

    op.create_table(
        "job_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job", sa.String(length=60), nullable=False),
        sa.Column("period", sa.String(length=40), nullable=False),
        sa.Column("holder", sa.String(length=120), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_runs")),
        sa.UniqueConstraint("job", "period", name="uq_job_runs_job_period"),
    )
    with op.batch_alter_table("job_runs") as batch:
        batch.create_index(batch.f("ix_job_runs_started_at"), ["started_at"])

    with op.batch_alter_table("outbox_messages") as batch:
        batch.add_column(sa.Column("html", sa.Text(), nullable=True))
        batch.add_column(sa.Column("headers", sa.JSON(), server_default="{}", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("outbox_messages") as batch:
        batch.drop_column("headers")
        batch.drop_column("html")
    op.drop_table("job_runs")
    op.drop_table("question_expert_requests")
    op.drop_table("notification_unsubscribe_links")
    op.drop_table("notification_preferences")
    op.drop_table("notifications")
