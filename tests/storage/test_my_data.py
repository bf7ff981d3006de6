"""The right of access (issue 13): a citizen, or their support person on their behalf, gets everything the app
holds about them; what is left out is named and reasoned; the export is audited."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import ForeignKey

from storage import my_data
from storage.db import write_session
from storage.errors import AccessDenied
from storage.models import AuditEvent, Base
from tests.storage.case_with_everything import INTERNAL, MARKERS, PRIVATE, build_case
from tests.storage.factories import build_world, citizen_of


def _collect(engine, actor, cid) -> str:
    with write_session(engine) as s:
        return json.dumps(my_data.collect(s, actor=actor, citizen_id=cid), ensure_ascii=False)


def test_the_citizens_own_file_holds_everything_but_internal_papers(engine):
    w = build_world(engine)
    cid = build_case(engine, w)
    text = _collect(engine, citizen_of(w, cid), cid)
    missing = [m for m in MARKERS if m not in text and m not in INTERNAL]
    assert missing == []
    assert not any(m in text for m in INTERNAL)
    assert "pin_hash" not in text and "secret_hash" not in text and "token_hash" not in text


def test_a_file_made_by_the_support_person_leaves_out_what_the_citizen_did_not_share(engine):
    w = build_world(engine)
    cid = build_case(engine, w)
    text = _collect(engine, w.support, cid)
    assert "MK-answer" in text and "MK-journal" in text
    assert not any(m in text for m in PRIVATE + INTERNAL)
    with write_session(engine) as s:
        events = s.query(AuditEvent).filter(AuditEvent.action == "export_personal_data").all()
        assert [(e.actor_type, e.citizen_id, e.detail) for e in events] == [("staff", cid, "by=support_person")]


@pytest.mark.parametrize("who", ["other_support", "coordinator", "finance", "other citizen"])
def test_nobody_else_can_make_the_file(engine, who):
    w = build_world(engine)
    actor = citizen_of(w, w.other_citizen_id) if who == "other citizen" else getattr(w, who)
    with pytest.raises(AccessDenied), write_session(engine) as s:
        my_data.collect(s, actor=actor, citizen_id=w.citizen_id)


def test_every_table_with_citizen_data_is_in_the_file_or_named_as_left_out():
    """A new table that holds citizen data must be added to the file (or to LEFT_OUT with a reason)."""
    import inspect
    source = inspect.getsource(my_data)
    holding = {t.name for t in Base.metadata.sorted_tables
               if any(isinstance(fk, ForeignKey) and fk.column.table.name in ("citizens", "wish_items")
                      for c in t.columns for fk in c.foreign_keys)} | {"audit_events", "citizens"}
    in_file = {t.name for t in Base.metadata.sorted_tables
               if any(m.__tablename__ == t.name and m.__name__ in source for m in Base.__subclasses__())}
    assert holding - in_file - set(my_data.LEFT_OUT) == set()
