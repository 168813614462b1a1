"""The minimum group size of every satisfaction figure, through the survey's one guard
(`guarded_table` in api/surveys/figures.py, with `survey_min_group_size`): a group with fewer
respondents than the minimum, or one that shown figures could be subtracted to leave, is shown
as "te weinig antwoorden", never as a number, so no municipality's scores can be singled out by
a filter or a grouping.

The figures decide here only which groups may be shown; what they then show of a group (the
distribution, the response rate, the share of useful votes) is counted in figures_tables.py.

A respondent is whoever stands behind a score: for the survey the invited person in a round,
for an answer's rating the asker's municipality (one municipality asks many questions: five
ratings of one municipality single it out all the same), for a product vote the voter's key
(votes carry no municipality)."""

from collections.abc import Iterable
from dataclasses import dataclass

from api.surveys.figures import TOO_FEW, Score, guarded_table

__all__ = ["TOO_FEW", "Member", "Shown", "shown"]


@dataclass(frozen=True)
class Shown:
    total: bool
    groups: set[str]


Member = tuple[int, str | None, bool]
"""A respondent in a group (None: in none of the table's groups), and whether the filters
select her there. The guard counts respondents, not scores, so one per respondent and group
is all it needs."""


def shown(members: Iterable[Member], minimum: int) -> Shown:
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
        minimum=minimum,
        selected=lambda s: id(s) in chosen,
    )
    return Shown(
        not table.total.suppressed,
        {f.key for f in table.groups if f.key is not None and not f.suppressed},
    )
