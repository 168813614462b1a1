"""newsletters: subscribers with double opt-in, editions, deliveries, sign-up throttling

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 03:00:00

The nieuwsbrief (api/newsletters/): subscribers and their choices of measures, themes and waves
(the secrets of their links stored hashed), the editions an editor composes, one delivery per
edition and subscriber (a send that stops goes on where it stopped), and a throttle on sign-ups.
A version counter for the public archive (`versie:nieuwsbrief`).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEWSLETTERS_COUNTER = "versie:nieuwsbrief"
COUNTERS = sa.table(
    "sequence_counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger)
)


def _at(name: str, nullable: bool = True) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _user(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"))


def upgrade() -> None:
    op.create_table(
        "newsletter_subscribers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("confirm_token_hash", sa.String(64), unique=True),
        _at("confirm_expires_at"),
        sa.Column("manage_token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("everything", sa.Boolean(), nullable=False),
        sa.Column("measures", sa.JSON(), nullable=False),
        sa.Column("themes", sa.JSON(), nullable=False),
        sa.Column("waves", sa.JSON(), nullable=False),
        _user("user_id"),
        _at("created_at", nullable=False),
        _at("confirmed_at"),
        _at("unsubscribed_at"),
    )
    op.create_table(
        "newsletter_editions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("introduction", sa.Text(), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        _at("covers_from"),
        _at("scheduled_for"),
        _at("sent_at"),
        _user("created_by"),
        _at("created_at", nullable=False),
        _at("updated_at", nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "newsletter_deliveries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "edition_id",
            sa.Integer(),
            sa.ForeignKey("newsletter_editions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "subscriber_id",
            sa.Integer(),
            sa.ForeignKey("newsletter_subscribers.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("outbox_message_id", sa.Integer()),
        sa.Column("link_token_hash", sa.String(64), unique=True),
        _at("sent_at", nullable=False),
        _at("bounced_at"),
        sa.Column("bounce_reason", sa.Text()),
        sa.UniqueConstraint("edition_id", "subscriber_id"),
    )
    op.create_index("ix_newsletter_deliveries_edition_id", "newsletter_deliveries", ["edition_id"])
    op.create_index(
        "ix_newsletter_deliveries_subscriber_id", "newsletter_deliveries", ["subscriber_id"]
    )
    op.create_table(
        "newsletter_signup_throttle",
        sa.Column("key", sa.String(64), primary_key=True),
        _at("window_started_at", nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
    )
    # Start at 1, as 0016 does (a counter written first by the new code stays as it is).
    missing = ~sa.exists().where(COUNTERS.c.name == NEWSLETTERS_COUNTER)
    op.execute(
        COUNTERS.insert().from_select(
            ["name", "value"],
            sa.select(sa.literal(NEWSLETTERS_COUNTER), sa.literal(1)).where(missing),
        )
    )


def downgrade() -> None:
    op.execute(COUNTERS.delete().where(COUNTERS.c.name == NEWSLETTERS_COUNTER))
    for table in (
        "newsletter_signup_throttle",
        "newsletter_deliveries",
        "newsletter_editions",
        "newsletter_subscribers",
    ):
        op.drop_table(table)
