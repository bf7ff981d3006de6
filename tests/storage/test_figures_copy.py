"""Each citizen's report figures, kept on the citizen row (storage/models/figures_copy.py). Every test that uses
the database checks the copies against a fresh count when it ends (tests/conftest.py); these cover the cases
that check cannot reach on its own."""
from __future__ import annotations

from storage.db import write_session
from storage.models import Citizen, WishItem
from tests.storage.factories import build_world, citizen_of, plan_with_items


def test_deleting_a_row_recounts_its_citizen_even_when_the_row_was_expired(engine):
    w = build_world(engine)
    _goal, [item] = plan_with_items(engine, citizen_of(w), [250_000])
    with write_session(engine) as s:
        assert s.get(Citizen, w.citizen_id).pending_ore == 250_000
    with write_session(engine) as s:
        row = s.get(WishItem, item)
        s.expire(row)  # whose it was is not loaded when the DELETE goes out
        s.delete(row)
        s.flush()
        assert s.get(Citizen, w.citizen_id).pending_ore == 0
