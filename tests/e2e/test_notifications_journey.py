"""Issue 16's notifications in a real browser, against real channels on this machine: the citizen turns SMS on
and sends a plan; `borgerbudget notify` e-mails the support person (the test's SMTP server receives it); she
answers; the next round sends the citizen an SMS (the test's HTTP gateway receives it); the citizen reads the
answer. Neither text names the citizen or says what they wrote. (The message thread of issue 16 is built
separately; its journey adds the questions and unread counts.)"""
from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP
from tests.e2e.helpers import (
    act,
    add_goal_on_plan,
    add_wish_on_plan,
    browser_context,
    card_of,
    click,
    create_citizen_in_db,
    expect_heading,
    go_to,
    login_citizen,
    login_staff,
    open_app,
)
from tests.e2e.notifying import APP_URL, channels, notifying_app, turn_sms_on  # noqa: F401,F811 - module-scoped fixtures
from tests.e2e.server import run_cli

CITIZEN, GOAL, WISH = "Sofie", "Jeg vil have et arbejde.", "Kursus i kundeservice"


def test_support_person_is_emailed_and_the_citizen_gets_an_sms(phone, notifying_app, channels, e2e_browser,
                                                              artifacts):
    server, env = notifying_app
    smtp, gateway = channels
    citizen = phone
    code = create_citizen_in_db(env["DATABASE_URL"], CITIZEN)

    # The citizen says yes to SMS on the start page and sends a plan.
    open_app(citizen, server.url)
    login_citizen(citizen, code, "1234")
    expect_heading(citizen, f"Hej {CITIZEN}")
    turn_sms_on(citizen, "12 34 56 78")
    expect(citizen.get_by_text("12 34 56 78", exact=True)).to_be_visible()
    go_to(citizen, "Min plan")
    add_goal_on_plan(citizen, GOAL, "Uddannelse og job")
    add_wish_on_plan(citizen, WISH, under_goal=GOAL, price="2.000")
    go_to(citizen, "Send og se svar")
    click(citizen, "Send til min støtteperson")
    expect(citizen.get_by_text("Du venter på svar", exact=True)).to_be_visible()

    # A round of `borgerbudget notify`: the support person's e-mail arrives; nothing personal in it.
    assert "1 sent" in run_cli(env, "notify", "--once", "--skip-milestones")
    [(to, mail)] = smtp.mails
    body = mail.get_payload(decode=True).decode()
    assert to == ["sara@kommune.test"]
    assert "En borger har sendt sin plan til dig. Log ind for at se den." in body and APP_URL in body
    assert CITIZEN not in body and WISH not in body and GOAL not in body
    assert gateway.gateway.requests == []

    # She answers.
    with browser_context(e2e_browser, DESKTOP, artifacts, "notify-support") as sara:
        open_app(sara, server.url)
        login_staff(sara, "sara")
        expect_heading(sara, "Mine borgere")
        click(sara, "Åbn borgerens side", scope=card_of(sara.locator("main").get_by_text(CITIZEN, exact=True).first))
        click(sara, "Gå til Svar på plan")
        expect_heading(sara, "Svar på plan")
        card = card_of(sara.locator("main").get_by_text(WISH, exact=True).first)
        act(sara, card.get_by_text("Godkend", exact=True).click)
        click(sara, "Gem beslutning", scope=card_of(sara.locator("main").get_by_text(WISH, exact=True).first))
        click(sara, "Send svar")
        expect(sara.get_by_text("Svaret er sendt. Borgeren kan se det nu.")).to_be_visible()

    # The next round: the citizen's SMS arrives at the gateway, with its idempotency key.
    assert "1 sent" in run_cli(env, "notify", "--once", "--skip-milestones")
    [sms] = gateway.gateway.accepted
    assert sms["to"] == "+4512345678" and sms["key"].startswith("borgerbudget-outbox-")
    assert sms["text"] == f"Du har fået svar på din plan. Log ind for at se det. {APP_URL}"
    assert len(smtp.mails) == 1

    # The citizen reads the answer.
    go_to(citizen, "Send og se svar")
    expect(citizen.get_by_text("Din støtteperson har sagt ja.", exact=True)).to_be_visible()
