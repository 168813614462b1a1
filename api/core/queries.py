"""Small query helpers every domain's service uses to validate input against stored codes."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session


def existing_values(session: Session, column: InstrumentedAttribute[Any]) -> set[Any]:
    return set(session.scalars(select(column)))
