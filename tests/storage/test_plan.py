"""The plan: goal -> sub-goal -> item -> kroner, budget figures, and friendly refusals of bad input."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from storage import citizens, plan, plan_view
from storage.db import write_session
from storage.errors import AccessDenied, DomainError, NotFound
from storage.models import CitizenStatus, WishItem
from tests.storage.factories import build_world, citizen_of, plan_with_items


def _plan(engine, actor):
    with write_session(engine) as s:
        return plan_view.get_plan(s, actor=actor, citizen_id=actor.id)


def test_items_appear_under_their_sub_goal_with_subtotals(engine):
    w = build_world(engine)
    me = citizen_of(w)
    plan_with_items(engine, me, [200_000, 150_050])
    view = _plan(engine, me)
    [goal] = view.goals
    assert goal.text == "Et job" and goal.category == "education_job"
    [sub] = goal.sub_goals
    assert [i.title for i in sub.items] == ["Ting 0", "Ting 1"]
    assert goal.subtotal_ore == 350_050
    assert view.budget.planned_ore == 350_050 and view.budget.left_ore == 5_000_000
    assert view.budget.left_after_plan_ore == 5_000_000 - 350_050


@pytest.mark.parametrize("prices,level", [([100_000], "ok"), ([4_250_000], "warning"),
                                          ([3_000_000, 2_500_000], "over")])
def test_budget_level_warns_at_85_percent_and_when_over(engine, prices, level):
    w = build_world(engine)
    plan_with_items(engine, citizen_of(w), prices)
    assert _plan(engine, citizen_of(w)).budget.level == level


BAD_ITEMS = [
    dict(title="", price_ore=1000),
    dict(title="   ", price_ore=1000),
    dict(title="x" * 10_000, price_ore=1000),
    dict(title="Cykel\x00", price_ore=1000),
    dict(title="Cykel", price_ore=0),
    dict(title="Cykel", price_ore=-500),
    dict(title="Cykel", price_ore=5_000_001),
    dict(title="Cykel", price_ore=1000, quantity=0),
    dict(title="Cykel", price_ore=3_000_000, quantity=2),
    dict(title="Cykel", price_ore=1000, note="n" * 10_000),
]


@pytest.mark.parametrize("fields", BAD_ITEMS)
def test_bad_item_input_gets_a_message_and_stores_nothing(engine, fields):
    w = build_world(engine)
    me = citizen_of(w)
    goal, _items = plan_with_items(engine, me, [1000])
    with pytest.raises(DomainError) as err, write_session(engine) as s:
        plan.add_item(s, actor=me, citizen_id=me.id, goal_id=goal, **fields)
    assert err.value.message  # a Danish sentence for the citizen
    with write_session(engine) as s:
        assert s.scalar(select(func.count()).select_from(WishItem)) == 1


@pytest.mark.parametrize("title", ["Cykel 🚲", "<img src=x onerror=alert(1)>", "**fed** [klik](https://x.example)",
                                   "דירה חדשה", "سرير جديد"])
def test_emoji_markup_and_right_to_left_text_are_kept_verbatim(engine, title):
    w = build_world(engine)
    me = citizen_of(w)
    goal, _ = plan_with_items(engine, me, [])
    with write_session(engine) as s:
        plan.add_item(s, actor=me, citizen_id=me.id, title=title, price_ore=1000, goal_id=goal)
    assert any(i.title == title for i in _plan(engine, me).all_items())


def test_paused_plan_cannot_be_changed_and_says_why(engine):
    w = build_world(engine)
    me = citizen_of(w)
    goal, items = plan_with_items(engine, me, [1000])
    with write_session(engine) as s:
        citizens.set_status(s, actor=w.support, citizen_id=me.id, status=CitizenStatus.PAUSED)
    with pytest.raises(DomainError) as err, write_session(engine) as s:
        plan.update_item(s, actor=me, citizen_id=me.id, item_id=items[0], title="Ny", price_ore=2000, goal_id=goal)
    assert "pause" in err.value.message
    assert _plan(engine, me).all_items()[0].title == "Ting 0"


def test_ended_plan_needs_a_reason_and_then_refuses_changes(engine):
    w = build_world(engine)
    me = citizen_of(w)
    with pytest.raises(DomainError), write_session(engine) as s:
        citizens.set_status(s, actor=w.support, citizen_id=me.id, status=CitizenStatus.ENDED, reason="  ")
    with write_session(engine) as s:
        citizens.set_status(s, actor=w.support, citizen_id=me.id, status=CitizenStatus.ENDED,
                            reason="Flyttet til en anden kommune")
    with pytest.raises(DomainError) as err, write_session(engine) as s:
        plan.add_goal(s, actor=me, citizen_id=me.id, text="Nyt mål")
    assert "slut" in err.value.message


def test_a_citizen_cannot_touch_another_citizens_plan(engine):
    w = build_world(engine)
    other = citizen_of(w, w.other_citizen_id)
    _goal, items = plan_with_items(engine, other, [1000])
    me = citizen_of(w)
    with pytest.raises(AccessDenied), write_session(engine) as s:
        plan_view.get_plan(s, actor=me, citizen_id=other.id)
    with pytest.raises(AccessDenied), write_session(engine) as s:
        plan.remove_item(s, actor=me, citizen_id=other.id, item_id=items[0])
    # Nor by pointing at the other's item from their own plan.
    with pytest.raises(NotFound), write_session(engine) as s:
        plan.remove_item(s, actor=me, citizen_id=me.id, item_id=items[0])


def test_support_person_can_read_but_not_edit_the_plan(engine):
    w = build_world(engine)
    plan_with_items(engine, citizen_of(w), [1000])
    with write_session(engine) as s:
        assert plan_view.get_plan(s, actor=w.support, citizen_id=w.citizen_id).all_items()
    with pytest.raises(AccessDenied), write_session(engine) as s:
        plan.add_goal(s, actor=w.support, citizen_id=w.citizen_id, text="Mit forslag")


def test_items_can_be_reordered_by_priority(engine):
    w = build_world(engine)
    me = citizen_of(w)
    _goal, items = plan_with_items(engine, me, [100, 200, 300])
    with write_session(engine) as s:
        plan.move_item(s, actor=me, citizen_id=me.id, item_id=items[2], up=True)
    sub = _plan(engine, me).goals[0].sub_goals[0]
    assert [i.id for i in sub.items] == [items[0], items[2], items[1]]


def test_removing_a_goal_removes_its_draft_items(engine):
    w = build_world(engine)
    me = citizen_of(w)
    goal, _items = plan_with_items(engine, me, [100, 200])
    with write_session(engine) as s:
        plan.remove_goal(s, actor=me, citizen_id=me.id, goal_id=goal)
    view = _plan(engine, me)
    assert view.goals == () and view.all_items() == []


def test_goals_can_be_reordered_and_items_move_within_their_goal(engine):
    w = build_world(engine)
    me = citizen_of(w)
    first, _ = plan_with_items(engine, me, [100], goal_text="Første")
    second, _ = plan_with_items(engine, me, [200], goal_text="Andet")
    with write_session(engine) as s:
        plan.move_goal(s, actor=me, citizen_id=me.id, goal_id=second, up=True)
    assert [g.text for g in _plan(engine, me).goals] == ["Andet", "Første"]
    with write_session(engine) as s:
        sub = _plan(engine, me).goals[1].sub_goals[0].id
        a = plan.add_item(s, actor=me, citizen_id=me.id, title="A", price_ore=100, goal_id=sub)
        plan.move_item(s, actor=me, citizen_id=me.id, item_id=a, up=True, within_goal=True)
    items = _plan(engine, me).goals[1].sub_goals[0].items
    assert [i.title for i in items] == ["A", "Ting 0"]
