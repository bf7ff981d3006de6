"""Messages on the pages: the citizen's home page and plan, the support person's overview and citizen page."""
from __future__ import annotations

from sqlalchemy import select

from storage import messages
from storage.db import write_session
from storage.models import AuditEvent, DecisionKind, HelpShown, Message
from tests.app.conftest import citizen_login, press, staff_login
from tests.app.test_plan_page import (PIN, PLAN_PAGE, Person, new_citizen, open_page, plain_texts, sara, seed_goal,
                                      seed_item, send_and_answer)
from tests.app.test_support_pages import texts

HOME_PAGE = "app_pages/citizen_home.py"
MARKUP = "**fed** <b>html</b> [link](http://x.dk)"


def thread_rows(engine, citizen: Person) -> list[Message]:
    with write_session(engine) as s:
        return list(s.scalars(select(Message).where(Message.citizen_id == citizen.id).order_by(Message.id)))


def write_in(at, key: str, text: str) -> None:
    at.text_area(key=key).input(text)


def test_home_page_shows_the_unread_answer_as_plain_text_and_reading_it_clears_the_count(app, demo_db):
    citizen, support = new_citizen(demo_db, name="Bo"), sara(demo_db)
    with write_session(demo_db) as s:
        messages.write(s, actor=citizen.actor, citizen_id=citizen.id, text="Hvad betyder det?")
        messages.write(s, actor=support, citizen_id=citizen.id, text=MARKUP)
    citizen_login(app, citizen.code, PIN)  # the home page is where a citizen lands
    at = app
    assert not at.exception
    assert "Beskeder" in texts(at)
    assert "Du har 1 ny besked fra din støtteperson." in texts(at)
    assert MARKUP in plain_texts(at) and "Hvad betyder det?" in plain_texts(at)
    assert all("fed" not in m.value for m in at.markdown)  # never rendered as markdown
    with write_session(demo_db) as s:
        assert messages.unread_count(s, actor=citizen.actor) == 0
    at.run()
    assert "ny besked" not in texts(at)


def test_citizen_writes_from_the_home_page_and_is_promised_an_answer_date(app, demo_db):
    citizen = new_citizen(demo_db, name="Bo")
    at = open_page(app, citizen, HOME_PAGE)
    assert "Der er ingen beskeder endnu. Skriv, hvis du har et spørgsmål." in texts(at)
    write_in(at, "home_message_text", "Hvornår kan jeg købe cyklen?")
    press(at, "Send beskeden")
    assert not at.exception
    assert any("Beskeden er sendt. Du får svar senest" in t.value for t in at.toast)
    assert "Din støtteperson svarer senest" in texts(at)
    assert at.text_area(key="home_message_text").value == ""  # the box is empty for the next message
    assert "Hvornår kan jeg købe cyklen?" in plain_texts(at)
    assert "Hjælp lige nu" not in texts(at)  # must not fire on an ordinary question
    [row] = thread_rows(demo_db, citizen)
    assert (row.author_kind, row.body) == ("citizen", "Hvornår kan jeg købe cyklen?")


def test_an_empty_message_is_refused_kindly_and_nothing_is_stored(app, demo_db):
    citizen = new_citizen(demo_db, name="Bo")
    at = open_page(app, citizen, HOME_PAGE)
    press(at, "Send beskeden")
    assert "Skriv en besked." in texts(at)
    assert thread_rows(demo_db, citizen) == []


def test_a_message_with_a_crisis_signal_shows_the_help_panel(app, demo_db):
    citizen = new_citizen(demo_db, name="Bo")
    at = open_page(app, citizen, HOME_PAGE)
    write_in(at, "home_message_text", "Jeg vil ikke leve mere")
    press(at, "Send beskeden")
    assert "Hjælp lige nu" in texts(at)
    assert len(thread_rows(demo_db, citizen)) == 1  # the message still reaches the support person
    assert "Din støtteperson kan nu se, at du fik vist hjælp. Ikke hvad du skrev." in texts(at)
    with write_session(demo_db) as s:  # recorded for the support person's overview, without the words
        [shown] = s.scalars(select(HelpShown).where(HelpShown.citizen_id == citizen.id)).all()
        assert (shown.place, shown.shared_words) == ("message", None)
    press(at, "Luk hjælpen")
    assert "Hjælp lige nu" not in texts(at)


def test_the_citizen_can_delete_an_unread_message_and_not_a_read_one(app, demo_db):
    citizen, support = new_citizen(demo_db, name="Bo"), sara(demo_db)
    with write_session(demo_db) as s:
        messages.write(s, actor=citizen.actor, citizen_id=citizen.id, text="Forkert")
    at = open_page(app, citizen, HOME_PAGE)
    press(at, "Slet beskeden")
    assert "Beskeden er slettet." in texts(at)  # in the thread, where the message was
    [row] = thread_rows(demo_db, citizen)
    assert row.deleted_by == "citizen" and row.body == ""
    with write_session(demo_db) as s:
        messages.write(s, actor=citizen.actor, citizen_id=citizen.id, text="Rigtig")
        messages.thread(s, actor=support, citizen_id=citizen.id)
    at.run()
    assert "Slet beskeden" not in [b.label for b in at.button]
    assert "Læst." in texts(at)


