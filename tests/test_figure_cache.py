"""Figures kept in the database: what `prefetch` loaded in one query, `valid` finds without
another (a cold trend reads two dozen kept months)."""

from sqlalchemy.orm import Session

from api.core.figure_cache import prefetch, store, valid
from tests.conftest import QueryCounter


def test_prefetched_entries_are_read_without_another_query(
    db: Session, count_queries: QueryCounter
) -> None:
    keys = [f"test-prefetch:{n}" for n in range(12)]
    for n, key in enumerate(keys):
        store(db, key, "versie-1", f"body {n}")
    db.commit()
    db.expunge_all()

    prefetch(db, keys)
    after_prefetch = count_queries.count
    assert [valid(db, key, "versie-1") for key in keys] == [f"body {n}" for n in range(12)]
    assert count_queries.count == after_prefetch


def test_an_entry_of_another_version_is_not_valid(db: Session) -> None:
    store(db, "test-prefetch:versie", "versie-1", "oud")
    prefetch(db, ["test-prefetch:versie"])
    assert valid(db, "test-prefetch:versie", "versie-2") is None
    assert valid(db, "test-prefetch:versie", "versie-1") == "oud"
