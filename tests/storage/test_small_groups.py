"""The small-group rule: no figure about one or two citizens, and none that lets one be recomputed."""
from __future__ import annotations

from storage.small_groups import group_may_be_shown, share, withhold_counts


def test_a_group_figure_needs_three_citizens_and_a_rest_that_is_not_small():
    assert not group_may_be_shown(0) and not group_may_be_shown(2) and group_may_be_shown(3)
    assert group_may_be_shown(5, whole=5) and group_may_be_shown(5, whole=8)
    assert not group_may_be_shown(5, whole=6) and not group_may_be_shown(5, whole=7)   # the rest is 1 or 2
    assert share(2, 4) == 0.5 and share(1, 2) is None and share(3, 4, whole_n=5) is None


def test_one_small_cell_is_withheld_with_company_so_the_total_does_not_give_it_away():
    kept = withhold_counts({"a": 10, "b": 1, "c": 7, "d": 0})
    assert kept == {"a": 10, "b": None, "c": None, "d": 0}        # 1 alone = total - shown: c goes too


def test_two_small_cells_that_sum_below_three_take_a_third_cell_with_them():
    kept = withhold_counts({"a": 1, "b": 1, "c": 4, "d": 9})
    assert kept == {"a": None, "b": None, "c": None, "d": 9}


def test_two_small_cells_holding_three_between_them_stand_alone():
    assert withhold_counts({"a": 1, "b": 2, "c": 6}) == {"a": None, "b": None, "c": 6}


def test_a_part_is_withheld_where_the_rest_of_the_programme_would_be_small():
    kept = withhold_counts({"a": 5, "b": 4, "c": 6}, whole={"a": 6, "b": 9, "c": 6})
    assert kept == {"a": None, "b": None, "c": 6}   # a's rest is 1; b goes with it (the part's total is known)


def test_nothing_small_means_nothing_withheld():
    assert withhold_counts({"a": 3, "b": 0, "c": 12}) == {"a": 3, "b": 0, "c": 12}
