"""Messages in a real browser on a phone (390×844): the citizen writes on the home page, the support person
sees it waiting on 'Mine borgere' and answers, the citizen reads the answer; unread counts go to zero on both
sides, and every page on the way passes axe."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.helpers import (
    assert_accessible,
    card_of,
    click,
    create_citizen_in_db,
    expect_heading,
    expect_no_error,
    log_out,
    login_citizen,
    login_staff,
    main_text,
    no_horizontal_scroll,
    open_app,
)

QUESTION = "Må jeg købe en brugt cykel? **ikke fed**"
ANSWER = "Ja, brugt er fint. Husk kvittering."


def test_citizen_asks_support_person_answers_citizen_reads_it(phone, app, database_url, artifacts):
    code = create_citizen_in_db(database_url, "Vera", pin="1234")
    open_app(phone, app.url)
    login_citizen(phone, code, "1234")
    expect_heading(phone, "Hej Vera")
    expect(phone.get_by_text("Der er ingen beskeder endnu. Skriv, hvis du har et spørgsmål.")).to_be_visible()
    phone.get_by_label("Skriv til din støtteperson", exact=True).fill(QUESTION)
    click(phone, "Send beskeden")
    expect_no_error(phone)
    expect(phone.get_by_label("Skriv til din støtteperson", exact=True)).to_have_value("")  # sent: box empty
    expect(phone.get_by_text(QUESTION, exact=True)).to_be_visible()   # as typed: the stars are not markdown
    expect(phone.get_by_text("Din støtteperson svarer senest", exact=False)).to_be_visible()
    expect(phone.get_by_text("Hjælp lige nu")).to_have_count(0)
    no_horizontal_scroll(phone)
    assert_accessible(phone, "citizen-home-message-sent", artifacts)
    log_out(phone)

    open_app(phone, app.url)
    login_staff(phone, "sara")
    expect_heading(phone, "Mine borgere")
    expect(phone.get_by_role("heading", name="Beskeder, der venter på svar")).to_be_visible()
    waiting = card_of(phone.get_by_text("Vera (nummer", exact=False).first)
    expect(waiting.get_by_text("1 ulæst besked.", exact=False)).to_be_visible()
    assert_accessible(phone, "support-overview-messages-waiting", artifacts)
    click(phone, "Svar", scope=waiting)
    expect_heading(phone, "Borger")
    expect(phone.get_by_text(QUESTION, exact=True)).to_be_visible()
    phone.get_by_label("Dit svar til borgeren", exact=True).fill(ANSWER)
    click(phone, "Send svaret")
    expect_no_error(phone)
    expect(phone.get_by_label("Dit svar til borgeren", exact=True)).to_have_value("")
    expect(phone.get_by_text(ANSWER, exact=True)).to_be_visible()
    no_horizontal_scroll(phone)
    assert_accessible(phone, "support-citizen-messages", artifacts)
    log_out(phone)

    open_app(phone, app.url)
    login_staff(phone, "sara")
    expect_heading(phone, "Mine borgere")
    assert "Vera (nummer" not in main_text(phone)   # answered: nothing waits any more
    log_out(phone)

    open_app(phone, app.url)
    login_citizen(phone, code, "1234")
    expect_heading(phone, "Hej Vera")
    expect(phone.get_by_text("Du har 1 ny besked fra din støtteperson.")).to_be_visible()
    expect(phone.get_by_text(ANSWER, exact=True)).to_be_visible()
    assert_accessible(phone, "citizen-home-answer", artifacts)
    click(phone, "Send beskeden")   # an empty message: refused kindly, and the page reruns
    expect(phone.get_by_text("Skriv en besked.")).to_be_visible()
    expect(phone.get_by_text("Du har 1 ny besked fra din støtteperson.")).to_have_count(0)  # read: zero now
