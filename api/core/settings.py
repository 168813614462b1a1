"""Runtime configuration, read from the environment (and a `.env` file in development)."""

from functools import lru_cache
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

API_VERSION = "1.0.0"
"""The full semantic version of the public contract; sent as `API-Version` on every response."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="SPOORBOEK_", env_file=".env", extra="ignore", frozen=True
    )

    database_url: str = Field(
        default="sqlite:///var/spoorboek.db",
        validation_alias=AliasChoices("DATABASE_URL", "SPOORBOEK_DATABASE_URL"),
        description="SQLAlchemy URL; sqlite:///... (embedded) or postgresql://... (production).",
    )
    public_url: str = Field(
        default="https://spoorboek.example",
        description="Absolute https base URL at which the service is published (OpenAPI servers).",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins allowed to call the API from a browser, comma separated.",
    )
    environment: Literal["development", "demo", "test", "production"] = "development"
    log_level: str = "INFO"
    log_format: Literal["json", "console"] = "json"
    spa_dist: str = Field(
        default="frontend/dist", description="Folder with the built SPA; served at / if present."
    )
    # Database time limits: no request waits for ever on a lock or a runaway query.
    db_lock_timeout_ms: int = Field(
        default=5000,
        ge=1,
        description="Longest wait for a lock another connection holds (ms): PostgreSQL "
        "lock_timeout, SQLite busy_timeout. Past it the request gets 503 with Retry-After.",
    )
    db_statement_timeout_ms: int = Field(
        default=30_000,
        ge=0,
        description="Longest a single statement may run on PostgreSQL (ms, statement_timeout); "
        "0 is no limit. Past it the request gets 503 with Retry-After.",
    )
    db_queue_timeout_ms: int = Field(
        default=30_000,
        ge=1,
        description="Longest a request waits for one of its process's database connections and, "
        "on SQLite, a writing request for its turn to write (ms); past it the request gets 503 "
        "with Retry-After.",
    )
    max_body_bytes: int = Field(
        default=4_194_304,
        description="Largest request body accepted (bytes); larger is 413. Room for a bulk "
        "upload of every municipality's progress on every measure.",
    )

    # Tokens. Without a configured key, one is generated once and kept in the database, so
    # every worker signs and verifies with the same key.
    jwt_private_key: SecretStr | None = Field(
        default=None, description="PEM of the RSA key that signs access tokens (RS256)."
    )
    jwt_issuer: str = "spoorboek"
    jwt_audience: str = "spoorboek-api"
    access_token_minutes: int = 10
    client_token_minutes: int = 15
    session_hours: int = Field(
        default=12, description="How long a login lasts at most, refreshes included."
    )
    refresh_token_minutes: int = Field(
        default=120, description="Idle time after which a refresh token is no longer accepted."
    )
    cookie_secure: bool = Field(
        default=True, description="Send session cookies only over HTTPS (off only for local http)."
    )
    second_factor_roles: Annotated[list[str], NoDecode] | None = Field(
        default=None,
        description="Roles that must use a TOTP second factor; default beheerder and expert, "
        "none in demo.",
    )
    login_max_failures: int = 5
    login_max_failures_per_address: int = 20
    login_lockout_seconds: int = 30
    login_max_lockout_seconds: int = 900
    invitation_hours: int = 72
    password_reset_minutes: int = 60

    # Files of products (and later attachments): local disk, or S3 when machines share them.
    storage_backend: Literal["local", "s3"] = "local"
    storage_dir: str = "var/bestanden"
    max_upload_bytes: int = Field(default=26_214_400, description="Largest file upload (bytes).")
    kept_answers_first: bool = Field(
        default=True,
        description="Send kept public answers to anonymous callers before routing (core/kept.py).",
    )
    telemetry: bool = Field(
        default=False,
        description=(
            "FastAPI's OpenTelemetry spans, metrics and logs, for a deployment that sets up an "
            "OpenTelemetry SDK; off, no request asks whether one is set up."
        ),
    )
    s3_endpoint_url: str | None = None
    s3_region: str | None = None
    s3_bucket: str = "spoorboek"
    s3_access_key_id: str | None = None
    s3_secret_access_key: SecretStr | None = None

    # Products.
    approvals_to_publish: int = Field(
        default=1, description="Approving reviews by municipal testers needed to publish."
    )
    # "Was dit nuttig?": below this share of yes votes, with at least this many votes, a
    # published version is flagged for review.
    product_review_useful_share: float = Field(
        default=0.6, ge=0, le=1, description="Share of 'nuttig' votes below which to review."
    )
    product_review_min_votes: int = Field(
        default=10, ge=1, le=100_000, description="Votes a version needs before it is judged."
    )
    product_votes_per_address: int = Field(
        default=60,
        ge=1,
        description="Votes (and improvement proposals) from one address per quarter of an hour "
        "before it must wait; a new anonymous voter counts for five.",
    )
    vote_key_secret: SecretStr | None = Field(
        default=None,
        description="Key of the one-way hash that makes a voter's key; without it one is "
        "derived from the token signing key, so set it before rotating that key.",
    )

    # Questions. Service levels count working days (weekends and Dutch holidays excluded).
    question_answer_days: int = Field(
        default=10, ge=1, le=100, description="Working days to answer a question."
    )
    question_expert_days: int = Field(
        default=5, ge=1, le=100, description="Working days an expert organisation gets."
    )
    question_due_soon_days: int = Field(
        default=2, ge=0, le=20, description="A question is due soon this many working days ahead."
    )
    holiday_categories: Annotated[list[Literal["public", "optional"]], NoDecode] = Field(
        default=["public"],
        description="Categories of the `holidays` package's Dutch calendar that are no working "
        "day; add 'optional' to skip Liberation Day every year.",
    )

    # Signals: when a group of blockers or a cluster of questions is suggested as a signal.
    signal_suggestion_municipalities: int = Field(
        default=5, ge=1, le=400, description="Suggest what this many municipalities show."
    )
    signal_suggestion_rising_minimum: int = Field(
        default=2,
        ge=1,
        le=1000,
        description="Suggest what grew by at least this much this month, more than last month.",
    )
    signal_suggestion_days: int = Field(
        default=90, ge=7, le=730, description="Days of questions clustered for suggestions."
    )

    # Satisfaction: how long an answer's rating may be changed, how long its comment is kept.
    rating_days: int = Field(
        default=14, ge=1, le=365, description="Days after the answer its rating may change."
    )
    satisfaction_comment_retention_days: int = Field(
        default=730, ge=30, le=3650, description="Days a rating's comment is kept."
    )

    # The periodic survey (peiling): figures of fewer respondents would point at a municipality.
    survey_min_group_size: int = Field(
        default=5,
        ge=2,
        le=100,
        description="Fewest respondents a figure of the survey may show (and that any "
        "difference of two shown figures may leave).",
    )

    # The nieuwsbrief: its job runs every minute, so the batch is also the pace of sending.
    newsletter_batch_size: int = Field(
        default=200,
        ge=1,
        le=5000,
        description="Subscribers mailed per run of the job nieuwsbrief-verzenden (every "
        "minute), so also the most mail of an edition per minute; each batch is committed "
        "on its own (SPOORBOEK_NEWSLETTER_BATCH_SIZE).",
    )

    # Mail. Development writes mail to the console or to files, so nothing is sent by accident.
    mail_backend: Literal["console", "file", "smtp"] = "console"
    mail_file_dir: str = "var/outbox"
    mail_from: str = "Spoorboek <noreply@spoorboek.example>"
    smtp_host: str = "localhost"
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = True

    @field_validator("cors_origins", "second_factor_roles", "holiday_categories", mode="before")
    @classmethod
    def _split_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("database_url")
    @classmethod
    def _use_psycopg3(cls, value: str) -> str:
        # Operators paste libpq-style URLs; SQLAlchemy would pick psycopg2 for those.
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value

    @field_validator("holiday_categories")
    @classmethod
    def _public_holidays_always(cls, value: list[str]) -> list[str]:
        if "public" not in value:
            raise ValueError("holiday_categories must include 'public'")
        return value

    @field_validator("second_factor_roles")
    @classmethod
    def _known_roles(cls, value: list[str] | None) -> list[str] | None:
        unknown = set(value or []) - {"gemeente", "redacteur", "beheerder", "expert"}
        if unknown:
            raise ValueError(
                f"unknown roles {sorted(unknown)}; use gemeente, redacteur, beheerder, expert"
            )
        return value

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def roles_needing_second_factor(self) -> frozenset[str]:
        if self.second_factor_roles is not None:
            return frozenset(self.second_factor_roles)
        # Experts are people outside the programme whose accounts see municipalities'
        # questions: like admins, they need a second factor wherever the data is real.
        return frozenset() if self.environment == "demo" else frozenset({"beheerder", "expert"})


@lru_cache
def get_settings() -> Settings:
    return Settings()
