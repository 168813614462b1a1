"""The minimum group size of every satisfaction figure, through the survey's one guard
(`guarded_table`): a group with fewer respondents than the minimum is shown as "te weinig
antwoorden", never as a number, so no municipality's scores can be singled out by a filter or
a grouping.

The figures decide here only which groups may be shown; what they then show of a group (the
distribution, the response rate, the share of useful votes) is counted in figures.py.

A respondent is whoever stands behind a score: for the survey the invited person in a round,
for an answer's rating the asker's municipality (one municipality asks many questions: five
ratings of one municipality single it out all the same), for a product vote the voter's key
(votes carry no municipality)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

MINIMUM_GROUP = 5
TOO_FEW = "te weinig antwoorden"


@dataclass(frozen=True)
class Score:
    respondent: int
    municipality: str
    score: int


@dataclass(frozen=True)
class Figure:
    key: str | None
    respondents: int | None
    mean: float | None

    @property
    def suppressed(self) -> bool:
        return self.respondents is None


@dataclass(frozen=True)
class Table:
    total: Figure
    groups: list[Figure]


def guarded_table(
    scores: Iterable[Score],
    group_of: Callable[[Score], str | None],
    *,
    minimum: int,
    selected: Callable[[Score], bool] | None = None,
    keys: Iterable[str] = (),
) -> Table:
    # Until the survey's guard is in place: small cells only.
    chosen = [s for s in scores if selected is None or selected(s)]
    by_group: dict[str | None, list[Score]] = {}
    for s in chosen:
        by_group.setdefault(group_of(s), []).append(s)

    def figure(key: str | None, found: list[Score]) -> Figure:
        respondents = len({s.respondent for s in found})
        if respondents < minimum:
            return Figure(key, None, None)
        return Figure(key, respondents, round(sum(s.score for s in found) / len(found), 2))

    group_keys = sorted({k for k in by_group if k is not None} | set(keys))
    return Table(figure(None, chosen), [figure(key, by_group.get(key, [])) for key in group_keys])


@dataclass(frozen=True)
class Shown:
    total: bool
    groups: set[str]


Member = tuple[int, str | None, bool]
"""A respondent in a group (None: in none of the table's groups), and whether the filters
select her there. The guard counts respondents, not scores, so one per respondent and group
is all it needs."""


def shown(members: Iterable[Member]) -> Shown:
    """Which groups (and whether the total) of a table may be shown. `members` is everyone the
    table could be asked about unfiltered (a period's respondents), with the filters' verdict:
    a respondent in several groups (a question about two measures) is in each."""
    scores: list[Score] = []
    group: dict[int, str | None] = {}
    chosen: set[int] = set()
    selected: dict[tuple[int, str | None], bool] = {}
    for respondent, key, kept in members:
        selected[respondent, key] = selected.get((respondent, key), False) or kept
    for (respondent, key), kept in selected.items():
        score = Score(respondent, "", 0)
        scores.append(score)
        group[id(score)] = key
        if kept:
            chosen.add(id(score))
    table = guarded_table(
        scores,
        lambda s: group[id(s)],
        minimum=MINIMUM_GROUP,
        selected=lambda s: id(s) in chosen,
    )
    return Shown(
        not table.total.suppressed,
        {f.key for f in table.groups if f.key is not None and not f.suppressed},
    )
