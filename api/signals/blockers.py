"""The blockers view: every progress cell's blocker, counted per measure and kind, and grouped
by similar text, so an advisor turns a group into a signal, or adds it to an existing one, in
one step.

Groups come from the leader clustering the questions use (api/core/text_clusters.py), over the
distinct texts: the same sentence reported by sixty municipalities is one text, so a popular
blocker neither counts as sixty for which words are common nor splits into sixty groups. Every
blocker is in exactly one group; a group may be one blocker.

A group's key is its leader's cell, `knelpunten-GM0344-M01`. Texts are clustered in the order
their blockers were first reported (oldest first, from the cells' history), and a cluster's
leader is its oldest member, so a group keeps its key while new blockers join it. The key
changes when the leader's own blocker is cleared or rewritten (the next oldest then leads),
and a group may split or merge when the words that are common across all blockers shift. A
hash of the group's cells would change with every blocker that joins it."""

import enum
import re
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from api.core import text_clusters
from api.core.requests import RequestContext
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.signals import evidence, proposals, repository
from api.signals.models import Signal, SignalKind
from api.signals.policy import require_team
from api.signals.repository import SignalRef

NO_KIND = "geen"
KEY = re.compile(r"^knelpunten-(GM\d{4})-(M\d{2})$")
KEY_PATTERN = KEY.pattern


# A blocker's kind, or none: the kinds of signals, and `geen` for a blocker without one (written
# before kinds existed, or left open). A comment, as the contract would publish a docstring.
class BlockerKindFilter(enum.StrEnum):
    LAW = SignalKind.LAW.value
    ICT = SignalKind.ICT.value
    FINANCE = SignalKind.FINANCE.value
    EXECUTION = SignalKind.EXECUTION.value
    CHAIN_PARTNERS = SignalKind.CHAIN_PARTNERS.value
    PRODUCTS = SignalKind.PRODUCTS.value
    NONE = NO_KIND


@dataclass(frozen=True)
class Blocker:
    municipality: str
    municipality_name: str
    measure: str
    text: str
    kind: SignalKind | None
    since: datetime
    """When this text was first reported for the cell (its kind may have changed since)."""

    @property
    def cell(self) -> evidence.Cell:
        return evidence.Cell(self.municipality, self.measure)

    @property
    def kind_name(self) -> str:
        return self.kind.value if self.kind else NO_KIND


@dataclass(frozen=True)
class Group:
    key: str
    blockers: list[Blocker]
    """The leader first, then in the order they were reported."""
    keywords: list[str]

    @property
    def municipalities(self) -> set[str]:
        return {b.municipality for b in self.blockers}

    @property
    def measures(self) -> list[str]:
        return sorted({b.measure for b in self.blockers})

    @property
    def kind(self) -> SignalKind | None:
        """The kind most of its blockers name (the earliest named on a tie)."""
        named = Counter(b.kind for b in self.blockers if b.kind is not None)
        return named.most_common(1)[0][0] if named else None


def key_of(blocker: Blocker) -> str:
    return f"knelpunten-{blocker.municipality}-{blocker.measure}"


def _first_reported(
    cells: list[repository.BlockedCell], history: list[tuple[str, str, str | None, datetime]]
) -> dict[tuple[str, str], datetime]:
    """Per cell, the moment its current text was recorded first: the oldest of the newest
    states that carry that text. A cell without history (loaded otherwise) has its last change."""
    states: dict[tuple[str, str], list[tuple[str | None, datetime]]] = {}
    for municipality, measure, text, at in history:
        states.setdefault((municipality, measure), []).append((text, at))
    found: dict[tuple[str, str], datetime] = {}
    for cell in cells:
        ref = (cell.municipality, cell.measure)
        since = cell.updated_at
        for text, at in states.get(ref, []):
            if text != cell.text:
                break
            since = at
        found[ref] = since
    return found


def all_blockers(session: Session) -> list[Blocker]:
    """Every blocker, oldest first (then by municipality and measure)."""
    cells = repository.blocked_cells(session)
    since = _first_reported(cells, repository.blocker_history(session))
    found = [
        Blocker(
            municipality=c.municipality,
            municipality_name=c.municipality_name,
            measure=c.measure,
            text=c.text,
            kind=c.kind,
            since=since[(c.municipality, c.measure)],
        )
        for c in cells
    ]
    return sorted(found, key=lambda b: (b.since, b.municipality, b.measure))


