"""Property-based tests of the plan's send check (storage.submissions.problems) and the budget's level.

Any plan hypothesis can build: the check says "ready" exactly when the rules in issue 4 hold, names every
wish that lacks a goal or a price once for each, and states the overspend to the øre.
"""
from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from storage.models import ItemStatus
from storage.budget import WARNING_SHARE, Budget
from storage.plan_view import GoalView, ItemView, PlanView
from storage.statuses import EDITABLE
from storage.submissions import problems

MISSING_GOAL = "Vælg, hvilket mål '{title}' hjælper med."
MISSING_PRICE = "Skriv en pris på '{title}'."
OVER = "Ønskerne koster {amount} mere, end der er tilbage."
NO_GOAL = "Skriv mindst ét langsigtet mål."
NOTHING_NEW = "Der er ingen nye ønsker at sende."

statuses = st.sampled_from([s.value for s in ItemStatus])
prices = st.one_of(st.none(), st.integers(min_value=1, max_value=6_000_000))


@st.composite
def plans(draw) -> PlanView:
    goal_ids = list(range(1, draw(st.integers(0, 3)) + 1))
    items = []
    for item_id in range(100, 100 + draw(st.integers(0, 6))):
        items.append(ItemView(
            id=item_id,
            goal_id=draw(st.one_of(st.none(), st.sampled_from(goal_ids))) if goal_ids else None,
            title=draw(st.text(min_size=1, max_size=20)),
            price_ore=draw(prices),
            quantity=draw(st.integers(1, 3)),
            shop=None, note=None, status=draw(statuses), approved_ore=0, position=item_id))
    goals = tuple(GoalView(g, f"mål {g}", None, g, (), tuple(i for i in items if i.goal_id == g))
                  for g in goal_ids)
    total = draw(st.integers(1, 10_000_000))
    approved = draw(st.integers(0, total))
    return PlanView(citizen_id=1, status="active", status_reason=None, end_date=date(2027, 3, 31),
                    goals=goals, unlinked_items=tuple(i for i in items if i.goal_id is None),
                    budget=Budget(total_ore=total, approved_ore=approved, planned_ore=0))


@given(plans())
def test_a_plan_is_ready_exactly_when_every_rule_holds(plan):
    new = [i for i in plan.all_items() if i.status in EDITABLE]
    new_total = sum(i.total_ore or 0 for i in new)
    rules_hold = (bool(plan.goals) and bool(new) and all(i.goal_id is not None for i in new)
                  and all(i.price_ore is not None for i in new) and new_total <= plan.budget.left_ore)
    assert (problems(plan) == []) == rules_hold


@given(plans())
def test_each_new_wish_missing_a_goal_or_a_price_is_named_once_and_nothing_else_is(plan):
    found = problems(plan)
    for message, lacks in ((MISSING_GOAL, lambda i: i.goal_id is None), (MISSING_PRICE, lambda i: i.price_ore is None)):
        named = sorted(p.item_id for p in found if p.message == message)
        expected = sorted(i.id for i in plan.all_items() if i.status in EDITABLE and lacks(i))
        assert named == expected
    # Sent, approved, declined, ordered and paid wishes are not the citizen's to fix now.
    fixed = {i.id for i in plan.all_items() if i.status not in EDITABLE}
    assert not fixed & {p.item_id for p in found}


@given(plans())
def test_the_overspend_is_stated_to_the_ore_and_only_when_there_is_one(plan):
    new_total = sum(i.total_ore or 0 for i in plan.all_items() if i.status in EDITABLE)
    over = [p for p in problems(plan) if p.message == OVER]
    if new_total > plan.budget.left_ore:
        assert [p.params["amount_ore"] for p in over] == [new_total - plan.budget.left_ore]
    else:
        assert over == []
    assert any(p.message == NO_GOAL for p in problems(plan)) == (not plan.goals)
    assert any(p.message == NOTHING_NEW for p in problems(plan)) == (
        not any(i.status in EDITABLE for i in plan.all_items()))


@given(st.integers(1, 10_000_000).flatmap(lambda total: st.tuples(
    st.just(total), st.integers(0, total), st.integers(0, 2 * total))))
def test_the_budget_level_warns_from_85_percent_and_says_over_only_when_over(figures):
    total, approved, planned = figures
    budget = Budget(total_ore=total, approved_ore=approved, planned_ore=planned)
    used = approved + planned
    assert budget.left_ore + approved == total
    assert budget.left_after_plan_ore == total - used
    expected = "over" if used > total else "warning" if used >= WARNING_SHARE * total else "ok"
    assert budget.level == expected
