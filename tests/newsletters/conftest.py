"""The suite's database holds the demo's nieuwsbrief (readers, three sent editions); these
tests start without it, but for the one about the demo."""

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session

from api.newsletters.models import Delivery, Edition, Subscriber


def without_newsletters(session: Session) -> None:
    for table in (Delivery, Edition, Subscriber):
        session.execute(delete(table))
    # Committed (a savepoint in the test's transaction): a refused request's rollback keeps it.
    session.commit()


@pytest.fixture(autouse=True)
def _no_demo_newsletter(request: pytest.FixtureRequest) -> None:
    if request.module.__name__.endswith("test_demo") or "db" not in request.fixturenames:
        return
    without_newsletters(request.getfixturevalue("db"))
