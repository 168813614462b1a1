"""The minimum group size of the survey's figures (api/surveys/figures.py): every figure of
fewer than five respondents is suppressed (not 0 but "te weinig antwoorden"), and no two
figures, filtered or not, in one grouping or two, can be subtracted to single out fewer. The
named cases are the ways one municipality could be singled out; the brute-force check tries
many more."""

import itertools
import random
from collections.abc import Callable

import pytest

from api.surveys.figures import TOO_FEW, Score, Table, guarded_table, guarded_tables

pytestmark = pytest.mark.engine_neutral

MINIMUM = 5


def _respondents(groups: dict[str, int], score: int = 4) -> list[Score]:
    """`count` respondents per municipality code, each with one score."""
    made = []
    for municipality, count in groups.items():
        for _ in range(count):
            made.append(Score(len(made) + 1, municipality, score))
    return made


def _by(mapping: dict[str, str]) -> Callable[[Score], str | None]:
    return lambda s: mapping.get(s.municipality)


def _shown(table: Table) -> dict[str | None, int]:
    return {f.key: f.respondents for f in (table.total, *table.groups) if f.respondents is not None}


def test_a_province_with_few_respondents_and_its_complement_are_suppressed() -> None:
    scores = _respondents({"GM1": 6, "GM2": 7, "GM3": 3})
    province = {"GM1": "PV20", "GM2": "PV21", "GM3": "PV22"}
    table = guarded_table(scores, _by(province), minimum=MINIMUM)
    figures = {f.key: f for f in table.groups}
    # PV22 has three; shown, the total minus PV20 and PV21 would give it away: PV20 goes too.
    assert figures["PV22"].respondents is None
    assert figures["PV22"].mean is None
    assert figures["PV22"].note == TOO_FEW
    assert figures["PV20"].suppressed
    assert (figures["PV21"].respondents, figures["PV21"].mean) == (7, 4.0)
    assert table.total.respondents == 16
    assert table.total.respondents - figures["PV21"].respondents >= MINIMUM


def test_a_region_of_four_respondents_shows_no_number_not_even_zero() -> None:
    scores = _respondents({"GM1": 2, "GM2": 2, "GM3": 9})
    region = {"GM1": "AM01", "GM2": "AM01", "GM3": "AM02"}
    table = guarded_table(scores, _by(region), minimum=MINIMUM, keys=["AM03"])
    figures = {f.key: f for f in table.groups}
    assert figures["AM01"].respondents is None
    # A region where nobody answered is listed as too few, not as 0.
    assert figures["AM03"].respondents is None
    assert figures["AM03"].note == TOO_FEW
    # AM02 alone is 9 of the 13; total minus AM02 would be AM01's four: AM02 goes as well.
    assert figures["AM02"].suppressed
    assert table.total.respondents == 13


def test_a_round_of_four_respondents_shows_nothing() -> None:
    table = guarded_table(_respondents({"GM1": 1, "GM2": 3}), lambda s: "PV20", minimum=MINIMUM)
    assert table.total.suppressed
    assert all(f.suppressed for f in table.groups)


def test_a_measure_filter_cannot_take_one_municipality_out() -> None:
    # Five municipalities in one province; the filter (those that implemented a measure)
    # leaves out one municipality with a single respondent.
    scores = _respondents({"GM1": 3, "GM2": 2, "GM3": 2, "GM4": 2, "GM5": 1, "GM6": 8})
    province = {f"GM{i}": "PV20" for i in range(1, 6)} | {"GM6": "PV21"}
    unfiltered = guarded_table(scores, _by(province), minimum=MINIMUM)
    assert _shown(unfiltered) == {None: 18, "PV20": 10, "PV21": 8}
    filtered = guarded_table(
        scores, _by(province), minimum=MINIMUM, selected=lambda s: s.municipality != "GM5"
    )
    # Shown, PV20 filtered (9) beside PV20 (10) would give GM5's one answer; so would the totals.
    assert filtered.total.suppressed
    assert {f.key: f.suppressed for f in filtered.groups} == {"PV20": True, "PV21": False}
    # A filter that leaves out five or more is fine.
    wider = guarded_table(
        scores, _by(province), minimum=MINIMUM, selected=lambda s: s.municipality != "GM6"
    )
    assert _shown(wider) == {None: 10, "PV20": 10}


