"""User text is shown as the text it is (issue 13): a display name never becomes markdown, and bidi controls
stored before the cleaner removed them never show a text reversed; real Arabic stays as written."""
from __future__ import annotations

import html

from sqlalchemy import select, update

from storage import citizens, plan, submissions
from storage.db import write_session
from storage.models import StaffUser, WishItem
from tests.app.conftest import first_login, staff_login
from tests.app.test_support_pages import as_citizen, citizen_id, markdown_values, open_page, text_values

NAME = "Vera ![x](https://evil.example/x.png) $x^2$ **fed**"
REVERSED = "Cykel \u202eekims\u202c til arbejde"   # U+202E shows "smike" reversed as "ekims"
ARABIC = "دراجة للعمل"


def _citizen_named(engine, name: str) -> str:
    with write_session(engine) as s:
        sara = s.scalar(select(StaffUser).where(StaffUser.username == "sara"))
        return citizens.create_citizen(s, actor=None, display_name=name, programme_id=sara.programme_id,
                                       support_person_id=sara.id).access_code


def test_a_display_name_with_markdown_is_greeted_as_plain_text(app, demo_db):
    first_login(app, _citizen_named(demo_db, NAME))
    assert not app.exception
    headings = [h.proto.body for h in app.get("html") if "<h1>" in h.proto.body]
    assert headings == [f"<h1>{html.escape('Hej ' + NAME)}</h1>"]   # escaped: no tag, no markdown
    assert not any("evil.example" in v or "x^2" in v for v in markdown_values(app))


def test_bidi_overrides_stored_earlier_are_not_shown_and_arabic_is_kept(app, demo_db):
    jonas = as_citizen(demo_db, "Jonas")
    with write_session(demo_db) as s:
        goal = plan.add_goal(s, actor=jonas, citizen_id=jonas.id, text="Et job")
        items = [plan.add_item(s, actor=jonas, citizen_id=jonas.id, title=title, price_ore=100_000, goal_id=goal)
                 for title in ("Cykel", ARABIC)]
        # As if stored before the cleaner removed overrides on input:
        s.execute(update(WishItem).where(WishItem.id == items[0]).values(title=REVERSED))
    with write_session(demo_db) as s:
        submissions.submit(s, actor=jonas, citizen_id=jonas.id)
    staff_login(app, "sara")
    for page in ("support_citizen.py", "review.py"):
        open_page(app, page, citizen_id(demo_db, "Jonas"))
        shown = text_values(app)
        assert "Cykel ekims til arbejde" in shown and ARABIC in shown, page
        assert not any("\u202e" in t or "\u202c" in t for t in shown), page
