"""Peers who can help (collegiale hulp): for a municipality behind on a measure, the most similar
municipalities that already implemented it, with the contacts there who agreed to be named to
peers (docs/peers.md).

Similarity is a score of points, higher is more alike (`likeness`):

- size: 3 points for the same number of inhabitants, falling linearly with the distance on a
  log scale, |ln(a / b)|, to 0 at a factor 10 apart (3 × max(0, 1 − |ln(a / b)| / ln 10)); a
  municipality twice as large scores 2.10, five times as large 0.90;
- the same labour-market region: 2 points (colleagues who meet in the region's networks);
- the same province: 1 point;
- the same supplier: 2 points, only for a measure that needs changes in municipal software
  (the ICT domain's flag) and only when both municipalities named the application they use
  for income support (`api/ict/suppliers_used.py`); unknown counts as different.

Ties go to the closer in size, then to the lower code. Only municipalities whose phase for the
measure is `geimplementeerd` or `geevalueerd` are candidates. Everything is read from the
grid of judged cells (grid.py) as of today, so ranking every municipality costs no query."""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.accounts.models import User
from api.accounts.peer_contacts import agreed_only
from api.core import clock
from api.core.errors import NotFoundError, UnauthenticatedError
from api.core.security import Principal
from api.ict.suppliers_used import SupplierFacts, supplier_facts
from api.progress import grid, repository
from api.progress.deadlines import DONE_PHASES, TrafficLight
from api.progress.grid import Fact, Grid, Place, Subject
from api.progress.models import Phase as Phase

PEERS = 5
"""How many peers a cell's list shows."""
SIZE_POINTS = 3.0
SIZE_SPAN = math.log(10)
"""At this distance in size (a factor 10) the size is worth nothing any more."""
REGION_POINTS = 2.0
PROVINCE_POINTS = 1.0
SUPPLIER_POINTS = 2.0
BEHIND = frozenset({TrafficLight.LATE, TrafficLight.AT_RISK})

SAME_REGION = "zelfde-arbeidsmarktregio"
SAME_PROVINCE = "zelfde-provincie"
SAME_SUPPLIER = "zelfde-leverancier"


@dataclass(frozen=True, slots=True)
class Likeness:
    score: float
    size_gap: float
    """|ln(a / b)| of the two populations: 0 for the same size."""
    alike: tuple[str, ...]
    """What they share besides size: SAME_REGION, SAME_PROVINCE, SAME_SUPPLIER."""


def size_gap(a: int, b: int) -> float:
    return abs(math.log(max(a, 1)) - math.log(max(b, 1)))


def likeness(
    own: Place, other: Place, own_supplier: str | None, other_supplier: str | None
) -> Likeness:
    """The score of the module's docstring. Pass the suppliers only for a measure that needs
    software; None for a supplier not known."""
    gap = size_gap(own.population, other.population)
    score = SIZE_POINTS * max(0.0, 1 - gap / SIZE_SPAN)
    alike: list[str] = []
    if own.region == other.region:
        score += REGION_POINTS
        alike.append(SAME_REGION)
    if own.province == other.province:
        score += PROVINCE_POINTS
        alike.append(SAME_PROVINCE)
    if own_supplier is not None and own_supplier == other_supplier:
        score += SUPPLIER_POINTS
        alike.append(SAME_SUPPLIER)
    return Likeness(score, gap, tuple(alike))


def ranked(
    cells: Grid, own: Place, subject: Subject, facts: SupplierFacts
) -> list[tuple[Place, Likeness]]:
    """Every other municipality that implemented the measure, most alike first."""
    software = subject.code in facts.needing_software
    own_supplier = facts.suppliers.get(own.code) if software else None
    found = [
        (place, likeness(own, place, own_supplier, facts.suppliers.get(place.code)))
        for place in cells.places.values()
        if place.code != own.code and cells.facts[place.code, subject.code].phase in DONE_PHASES
    ]
    found.sort(key=lambda pair: (-pair[1].score, pair[1].size_gap, pair[0].code))
    return found


