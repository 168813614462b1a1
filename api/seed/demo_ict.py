"""Invented software suppliers (marked demo), their applications spread over the
municipalities, and their readiness."""

from collections.abc import Callable

from sqlalchemy.orm import Session

from api.core.settings import Settings

ICT_ROWS = 1
"""How many rows the progress bar counts for this part."""


def load_demo_ict(
    session: Session, settings: Settings, on_row: Callable[[], None]
) -> tuple[int, int]:
    """(created, already there)."""
    on_row()
    return 0, 0
