"""Milestones from a period: their keys and dates, whose turn it is, and when one is due, overdue or missed."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from storage import milestones
from storage.milestones import State


@pytest.mark.parametrize(("start", "end", "expected"), [
    # 12 months: every 3 months, the last month, the end
    (date(2026, 1, 15), date(2027, 1, 15), [("start", "2026-01-15"), ("m3", "2026-04-15"), ("m6", "2026-07-15"),
                                            ("m9", "2026-10-15"), ("last", "2026-12-15"), ("end", "2027-01-15")]),
    # 15 months from the 31st: short months keep the last day
    (date(2026, 1, 31), date(2027, 4, 30), [("start", "2026-01-31"), ("m3", "2026-04-30"), ("m6", "2026-07-31"),
                                            ("m9", "2026-10-31"), ("m12", "2027-01-31"), ("last", "2027-03-30"),
                                            ("end", "2027-04-30")]),
    # 2 months: nothing in between
    (date(2026, 3, 1), date(2026, 5, 1), [("start", "2026-03-01"), ("last", "2026-04-01"), ("end", "2026-05-01")]),
    # 4 months: m3 falls in the last month, so the last month takes its place
    (date(2026, 1, 1), date(2026, 5, 1), [("start", "2026-01-01"), ("last", "2026-04-01"), ("end", "2026-05-01")]),
])
def test_milestones_of_a_period(start, end, expected):
    assert [(m.key, m.on.isoformat()) for m in milestones.milestones(start, end)] == expected


def test_who5_is_asked_at_the_start_midway_and_at_the_end():
    asked = [m.key for m in milestones.milestones(date(2026, 1, 15), date(2027, 1, 15)) if m.asks_who5]
    assert asked == ["start", "m6", "end"]


@pytest.mark.parametrize(("on", "expected"), [
    (date(2026, 1, 14), None),
    (date(2026, 1, 15), "start"),
    (date(2026, 4, 14), "start"),
    (date(2026, 4, 15), "m3"),
    (date(2026, 12, 15), "last"),
    (date(2027, 1, 15), "end"),
    (date(2027, 6, 1), "end"),
])
def test_the_current_milestone_is_the_latest_whose_date_has_come(on, expected):
    found = milestones.current(date(2026, 1, 15), date(2027, 1, 15), on)
    assert (found.key if found else None) == expected


M3 = milestones.Milestone("m3", date(2026, 4, 15), 3, False)
M6 = milestones.Milestone("m6", date(2026, 7, 15), 6, True)


@pytest.mark.parametrize(("milestone", "current", "on", "done", "expected"), [
    (M3, M3, date(2026, 4, 15), False, State.DUE),
    (M3, M3, date(2026, 4, 15) + timedelta(days=milestones.DUE_DAYS - 1), False, State.DUE),
    (M3, M3, date(2026, 4, 15) + timedelta(days=milestones.DUE_DAYS), False, State.OVERDUE),
    (M3, M3, date(2026, 5, 1), True, State.DONE),
    (M3, M6, date(2026, 7, 20), False, State.MISSED),
    (M6, M3, date(2026, 5, 1), False, State.UPCOMING),
])
def test_state_of_a_milestone(milestone, current, on, done, expected):
    assert milestones.state(milestone, current, on, done=done) is expected


@pytest.mark.parametrize(("goals", "rated", "who5_needed", "who5_given", "done"), [
    ([1, 2], [1, 2], False, False, True),
    ([1, 2], [1], False, False, False),
    ([1, 2], [1, 2, 3], False, False, True),     # a rating of a goal removed since does not hurt
    ([1], [1], True, False, False),              # WHO-5 asked and not answered or skipped
    ([1], [1], True, True, True),
    ([], [], False, False, True),                # nothing to rate
])
def test_done_means_every_current_long_term_goal_is_rated(goals, rated, who5_needed, who5_given, done):
    assert milestones.is_done(goals, rated, who5_needed=who5_needed, who5_given=who5_given) is done
