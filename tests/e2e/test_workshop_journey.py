"""A guided workshop in real browsers: the facilitator (on a laptop) starts it and sets the pace; a
participant (on a phone) joins with the spoken code, follows the group, and keeps the answers private."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP
from tests.e2e.helpers import (
    assert_accessible,
    browser_context,
    click,
    create_citizen_in_db,
    expect_heading,
    go_to,
    login_citizen,
    login_staff,
    main_text,
    open_app,
    open_expander,
    send_chat,
)

TITLE = "Torsdag i caféen"
PRIVATE = "Jeg vil gerne have min egen lejlighed."


def test_facilitator_sets_the_pace_and_sees_counts_while_the_answers_stay_on_the_phone(
        phone, app, e2e_browser, database_url, artifacts):
    code_for_login = create_citizen_in_db(database_url, "Sofie")
    with browser_context(e2e_browser, DESKTOP, artifacts, "workshop-facilitator") as frida:
        open_app(frida, app.url)
        login_staff(frida, "frida")
        expect_heading(frida, "Værksted")
        expect(frida.get_by_text("Du har ikke et værksted i gang.")).to_be_visible()
        frida.get_by_label("Navn på værkstedet", exact=True).fill(TITLE)
        click(frida, "Start værkstedet")
        expect(frida.get_by_text("Værkstedet er startet. Sig koden til deltagerne.")).to_be_visible()
        heading = frida.get_by_role("heading", name=re.compile(r"^Koden er "))
        spoken = heading.inner_text().removeprefix("Koden er ")
        assert re.fullmatch(r"[A-Z]( [A-Z]){3}", spoken), spoken
        expect(frida.get_by_text("Del 1 af 9: Velkommen", exact=True)).to_be_visible()
        assert_accessible(frida, "workshop-facilitator-started", artifacts)

        # The participant joins on the phone, typing the code as heard.
        open_app(phone, app.url)
        login_citizen(phone, code_for_login, "1234")
        expect_heading(phone, "Hej Sofie")
        open_expander(phone, "Er du på et værksted?")
        phone.get_by_label("Værkstedets kode", exact=True).fill(spoken.lower())
        click(phone, "Vær med")
        expect(phone.get_by_text(TITLE, exact=True)).to_be_visible()
        expect(phone.get_by_text("Nu taler I om: Velkommen", exact=True)).to_be_visible()
        assert_accessible(phone, "workshop-citizen-joined", artifacts)

        # The participant answers privately; the facilitator moves the group on and counts.
        go_to(phone, "Samtale")
        for label in ("Lad os gå i gang", "Det giver mening"):
            click(phone, label)
        send_chat(phone, PRIVATE)
        click(frida, "Gå videre til: Hvor er du nu?")
        click(frida, "Opdater tallene")
        expect(frida.get_by_text("1 deltager er med.", exact=True)).to_be_visible()
        counts = frida.get_by_role("table")
        expect(counts.get_by_role("row").filter(has_text="Hvor er du nu?")).to_contain_text("1")
        for private in ("Sofie", PRIVATE):
            assert private not in main_text(frida)
        assert_accessible(frida, "workshop-facilitator-counts", artifacts)

        go_to(phone, "Forside")   # the group's place is read on every page run
        go_to(phone, "Samtale")
        expect(phone.get_by_text("Nu taler I om: Hvor er du nu?", exact=True)).to_be_visible()
        assert_accessible(phone, "workshop-citizen-course", artifacts)
