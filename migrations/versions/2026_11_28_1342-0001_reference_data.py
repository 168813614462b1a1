"""Reference data: waves, themes, measures, municipalities, organisations.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 13:42:15.118315
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "impact_areas",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_impact_areas")),
    )
    op.create_table(
        "labour_market_regions",
        sa.Column("code", sa.String(length=4), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_labour_market_regions")),
        sa.UniqueConstraint("name", name=op.f("uq_labour_market_regions_name")),
    )
    op.create_table(
        "organisations",
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("abbreviation", sa.String(length=40), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "ministerie",
                "vereniging",
                "kennisorganisatie",
                "uitvoeringsorganisatie",
                "leverancier",
                "samenwerkingsverband",
                name="organisation_kind",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_organisations")),
        sa.UniqueConstraint("name", name=op.f("uq_organisations_name")),
    )
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisations_kind"), ["kind"], unique=False)

    op.create_table(
        "provinces",
        sa.Column("code", sa.String(length=4), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_provinces")),
        sa.UniqueConstraint("name", name=op.f("uq_provinces_name")),
    )
    op.create_table(
        "seed_baselines",
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "key", name=op.f("pk_seed_baselines")),
    )
    op.create_table(
        "sources",
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("title", sa.String(length=400), nullable=False),
        sa.Column("url", sa.String(length=600), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_sources")),
    )
    op.create_table(
        "themes",
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_themes")),
        sa.UniqueConstraint("name", name=op.f("uq_themes_name")),
    )
    op.create_table(
        "waves",
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("legal_effective_date", sa.Date(), nullable=False),
        sa.Column("may_apply_from", sa.Date(), nullable=False),
        sa.Column("products_due", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_waves")),
    )
    op.create_table(
        "measures",
        sa.Column("code", sa.String(length=3), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("articles", sa.JSON(), nullable=False),
        sa.Column("wave_number", sa.Integer(), nullable=False),
        sa.Column("theme_code", sa.String(length=80), nullable=False),
        sa.Column("effective_date_override", sa.Date(), nullable=True),
        sa.Column("may_apply_from_override", sa.Date(), nullable=True),
        sa.Column(
            "obligation",
            sa.Enum("verplicht", "kan-bepaling", name="obligation", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column(
            "confidence",
            sa.Enum(
                "wet", "secundair", "afgeleid", name="confidence", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["theme_code"], ["themes.code"], name=op.f("fk_measures_theme_code_themes")
        ),
        sa.ForeignKeyConstraint(
            ["wave_number"], ["waves.number"], name=op.f("fk_measures_wave_number_waves")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_measures")),
    )
    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_measures_theme_code"), ["theme_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_measures_wave_number"), ["wave_number"], unique=False)

    op.create_table(
        "municipalities",
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("search_name", sa.String(length=120), nullable=False),
        sa.Column("sort_name", sa.String(length=120), nullable=False),
        sa.Column("province_code", sa.String(length=4), nullable=False),
        sa.Column("labour_market_region_code", sa.String(length=4), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("population_date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["labour_market_region_code"],
            ["labour_market_regions.code"],
            name=op.f("fk_municipalities_labour_market_region_code_labour_market_regions"),
        ),
        sa.ForeignKeyConstraint(
            ["province_code"],
            ["provinces.code"],
            name=op.f("fk_municipalities_province_code_provinces"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_municipalities")),
    )
    with op.batch_alter_table("municipalities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_municipalities_labour_market_region_code"),
            ["labour_market_region_code"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_municipalities_province_code"), ["province_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_municipalities_search_name"), ["search_name"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_municipalities_sort_name"), ["sort_name"], unique=False
        )

    op.create_table(
        "measure_impact_areas",
        sa.Column("measure_code", sa.String(length=3), nullable=False),
        sa.Column("impact_area_code", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["impact_area_code"],
            ["impact_areas.code"],
            name=op.f("fk_measure_impact_areas_impact_area_code_impact_areas"),
        ),
        sa.ForeignKeyConstraint(
            ["measure_code"],
            ["measures.code"],
            name=op.f("fk_measure_impact_areas_measure_code_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "measure_code", "impact_area_code", name=op.f("pk_measure_impact_areas")
        ),
    )
    op.create_table(
        "measure_sources",
        sa.Column("measure_code", sa.String(length=3), nullable=False),
        sa.Column("source_code", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_code"],
            ["measures.code"],
            name=op.f("fk_measure_sources_measure_code_measures"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_code"], ["sources.code"], name=op.f("fk_measure_sources_source_code_sources")
        ),
        sa.PrimaryKeyConstraint("measure_code", "source_code", name=op.f("pk_measure_sources")),
    )
    op.create_table(
        "organisation_members",
        sa.Column("organisation_code", sa.String(length=60), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipalities.code"],
            name=op.f("fk_organisation_members_municipality_code_municipalities"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_code"],
            ["organisations.code"],
            name=op.f("fk_organisation_members_organisation_code_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "organisation_code", "municipality_code", name=op.f("pk_organisation_members")
        ),
    )


def downgrade() -> None:
    op.drop_table("organisation_members")
    op.drop_table("measure_sources")
    op.drop_table("measure_impact_areas")
    with op.batch_alter_table("municipalities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_municipalities_sort_name"))
        batch_op.drop_index(batch_op.f("ix_municipalities_search_name"))
        batch_op.drop_index(batch_op.f("ix_municipalities_province_code"))
        batch_op.drop_index(batch_op.f("ix_municipalities_labour_market_region_code"))

    op.drop_table("municipalities")
    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measures_wave_number"))
        batch_op.drop_index(batch_op.f("ix_measures_theme_code"))

    op.drop_table("measures")
    op.drop_table("waves")
    op.drop_table("themes")
    op.drop_table("sources")
    op.drop_table("seed_baselines")
    op.drop_table("provinces")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisations_kind"))

    op.drop_table("organisations")
    op.drop_table("labour_market_regions")
    op.drop_table("impact_areas")
