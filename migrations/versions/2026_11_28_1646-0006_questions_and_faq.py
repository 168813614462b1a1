"""questions and faq

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 16:46:28.906759
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "faq_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("gepubliceerd", "ingetrokken", name="faq_status", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("withdrawal_note", sa.Text(), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_entries")),
    )
    with op.batch_alter_table("faq_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_faq_entries_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_faq_entries_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "faq_measures",
        sa.Column("faq_id", sa.Integer(), nullable=False),
        sa.Column("measure_code", sa.String(length=3), nullable=False),
        sa.ForeignKeyConstraint(
            ["faq_id"],
            ["faq_entries.id"],
            name=op.f("fk_faq_measures_faq_id_faq_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["measure_code"], ["measures.code"], name=op.f("fk_faq_measures_measure_code_measures")
        ),
        sa.PrimaryKeyConstraint("faq_id", "measure_code", name=op.f("pk_faq_measures")),
    )
    with op.batch_alter_table("faq_measures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_faq_measures_measure_code"), ["measure_code"], unique=False
        )

    op.create_table(
        "faq_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("faq_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("legal_articles", sa.JSON(), nullable=False),
        sa.Column("change_note", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["faq_id"],
            ["faq_entries.id"],
            name=op.f("fk_faq_versions_faq_id_faq_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["published_by"],
            ["users.id"],
            name=op.f("fk_faq_versions_published_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_versions")),
        sa.UniqueConstraint("faq_id", "number", name=op.f("uq_faq_versions_faq_id_number")),
    )
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "telefoon",
                "e-mail",
                "bijeenkomst",
                "spreekuur",
                "webformulier",
                name="question_channel",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("theme_code", sa.String(length=80), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "nieuw",
                "beoordeeld",
                "toegewezen",
                "wacht-op-expert",
                "beantwoord",
                "gesloten",
                name="question_status",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("asker_user_id", sa.Integer(), nullable=True),
        sa.Column("asker_name", sa.String(length=200), nullable=True),
        sa.Column("asker_email", sa.String(length=254), nullable=True),
        sa.Column("asker_organisation", sa.String(length=200), nullable=True),
        sa.Column("municipality_code", sa.String(length=6), nullable=True),
        sa.Column("filed_by", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("expert_organisation", sa.String(length=60), nullable=True),
        sa.Column("expert_due_date", sa.Date(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_by", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("faq_id", sa.Integer(), nullable=True),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answered_by"],
            ["users.id"],
            name=op.f("fk_questions_answered_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["asker_user_id"],
            ["users.id"],
            name=op.f("fk_questions_asker_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["assignee_id"],
            ["users.id"],
            name=op.f("fk_questions_assignee_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["expert_organisation"],
            ["organisations.code"],
            name=op.f("fk_questions_expert_organisation_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["faq_id"],
            ["faq_entries.id"],
            name=op.f("fk_questions_faq_id_faq_entries"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["filed_by"],
            ["users.id"],
            name=op.f("fk_questions_filed_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["questions.id"],
            name=op.f("fk_questions_merged_into_id_questions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipalities.code"],
            name=op.f("fk_questions_municipality_code_municipalities"),
        ),
        sa.ForeignKeyConstraint(
            ["theme_code"], ["themes.code"], name=op.f("fk_questions_theme_code_themes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questions")),
    )
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_questions_asker_email"), ["asker_email"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_questions_asker_user_id"), ["asker_user_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_questions_assignee_id"), ["assignee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_questions_channel"), ["channel"], unique=False)
        batch_op.create_index(batch_op.f("ix_questions_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_questions_faq_id"), ["faq_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_questions_merged_into_id"), ["merged_into_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_questions_municipality_code"), ["municipality_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_questions_received_at"), ["received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_questions_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_questions_theme_code"), ["theme_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_questions_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "faq_products",
        sa.Column("measure_code", sa.String(length=3), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_code"], ["measures.code"], name=op.f("fk_faq_products_measure_code_measures")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_faq_products_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("measure_code", name=op.f("pk_faq_products")),
    )
    op.create_table(
        "question_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("uploaded_by", sa.Integer(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_question_attachments_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by"],
            ["users.id"],
            name=op.f("fk_question_attachments_uploaded_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question_attachments")),
    )
    with op.batch_alter_table("question_attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_question_attachments_question_id"), ["question_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_question_attachments_sha256"), ["sha256"], unique=False
        )

    op.create_table(
        "question_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=True),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_question_events_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question_events")),
    )
    with op.batch_alter_table("question_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_question_events_question_id"), ["question_id"], unique=False
        )

    op.create_table(
        "question_measures",
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("measure_code", sa.String(length=3), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_code"],
            ["measures.code"],
            name=op.f("fk_question_measures_measure_code_measures"),
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_question_measures_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("question_id", "measure_code", name=op.f("pk_question_measures")),
    )
    with op.batch_alter_table("question_measures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_question_measures_measure_code"), ["measure_code"], unique=False
        )

    op.create_table(
        "question_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_question_notes_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_question_notes_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question_notes")),
    )
    with op.batch_alter_table("question_notes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_question_notes_question_id"), ["question_id"], unique=False
        )
    _create_search_table()


def _create_search_table() -> None:
    # FAQ entries and questions share one engine-specific search table (see
    # api/questions/similarity.py); like product_search, no model describes it.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TABLE qa_search ("
            " doc_key VARCHAR(40) PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)"
        )
        op.execute(
            "CREATE INDEX ix_qa_search_trigram ON qa_search "
            "USING gin ((title || ' ' || body) gin_trgm_ops)"
        )
    else:
        op.execute(
            "CREATE VIRTUAL TABLE qa_search USING fts5("
            "doc_key UNINDEXED, title, body, tokenize='trigram')"
        )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS qa_search")
    with op.batch_alter_table("question_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_notes_question_id"))

    op.drop_table("question_notes")
    with op.batch_alter_table("question_measures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_measures_measure_code"))

    op.drop_table("question_measures")
    with op.batch_alter_table("question_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_events_question_id"))

    op.drop_table("question_events")
    with op.batch_alter_table("question_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_attachments_sha256"))
        batch_op.drop_index(batch_op.f("ix_question_attachments_question_id"))

    op.drop_table("question_attachments")
    op.drop_table("faq_products")
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_questions_updated_at"))
        batch_op.drop_index(batch_op.f("ix_questions_theme_code"))
        batch_op.drop_index(batch_op.f("ix_questions_status"))
        batch_op.drop_index(batch_op.f("ix_questions_received_at"))
        batch_op.drop_index(batch_op.f("ix_questions_municipality_code"))
        batch_op.drop_index(batch_op.f("ix_questions_merged_into_id"))
        batch_op.drop_index(batch_op.f("ix_questions_faq_id"))
        batch_op.drop_index(batch_op.f("ix_questions_due_date"))
        batch_op.drop_index(batch_op.f("ix_questions_channel"))
        batch_op.drop_index(batch_op.f("ix_questions_assignee_id"))
        batch_op.drop_index(batch_op.f("ix_questions_asker_user_id"))
        batch_op.drop_index(batch_op.f("ix_questions_asker_email"))

    op.drop_table("questions")
    op.drop_table("faq_versions")
    with op.batch_alter_table("faq_measures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_faq_measures_measure_code"))

    op.drop_table("faq_measures")
    with op.batch_alter_table("faq_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_faq_entries_updated_at"))
        batch_op.drop_index(batch_op.f("ix_faq_entries_status"))

    op.drop_table("faq_entries")