def _same_text(text: str) -> str:
    return " ".join(text.casefold().split())


def groups(blockers: list[Blocker]) -> list[Group]:
    """Every blocker in one group of similar texts; the most municipalities first."""
    texts: dict[str, list[Blocker]] = {}
    for blocker in blockers:
        texts.setdefault(_same_text(blocker.text), []).append(blocker)
    distinct = list(texts)
    found: list[Group] = []
    for cluster in text_clusters.leader_clusters(distinct, min_size=1):
        members = sorted(
            (b for i in cluster.members for b in texts[distinct[i]]),
            key=lambda b: (b.since, b.municipality, b.measure),
        )
        found.append(Group(key_of(members[0]), members, cluster.keywords))
    return sorted(found, key=lambda g: (-len(g.municipalities), -len(g.blockers), g.key))


K = TypeVar("K", bound=Hashable)


def tally(blockers: list[Blocker], by: Callable[[Blocker], K]) -> dict[K, tuple[int, int]]:
    """Per value of `by`: the blockers and the distinct municipalities behind them."""
    cells: Counter[K] = Counter()
    places: dict[K, set[str]] = {}
    for blocker in blockers:
        value = by(blocker)
        cells[value] += 1
        places.setdefault(value, set()).add(blocker.municipality)
    return {value: (n, len(places[value])) for value, n in cells.items()}


@dataclass(frozen=True)
class View:
    blockers: list[Blocker]
    """Those that match the filters."""
    groups: list[Group]
    """Every group with a blocker that matches the filters, whole."""
    signals: dict[tuple[str, str], list[SignalRef]]
    """Per cell, the signals its blocker is already evidence of."""
    measure_names: dict[str, str]


def view(
    session: Session, principal: Principal, measure: str | None, kind: BlockerKindFilter | None
) -> View:
    require_team(principal)
    invalid = InvalidParams()
    if measure is not None and not repository.measures_by_codes(session, [measure]):
        invalid.add("maatregel", "unknown_value", f"Maatregel '{measure}' bestaat niet.")
    invalid.raise_if_any()

    def matches(blocker: Blocker) -> bool:
        return (measure is None or blocker.measure == measure) and (
            kind is None or blocker.kind_name == kind.value
        )

    everything = all_blockers(session)
    shown = [g for g in groups(everything) if any(matches(b) for b in g.blockers)]
    measures = {b.measure for g in shown for b in g.blockers}
    names = {
        code: m.title for code, m in repository.measures_by_codes(session, sorted(measures)).items()
    }
    return View(
        blockers=[b for b in everything if matches(b)],
        groups=shown,
        signals=repository.signals_by_cell(session),
        measure_names=names,
    )


def proposal(group: Group) -> proposals.Proposal:
    leader = group.blockers[0]
    places = len(group.municipalities)
    others = list(dict.fromkeys(b.text for b in group.blockers if b.text != leader.text))[:2]
    quoted = "; ".join(f"“{t}”" for t in [leader.text, *others])
    description = (
        f"{places} {'gemeente meldt' if places == 1 else 'gemeenten melden'} bij "
        f"{', '.join(group.measures)} een knelpunt als: {quoted}"
    )
    return proposals.Proposal(
        key=group.key,
        title=proposals.title_from(leader.text, f"Knelpunt bij {leader.measure}"),
        description=description,
        kind=group.kind,
        measures=group.measures,
        themes=[],
        questions=[],
        cells=[b.cell for b in group.blockers],
    )


def find_group(session: Session, key: str) -> Group | None:
    return next((g for g in groups(all_blockers(session)) if g.key == key), None)


def make_signal(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    key: str,
    overrides: proposals.Overrides,
) -> Signal:
    """A signal of a whole group, its blockers linked; the group is then not suggested."""
    require_team(principal)
    proposals.lock_register(session)
    group = find_group(session, key)
    if group is None:
        raise proposals.invalid_body(
            "sleutel",
            "unknown_value",
            f"Er is geen groep knelpunten '{key}' (meer); vraag de groepen opnieuw op.",
        )
    return proposals.adopt(
        session,
        ctx,
        principal,
        proposal(group),
        overrides,
        derived=False,
        event="signal.made_from_blockers",
    )
