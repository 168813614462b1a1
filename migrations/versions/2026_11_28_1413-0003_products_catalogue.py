"""Products: catalogue, versions, files, reviews, change log, sequence counters, search index.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 14:13:39.796306
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sequence_counters",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sequence_counters")),
    )
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "impactanalyse",
                "handreiking",
                "routekaart",
                "vraag-en-antwoord",
                "format",
                "modelverordening",
                "modelbeschikking",
                "factsheet",
                "presentatie",
                "voorlichting",
                "opname",
                name="product_type",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("language_level", sa.String(length=4), nullable=True),
        sa.Column("licence", sa.String(length=40), nullable=False),
        sa.Column("planned_date", sa.Date(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "gepland",
                "in-ontwikkeling",
                "in-toetsing",
                "gepubliceerd",
                "ingetrokken",
                name="product_status",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("needs_review_reason", sa.Text(), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_products_owner_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_products_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_products_type"), ["type"], unique=False)
        batch_op.create_index(batch_op.f("ix_products_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "product_audiences",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column(
            "audience",
            sa.Enum(
                "beleidsmedewerker",
                "klantmanager",
                "applicatiebeheerder",
                "management",
                "inwoners",
                name="audience",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_audiences_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("product_id", "audience", name=op.f("pk_product_audiences")),
    )
    op.create_table(
        "product_changes",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_changes_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_product_changes")),
    )
    with op.batch_alter_table("product_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_product_changes_occurred_at"), ["occurred_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_product_changes_product_id"), ["product_id"], unique=False
        )

    op.create_table(
        "product_measures",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("measure_code", sa.String(length=3), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_code"],
            ["measures.code"],
            name=op.f("fk_product_measures_measure_code_measures"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_measures_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("product_id", "measure_code", name=op.f("pk_product_measures")),
    )
    with op.batch_alter_table("product_measures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_product_measures_measure_code"), ["measure_code"], unique=False
        )

    op.create_table(
        "product_publishers",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("organisation_code", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_code"],
            ["organisations.code"],
            name=op.f("fk_product_publishers_organisation_code_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_publishers_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "product_id", "organisation_code", name=op.f("pk_product_publishers")
        ),
    )
    op.create_table(
        "product_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("change_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_versions_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["published_by"],
            ["users.id"],
            name=op.f("fk_product_versions_published_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_versions")),
        sa.UniqueConstraint(
            "product_id", "number", name=op.f("uq_product_versions_product_id_number")
        ),
    )
    op.create_table(
        "product_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("external_url", sa.String(length=1000), nullable=True),
        sa.Column("uploaded_by", sa.Integer(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["uploaded_by"],
            ["users.id"],
            name=op.f("fk_product_files_uploaded_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["product_versions.id"],
            name=op.f("fk_product_files_version_id_product_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_files")),
    )
    with op.batch_alter_table("product_files", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_product_files_sha256"), ["sha256"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_product_files_version_id"), ["version_id"], unique=False
        )

    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=False),
        sa.Column("invited_by", sa.Integer(), nullable=True),
        sa.Column("invited_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "verdict",
            sa.Enum(
                "goedgekeurd", "aanpassingen-nodig", name="verdict", native_enum=False, length=30
            ),
            nullable=True,
        ),
        sa.Column("comments", sa.Text(), nullable=True),
        sa.Column("responded_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["invited_by"],
            ["users.id"],
            name=op.f("fk_reviews_invited_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_reviews_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"],
            ["users.id"],
            name=op.f("fk_reviews_reviewer_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["product_versions.id"],
            name=op.f("fk_reviews_version_id_product_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
    )
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviews_product_id"), ["product_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reviews_reviewer_id"), ["reviewer_id"], unique=False)

    _create_search_index()


def _create_search_index() -> None:
    """The search index differs per engine: FTS5 (trigram) on SQLite; a table with a Dutch
    tsvector and a trigram index on PostgreSQL. The application keeps it up to date."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE TABLE product_search ("
            " product_id INTEGER PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,"
            " title TEXT NOT NULL, body TEXT NOT NULL, document TSVECTOR NOT NULL)"
        )
        op.execute("CREATE INDEX ix_product_search_document ON product_search USING gin (document)")
        op.execute(
            "CREATE INDEX ix_product_search_trigram ON product_search "
            "USING gin ((title || ' ' || body) gin_trgm_ops)"
        )
    else:
        op.execute(
            "CREATE VIRTUAL TABLE product_search USING fts5("
            "product_id UNINDEXED, title, body, tokenize='trigram')"
        )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS product_search")
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviews_reviewer_id"))
        batch_op.drop_index(batch_op.f("ix_reviews_product_id"))

    op.drop_table("reviews")
    with op.batch_alter_table("product_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_files_version_id"))
        batch_op.drop_index(batch_op.f("ix_product_files_sha256"))

    op.drop_table("product_files")
    op.drop_table("product_versions")
    op.drop_table("product_publishers")
    with op.batch_alter_table("product_measures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_measures_measure_code"))

    op.drop_table("product_measures")
    with op.batch_alter_table("product_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_changes_product_id"))
        batch_op.drop_index(batch_op.f("ix_product_changes_occurred_at"))

    op.drop_table("product_changes")
    op.drop_table("product_audiences")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_products_updated_at"))
        batch_op.drop_index(batch_op.f("ix_products_type"))
        batch_op.drop_index(batch_op.f("ix_products_status"))

    op.drop_table("products")
    op.drop_table("sequence_counters")
