"""The one guard on every figure of the survey that leaves the team's per-municipality view:
the results page's groupings, the satisfaction figures, the public dashboard and any CSV all
aggregate scores through `guarded_tables` (or `guarded_table` for one grouping), so all of
them suppress the same figures.

A municipality has one or two contacts; a figure of a handful of respondents is in practice a
municipality's own answer. So a figure is shown only for at least `survey_min_group_size`
respondents (default 5), and no figures shown together can be subtracted to leave fewer:

1. Small cells. A figure of fewer respondents than the minimum shows neither its count nor
   its score, only "te weinig antwoorden" (never 0, which would read as a real figure).
2. Two figures. When one shown figure's respondents lie within another's (a region within a
   province, a group within the total, a filtered group within the same group unfiltered),
   the difference must hold none or at least the minimum; otherwise the smaller is suppressed.
   The groupings asked for together (province and region, say) are checked against each other.
3. Complementary cells. In one table the total minus every shown group leaves the rest: the
   suppressed groups together and anyone outside every group. When that rest holds more than
   none and fewer than the minimum, the smallest shown groups are suppressed too.
4. Filters. A filtered figure (one measure's municipalities, say) is checked against the
   figures the same call would show unfiltered, by rule 2; and a filtered group is shown only
   when the respondents the filter leaves out of that group are none or at least the minimum.

Respondents are counted, not scores: one person's answers to several questions count once.
What remains possible is arithmetic across three or more figures of different calls (two
different filters and a grouping, say); the figures offer one filter at a time for that
reason (docs/satisfaction.md)."""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

TOO_FEW = "te weinig antwoorden"

GroupOf = Callable[["Score"], str | None]


@dataclass(frozen=True)
class Score:
    respondent: int
    """The invitation: one person in one round."""
    municipality: str
    score: int


@dataclass(frozen=True)
class Figure:
    key: str | None
    """The group (a province code, a region ...); None for the total."""
    respondents: int | None
    """None when suppressed."""
    mean: float | None

    @property
    def suppressed(self) -> bool:
        return self.respondents is None

    @property
    def note(self) -> str | None:
        return TOO_FEW if self.suppressed else None


@dataclass(frozen=True)
class Table:
    total: Figure
    groups: list[Figure]


@dataclass
class _Cell:
    table: str
    key: str | None
    people: frozenset[int]
    scores: list[Score]
    shown: bool


def _cells(
    scores: Sequence[Score], groupings: Mapping[str, GroupOf], keys: Mapping[str, Iterable[str]]
) -> dict[str, tuple[_Cell, list[_Cell]]]:
    tables = {}
    everyone = frozenset(s.respondent for s in scores)
    for name, group_of in groupings.items():
        by_group: dict[str, list[Score]] = {k: [] for k in keys.get(name, ())}
        for s in scores:
            key = group_of(s)
            if key is not None:
                by_group.setdefault(key, []).append(s)
        total = _Cell(name, None, everyone, list(scores), True)
        groups = [
            _Cell(name, key, frozenset(s.respondent for s in found), found, True)
            for key, found in sorted(by_group.items())
        ]
        tables[name] = (total, groups)
    return tables


def _small(difference: int, minimum: int) -> bool:
    return 0 < difference < minimum


def _suppress(
    tables: dict[str, tuple[_Cell, list[_Cell]]],
    fixed: Sequence[frozenset[int]],
    minimum: int,
    hidden: frozenset[tuple[str, str | None]] = frozenset(),
) -> None:
    """Rules 1 to 3, until nothing changes. `fixed` are figures shown elsewhere (the same call
    unfiltered); `hidden` are cells rule 4 took away."""
    for total, groups in tables.values():
        for cell in (total, *groups):
            cell.shown = len(cell.people) >= minimum and (cell.table, cell.key) not in hidden
    changed = True
    while changed:
        changed = False
        shown = [c for total, groups in tables.values() for c in (total, *groups) if c.shown]
        # Smallest first: of two figures too close to each other the smaller one goes, unless
        # it is shown elsewhere (fixed), and then the larger one does.
        for cell in sorted(shown, key=lambda c: (len(c.people), c.table, c.key or "")):
            size = len(cell.people)
            others = [o.people for o in shown if o is not cell and o.shown]
            if any(
                _small(abs(len(other) - size), minimum)
                and (cell.people < other or other < cell.people)
                for other in (*others, *fixed)
            ):
                cell.shown = False
                changed = True
                break
        if changed:
            continue
        for total, groups in tables.values():
            visible = [g for g in groups if g.shown]
            rest = total.people.difference(*(g.people for g in visible))
            if visible and _small(len(rest), minimum):
                min(visible, key=lambda g: (len(g.people), g.key or "")).shown = False
                changed = True


def _figure(cell: _Cell) -> Figure:
    if not cell.shown or not cell.scores:
        return Figure(cell.key, None, None)
    mean = round(sum(s.score for s in cell.scores) / len(cell.scores), 2)
    return Figure(cell.key, len(cell.people), mean)


def guarded_tables(
    scores: Iterable[Score],
    groupings: Mapping[str, GroupOf],
    *,
    minimum: int,
    selected: Callable[[Score], bool] | None = None,
    keys: Mapping[str, Iterable[str]] | None = None,
) -> dict[str, Table]:
    """Mean score and respondents per group and in total, for each grouping named, with every
    small or subtractable figure suppressed (see the module's rules). `scores` is everything
    the figures could be asked about unfiltered (a round, a period); `selected` is the filter,
    if any; `keys` names groups to list even when nobody in them answered."""
    universe = list(scores)
    keys = keys or {}
    fixed: list[frozenset[int]] = []
    left_out: dict[tuple[str, str | None], int] = {}
    if selected is not None:
        reference = _cells(universe, groupings, keys)
        _suppress(reference, [], minimum)
        for total, groups in reference.values():
            fixed.extend(c.people for c in (total, *groups) if c.shown)
        chosen = [s for s in universe if selected(s)]
        chosen_people = {s.respondent for s in chosen}
        for name, (total, groups) in reference.items():
            for cell in (total, *groups):
                left_out[(name, cell.key)] = len(cell.people - chosen_people)
    else:
        chosen = universe
    tables = _cells(chosen, groupings, keys)
    hidden = frozenset(where for where, count in left_out.items() if _small(count, minimum))
    _suppress(tables, fixed, minimum, hidden)
    return {
        name: Table(_figure(total), [_figure(g) for g in groups])
        for name, (total, groups) in tables.items()
    }


def guarded_table(
    scores: Iterable[Score],
    group_of: GroupOf,
    *,
    minimum: int,
    selected: Callable[[Score], bool] | None = None,
    keys: Iterable[str] = (),
) -> Table:
    """`guarded_tables` for one grouping."""
    return guarded_tables(
        scores, {"groep": group_of}, minimum=minimum, selected=selected, keys={"groep": keys}
    )["groep"]
