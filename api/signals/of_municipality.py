"""A municipality's signals, for its page in progress (api/progress/activity.py): those it
reported and those it backs, newest first."""

from sqlalchemy.orm import Session

from api.core.errors import NotFoundError
from api.core.pagination import PageParams
from api.core.security import Principal
from api.signals import repository
from api.signals.models import Signal
from api.signals.repository import SignalFilter


def latest(
    session: Session, principal: Principal, code: str, limit: int
) -> tuple[list[Signal], int]:
    """The programme team, or the municipality's own contact (as in the register, where a
    contact sees her municipalities' signals); 404 for anyone else, as for its progress."""
    if not (principal.is_programme_team or principal.may_act_for(code)):
        raise NotFoundError(f"Geen signalen gevonden voor gemeente {code}.")
    criteria = SignalFilter(municipalities=frozenset({code}))
    return repository.find_signals(session, criteria, PageParams(1, limit))