def ensure_may_see(principal: Principal, code: str) -> None:
    """The programme team, and the municipality's own contacts (people: the answer names
    people, which is no business of a script). Anyone else gets the 404 of progress."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if principal.is_programme_team:
        return
    if principal.kind == "user" and principal.may_act_for(code):
        return
    raise NotFoundError(f"Geen voortgang gevonden voor gemeente {code}.")


@dataclass(frozen=True)
class Peer:
    place: Place
    phase: Phase
    implemented_on: date | None
    likeness: Likeness
    contacts: list[User]
    """Only those who agreed to be named to peers."""


@dataclass(frozen=True)
class CellPeers:
    cells: Grid
    place: Place
    subject: Subject
    fact: Fact
    peers: list[Peer]


@dataclass(frozen=True)
class MeasurePeer:
    subject: Subject
    fact: Fact
    peer: Peer | None
    """The most alike municipality that implemented it; None when none did yet."""


@dataclass(frozen=True)
class MunicipalityPeers:
    cells: Grid
    place: Place
    measures: list[MeasurePeer]


def implemented_on(session: Session, code: str, measure: str) -> date | None:
    """The day (in the Netherlands) the cell last became implemented or evaluated, from its
    history; None for a cell without history."""
    since = None
    for snapshot in repository.history(session, code, measure):
        done = snapshot.phase in DONE_PHASES
        since = (since or snapshot.recorded_at) if done else None
    return clock.dutch_date(since) if since is not None else None


def _peers(
    session: Session, cells: Grid, subject_of: Iterable[tuple[str, tuple[Place, Likeness]]]
) -> list[tuple[str, Peer]]:
    chosen = list(subject_of)
    contacts = repository.contacts_by_municipality(
        session, sorted({place.code for _, (place, _) in chosen})
    )
    return [
        (
            measure,
            Peer(
                place,
                cells.facts[place.code, measure].phase,
                implemented_on(session, place.code, measure),
                alike,
                agreed_only(contacts.get(place.code, [])),
            ),
        )
        for measure, (place, alike) in chosen
    ]


def _place(cells: Grid, code: str) -> Place:
    place = cells.places.get(code)
    if place is None:
        raise NotFoundError(f"Geen voortgang gevonden voor gemeente {code}.")
    return place


def cell_peers(
    session: Session, state: State, principal: Principal, code: str, measure: str
) -> CellPeers:
    ensure_may_see(principal, code)
    cells = grid.current(session, clock.today(), state)
    place = _place(cells, code)
    subject = cells.subjects.get(measure)
    if subject is None:
        raise NotFoundError(f"Maatregel {measure} bestaat niet.")
    best = ranked(cells, place, subject, supplier_facts(session))[:PEERS]
    peers = [peer for _, peer in _peers(session, cells, ((measure, pair) for pair in best))]
    return CellPeers(cells, place, subject, cells.facts[code, measure], peers)


def municipality_peers(
    session: Session, state: State, principal: Principal, code: str
) -> MunicipalityPeers:
    """For each measure the municipality is behind on (late or at risk today), the one most
    alike municipality that implemented it."""
    ensure_may_see(principal, code)
    cells = grid.current(session, clock.today(), state)
    place = _place(cells, code)
    facts = supplier_facts(session)
    behind = [
        subject
        for subject in cells.subjects.values()
        if cells.facts[code, subject.code].verdict.light in BEHIND
    ]
    best = {}
    for subject in behind:
        found = ranked(cells, place, subject, facts)
        if found:
            best[subject.code] = found[0]
    peers = dict(_peers(session, cells, best.items()))
    return MunicipalityPeers(
        cells,
        place,
        [
            MeasurePeer(subject, cells.facts[code, subject.code], peers.get(subject.code))
            for subject in behind
        ],
    )
