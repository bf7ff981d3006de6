"""The guide listens, in a real browser on a phone: a hesitant citizen writes "ved ikke", "hva mener du",
asks the support person a question, tells where she sleeps in passing, goes back, corrects a price by typing on
a yes/no step, and pauses; each turn gets the guide's own reply, and the housing question is not asked again."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e import course_route as route
from tests.e2e.helpers import (
    act, click, create_citizen_in_db, current_question, expect_heading, go_to, login_citizen, main_text, open_app,
    send_chat,
)


def _type_on_yes_no(page, text: str) -> None:
    box = page.get_by_placeholder("Tryk ja eller nej, eller skriv", exact=True)
    expect(box).to_be_visible()
    box.fill(text)
    act(page, lambda: box.press("Enter"))


def test_a_hesitant_citizen_is_heard(phone, app, database_url):
    code = create_citizen_in_db(database_url, "Maja")
    open_app(phone, app.url)
    login_citizen(phone, code, "1234")
    expect_heading(phone, "Hej Maja")
    go_to(phone, "Samtale")
    route.answer_until(phone, "now_good")

    send_chat(phone, "ved ik")
    assert "Det er helt okay ikke at vide det." in main_text(phone)
    assert "• Jeg har en god ven." in main_text(phone)
    send_chat(phone, "hva mener du")
    assert "Hvad er godt i dit liv nu?" in current_question(phone)
    send_chat(phone, "kan jeg faa penge til husleje??")
    assert "Godt spørgsmål. Jeg sender det til din støtteperson." in current_question(phone)
    send_chat(phone, "min nabo er sød")
    send_chat(phone, "sover hos min bror paa sofaen")
    assert "Du har fortalt, at du ikke har et fast sted at bo lige nu." in current_question(phone)
    assert route.step_on_page(phone) == "now_housing_better"
    send_chat(phone, "tilbage")
    assert "Vi går et skridt tilbage." in main_text(phone)
    assert route.step_on_page(phone) == "now_housing_more"

    route.answer_until(phone, "wish_more_1")
    _type_on_yes_no(phone, "nej, det er 3000")
    assert "Tak. Jeg har rettet det." in main_text(phone)
    expect(phone.get_by_text("En brugt cykel – ca. 3.000 kr.", exact=True)).to_be_visible()
    _type_on_yes_no(phone, "jeg gider ikke mere")
    assert "Dine svar er gemt." in main_text(phone)
    click(phone, "Fortsæt samtalen nu")
    assert route.step_on_page(phone) == "wish_more_1"


QUESTION = "kan jeg faa penge til husleje??"
ANSWER = "Nej, husleje kan budgettet ikke betale. Vi taler om det på fredag."


def test_a_question_in_the_course_reaches_the_support_person_and_the_answer_comes_back(phone, app, database_url):
    from tests.e2e.helpers import card_of, log_out, login_staff

    code = create_citizen_in_db(database_url, "Vera")
    open_app(phone, app.url)
    login_citizen(phone, code, "1234")
    go_to(phone, "Samtale")
    route.answer_until(phone, "now_good")
    send_chat(phone, QUESTION)
    assert "Godt spørgsmål. Jeg sender det til din støtteperson." in current_question(phone)
    assert route.step_on_page(phone) == "now_good"  # the question is not taken as the answer
    log_out(phone)

    open_app(phone, app.url)
    login_staff(phone, "sara")
    expect_heading(phone, "Mine borgere")
    waiting = card_of(phone.get_by_text("Vera (nummer", exact=False).first)
    expect(waiting.get_by_text("1 ulæst besked.", exact=False)).to_be_visible()
    click(phone, "Svar", scope=waiting)
    expect(phone.get_by_text(QUESTION, exact=True)).to_be_visible()
    phone.get_by_label("Dit svar til borgeren", exact=True).fill(ANSWER)
    click(phone, "Send svaret")
    expect(phone.get_by_text(ANSWER, exact=True)).to_be_visible()
    log_out(phone)

    open_app(phone, app.url)
    login_citizen(phone, code, "1234")  # the home page comes first: the answer is there, and now read
    expect(phone.get_by_text("Du har 1 ny besked fra din støtteperson.")).to_be_visible()
    expect(phone.get_by_text(ANSWER, exact=True)).to_be_visible()
    go_to(phone, "Samtale")
    assert route.step_on_page(phone) == "now_good"  # and the course goes on where it was
