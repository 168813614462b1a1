"""Small query helpers the domains share: input checked against stored codes, and rows locked
by key that are made when missing."""

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session


class Keyed(Protocol):
    key: Any


K = TypeVar("K", bound=Keyed)


def existing_values(session: Session, column: InstrumentedAttribute[Any]) -> set[Any]:
    return set(session.scalars(select(column)))


def locked_by_key(
    session: Session, model: type[K], keys: list[str], make: Callable[[str], K]
) -> dict[str, K]:
    """The rows of these keys (a string primary key `key`), made by `make` when missing, locked
    in key order (so two requests never wait for each other in a circle) and read afresh, not
    from the identity map. Counters of attempts (throttles) are kept this way."""
    column: Any = model.key
    query = (
        select(model)
        .where(column.in_(keys))
        .order_by(column)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    rows = {row.key: row for row in session.scalars(query)}
    missing = [key for key in keys if key not in rows]
    if not missing:
        return rows
    for key in missing:
        try:
            with session.begin_nested():
                session.add(make(key))
        except IntegrityError:  # a parallel request made it first
            pass
    return {row.key: row for row in session.scalars(query)}
