"""Running a unit of work again when it lost a race with another transaction.

PostgreSQL ends one transaction of a deadlock, and a serializable one whose reads went stale,
with an error that says nothing about the request: run again, it would most likely succeed. So
a writer that may meet such a race runs its work through `with_retries`: inside a SAVEPOINT, so
a failed attempt is undone without losing what the request wrote before it (an Idempotency-Key
claim), a few times with a short random pause, and when every attempt failed the client gets a
503 with Retry-After instead of a 500. SQLite serialises writers, so there it never retries.

A retry loop is a few lines; the savepoint and knowing which errors are worth another attempt
are the substance, which is why this is not a general retry library."""

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from api.core.errors import DatabaseBusyError

T = TypeVar("T")

ATTEMPTS = 4
PAUSE_SECONDS = 0.05
"""The longest pause before the second attempt; it doubles each time after."""
RETRY_AFTER_SECONDS = 1
TRANSIENT_SQLSTATES = frozenset({"40P01", "40001"})
"""deadlock_detected and serialization_failure: the transaction did nothing wrong but lost."""


def is_transient(exc: BaseException) -> bool:
    """A deadlock or serialization failure, which another attempt may not meet."""
    return (
        isinstance(exc, DBAPIError) and getattr(exc.orig, "sqlstate", None) in TRANSIENT_SQLSTATES
    )


def with_retries(
    session: Session,
    work: Callable[[], T],
    *,
    retry_if: Callable[[BaseException], bool] = is_transient,
    attempts: int = ATTEMPTS,
    busy: str = "Het is nu te druk om dit op te slaan; probeer het over een moment opnieuw.",
) -> T:
    """`work()` in a savepoint, again (at most `attempts` times in all) while it fails with an
    error `retry_if` accepts. When the last attempt fails too, a transient database error
    becomes a DatabaseBusyError (503) with `busy` as its detail; any other error is raised as it is,
    so a domain error that `retry_if` accepted keeps its own status."""
    for attempt in range(1, attempts + 1):
        try:
            with session.begin_nested():
                return work()
        except Exception as exc:
            if not retry_if(exc):
                raise
            if attempt == attempts:
                if is_transient(exc):
                    raise DatabaseBusyError(busy, RETRY_AFTER_SECONDS) from exc
                raise
        # A random pause, so the writers that collided do not collide again in step.
        time.sleep(random.uniform(0, PAUSE_SECONDS * 2 ** (attempt - 1)))  # noqa: S311
    raise AssertionError("unreachable: the last attempt returns or raises")  # pragma: no cover