def test_a_filter_cannot_be_subtracted_from_the_unfiltered_total() -> None:
    # Unfiltered: PV20 (10) and PV21 (2) are hidden together; the total (12) is shown. The
    # filter keeps PV20 whole: shown, 12 - 10 would give PV21's two away.
    scores = _respondents({"GM1": 10, "GM2": 2})
    province = {"GM1": "PV20", "GM2": "PV21"}
    assert _shown(guarded_table(scores, _by(province), minimum=MINIMUM)) == {None: 12}
    filtered = guarded_table(
        scores, _by(province), minimum=MINIMUM, selected=lambda s: s.municipality == "GM1"
    )
    assert _shown(filtered) == {}


def test_a_region_cannot_be_subtracted_from_its_province() -> None:
    scores = _respondents({"GM1": 8, "GM2": 3, "GM3": 10})
    province = {"GM1": "PV20", "GM2": "PV20", "GM3": "PV21"}
    region = {"GM1": "AM01", "GM2": "AM02", "GM3": "AM03"}
    tables = guarded_tables(
        scores, {"provincie": _by(province), "regio": _by(region)}, minimum=MINIMUM
    )
    # PV20 (11) minus AM01 (8) would be AM02's three.
    assert _shown(tables["provincie"]) == {None: 21, "PV20": 11, "PV21": 10}
    assert _shown(tables["regio"]) == {None: 21, "AM03": 10}


def _check_no_figure_singles_out(
    scores: list[Score],
    groupings: dict[str, Callable[[Score], str | None]],
    selected: Callable[[Score], bool],
) -> int:
    """Every figure the two calls (unfiltered, filtered) show: at least the minimum, its mean
    right, no two of them nested with a difference under the minimum, no table whose total
    less its shown groups leaves a few. Returns how many figures were shown."""
    shown: list[frozenset[int]] = []
    for filter_ in (None, selected):
        chosen = [s for s in scores if filter_ is None or filter_(s)]
        tables = guarded_tables(scores, groupings, minimum=MINIMUM, selected=filter_)
        for name, table in tables.items():
            group_of = groupings[name]
            visible: list[frozenset[int]] = []
            for figure in (table.total, *table.groups):
                members = [s for s in chosen if figure.key is None or group_of(s) == figure.key]
                if figure.suppressed:
                    assert figure.mean is None
                    continue
                people = frozenset(s.respondent for s in members)
                assert figure.respondents == len(people) >= MINIMUM
                assert figure.mean == round(sum(s.score for s in members) / len(members), 2)
                shown.append(people)
                if figure.key is not None:
                    visible.append(people)
            rest = {s.respondent for s in chosen}.difference(*visible)
            if table.total.respondents is not None:
                assert not 0 < len(rest) < MINIMUM
    for a, b in itertools.combinations(shown, 2):
        if a < b or b < a:
            assert abs(len(a) - len(b)) >= MINIMUM, (sorted(a), sorted(b))
    return len(shown)


def test_brute_force_no_pair_of_figures_leaves_fewer_than_five() -> None:
    rng = random.Random(16)  # noqa: S311 - a repeatable sample, no secret
    figures = 0
    for _ in range(300):
        municipalities = [f"GM{i:04}" for i in range(rng.randint(3, 25))]
        provinces = {m: f"PV{rng.randint(20, 23)}" for m in municipalities}
        # Regions mostly within a province, some across.
        regions = {
            m: f"AM{provinces[m][-1]}{rng.randint(0, 2)}" if rng.random() < 0.85 else "AM99"
            for m in municipalities
        }
        scores = [
            Score(n, m, rng.randint(1, 5))
            for n, m in enumerate(rng.choices(municipalities, k=rng.randint(0, 60)))
        ]
        kept = {m for m in municipalities if rng.random() < 0.7}
        figures += _check_no_figure_singles_out(
            scores,
            {"provincie": _by(provinces), "regio": _by(regions)},
            lambda s, kept=kept: s.municipality in kept,
        )
    # The guard did not simply hide everything.
    assert figures > 500
