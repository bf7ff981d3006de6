"""The course's goal step and summary: drafts in the citizen's own words, what was typed survives a refusal,
the summary shows and changes the drafted plan, no English from Streamlit."""
from __future__ import annotations

import re

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from storage import course
from storage.access import Actor, ActorKind
from storage.db import write_session
from citizen_app.i18n import money
from storage.models import Citizen, CourseAnswer, CourseProgress, Goal, WishItem
from tests.app.conftest import first_login, press, texts


def _nanna(s) -> Actor:
    nanna = s.scalar(select(Citizen).where(Citizen.display_name == "Nanna"))
    return Actor(kind=ActorKind.CITIZEN, id=nanna.id, programme_id=nanna.programme_id)


def _answer(engine, *answers: tuple[str, object]) -> None:
    """Answer steps through the storage layer, as the page would."""
    with write_session(engine) as s:
        me = _nanna(s)
        for step_id, raw in answers:
            course.answer(s, actor=me, step_id=step_id, raw=raw, words=str(raw))


def _jump(engine, step_id: str) -> None:
    with write_session(engine) as s:
        me = _nanna(s)
        progress = s.get(CourseProgress, me.id)
        if progress is None:
            s.add(CourseProgress(citizen_id=me.id, current_step_id=step_id))
        else:
            progress.current_step_id = step_id


def _page(at: AppTest) -> str:
    return "\n".join([texts(at), *(c.value for c in at.caption), *(h.value for h in at.subheader)])