def test_i_dont_understand_the_answer_sends_a_message_about_the_declined_wish(app, demo_db):
    citizen = new_citizen(demo_db, name="Bo")
    _goal, sub = seed_goal(demo_db, citizen)
    item = seed_item(demo_db, citizen, "Cykel", 200_000, sub)
    send_and_answer(demo_db, citizen, DecisionKind.DECLINE, reason="Det ligger uden for målet.")
    at = open_page(app, citizen, PLAN_PAGE)
    press(at, "Jeg forstår ikke svaret")
    assert at.text_area(key=f"about_wish_{item}_text").value == "Jeg forstår ikke svaret."
    press(at, "Send til min støtteperson")
    assert not at.exception
    [row] = thread_rows(demo_db, citizen)
    assert (row.about_wish_id, row.body) == (item, "Jeg forstår ikke svaret.")
    assert "Jeg forstår ikke svaret" in [b.label for b in at.button]  # the form closed again


def test_no_question_button_under_an_approved_wish(app, demo_db):
    citizen = new_citizen(demo_db, name="Bo")
    _goal, sub = seed_goal(demo_db, citizen)
    seed_item(demo_db, citizen, "Cykel", 200_000, sub)
    send_and_answer(demo_db, citizen, DecisionKind.APPROVE)
    at = open_page(app, citizen, PLAN_PAGE)
    assert "Jeg forstår ikke svaret" not in [b.label for b in at.button]


def test_support_person_sees_waiting_messages_on_the_overview_and_answers_them(app, demo_db):
    citizen = new_citizen(demo_db, name="Bo")
    with write_session(demo_db) as s:
        messages.write(s, actor=citizen.actor, citizen_id=citizen.id, text=MARKUP)
        messages.ask_from_course(s, actor=citizen.actor, text="Må jeg købe brugt?", step_id="wish_first")
    staff_login(app, "sara")
    assert "Beskeder, der venter på svar" in texts(app)
    assert any("2 ulæste beskeder." in t and "Lovet svar senest" in t for t in texts(app).splitlines())
    press(app, "Svar")
    assert not app.exception
    assert app.segmented_control(key="citizen_section").value == "messages"
    assert MARKUP in plain_texts(app) and "Spurgt i samtalen." in texts(app)
    write_in(app, f"answer_{citizen.id}_text", "Ja, brugt er fint.")
    press(app, "Send svaret")
    assert "Svaret er sendt til borgeren." in texts(app)
    rows = thread_rows(demo_db, citizen)
    assert [(r.author_kind, r.read_by_staff_at is not None) for r in rows] == [
        ("citizen", True), ("citizen", True), ("staff", False)]
    with write_session(demo_db) as s:
        reads = s.scalars(select(AuditEvent.citizen_id).where(AuditEvent.action == "read_messages")).all()
    assert set(reads) == {citizen.id}
    app.switch_page("app_pages/support_overview.py").run()
    assert "Beskeder, der venter på svar" not in texts(app)


def test_another_support_persons_citizen_thread_is_refused(app, demo_db):
    citizen = new_citizen(demo_db, name="Bo")  # Sara's
    with write_session(demo_db) as s:
        messages.write(s, actor=citizen.actor, citizen_id=citizen.id, text="Kun til Sara")
    staff_login(app, "ole")
    assert "Beskeder, der venter på svar" not in texts(app)
    app.session_state["selected_citizen_id"] = citizen.id
    app.session_state["open_citizen_section"] = "messages"
    app.switch_page("app_pages/support_citizen.py").run()
    assert "Du har ikke adgang til denne borger." in texts(app)
    assert "Kun til Sara" not in plain_texts(app)


def test_coordinator_reads_the_thread_of_a_second_opinion_only_when_opened_and_marks_nothing_read(app, demo_db):
    from storage import second_opinions
    from tests.app.test_support_pages import as_citizen, citizen_id, sent_plan, staff
    _submission, items = sent_plan(demo_db, "Jonas", [("Cykel", 300_000)])
    jonas, sara_ = as_citizen(demo_db, "Jonas"), staff(demo_db, "sara")  # Jonas is Sara's citizen in the demo
    with write_session(demo_db) as s:
        messages.write(s, actor=jonas, citizen_id=jonas.id, text="Hvorfor ikke cyklen?")
        second_opinions.ask(s, actor=sara_, wish_item_id=items[0], question="Hvad synes du?")
    staff_login(app, "karin")
    app.switch_page("app_pages/second_opinions.py").run()
    assert "Hvorfor ikke cyklen?" not in plain_texts(app)
    with write_session(demo_db) as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "read_messages")).all() == []
    app.toggle(key=next(t.key for t in app.toggle if t.key.startswith("show_thread_"))).set_value(True).run()
    assert not app.exception
    assert "Hvorfor ikke cyklen?" in plain_texts(app)
    assert "Jonas" not in texts(app)          # the coordinator's page shows no names
    assert "Dit svar til borgeren" not in [a.label for a in app.text_area]  # read only
    with write_session(demo_db) as s:
        roles = s.scalars(select(AuditEvent.actor_role).where(AuditEvent.action == "read_messages",
                                                              AuditEvent.citizen_id == citizen_id(demo_db, "Jonas")))
        assert list(roles) == ["coordinator"]
        assert messages.unread_count(s, actor=sara_) == 1


def test_i_dont_understand_the_answer_also_on_the_answers_page(app, demo_db):
    citizen = new_citizen(demo_db, name="Bo")
    _goal, sub = seed_goal(demo_db, citizen)
    item = seed_item(demo_db, citizen, "Cykel", 200_000, sub)
    send_and_answer(demo_db, citizen, DecisionKind.DECLINE, reason="Det ligger uden for målet.")
    at = open_page(app, citizen, "app_pages/submit.py")
    press(at, "Jeg forstår ikke svaret")
    write_in(at, f"about_wish_{item}_text", "Hvorfor passer cyklen ikke til målet?")
    press(at, "Send til min støtteperson")
    assert not at.exception
    [row] = thread_rows(demo_db, citizen)
    assert (row.about_wish_id, row.body) == (item, "Hvorfor passer cyklen ikke til målet?")
