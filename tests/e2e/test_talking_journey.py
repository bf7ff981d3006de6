"""Issue 16 done as one journey in a real browser, against real channels on this machine: the citizen asks her
support person a question in the course and another about a declined wish; the support person is told by e-mail
(the test's SMTP server receives it) and answers both; the citizen is told by SMS (the test's HTTP gateway
receives it) and reads the answers; the unread counts go to zero on both sides. No e-mail or SMS names the
citizen or holds what anybody wrote."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e import course_route as route
from tests.e2e.conftest import DESKTOP
from tests.e2e.helpers import (
    act,
    add_goal_on_plan,
    add_wish_on_plan,
    assert_accessible,
    browser_context,
    card_of,
    click,
    create_citizen_in_db,
    current_question,
    expect_heading,
    expect_no_error,
    go_to,
    log_out,
    login_citizen,
    login_staff,
    main_text,
    open_app,
    send_chat,
)
from tests.e2e.notifying import APP_URL, channels, notifying_app, turn_sms_on  # noqa: F401,F811 - module-scoped fixtures
from tests.e2e.server import run_cli
from tests.storage.notify_servers import SmtpServer

CITIZEN, GOAL, WISH = "Nadia", "Jeg vil have mit eget sted at bo.", "Sofa til min lejlighed"
REASON = "Vi venter med møbler, til du har en lejlighed."
COURSE_QUESTION = "kan jeg faa hjælp til depositum??"
WISH_QUESTION = "Jeg forstår ikke svaret. Hvornår kan jeg så få en sofa?"
COURSE_ANSWER = "Depositum kan budgettet ikke betale, men vi finder en anden vej sammen."
WISH_ANSWER = "Når du har fået en nøgle, kan du sende sofaen igen."


def _last_mail(smtp: SmtpServer) -> str:
    to, mail = smtp.mails[-1]
    assert to == ["sara@kommune.test"]
    return mail.get_payload(decode=True).decode()


def _nothing_personal(text: str) -> None:
    for private in (CITIZEN, GOAL, WISH, REASON, COURSE_QUESTION, WISH_QUESTION, COURSE_ANSWER, WISH_ANSWER):
        assert private not in text


def _wish_card(page: Page) -> object:
    return card_of(page.locator("main").get_by_text(WISH, exact=True).first)


def test_two_questions_are_told_by_email_answered_and_told_back_by_sms(phone, notifying_app, channels, e2e_browser,
                                                                       artifacts):
    server, env = notifying_app
    smtp, gateway = channels
    citizen = phone
    code = create_citizen_in_db(env["DATABASE_URL"], CITIZEN)

    # The citizen says yes to SMS and sends a plan with one wish.
    open_app(citizen, server.url)
    login_citizen(citizen, code, "1234")
    expect_heading(citizen, f"Hej {CITIZEN}")
    turn_sms_on(citizen, "+45 22 33 44 55")
    go_to(citizen, "Min plan")
    add_goal_on_plan(citizen, GOAL, "Bolig")
    add_wish_on_plan(citizen, WISH, under_goal=GOAL, price="3.000")
    go_to(citizen, "Send og se svar")
    click(citizen, "Send til min støtteperson")
    expect(citizen.get_by_text("Du venter på svar", exact=True)).to_be_visible()
    assert "1 sent" in run_cli(env, "notify", "--once", "--skip-milestones")          # the plan: an e-mail to Sara

    with browser_context(e2e_browser, DESKTOP, artifacts, "talking-support") as sara:
        # Sara declines the wish with a reason; the citizen is told by SMS.
        open_app(sara, server.url)
        login_staff(sara, "sara")
        click(sara, "Åbn borgerens side", scope=card_of(sara.locator("main").get_by_text(CITIZEN, exact=True).first))
        click(sara, "Gå til Svar på plan")
        expect_heading(sara, "Svar på plan")
        act(sara, _wish_card(sara).get_by_text("Afslå", exact=True).click)
        _wish_card(sara).get_by_label("Grund til borgeren", exact=True).fill(REASON)
        click(sara, "Gem beslutning", scope=_wish_card(sara))
        click(sara, "Send svar")
        expect(sara.get_by_text("Svaret er sendt. Borgeren kan se det nu.")).to_be_visible()
        log_out(sara)
        assert "1 sent" in run_cli(env, "notify", "--once", "--skip-milestones")
        assert gateway.gateway.accepted[-1]["text"] == f"Du har fået svar på din plan. Log ind for at se det. {APP_URL}"

        # The citizen asks one question in the course and one about the declined wish.
        go_to(citizen, "Samtale")
        route.answer_until(citizen, "now_good")
        send_chat(citizen, COURSE_QUESTION)
        assert "Godt spørgsmål. Jeg sender det til din støtteperson." in current_question(citizen)
        go_to(citizen, "Send og se svar")
        expect(citizen.get_by_text(REASON, exact=True)).to_be_visible()
        click(citizen, "Jeg forstår ikke svaret", scope=_wish_card(citizen))
        box = citizen.get_by_label("Skriv, hvad du vil spørge om", exact=True)
        box.fill(WISH_QUESTION)
        click(citizen, "Send til min støtteperson", scope=_wish_card(citizen))
        expect_no_error(citizen)
        log_out(citizen)

        # One e-mail tells Sara (two messages in a row make one e-mail), and says nothing personal.
        mails_before = len(smtp.mails)
        assert "1 sent" in run_cli(env, "notify", "--once", "--skip-milestones")
        assert len(smtp.mails) == mails_before + 1
        body = _last_mail(smtp)
        assert "En borger har skrevet til dig. Log ind for at se beskeden." in body and APP_URL in body
        _nothing_personal(body)

        # Sara sees two unread messages, in the order they were written, and answers both.
        open_app(sara, server.url)
        login_staff(sara, "sara")
        expect_heading(sara, "Mine borgere")
        waiting = card_of(sara.get_by_text(f"{CITIZEN} (nummer", exact=False).first)
        expect(waiting.get_by_text("2 ulæste beskeder.", exact=False)).to_be_visible()
        assert_accessible(sara, "talking-support-overview", artifacts)
        click(sara, "Svar", scope=waiting)
        expect(sara.get_by_text(COURSE_QUESTION, exact=True)).to_be_visible()
        expect(sara.get_by_text(WISH_QUESTION, exact=True)).to_be_visible()
        thread = main_text(sara)
        assert thread.index(COURSE_QUESTION) < thread.index(WISH_QUESTION)
        for answer in (COURSE_ANSWER, WISH_ANSWER):
            sara.get_by_label("Dit svar til borgeren", exact=True).fill(answer)
            click(sara, "Send svaret")
            expect_no_error(sara)
            expect(sara.get_by_text(answer, exact=True)).to_be_visible()
        go_to(sara, "Mine borgere")
        expect_heading(sara, "Mine borgere")
        assert f"{CITIZEN} (nummer" not in main_text(sara)      # zero unread on the staff side

    # One SMS tells the citizen; it names nobody and quotes nothing.
    sms_before = len(gateway.gateway.accepted)
    assert "1 sent" in run_cli(env, "notify", "--once", "--skip-milestones")
    assert len(gateway.gateway.accepted) == sms_before + 1
    sms = gateway.gateway.accepted[-1]
    assert sms["to"] == "+4522334455"
    assert sms["text"] == f"Du har fået svar fra din støtteperson. Log ind for at se det. {APP_URL}"
    _nothing_personal(sms["text"])

    # The citizen reads both answers; after that nothing is unread.
    open_app(citizen, server.url)
    login_citizen(citizen, code, "1234")
    expect_heading(citizen, f"Hej {CITIZEN}")
    expect(citizen.get_by_text("Du har 2 nye beskeder fra din støtteperson.")).to_be_visible()
    expect(citizen.get_by_text(COURSE_ANSWER, exact=True)).to_be_visible()
    expect(citizen.get_by_text(WISH_ANSWER, exact=True)).to_be_visible()
    assert_accessible(citizen, "talking-citizen-answers", artifacts)
    go_to(citizen, "Min plan")
    go_to(citizen, "Forside")
    expect_heading(citizen, f"Hej {CITIZEN}")
    expect(citizen.get_by_text(COURSE_ANSWER, exact=True)).to_be_visible()
    expect(citizen.get_by_text("nye beskeder fra din støtteperson", exact=False)).to_have_count(0)
