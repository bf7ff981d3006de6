"""Languages come from the catalogs; dates and kroner are written as the session's language writes them; the
page's lang and dir follow the language; a date at the start of a line stays text (issue 17)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select, update

from citizen_app import i18n
from dialogs.text import FIRST_STRONG_ISOLATE as FSI
from dialogs.text import POP_DIRECTIONAL_ISOLATE as PDI
from storage import demo, languages
from storage.db import write_session
from storage.models import AuditEvent, Citizen
from tests.app.conftest import citizen_login, press

SECOND_OF_DECEMBER = datetime(2026, 12, 2, 13, 5, tzinfo=timezone.utc)  # 14.05 in Copenhagen


def _html_scripts(at) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def _aisha_seen_on_the_second_of_december(db) -> None:
    with write_session(db) as s:
        aisha = s.scalar(select(Citizen.id).where(Citizen.display_name == "Aisha"))
        s.execute(update(AuditEvent).where(AuditEvent.citizen_id == aisha).values(at=SECOND_OF_DECEMBER))


def test_the_switch_offers_every_complete_language_by_its_own_name(app):
    offered = [b.label for b in app.button if b.key and b.key.startswith("switch_language_")]
    expected = [languages.own_name(code) for code in languages.available() if code != "da"]
    assert offered == expected and "English" in offered
    assert "Dansk" not in offered  # the page is in Danish already
    press(app, "English")
    assert "Dansk" in [b.label for b in app.button]


def test_html_lang_and_dir_follow_the_session_language(app):
    assert "document.documentElement.lang = 'da'; document.documentElement.dir = 'ltr'" in _html_scripts(app)
    press(app, "English")
    assert "document.documentElement.lang = 'en'; document.documentElement.dir = 'ltr'" in _html_scripts(app)


def test_access_log_shows_a_danish_date_at_the_start_of_a_line_as_text_not_a_list(app, demo_db):
    _aisha_seen_on_the_second_of_december(demo_db)
    citizen_login(app, "PAAN-DEMA-4444", demo.DEMO_PIN)
    app.switch_page("app_pages/access_log.py").run()
    assert not app.exception
    lines = [t.value for t in app.text if t.value.startswith("2. dec. 2026 14.05: ")]
    assert lines, [t.value for t in app.text]
    assert not any("2. dec." in m.value for m in app.markdown)  # markdown would have made "2." a list marker


def test_english_pages_write_dates_the_english_way(app, demo_db):
    _aisha_seen_on_the_second_of_december(demo_db)
    citizen_login(app, "PAAN-DEMA-4444", demo.DEMO_PIN)
    app.switch_page("app_pages/access_log.py").run()
    press(app, "English")
    shown = [t.value for t in app.text]
    assert any(line.startswith("2 Dec 2026, 14.05: ") for line in shown), shown
    assert not any("2. Dec" in line or "2. dec" in line for line in shown)


@pytest.mark.parametrize(("language", "weekday", "moment", "kroner"), [
    ("da", "onsdag 2. december", "2. dec. 2026 14.05", "3.000,50 kr."),
    ("en", "Wednesday 2 December", "2 Dec 2026, 14.05", "3.000,50 kr."),
    ("ar", "الأربعاء، 2 ديسمبر", "02\u200f/12\u200f/2026، 2:05 م", "\u200f3,000.50 DKK"),
])
def test_dates_and_kroner_use_babels_format_for_the_language(monkeypatch, language, weekday, moment, kroner):
    monkeypatch.setattr(i18n, "current_language", lambda: language)
    assert i18n.weekday_date(SECOND_OF_DECEMBER.date()) == weekday
    assert i18n.date_time(SECOND_OF_DECEMBER) == moment
    assert i18n.money(300050) == kroner
    assert i18n.money(300000) == kroner.replace(",50", "").replace(".50", "")


def test_inserted_values_are_isolated_in_a_right_to_left_sentence_and_arabic_values_in_any(monkeypatch):
    monkeypatch.setattr(i18n, "current_language", lambda: "ar")
    assert i18n.isolated({"amount": "3.000 kr.", "n": 3}) == {"amount": f"{FSI}3.000 kr.{PDI}", "n": 3}
    monkeypatch.setattr(i18n, "current_language", lambda: "da")
    assert i18n.isolated({"amount": "3.000 kr.", "name": "عائشة"}) == {"amount": "3.000 kr.", "name": f"{FSI}عائشة{PDI}"}
    assert i18n.isolated({"name": f"{FSI}عائشة{PDI}"}) == {"name": f"{FSI}عائشة{PDI}"}  # never twice
