"""'Sådan går det' for the citizen and the support person's per-goal follow-up (issue 15), as AppTest runs."""
from __future__ import annotations

from sqlalchemy import select

from storage import demo, goal_ratings, who5
from storage.db import write_session
from storage.models import Citizen, GoalRating, Who5Response
from tests.app.conftest import citizen_login, first_login, press, staff_login
from tests.app.conftest import texts as shown_texts

PROGRESS = "app_pages/progress.py"
HOME = "app_pages/citizen_home.py"


def texts(at) -> str:
    """What the page says, with its captions and sub-headings."""
    return "\n".join([shown_texts(at), *(c.value for c in at.caption), *(h.value for h in at.subheader)])


def _aisha(engine) -> int:
    with write_session(engine) as s:
        return s.scalar(select(Citizen.id).where(Citizen.display_name == "Aisha"))


def _newest(engine, citizen_id: int, milestone: str):
    with write_session(engine) as s:
        found = goal_ratings.newest(s, [citizen_id], [milestone])
        goals = goal_ratings.long_term_goal_ids(s, citizen_id)
    return goals, found


def test_citizen_sees_her_goals_what_was_bought_and_both_sides_ratings(app, demo_db):
    citizen_login(app, demo.DEMO_CODES[2], demo.DEMO_PIN)
    app.switch_page(PROGRESS).run()
    assert not app.exception
    page = texts(app)
    assert "Sådan går det" in page and "At få et job i et køkken" in page
    assert "Delmål: Tage kørekort" in page
    assert "Bestilt: Køreskole, pakke med 20 lektioner" in page  # a payment was asked for
    assert "Godkendt, venter på at blive købt: Hygiejnekursus" in page
    assert "Din støtteperson har ikke svaret endnu." in page  # at 3 months Ole has not rated yet
    aisha = _aisha(demo_db)
    goals, _found = _newest(demo_db, aisha, "m3")
    radio = app.radio(key=f"rate_m3_{goals[1]}")
    assert radio.value == "on_the_way"  # her earlier answer is shown
    radio.set_value("close").run()
    assert not app.exception and "Dit svar er gemt." in texts(app)
    _goals, found = _newest(demo_db, aisha, "m3")
    assert found[(aisha, "m3", "citizen")][goals[1]].rating == "close"
    assert goals[1] not in found.get((aisha, "m3", "support"), {})  # the other side is untouched


def test_a_sentence_without_a_rating_is_refused_kindly_and_nothing_is_saved(app, demo_db, fresh_code):
    from storage import plan
    from storage.auth import citizen_actor
    with write_session(demo_db) as s:
        nanna = s.scalar(select(Citizen).where(Citizen.display_name == "Nanna"))
        goal = plan.add_goal(s, actor=citizen_actor(nanna), citizen_id=nanna.id, text="Et roligt hjem")
        nanna_id = nanna.id
    first_login(app, fresh_code)
    assert "Det er tid til at se på dine mål." in texts(app)
    app.switch_page(PROGRESS).run()
    app.text_input(key=f"rate_start_{goal}_note").input("Det går fint").run()
    assert "Vælg først, hvor tæt du er på målet. Så gemmer vi din sætning." in texts(app)
    with write_session(demo_db) as s:
        assert s.scalars(select(GoalRating).where(GoalRating.citizen_id == nanna_id)).all() == []


def test_who5_is_saved_when_all_five_are_answered_and_can_be_skipped(app, demo_db, fresh_code):
    first_login(app, fresh_code)
    assert "Vil du svare på fem korte spørgsmål om, hvordan du har haft det?" in texts(app)
    app.switch_page(PROGRESS).run()
    assert "I de sidste 2 uger ..." in texts(app)
    for n, value in enumerate((3, 2, 4, 1)):
        app.radio(key=f"who5_start_{n}").set_value(value).run()
    assert "Tak. Dine svar er gemt." not in texts(app)  # four of five: nothing saved, nothing said
    with write_session(demo_db) as s:
        assert s.scalars(select(Who5Response).join(Citizen).where(Citizen.display_name == "Nanna")).all() == []
    app.radio(key="who5_start_4").set_value(3).run()
    assert not app.exception
    assert "Tak. Dine svar er gemt." in texts(app)
    assert any("52 af 100" in p.proto.text for p in app.get("progress"))
    press(app, "Svar igen")
    press(app, "Spring over")
    assert "Du sprang over. Det er helt i orden." in texts(app)
    with write_session(demo_db) as s:
        rows = s.scalars(select(Who5Response).join(Citizen).where(Citizen.display_name == "Nanna")
                         .order_by(Who5Response.id)).all()
    assert [(r.skipped, r.item1) for r in rows] == [(False, 3), (True, None)]
    app.switch_page(HOME).run()
    assert "Vil du svare på fem korte spørgsmål" not in texts(app)  # done: the home page no longer asks


def test_support_person_rates_each_goal_beside_the_citizens_own_and_sees_who_is_due(app, demo_db):
    aisha = _aisha(demo_db)
    staff_login(app, "ole")
    assert "Tid til opfølgning" in texts(app)  # Aisha's 3 months wait for Ole's ratings
    app.session_state["selected_citizen_id"] = aisha
    app.switch_page("app_pages/support_citizen.py").run()
    app.segmented_control[0].set_value("follow_up").run()
    page = texts(app)
    assert "Borgerens eget svar:" in page and "Jeg er tæt på" in page
    assert "Jeg har fået en prøvetid i et køkken." in page  # her sentence, as plain text
    goals, _found = _newest(demo_db, aisha, "m3")
    for goal_id, value in zip(goals, ("high", "some")):
        app.radio(key=f"support_rate_{aisha}_m3_{goal_id}").set_value(value).run()
    app.text_input(key=f"support_note_{aisha}_m3_{goals[0]}").input("Prøvetiden går godt.").run()
    assert not app.exception and "Du har vurderet alle mål." in texts(app)
    _goals, found = _newest(demo_db, aisha, "m3")
    mine = found[(aisha, "m3", "support")]
    assert (mine[goals[0]].rating, mine[goals[0]].note, mine[goals[1]].rating) == ("high", "Prøvetiden går godt.", "some")
    assert found[(aisha, "m3", "citizen")][goals[0]].rating == "close"  # the citizen's own answer is untouched
    assert "Borgerens trivsel (WHO-5)" in texts(app) and "Starten: 48 af 100" in texts(app)
    app.switch_page("app_pages/support_overview.py").run()
    assert "Tid til opfølgning" not in texts(app)


def test_the_citizen_page_is_in_the_citizens_navigation(app, demo_db):
    citizen_login(app, demo.DEMO_CODES[1], demo.DEMO_PIN)
    assert not app.exception
    app.switch_page(PROGRESS).run()
    assert not app.exception
    assert "Du har ingen mål i din plan endnu." in texts(app)
    with write_session(demo_db) as s:
        jonas = s.scalar(select(Citizen.id).where(Citizen.display_name == "Jonas"))
        [start] = who5.history(s, actor=__import__("storage.auth", fromlist=["citizen_actor"]).citizen_actor(
            s.get_one(Citizen, jonas)), citizen_id=jonas)
    assert start.index == 36 and "Starten: 36 af 100" in [p.proto.text for p in app.get("progress")]
