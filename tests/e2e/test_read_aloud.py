"""'Læs op' in a real browser: every guide message in the course has a labelled read-aloud button a keyboard
reaches, and a browser without a voice for the language plays the server's audio instead."""
from __future__ import annotations

import json

from playwright.sync_api import expect

from tests.e2e import course_route as route
from tests.e2e.helpers import (
    act, assert_accessible, create_citizen_in_db, expect_heading, go_to, login_citizen, open_app, send_chat,
    tab_to,
)

READ_ALOUD = "Læs op"
VOICES = """() => new Promise((done) => {
  const found = () => speechSynthesis.getVoices().map((v) => v.lang);
  if (found().length) return done(found());
  speechSynthesis.onvoiceschanged = () => done(found());
  setTimeout(() => done(found()), 2000);
})"""


def chat_messages(page, avatar: str):
    """The chat bubbles with this avatar (the guide's: support_agent; the citizen's: person)."""
    return page.get_by_test_id("stChatMessage").filter(has=page.get_by_text(avatar, exact=True))


def test_every_guide_message_has_a_labelled_read_aloud_button(phone, app, database_url, artifacts):
    code = create_citizen_in_db(database_url, "Lone")
    open_app(phone, app.url)
    login_citizen(phone, code, "1234")
    expect_heading(phone, "Hej Lone")
    expect(phone.get_by_role("button", name=READ_ALOUD, exact=True)).to_have_count(1)  # the next step
    go_to(phone, "Samtale")
    route.answer_until(phone, "now_good")
    send_chat(phone, "ved ik")  # the guide's reply is a message of its own

    guide = chat_messages(phone, "support_agent")
    count = guide.count()
    assert count >= 4
    for n in range(count):
        expect(guide.nth(n).get_by_role("button", name=READ_ALOUD, exact=True)).to_have_count(1)
    citizen = chat_messages(phone, "person")
    assert citizen.count() >= 1
    expect(citizen.get_by_role("button", name=READ_ALOUD)).to_have_count(0)  # the citizen's own words: not read

    reached = tab_to(phone, lambda info: info["label"] == READ_ALOUD and info["tag"] == "BUTTON", max_presses=60)
    assert reached, "no read-aloud button is reached with Tab"
    assert_accessible(phone, "read-aloud-course", artifacts)


def test_a_browser_without_a_voice_plays_the_servers_audio(phone, app, database_url, artifacts):
    code = create_citizen_in_db(database_url, "Omar")
    open_app(phone, app.url)
    login_citizen(phone, code, "1234")
    go_to(phone, "Samtale")
    voices = phone.evaluate(VOICES)
    (artifacts / "speech-voices.json").write_text(json.dumps(voices))  # headless Chromium: usually none at all
    has_danish = any(lang.lower().startswith("da") for lang in voices)

    last = phone.get_by_role("button", name=READ_ALOUD, exact=True).last
    act(phone, last.click)
    if has_danish:
        expect(phone.get_by_test_id("stAudio")).to_have_count(0)  # the browser's own voice speaks
    else:
        audio = phone.get_by_test_id("stAudio")
        expect(audio).to_have_count(1)
        wav = phone.request.get(audio.get_attribute("src")).body()
        assert wav[:4] == b"RIFF" and wav[8:12] == b"WAVE"  # espeak-ng's Danish, from the server
        assert_accessible(phone, "read-aloud-audio", artifacts)
