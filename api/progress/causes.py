"""Causes from outside a municipality's own progress that make a cell late or at risk: today a
supplier's release planned after the cell's deadline (ICT readiness). The other domain answers
and is registered at start-up (`api/main.py`), so progress asks without importing it — the ICT
domain reads the progress grid to judge, and a cycle would follow otherwise.

A cause never changes the cell's own traffic light (that is what the municipality reported
against the roadmap); the help list shows it beside it, as a separate reason."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.progress.deadlines import TrafficLight


class CauseKind(StrEnum):
    PROGRESS = "voortgang"
    """The municipality's own progress against the roadmap."""
    ICT = "ict"
    """The municipality waits for a supplier's release that comes after its deadline."""


@dataclass(frozen=True, slots=True)
class Cause:
    kind: CauseKind
    light: TrafficLight
    """Late or at risk; a cause is never given for a cell on track."""
    explanation: str
    """In Dutch, for the help list: what the cell waits for."""


CellKey = tuple[str, str]
"""(municipality code, measure code)."""
Provider = Callable[[Session, State], Mapping[CellKey, Cause]]

_providers: dict[CauseKind, Provider] = {}


def register(kind: CauseKind, provider: Provider) -> None:
    """Idempotent: an app built twice (as the tests do) keeps one provider per kind."""
    _providers[kind] = provider


def current(session: Session, state: State) -> dict[CellKey, list[Cause]]:
    """Today's causes from every registered provider, per cell."""
    found: dict[CellKey, list[Cause]] = {}
    for kind in sorted(_providers):
        for key, cause in _providers[kind](session, state).items():
            found.setdefault(key, []).append(cause)
    return found
