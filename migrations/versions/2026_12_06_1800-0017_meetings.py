"""meetings: events, registrations and waiting lists, consultation-hour slots, calendars

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 18:00:00

The programme's meetings (api/meetings/): work sessions, consultation hours with bookable slots,
webinars, trainings, regional meetings; registrations with a waiting list, attendance,
materials (products), questions asked there, invitations, the attendees' evaluation, and each
person's secret calendar feed. A version counter for the agenda (`versie:bijeenkomsten`), and
attachments on outbox messages (a meeting's .ics).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


MEETINGS_COUNTER = "versie:bijeenkomsten"
COUNTERS = sa.table(
    "sequence_counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger)
)


def _user(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"))


def _at(name: str, nullable: bool = True) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _meeting(primary_key: bool = False) -> sa.Column[int]:
    return sa.Column(
        "meeting_id",
        sa.Integer(),
        sa.ForeignKey("meetings.id", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
    )


def _municipality(nullable: bool = True) -> sa.Column[str]:
    return sa.Column(
        "municipality_code", sa.String(6), sa.ForeignKey("municipalities.code"), nullable=nullable
    )


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column])


def upgrade() -> None:
    with op.batch_alter_table("outbox_messages") as batch:
        batch.add_column(sa.Column("attachments", sa.JSON(), nullable=False, server_default="[]"))

    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("audience", sa.String(20), nullable=False),
        sa.Column("is_online", sa.Boolean(), nullable=False),
        sa.Column("join_url", sa.String(500)),
        sa.Column("venue", sa.String(200)),
        sa.Column("address", sa.String(300)),
        sa.Column("province_code", sa.String(4), sa.ForeignKey("provinces.code")),
        sa.Column(
            "labour_market_region_code", sa.String(4), sa.ForeignKey("labour_market_regions.code")
        ),
        _at("starts_at", nullable=False),
        _at("ends_at", nullable=False),
        sa.Column("capacity", sa.Integer()),
        _at("registration_deadline"),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("cancel_reason", sa.Text()),
        _at("cancelled_at"),
        sa.Column("slot_minutes", sa.SmallInteger()),
        sa.Column("uid", sa.String(120), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        _user("organiser_id"),
        _user("created_by"),
        _at("created_at", nullable=False),
        _at("updated_at", nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("uid", name="uq_meetings_uid"),
    )
    _index(
        "meetings",
        "kind",
        "province_code",
        "labour_market_region_code",
        "starts_at",
        "ends_at",
        "status",
        "organiser_id",
    )
    for table, column, target, length in (
        ("meeting_measures", "measure_code", "measures.code", 3),
        ("meeting_themes", "theme_code", "themes.code", 80),
    ):
        op.create_table(
            table,
            _meeting(primary_key=True),
            sa.Column(column, sa.String(length), sa.ForeignKey(target), primary_key=True),
        )
        _index(table, column)

    op.create_table(
        "meeting_hosts",
        _meeting(primary_key=True),
        sa.Column(
            "organisation_code",
            sa.String(60),
            sa.ForeignKey("organisations.code", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("role", sa.String(20), nullable=False),
    )
    _index("meeting_hosts", "organisation_code")

    op.create_table(
        "meeting_registrations",
        sa.Column("id", sa.Integer(), primary_key=True),
        _meeting(),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL")),
        _municipality(),
        sa.Column(
            "organisation_code",
            sa.String(60),
            sa.ForeignKey("organisations.code", ondelete="SET NULL"),
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        _user("registered_by"),
        sa.Column("status", sa.String(20), nullable=False),
        _at("queued_at", nullable=False),
        _at("registered_at", nullable=False),
        _at("cancelled_at"),
        sa.Column("attendance", sa.String(20)),
        _user("attendance_recorded_by"),
        sa.Column("token_hash", sa.String(64)),
        _at("reminded_at"),
        sa.Column("sent_sequence", sa.Integer()),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.UniqueConstraint(
            "meeting_id", "email", name="uq_meeting_registrations_meeting_id_email"
        ),
        sa.UniqueConstraint("token_hash", name="uq_meeting_registrations_token_hash"),
    )
    _index(
        "meeting_registrations",
        "meeting_id",
        "user_id",
        "municipality_code",
        "organisation_code",
        "status",
        "queued_at",
        "attendance",
    )

    op.create_table(
        "meeting_slots",
        sa.Column("id", sa.Integer(), primary_key=True),
        _meeting(),
        _at("starts_at", nullable=False),
        _at("ends_at", nullable=False),
        _municipality(),
        _user("booked_by"),
        _at("booked_at"),
        sa.Column("question_id", sa.Integer(), sa.ForeignKey("questions.id", ondelete="SET NULL")),
        sa.Column(
            "registration_id",
            sa.Integer(),
            sa.ForeignKey("meeting_registrations.id", ondelete="SET NULL"),
        ),
        sa.UniqueConstraint(
            "meeting_id", "starts_at", name="uq_meeting_slots_meeting_id_starts_at"
        ),
    )
    _index("meeting_slots", "meeting_id", "municipality_code", "question_id")

    op.create_table(
        "meeting_materials",
        _meeting(primary_key=True),
        sa.Column(
            "product_id",
            sa.Integer(),
            sa.ForeignKey("products.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        _user("added_by"),
        _at("added_at", nullable=False),
        _at("sent_at"),
    )
    _index("meeting_materials", "product_id")

    op.create_table(
        "meeting_questions",
        _meeting(primary_key=True),
        sa.Column(
            "question_id",
            sa.Integer(),
            sa.ForeignKey("questions.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        _user("added_by"),
        _at("added_at", nullable=False),
    )
    _index("meeting_questions", "question_id")

    op.create_table(
        "meeting_invitations",
        sa.Column("id", sa.Integer(), primary_key=True),
        _meeting(),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL")),
        _municipality(nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        _user("invited_by"),
        _at("invited_at", nullable=False),
        sa.UniqueConstraint(
            "meeting_id", "user_id", name="uq_meeting_invitations_meeting_id_user_id"
        ),
    )
    _index("meeting_invitations", "meeting_id", "user_id", "municipality_code")

    op.create_table(
        "meeting_ratings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "registration_id",
            sa.Integer(),
            sa.ForeignKey("meeting_registrations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        _meeting(),
        sa.Column("token_hash", sa.String(64), nullable=False),
        _at("changeable_until", nullable=False),
        sa.Column("score", sa.SmallInteger()),
        sa.Column("comment", sa.Text()),
        sa.Column("comment_cleared", sa.Boolean(), nullable=False),
        _at("created_at", nullable=False),
        _at("rated_at"),
        _at("changed_at"),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("registration_id", name="uq_meeting_ratings_registration_id"),
        sa.UniqueConstraint("token_hash", name="uq_meeting_ratings_token_hash"),
    )
    _index("meeting_ratings", "meeting_id", "rated_at")

    op.create_table(
        "calendar_feeds",
        sa.Column(
            "user_id",
            sa.Integer(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("token_hash", sa.String(64), nullable=False),
        _at("created_at", nullable=False),
        sa.UniqueConstraint("token_hash", name="uq_calendar_feeds_token_hash"),
    )

    op.create_table(
        "meeting_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        _meeting(),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(80), nullable=False),
        _at("occurred_at", nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
    )
    _index("meeting_events", "meeting_id")

    # Start at 1, as 0016 does (a counter written first by the new code stays as it is).
    missing = ~sa.exists().where(COUNTERS.c.name == MEETINGS_COUNTER)
    op.execute(
        COUNTERS.insert().from_select(
            ["name", "value"],
            sa.select(sa.literal(MEETINGS_COUNTER), sa.literal(1)).where(missing),
        )
    )


def downgrade() -> None:
    op.execute(COUNTERS.delete().where(COUNTERS.c.name == MEETINGS_COUNTER))
    for table in (
        "meeting_events",
        "calendar_feeds",
        "meeting_ratings",
        "meeting_invitations",
        "meeting_questions",
        "meeting_materials",
        "meeting_slots",
        "meeting_registrations",
        "meeting_hosts",
        "meeting_themes",
        "meeting_measures",
        "meetings",
    ):
        op.drop_table(table)
    with op.batch_alter_table("outbox_messages") as batch:
        batch.drop_column("attachments")
