"""What the seed last wrote, per row and field: the common ancestor of a three-way merge."""

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from api.core.orm import Base


class SeedBaseline(Base):
    __tablename__ = "seed_baselines"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    values: Mapped[dict[str, Any]] = mapped_column(JSON)