def _open(at: AppTest, code: str) -> AppTest:
    first_login(at, code)
    at.switch_page("app_pages/course.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_goal_text_is_kept_when_the_topic_is_missing(app, demo_db, fresh_code):
    at = _open(app, fresh_code)
    _jump(demo_db, "goal_1")
    at.run()
    [goal] = [t for t in at.text_area if t.label == "Dit mål"]
    goal.input("Jeg vil have mit eget sted at bo.")
    press(at, "Send svar")
    assert "Vælg, hvad målet handler om." in texts(at)
    [goal] = [t for t in at.text_area if t.label == "Dit mål"]
    assert goal.value == "Jeg vil have mit eget sted at bo."


def test_the_goal_step_drafts_the_goal_in_her_own_words_and_proposes_its_topic(app, demo_db, fresh_code):
    at = _open(app, fresh_code)
    _answer(demo_db, ("goals_forward", "et kørekort så jeg kan komme rundt"))
    _jump(demo_db, "goal_1")
    at.run()
    page = _page(at)
    assert "Et kørekort så jeg kan komme rundt" in page and "Emne: Transport" in page
    [goal] = [t for t in at.text_area if t.label == "Dit mål"]
    assert goal.value == "Et kørekort så jeg kan komme rundt"  # the form holds it too, to change
    press(at, "Ja, brug det")
    with write_session(demo_db) as s:
        value = s.scalar(select(CourseAnswer.value).where(CourseAnswer.step_id == "goal_1",
                                                          CourseAnswer.citizen_id == _nanna(s).id))
    assert value == {"text": "Et kørekort så jeg kan komme rundt", "category": "transport"}


def _drafted_plan(engine) -> dict[str, int]:
    """Nanna's course has drafted a goal, a sub-goal and two wishes; she is at the summary. Item ids by title."""
    _answer(engine, ("goal_1", {"text": "Mit eget sted at bo", "category": "housing"}),
            ("subgoal_1", {"text": "Finde en lejlighed"}),
            ("wish_1", {"title": "En seng", "price_ore": 120_000}),
            ("wish_1b", {"title": "Et spisebord", "price_ore": 80_000}))
    _jump(engine, "summary_check")
    with write_session(engine) as s:
        me = _nanna(s)
        return {i.title: i.id for i in s.scalars(select(WishItem).where(WishItem.citizen_id == me.id))}


def _budget_ore(engine) -> int:
    with write_session(engine) as s:
        return s.get(Citizen, _nanna(s).id).budget_total_ore


def _wishes(engine) -> dict[str, int | None]:
    with write_session(engine) as s:
        me = _nanna(s)
        return {i.title: i.price_ore for i in s.scalars(select(WishItem).where(WishItem.citizen_id == me.id,
                                                                              WishItem.removed_at.is_(None)))}


def test_the_summary_shows_goals_wishes_the_total_and_what_is_left(app, demo_db, fresh_code):
    at = _open(app, fresh_code)
    _drafted_plan(demo_db)
    at.run()
    page = _page(at)
    for line in ("Din plan lige nu", "Mit eget sted at bo", "Emne: Bolig", "Finde en lejlighed", "En seng",
                 "Pris: 1.200 kr.", "Et spisebord", "Pris: 800 kr.", "Dine ønsker koster i alt: 2.000 kr.",
                 f"Dit budget: {money(_budget_ore(demo_db))}",
                 f"Hvis du får ja til alle ønsker, er der {money(_budget_ore(demo_db) - 200_000)} tilbage."):
        assert line in page, line
    assert page.index("Mit eget sted at bo") < page.index("Finde en lejlighed") < page.index("En seng")


def test_a_wish_is_changed_and_removed_right_there_in_the_summary(app, demo_db, fresh_code):
    at = _open(app, fresh_code)
    items = _drafted_plan(demo_db)
    at.run()
    bed, table = items["En seng"], items["Et spisebord"]
    at.button(key=f"open_sum_item:{bed}").click().run()
    at.text_input(key=f"sum_form_item_{bed}_title").input("En god seng")
    at.text_input(key=f"sum_form_item_{bed}_price").input("1.500")
    at.button(key=f"sum_form_item_{bed}_save").click().run()
    assert not at.exception, at.exception
    assert _wishes(demo_db) == {"En god seng": 150_000, "Et spisebord": 80_000}
    at.button(key=f"open_sum_remove_item:{table}").click().run()
    press(at, "Ja, fjern det")
    assert _wishes(demo_db) == {"En god seng": 150_000}
    page = _page(at)
    assert "Dine ønsker koster i alt: 1.500 kr." in page and "Et spisebord" not in page
    assert "Her kan du se dine mål og ønsker samlet." in page  # still at the summary, nothing skipped past


def test_i_want_to_change_something_leads_to_the_change_not_past_it(app, demo_db, fresh_code):
    at = _open(app, fresh_code)
    items = _drafted_plan(demo_db)
    at.run()
    press(at, "Jeg vil gerne ændre noget")
    page = _page(at)
    assert "Tryk på Ret ved det, du vil ændre." in page and "En seng" in page
    assert not [t for t in at.chat_input if not t.disabled]  # no free-text box nobody reads
    press(at, "Ret målet")
    [text] = [t for t in at.text_area if t.label == "Dit mål med dine egne ord"]
    text.input("Mit eget sted at bo i Odense")
    press(at, "Gem mål")
    with write_session(demo_db) as s:
        assert s.scalar(select(Goal.text).where(Goal.citizen_id == _nanna(s).id, Goal.parent_id.is_(None))) == \
            "Mit eget sted at bo i Odense"
    press(at, "Tilføj et ønske")
    at.text_input(key="sum_form_new_item_title").input("En lampe")
    at.text_input(key="sum_form_new_item_price").input("300")
    at.button(key="sum_form_new_item_save").click().run()
    assert _wishes(demo_db) == {"En seng": 120_000, "Et spisebord": 80_000, "En lampe": 30_000}
    press(at, "Nu passer det")
    assert "Er der noget, du vil sige til din støtteperson?" in _page(at)
    assert items  # the drafts are still there


# English that Streamlit writes by itself, and common English words: none of it may reach a citizen's page.
ENGLISH = re.compile(r"\b(select all|choose an option|choose options|no results|press enter|add an option|"
                     r"the|select|choose|your|please|submit|click|search|clear|you)\b", re.IGNORECASE)
_NOT_TEXT = ("id", "key", "icon", "type", "format", "width", "height", "url", "src", "arrow", "css", "help_url")


def _strings(at: AppTest) -> list[str]:
    """Every text in every element of the page: labels, placeholders, options, bodies, help."""
    found: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields"):
            for field, value in proto.ListFields():
                if any(part in field.name for part in _NOT_TEXT):
                    continue
                if isinstance(value, str):
                    found.append(value)
                elif isinstance(value, (list, tuple)) or hasattr(value, "__len__") and not hasattr(value, "ListFields"):
                    for v in value:
                        if isinstance(v, str):
                            found.append(v)
                        elif hasattr(v, "ListFields"):
                            walk(type("Node", (), {"proto": v, "children": {}})())
                elif hasattr(value, "ListFields"):
                    walk(type("Node", (), {"proto": value, "children": {}})())
        for child in getattr(node, "children", {}).values():
            walk(child)
    walk(at._tree)
    return found


def _no_english(at: AppTest, where: str) -> None:
    assert not at.exception, at.exception
    assert not at.multiselect, f"{where}: a multiselect opens with Streamlit's English 'Select all'"
    english = [s for s in _strings(at) if ENGLISH.search(s) and not s.lstrip().startswith(("<script", "<style"))]
    assert not english, f"English on {where}: {english}"


def test_no_english_on_any_citizen_page(app, demo_db, fresh_code):
    _no_english(app, "the login page")
    at = _open(app, fresh_code)
    _no_english(at, "the course's first step")
    for step_id in ("matters_most", "goal_1", "summary_check"):
        _jump(demo_db, step_id)
        at.run()
        _no_english(at, step_id)
        if step_id == "matters_most":  # the choices are tappable pills with Danish labels (and the walk sees them)
            [pills] = at.pills
            assert pills.label == "Vælg et eller flere svar" and "Familie" in _strings(at)
    _drafted_plan(demo_db)
    at.run()
    press(at, "Jeg vil gerne ændre noget")
    press(at, "Tilføj et ønske")
    _no_english(at, "the summary's change step with a form open")
    at.toggle[0].set_value(True).run()
    _no_english(at, "the course as a form")
    for page in ("citizen_home.py", "plan.py", "submit.py", "access_log.py"):
        at.switch_page(f"app_pages/{page}")
        at.run()
        _no_english(at, page)


def test_several_choices_are_tapped_and_saved(app, demo_db, fresh_code):
    at = _open(app, fresh_code)
    _jump(demo_db, "matters_most")
    at.run()
    [pills] = at.pills
    pills.set_value(["family", "home"])
    press(at, "Send svar")
    with write_session(demo_db) as s:
        assert s.scalar(select(CourseAnswer.value).where(CourseAnswer.step_id == "matters_most",
                                                         CourseAnswer.citizen_id == _nanna(s).id)) == \
            ["family", "home"]


def test_a_second_goal_is_not_drafted_from_the_first_goals_words(app, demo_db, fresh_code):
    at = _open(app, fresh_code)
    _answer(demo_db, ("goals_forward", "Et job. Se min datter mere."),
            ("goal_1", {"text": "Et job", "category": "education_job"}), ("goal_more_1", True))
    _jump(demo_db, "goal_2")
    at.run()
    [goal] = [t for t in at.text_area if t.label == "Dit mål"]
    assert goal.value == "Se min datter mere."
    assert "Emne: Familie og netværk" in _page(at)


def test_no_proposal_from_ved_ikke_and_the_typed_goal_survives_a_missing_topic(app, demo_db, fresh_code):
    at = _open(app, fresh_code)
    _answer(demo_db, ("goals_forward", "ved ikke"), ("dream_year", "det ved jeg ikke"))
    _jump(demo_db, "goal_1")
    at.run()
    assert "Mit forslag ud fra det, du skrev:" not in _page(at)
    [goal] = [t for t in at.text_area if t.label == "Dit mål"]
    assert goal.value == ""
    goal.input("Komme ud af min gæld")
    press(at, "Send svar")
    press(at, "Send svar")  # twice: still there
    [goal] = [t for t in at.text_area if t.label == "Dit mål"]
    assert goal.value == "Komme ud af min gæld"
    [topic] = at.selectbox
    topic.set_value("money_debt")
    press(at, "Send svar")
    with write_session(demo_db) as s:
        assert s.scalar(select(CourseAnswer.value).where(CourseAnswer.step_id == "goal_1",
                                                         CourseAnswer.citizen_id == _nanna(s).id)) == \
            {"text": "Komme ud af min gæld", "category": "money_debt"}


def test_a_refused_answer_stays_where_it_was_typed_in_chat_and_in_form_mode(app, demo_db, fresh_code):
    at = _open(app, fresh_code)
    _jump(demo_db, "now_good")
    at.run()
    refused = "Min nabo\x00 er god"  # a control character: refused with a calm message
    at.chat_input[0].set_value(refused).run()
    assert [e.value for e in at.error] == ["Der er tegn i teksten, som ikke kan gemmes. Prøv at skrive den igen."]
    assert at.chat_input[0].proto.value == refused
    at.toggle[0].set_value(True).run()
    [box] = [t for t in at.text_area if t.label == "Dit svar"]
    box.input(refused)
    press(at, "Gem og gå videre")
    assert at.error
    [box] = [t for t in at.text_area if t.label == "Dit svar"]
    assert box.value == refused
    assert "now_good" not in {a for a, in _answered(demo_db)}


def _answered(engine) -> list[tuple[str]]:
    with write_session(engine) as s:
        return list(s.execute(select(CourseAnswer.step_id).where(CourseAnswer.citizen_id == _nanna(s).id)))
