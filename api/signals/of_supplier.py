"""A software supplier's open signals, for the ICT views (api/ict/views_router.py, the
suppliers' list): how many open signals name it, and the latest few.

"Open" is the register's own: not yet fed back nor rejected (`open=true`, `closed_at` empty),
so the numbers match the register filtered on the supplier. Only the programme team sees them
here: a supplier's own client has no business with signals (signals/policy.py), and a contact
sees only her own municipalities' in the register."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.core.pagination import PageParams
from api.core.security import Principal
from api.signals import repository
from api.signals.repository import SignalFilter


@dataclass(frozen=True)
class OpenSignals:
    count: int
    latest: list[tuple[int, str]]
    """(id, title) of the newest, newest first."""


def _open_of(code: str) -> SignalFilter:
    return SignalFilter(open_only=True, supplier=code)


def may_see(principal: Principal) -> bool:
    return principal.kind == "user" and principal.is_programme_team


def open_of(
    session: Session, principal: Principal, code: str, limit: int = 3
) -> OpenSignals | None:
    """The open signals naming this supplier: their number and the newest `limit`; None for
    anyone but the programme team."""
    if not may_see(principal):
        return None
    found, total = repository.find_signals(session, _open_of(code), PageParams(1, limit))
    return OpenSignals(count=total, latest=[(s.id, s.title) for s in found])


def open_counts(session: Session) -> dict[str, int]:
    """Per supplier, how many open signals name it (as `open_of` counts them), for the list of
    every supplier, which only the programme team reads (ict/policy.py): one query, not one per
    supplier."""
    return repository.count_per_supplier(session, SignalFilter(open_only=True))
