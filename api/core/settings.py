"""Runtime configuration, read from the environment (and a `.env` file in development)."""

from functools import lru_cache
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, field_validator
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
    max_page_size: int = 100
    default_page_size: int = 20

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
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

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
