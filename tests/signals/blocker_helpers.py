"""Blockers made for the blockers view and suggestion tests, in the test's transaction."""

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.progress.models import BlockerKind, ProgressStatus


def free_cells(db: Session, count: int, measure: str = "M05") -> list[ProgressStatus]:
    """Cells of one measure without a blocker, of different municipalities."""
    found = list(
        db.scalars(
            select(ProgressStatus)
            .where(ProgressStatus.measure_code == measure, ProgressStatus.blockers.is_(None))
            .order_by(ProgressStatus.municipality_code)
            .limit(count)
        )
    )
    assert len(found) == count, "the demo data has too few cells without a blocker"
    return found


def block(
    db: Session,
    cells: list[ProgressStatus],
    texts: list[str],
    *,
    at: datetime | None = None,
    kind: BlockerKind | None = None,
) -> None:
    """Gives each cell a blocker (the texts in turn), reported at `at`; a cell whose history
    never had this text counts as reported at its last change."""
    for i, cell in enumerate(cells):
        cell.blockers = texts[i % len(texts)]
        cell.blocker_kind = kind
        cell.updated_at = at or datetime.now(UTC)
    db.flush()
