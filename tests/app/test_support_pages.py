"""The support person's pages: the overview, one citizen's page, and answering a plan item by item."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from unittest import mock

from sqlalchemy import select

from storage import checkins, citizens, decisions, notes, payments, plan, second_opinions, submissions
from storage.access import Actor, ActorKind
from storage.auth import staff_actor
from storage.db import write_session
from storage.models import (Citizen, CitizenStatus, DecisionKind, ItemDecision, StaffUser, Submission,
                            SubmissionItem, utcnow)
from tests.app.conftest import press, staff_login

MARKUP_TITLE = "<img src=x onerror=alert(1)>"
MARKUP_GOAL = "**fed**"


# --- helpers: data made with the storage services, before logging in -------------------------------------

def citizen_id(engine, name: str) -> int:
    with write_session(engine) as s:
        return s.scalar(select(Citizen.id).where(Citizen.display_name == name))


def staff(engine, username: str) -> Actor:
    with write_session(engine) as s:
        return staff_actor(s.scalar(select(StaffUser).where(StaffUser.username == username)))


def as_citizen(engine, name: str) -> Actor:
    with write_session(engine) as s:
        citizen = s.scalar(select(Citizen).where(Citizen.display_name == name))
        return Actor(kind=ActorKind.CITIZEN, id=citizen.id, programme_id=citizen.programme_id)


def sent_plan(engine, name: str, items: list[tuple[str, int]], goal: str = "Et job",
              note: str | None = None) -> tuple[int, list[int]]:
    """The citizen writes a goal and items and sends them: (submission id, wish item ids)."""
    me = as_citizen(engine, name)
    with write_session(engine) as s:
        goal_id = plan.add_goal(s, actor=me, citizen_id=me.id, text=goal)
        item_ids = [plan.add_item(s, actor=me, citizen_id=me.id, title=title, price_ore=price, goal_id=goal_id,
                                  note=note) for title, price in items]
    with write_session(engine) as s:
        version = submissions.submit(s, actor=me, citizen_id=me.id)
        submission_id = s.scalar(select(Submission.id).where(Submission.citizen_id == me.id,
                                                             Submission.version == version))
    return submission_id, item_ids


def answer_all(engine, support: Actor, submission_id: int, kind: DecisionKind, reason: str | None = None) -> None:
    with write_session(engine) as s:
        for sub_item in s.scalars(select(SubmissionItem.id).where(SubmissionItem.submission_id == submission_id)):
            decisions.record(s, actor=support, submission_item_id=sub_item, decision=kind, reason=reason)
    with write_session(engine) as s:
        decisions.publish(s, actor=support, submission_id=submission_id)


def open_page(at, page: str, chosen: int | None) -> None:
    """Choose a citizen in the session (as the overview's buttons do) and open a page."""
    if chosen is not None:
        at.session_state["selected_citizen_id"] = chosen
    at.switch_page(f"app_pages/{page}").run()


def markdown_values(at) -> list[str]:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [e.value for e in at.error] + [w.value for w in at.warning] + [i.value for i in at.info]
    parts += [s.value for s in at.success] + [h.value for h in at.subheader]
    return [str(p) for p in parts]


def texts(at) -> str:
    """Everything a person reads on the page (markdown, plain text, captions and alerts)."""
    return "\n".join(markdown_values(at) + text_values(at))


def text_values(at) -> list[str]:
    return [t.value for t in at.text]


def widget_labels(at) -> list[str]:
    labels = [w.label for w in at.button] + [w.label for w in at.radio] + [w.label for w in at.text_area]
    return labels + [e.label for e in at.expander] + [w.label for w in at.text_input]


# --- the overview ------------------------------------------------------------------------------------------

def test_overview_shows_flagged_citizen_first(app, demo_db):
    mette = citizen_id(demo_db, "Mette")  # the older of Sara's two citizens: without the flag she comes last
    me = as_citizen(demo_db, "Mette")
    with write_session(demo_db) as s:
        citizens.flag_needs_help(s, actor=me)
    staff_login(app, "sara")
    assert text_values(app)[0].startswith("Mette fik vist hjælp ")  # the notice at the top
    assert text_values(app)[1:3] == ["Mette", "Jonas"]
    assert "Appen har vist hjælp til 1 borger. Kontakt borgeren i dag." in texts(app)
    press(app, "Jeg har set det")
    assert "Markeret som set. Husk at tale med borgeren." in texts(app)
    assert text_values(app)[:2] == ["Jonas", "Mette"]
    with write_session(demo_db) as s:
        assert s.get(Citizen, mette).needs_help_since is None


def test_overview_counts_and_marks_a_plan_waiting_past_the_promise(app, demo_db):
    submission_id, _items = sent_plan(demo_db, "Jonas", [("Cykel", 300_000)])
    with write_session(demo_db) as s:
        s.get(Submission, submission_id).submitted_at = utcnow() - timedelta(days=21)
    staff_login(app, "sara")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {"Borgere": "2", "Har det svært": "0", "Planer venter": "1", "Over tiden": "1"}
    [late] = [e.value for e in app.error]
    assert late.startswith("For sent: planen har ventet i ") and "Svaret skulle være sendt senest" in late
    assert "1 plan har ventet længere end lovet." in texts(app)


def test_overview_says_how_long_a_new_plan_has_waited_and_until_when(app, demo_db):
    submission_id, _items = sent_plan(demo_db, "Jonas", [("Cykel", 300_000)])
    with write_session(demo_db) as s:  # sent on a Tuesday, seen three working days later
        s.get(Submission, submission_id).submitted_at = datetime(2026, 11, 24, 10, tzinfo=timezone.utc)
    with mock.patch("citizen_app.i18n.local_today", return_value=date(2026, 11, 27)):  # the Friday
        staff_login(app, "sara")
    assert "Venter i 3 hverdage – svar senest tirsdag 1. december." in texts(app)


def test_opening_a_citizen_keeps_the_choice_in_the_session_not_the_url(app, demo_db):
    staff_login(app, "sara")
    jonas = citizen_id(demo_db, "Jonas")
    next(b for b in app.button if b.key == f"open_{jonas}").click()
    app.run()
    assert app.title[0].value == "Borger"
    assert app.session_state["selected_citizen_id"] == jonas
    assert dict(app.query_params) == {}
    assert "Jonas" in text_values(app)


def test_locked_code_can_be_unlocked_and_a_new_code_needs_a_second_click(app, demo_db):
    jonas = citizen_id(demo_db, "Jonas")
    from storage.models import CitizenCredential
    with write_session(demo_db) as s:
        s.get(CitizenCredential, jonas).locked_at = utcnow()
    staff_login(app, "sara")
    assert "Koden er låst efter for mange forkerte forsøg." in texts(app)
    press(app, "Lås koden op")
    assert "Koden er låst op. Borgeren kan logge ind igen." in texts(app)
    next(b for b in app.button if b.key == f"new_code_{jonas}").click()
    app.run()
    assert not app.code  # nothing changed yet
    press(app, "Ja, lav en ny kode")
    assert len(app.code) == 1 and len(app.code[0].value) == 14


# --- one citizen's page --------------------------------------------------------------------------------

def test_citizen_page_without_a_chosen_citizen_points_back_to_the_overview(app):
    staff_login(app, "sara")
    open_page(app, "support_citizen.py", None)
    assert "Vælg først en borger på siden Mine borgere." in texts(app)
    press(app, "Tilbage til Mine borgere")
    assert app.title[0].value == "Mine borgere"


def test_support_person_cannot_open_another_support_persons_citizen(app, demo_db):
    aisha = citizen_id(demo_db, "Aisha")
    sent_plan(demo_db, "Aisha", [("Telefon", 200_000)], goal="Få MitID")
    staff_login(app, "sara")
    for page in ("support_citizen.py", "review.py"):
        open_page(app, page, aisha)
        page_text = texts(app)
        assert "Du har ikke adgang til denne borger." in page_text
        assert "Aisha" not in page_text and "Telefon" not in page_text and "Få MitID" not in page_text
        assert "selected_citizen_id" not in app.session_state
        assert not app.exception


def test_plan_budget_and_ledger_are_shown_for_the_chosen_citizen(app, demo_db):
    submission_id, _items = sent_plan(demo_db, "Jonas", [("Cykel", 300_000), ("Hjelm", 50_000)])
    answer_all(demo_db, staff(demo_db, "sara"), submission_id, DecisionKind.APPROVE)
    staff_login(app, "sara")
    open_page(app, "support_citizen.py", citizen_id(demo_db, "Jonas"))
    page = texts(app)
    assert {"Jonas", "Et job", "Cykel", "Hjelm"} <= set(text_values(app))
    assert "Status: Godkendt. Pris: 3.000 kr." in page and "kr.." not in page
    assert "Godkendt: 3.500 kr." in page and "Ledigt i budgettet: 46.500 kr." in page
    assert "Svar fra samtalen, som borgeren har delt" in page


def test_markup_in_citizen_text_is_literal_on_staff_pages(app, demo_db):
    sent_plan(demo_db, "Jonas", [(MARKUP_TITLE, 100_000)], goal=MARKUP_GOAL, note="[link](http://x) _kursiv_")
    staff_login(app, "sara")
    for page in ("support_citizen.py", "review.py"):
        open_page(app, page, citizen_id(demo_db, "Jonas"))
        assert MARKUP_TITLE in text_values(app) and MARKUP_GOAL in text_values(app)
        rendered = "\n".join(markdown_values(app) + widget_labels(app))
        for raw in (MARKUP_TITLE, "<img", MARKUP_GOAL, "fed", "[link]", "kursiv"):
            assert raw not in rendered, (page, raw)


def test_note_is_saved_and_shown_as_plain_text_newest_first(app, demo_db):
    staff_login(app, "sara")
    open_page(app, "support_citizen.py", citizen_id(demo_db, "Jonas"))
    app.segmented_control[0].set_value("notes").run()
    jonas = citizen_id(demo_db, "Jonas")
    for text in ("Første samtale.", "**Anden** samtale."):
        app.text_area(key=f"note_text_{jonas}").input(text)
        press(app, "Gem notat")
        assert "Notatet er gemt." in texts(app)
    shown = text_values(app)
    assert shown.index("**Anden** samtale.") < shown.index("Første samtale.")
    sara = staff(demo_db, "sara")
    with write_session(demo_db) as s:
        assert len(notes.list_notes(s, actor=sara, citizen_id=jonas)) == 2


def test_pause_with_a_kind_reason_and_ending_needs_a_confirmation(app, demo_db):
    jonas = citizen_id(demo_db, "Jonas")
    staff_login(app, "sara")
    open_page(app, "support_citizen.py", jonas)
    app.segmented_control[0].set_value("status").run()
    suggestion = next(b for b in app.button if b.label.startswith("Vi holder pause med planen"))
    suggestion.click()
    app.run()
    assert app.text_area(key=f"status_reason_{jonas}").value.startswith("Vi holder pause med planen")
    assert any(c.value.startswith("LIX ") for c in app.caption)
    press(app, "Gem")
    assert "Status er gemt: Pause." in texts(app)
    with write_session(demo_db) as s:
        citizen = s.get(Citizen, jonas)
        assert citizen.status == CitizenStatus.PAUSED.value and citizen.status_reason.startswith("Vi holder pause")
    app.radio(key=f"status_action_{jonas}").set_value("end").run()
    assert next(b for b in app.button if b.key == "status_save").disabled
    app.checkbox(key=f"status_confirm_end_{jonas}").check().run()
    app.text_area(key=f"status_reason_{jonas}").input("Din periode er slut.").run()
    press(app, "Gem")
    with write_session(demo_db) as s:
        assert s.get(Citizen, jonas).status == CitizenStatus.ENDED.value


def test_payment_request_for_an_approved_item_goes_to_finance(app, demo_db):
    submission_id, items = sent_plan(demo_db, "Jonas", [("Cykel", 300_000)])
    answer_all(demo_db, staff(demo_db, "sara"), submission_id, DecisionKind.APPROVE)
    staff_login(app, "sara")
    open_page(app, "support_citizen.py", citizen_id(demo_db, "Jonas"))
    app.segmented_control[0].set_value("payments").run()
    assert "Kan stadig betales: 3.000 kr. af de godkendte 3.000 kr." in texts(app)
    app.text_input(key=f"pay_vendor_{items[0]}").input("Cykelhandleren")
    app.text_input(key=f"pay_amount_{items[0]}").input("2.950,50")
    app.text_input(key=f"pay_reference_{items[0]}").input("Ordre 17")
    press(app, "Send til økonomi")
    assert "Betalingen er sendt til økonomi." in texts(app)
    assert "Til: Cykelhandleren" in text_values(app)
    finn = staff(demo_db, "finn")
    with write_session(demo_db) as s:
        [row] = [r for r in payments.list_for_finance(s, actor=finn, status="requested") if r.reference == "Ordre 17"]
    assert (row.vendor, row.amount_ore, row.reference) == ("Cykelhandleren", 295_050, "Ordre 17")


# --- answering a plan ------------------------------------------------------------------------------------

def _choose(at, sub_item_id: int, decision: str) -> None:
    at.radio(key=f"decision_{sub_item_id}").set_value(decision).run()


def _sub_items(engine, submission_id: int) -> list[int]:
    with write_session(engine) as s:
        return list(s.scalars(select(SubmissionItem.id).where(SubmissionItem.submission_id == submission_id)
                              .order_by(SubmissionItem.id)))


def test_review_queue_lists_waiting_plans_when_no_citizen_is_chosen(app, demo_db):
    sent_plan(demo_db, "Jonas", [("Cykel", 300_000)])
    staff_login(app, "sara")
    open_page(app, "review.py", None)
    assert "Jonas" in text_values(app) and "Mette" not in text_values(app)
    press(app, "Svar på planen")
    assert "Cykel" in text_values(app)


def test_decline_without_reason_is_refused_and_nothing_saved(app, demo_db):
    submission_id, _items = sent_plan(demo_db, "Jonas", [("PlayStation", 450_000)])
    [sub_item] = _sub_items(demo_db, submission_id)
    staff_login(app, "sara")
    open_page(app, "review.py", citizen_id(demo_db, "Jonas"))
    _choose(app, sub_item, "decline")
    press(app, "Gem beslutning")
    assert "Skriv en grund til borgeren. Brug almindelige ord." in texts(app)
    with write_session(demo_db) as s:
        assert s.scalars(select(ItemDecision).where(ItemDecision.submission_item_id == sub_item)).all() == []


def test_decisions_reach_citizen_only_after_send_svar(app, demo_db):
    submission_id, items = sent_plan(demo_db, "Jonas", [("Cykel", 300_000), ("PlayStation", 450_000)])
    bike, console = _sub_items(demo_db, submission_id)
    jonas = as_citizen(demo_db, "Jonas")
    staff_login(app, "sara")
    open_page(app, "review.py", jonas.id)
    _choose(app, bike, "approve")
    press(app, "Gem beslutning")
    assert "Beslutningen er gemt. Borgeren ser den først, når du trykker 'Send svar'." in texts(app)
    assert "1 ønske mangler en beslutning:" in texts(app)
    _choose(app, console, "decline")
    next(b for b in app.button if b.key == f"reason_{console}_suggestion_0").click()
    app.run()
    assert app.text_area(key=f"reason_{console}").value.startswith("Det kan budgettet ikke betale.")
    next(b for b in app.button if b.key == f"save_{console}").click()
    app.run()
    assert "Alle ønsker har en beslutning. Borgeren ser svaret, når du trykker 'Send svar'." in texts(app)
    with write_session(demo_db) as s:
        assert submissions.published_decisions(s, actor=jonas, citizen_id=jonas.id) == {}
    press(app, "Send svar")
    assert "Svaret er sendt. Borgeren kan se det nu." in texts(app)
    with write_session(demo_db) as s:
        told = submissions.published_decisions(s, actor=jonas, citizen_id=jonas.id)
    assert told[items[0]][0].decision == "approve"
    assert told[items[1]][0].reason.startswith("Det kan budgettet ikke betale.")


def test_a_sent_decision_changes_only_by_a_new_one_and_the_history_shows(app, demo_db):
    submission_id, items = sent_plan(demo_db, "Jonas", [("Cykel", 300_000)])
    answer_all(demo_db, staff(demo_db, "sara"), submission_id, DecisionKind.APPROVE)
    staff_login(app, "sara")
    open_page(app, "review.py", citizen_id(demo_db, "Jonas"))
    assert "Sendte svar" in texts(app)
    app.radio(key=f"revise_{items[0]}").set_value("change").run()
    app.text_area(key=f"revise_reason_{items[0]}").input("Find en brugt cykel. Så kan vi spare penge.").run()
    press(app, "Send den nye beslutning")
    assert "Den nye beslutning er sendt til borgeren." in texts(app)
    assert any(c.value.startswith("Tidligere: Godkendt, sendt ") for c in app.caption)
    assert "Find en brugt cykel. Så kan vi spare penge." in text_values(app)
    jonas = as_citizen(demo_db, "Jonas")
    with write_session(demo_db) as s:
        history = submissions.published_decisions(s, actor=jonas, citizen_id=jonas.id)[items[0]]
    assert [d.decision for d in history] == ["change", "approve"]


def test_second_opinion_is_asked_per_item_and_the_answer_shows_next_to_it(app, demo_db):
    submission_id, items = sent_plan(demo_db, "Jonas", [("PlayStation", 450_000)])
    [sub_item] = _sub_items(demo_db, submission_id)
    staff_login(app, "sara")
    open_page(app, "review.py", citizen_id(demo_db, "Jonas"))
    app.text_area(key=f"question_{sub_item}").input("Er en PlayStation ok, når målet er flere venner?")
    press(app, "Send spørgsmål")
    assert "Spørgsmålet er sendt til koordinator." in texts(app)
    assert "Venter på svar fra koordinator." in texts(app)
    karin = staff(demo_db, "karin")
    with write_session(demo_db) as s:
        [opinion] = second_opinions.open_questions(s, actor=karin)
        second_opinions.answer(s, actor=karin, opinion_id=opinion.id, text="Ja, hvis I spiller sammen med andre.")
    app.run()
    assert "Ja, hvis I spiller sammen med andre." in text_values(app)


def test_an_old_answer_offers_no_new_decision_once_the_wish_is_sent_again(app, demo_db):
    """Issue 13: the old item's 'Lav en ny beslutning' approved a wish that waited as version 2 (approved twice)."""
    submission_id, items = sent_plan(demo_db, "Jonas", [("Cykel", 300_000)])
    answer_all(demo_db, staff(demo_db, "sara"), submission_id, DecisionKind.CHANGE, "Find et tilbud.")
    jonas = as_citizen(demo_db, "Jonas")
    with write_session(demo_db) as s:
        goal = plan_view_goal(s, jonas)
        plan.update_item(s, actor=jonas, citizen_id=jonas.id, item_id=items[0], title="Cykel", price_ore=350_000,
                         goal_id=goal)
    with write_session(demo_db) as s:
        submissions.submit(s, actor=jonas, citizen_id=jonas.id)
    staff_login(app, "sara")
    open_page(app, "review.py", citizen_id(demo_db, "Jonas"))
    assert "Borgeren har ændret ønsket og sendt det igen. Svar på den nye udgave ovenfor." in texts(app)
    assert "Lav en ny beslutning" not in [e.label for e in app.expander]
    assert not any(r.key == f"revise_{items[0]}" for r in app.radio)


def plan_view_goal(s, me) -> int:
    from storage import plan_view
    return plan_view.get_plan(s, actor=me, citizen_id=me.id).goals[0].id


def test_a_long_overview_comes_a_page_at_a_time_with_the_figures_for_everyone(app, demo_db):
    sara = staff(demo_db, "sara")
    with write_session(demo_db) as s:
        for n in range(55):
            citizens.create_citizen(s, actor=sara, display_name=f"Side {n:02d}")
    with write_session(demo_db) as s:
        mine = s.query(Citizen).filter(Citizen.support_person_id == sara.id).count()
    staff_login(app, "sara")
    assert [m.value for m in app.metric][0] == str(mine)
    assert f"Viser 1–50 af {mine}." in [c.value for c in app.caption]
    first = {t.value for t in app.text if t.value.startswith("Side ")}
    press(app, "Næste side")
    assert f"Viser 51–{mine} af {mine}." in [c.value for c in app.caption]
    second = {t.value for t in app.text if t.value.startswith("Side ")}
    assert first.isdisjoint(second) and len(first | second) == 55
    press(app, "Forrige side")
    assert {t.value for t in app.text if t.value.startswith("Side ")} == first
