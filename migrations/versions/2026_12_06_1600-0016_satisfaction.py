"""satisfaction, improvement proposals and the periodic survey

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 16:00:00

Scores at the touchpoints (api/satisfaction/: an answer's rating, a product version's votes),
improvement proposals for a product version with their history (api/proposals/), and the
periodic survey among municipal contacts (api/surveys/). A version counter for all their scores
(core/data_versions.py: `versie:tevredenheid`), the key of the figures built once per version.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


SATISFACTION_COUNTER = "versie:tevredenheid"
COUNTERS = sa.table(
    "sequence_counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger)
)


def _user(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"))


def _at(name: str, nullable: bool = True) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _ref(
    name: str, target: str, ondelete: str = "CASCADE", nullable: bool = False
) -> sa.Column[int]:
    return sa.Column(
        name, sa.Integer(), sa.ForeignKey(f"{target}.id", ondelete=ondelete), nullable=nullable
    )


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column])


def upgrade() -> None:
    op.create_table(
        "answer_ratings",
        sa.Column("id", sa.Integer(), primary_key=True),
        _ref("question_id", "questions"),
        _user("answered_by"),
        sa.Column("token_hash", sa.String(64), nullable=False),
        _at("changeable_until", nullable=False),
        sa.Column("score", sa.SmallInteger()),
        sa.Column("comment", sa.Text()),
        sa.Column("comment_cleared", sa.Boolean(), nullable=False),
        _at("created_at", nullable=False),
        _at("rated_at"),
        _at("changed_at"),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("question_id", name="uq_answer_ratings_question_id"),
        sa.UniqueConstraint("token_hash", name="uq_answer_ratings_token_hash"),
    )
    _index("answer_ratings", "answered_by", "rated_at")

    op.create_table(
        "product_votes",
        sa.Column("id", sa.Integer(), primary_key=True),
        _ref("product_id", "products"),
        _ref("version_id", "product_versions"),
        sa.Column("voter_key", sa.String(64), nullable=False),
        _user("user_id"),
        sa.Column("useful", sa.Boolean(), nullable=False),
        _at("voted_at", nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.UniqueConstraint(
            "version_id", "voter_key", name="uq_product_votes_version_id_voter_key"
        ),
    )
    _index("product_votes", "product_id", "version_id", "voted_at")

    op.create_table(
        "improvement_proposals",
        sa.Column("id", sa.Integer(), primary_key=True),
        _ref("product_id", "products"),
        _ref("version_id", "product_versions"),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        _user("proposer_user_id"),
        sa.Column("proposer_name", sa.String(200)),
        sa.Column("proposer_email", sa.String(254)),
        sa.Column("municipality_code", sa.String(6), sa.ForeignKey("municipalities.code")),
        _ref("adopted_into_version_id", "product_versions", "SET NULL", nullable=True),
        sa.Column("reason", sa.Text()),
        _user("decided_by"),
        _at("decided_at"),
        _at("processed_at"),
        _at("created_at", nullable=False),
        _at("updated_at", nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    _index(
        "improvement_proposals",
        "product_id",
        "version_id",
        "status",
        "proposer_user_id",
        "adopted_into_version_id",
        "created_at",
    )
    op.create_table(
        "improvement_proposal_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        _ref("proposal_id", "improvement_proposals"),
        _at("at", nullable=False),
        _user("actor_id"),
        sa.Column("from_status", sa.String(20)),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("text", sa.Text()),
    )
    _index("improvement_proposal_events", "proposal_id")

    op.create_table(
        "survey_questions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("text", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("touchpoint", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        _at("created_at", nullable=False),
    )
    op.create_table(
        "survey_rounds",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("period", sa.String(20), nullable=False),
        sa.Column("opens_on", sa.Date(), nullable=False),
        sa.Column("closes_on", sa.Date(), nullable=False),
        sa.Column("remind_after_days", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        _at("sent_at"),
        _user("created_by"),
        _at("created_at", nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("period", name="uq_survey_rounds_period"),
    )
    _index("survey_rounds", "status")
    op.create_table(
        "survey_round_questions",
        _ref("round_id", "survey_rounds"),
        sa.Column(
            "question_id", sa.Integer(), sa.ForeignKey("survey_questions.id"), nullable=False
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("round_id", "question_id"),
    )
    op.create_table(
        "survey_invitations",
        sa.Column("id", sa.Integer(), primary_key=True),
        _ref("round_id", "survey_rounds"),
        _user("user_id"),
        sa.Column(
            "municipality_code", sa.String(6), sa.ForeignKey("municipalities.code"), nullable=False
        ),
        sa.Column("token_hash", sa.String(64), nullable=False),
        _at("invited_at", nullable=False),
        _at("reminded_at"),
        _at("answered_at"),
        sa.UniqueConstraint("round_id", "user_id", name="uq_survey_invitations_round_id_user_id"),
        sa.UniqueConstraint("token_hash", name="uq_survey_invitations_token_hash"),
    )
    _index("survey_invitations", "round_id", "user_id", "municipality_code", "answered_at")
    op.create_table(
        "survey_answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        _ref("invitation_id", "survey_invitations"),
        sa.Column(
            "question_id", sa.Integer(), sa.ForeignKey("survey_questions.id"), nullable=False
        ),
        sa.Column("score", sa.SmallInteger()),
        sa.Column("text", sa.Text()),
        sa.Column("text_cleared", sa.Boolean(), nullable=False),
        sa.UniqueConstraint(
            "invitation_id", "question_id", name="uq_survey_answers_invitation_id_question_id"
        ),
    )
    _index("survey_answers", "invitation_id", "question_id")

    # Start at 1, as 0015 does (a counter written first by the new code stays as it is).
    missing = ~sa.exists().where(COUNTERS.c.name == SATISFACTION_COUNTER)
    op.execute(
        COUNTERS.insert().from_select(
            ["name", "value"],
            sa.select(sa.literal(SATISFACTION_COUNTER), sa.literal(1)).where(missing),
        )
    )


def downgrade() -> None:
    op.execute(COUNTERS.delete().where(COUNTERS.c.name == SATISFACTION_COUNTER))
    for table in (
        "survey_answers",
        "survey_invitations",
        "survey_round_questions",
        "survey_rounds",
        "survey_questions",
        "improvement_proposal_events",
        "improvement_proposals",
        "product_votes",
        "answer_ratings",
    ):
        op.drop_table(table)
