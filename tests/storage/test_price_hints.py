"""Price hints: the range approved before for similar wishes, only from groups of 3+ approvals from 3+ citizens."""
from __future__ import annotations

import pytest
from sqlalchemy import event

from storage import citizens, price_hints
from storage.db import write_session
from storage.errors import AccessDenied
from tests.storage.factories import approved_items, build_world, citizen_of


def _citizen_with_approved(engine, w, name, prices, titles):
    with write_session(engine) as s:
        cid = citizens.create_citizen(s, actor=w.support, display_name=name).citizen_id
    me = citizen_of(w, cid)
    items = approved_items(engine, w.support, me, prices)
    from storage.models import WishItem
    with write_session(engine) as s:
        for item, title in zip(items, titles):
            s.get_one(WishItem, item).title = title
    return cid


def _hints(engine, actor, citizen_id, wishes):
    with write_session(engine) as s:
        return price_hints.hints_for(s, actor=actor, citizen_id=citizen_id, wishes=wishes)


def test_title_words_are_normalised():
    assert price_hints.title_words("En ny cykel til arbejde") == {"cykel", "arbejd"}
    assert price_hints.title_words("Cyklen") == {"cykl"}
    assert price_hints._similar(price_hints.title_words("cykler"), price_hints.title_words("Brugt cykel"))
    assert not price_hints._similar(price_hints.title_words("sko"), price_hints.title_words("ske"))


def test_two_citizens_give_no_hint_three_give_a_rounded_range_and_median(engine):
    w = build_world(engine)
    me = citizen_of(w)
    _citizen_with_approved(engine, w, "A", [152_300], ["Cykel"])
    _citizen_with_approved(engine, w, "B", [210_000, 90_000], ["Brugt cykel", "Cykelhjelm"])
    # Two approvals would do, but only from two citizens: nothing shown, not even by category.
    _citizen_with_approved(engine, w, "A2", [10_000], ["Sko"])
    assert _hints(engine, me, me.id, {1: ("cykel", None)}) == {}
    _citizen_with_approved(engine, w, "C", [298_900], ["Cykler til familien"])
    hint = _hints(engine, me, me.id, {1: ("Ny cykel", None)})[1]
    assert (hint.kind, hint.low_ore, hint.high_ore, hint.median_ore) == ("title", 150_000, 300_000, 210_000)


def test_the_same_citizen_many_times_is_still_a_small_group(engine):
    w = build_world(engine)
    me = citizen_of(w)
    _citizen_with_approved(engine, w, "A", [100_000, 200_000, 300_000, 400_000], ["Cykel"] * 4)
    _citizen_with_approved(engine, w, "B", [150_000], ["Cykel"])
    assert _hints(engine, me, me.id, {7: ("Cykel", None)}) == {}


def test_the_goal_category_is_the_fallback_and_the_citizens_own_approvals_do_not_count(engine):
    w = build_world(engine)
    me = citizen_of(w)
    for name, title in (("A", "Køretimer"), ("B", "Teoribog"), ("C", "Lægeattest")):
        _citizen_with_approved(engine, w, name, [400_000], [title])  # all under 'education_job' goals
    approved_items(engine, w.support, me, [900_000])  # Mette's own: not part of her hint
    hint = _hints(engine, me, me.id, {1: ("Arbejdstøj", "education_job"), 2: ("Arbejdstøj", "housing")})
    assert set(hint) == {1} and (hint[1].kind, hint[1].low_ore, hint[1].high_ore) == ("category", 400_000, 400_000)


def test_hints_for_many_wishes_are_one_query_and_other_programmes_are_out_of_reach(engine):
    w = build_world(engine)
    me = citizen_of(w)
    for name in "ABCDEF":
        _citizen_with_approved(engine, w, name, [200_000], ["Cykel"])
    statements = []
    listen = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listen)
    try:
        found = _hints(engine, me, me.id, {n: ("cykel", None) for n in range(30)})
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    assert len(found) == 30
    assert sum("wish_items" in sql for sql in statements) == 1
    with write_session(engine) as s, pytest.raises(AccessDenied):
        price_hints.hints_for(s, actor=w.other_coordinator, citizen_id=me.id, wishes={1: ("cykel", None)})
