"""The digests' tests: each starts with no choice or digest but its own, at one fixed moment (a
Monday, so the weekly period begins that day)."""

from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session

from api.core.clock import AMSTERDAM, fixed_clock
from api.digests.models import Digest, DigestPreference

MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def at_monday() -> Iterator[None]:
    with fixed_clock(MONDAY):
        yield


@pytest.fixture
def db(db: Session) -> Session:
    db.execute(delete(Digest))
    db.execute(delete(DigestPreference))
    db.flush()
    return db
