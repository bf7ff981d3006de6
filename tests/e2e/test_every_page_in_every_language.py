"""Every page in Danish, English and Arabic, on a phone held upright (390×844) and turned sideways (844×390):
no error, 0 axe violations, <html lang> and dir right for the language, the accessibility statement linked in
the language, no text from another language's catalog, no English of Streamlit's on a page that is not
English, and in the course the current question on screen (issue 17).

Danish upright is test_every_page.py's sweep. Ole is left out here (Sara's pages with other data); Mette too
(her first login chooses a PIN).
"""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from sqlalchemy import create_engine, update

from citizen_app.i18n import translator
from storage import languages
from storage.demo import DEMO_PIN
from storage.models import Citizen
from tests.e2e.catalog_text import foreign_to
from tests.e2e.helpers import (
    accessibility_report,
    click,
    expect_lang,
    expect_no_streamlit_english,
    go_to,
    login_citizen,
    login_staff,
    nav_pages,
    open_app,
    screenshot,
    still,
    wait_for_app,
)

LOGINS = {
    "login-page": None,
    "citizen-jonas": lambda page: login_citizen(page, "HAVE-DEMA-3333", DEMO_PIN),
    "citizen-aisha": lambda page: login_citizen(page, "PAAN-DEMA-4444", DEMO_PIN),
    "support-sara": lambda page: login_staff(page, "sara"),
    "coordinator-karin": lambda page: login_staff(page, "karin"),
    "finance-finn": lambda page: login_staff(page, "finn"),
    "facilitator-frida": lambda page: login_staff(page, "frida"),
}
UPRIGHT, SIDEWAYS = {"width": 390, "height": 844}, {"width": 844, "height": 390}
COURSE_PAGE = "Samtale"  # its msgid; the navigation shows it in the page's language
TEXT_ON_PAGE = """() => [
  ...(() => {  // the page's lines without the names of Material icons ("payments" is an icon, not English)
    const icons = new Set(Array.from(document.querySelectorAll('[data-testid="stIconMaterial"]'), el => el.textContent));
    return document.body.innerText.split('\\n').filter(line => !icons.has(line.trim()));
  })(),
  ...Array.from(document.querySelectorAll('[placeholder]'), el => el.getAttribute('placeholder')),
  ...Array.from(document.querySelectorAll('[aria-label]'), el => el.getAttribute('aria-label'))].join('\\n')"""
LAST_MESSAGE_ON_SCREEN = """() => {
  if (!document.querySelector('[class*="st-key-course_step_"]')) return null;  // no current question
  const all = document.querySelectorAll('[data-testid="stChatMessage"]');
  if (all.length === 0) return null;
  const box = all[all.length - 1].getBoundingClientRect();
  const bar = document.querySelector('[data-testid="stBottom"]');
  const floor = bar ? Math.min(innerHeight, bar.getBoundingClientRect().top) : innerHeight;
  return box.top < floor && box.bottom > 0;
}"""


def _switch_to(page: Page, language: str) -> None:
    if page.evaluate("document.documentElement.lang") != language:
        click(page, languages.own_name(language))
    expect_lang(page, language)


def _check(page: Page, language: str, name: str, artifacts) -> list[str]:
    """Everything wrong with the page as it is now, in ``language`` (so one run reports every broken page)."""
    _ = translator(language)
    problems = []
    still(page)
    direction = page.evaluate("[document.documentElement.lang, document.documentElement.dir]")
    if direction != [language, languages.direction(language)]:
        problems.append(f"{name}: <html lang dir> is {direction}")
    if page.locator('[data-testid="stException"]').count() or page.get_by_text(
            _("Beklager, der skete en fejl")).count():
        problems.append(f"{name}: an error is shown")
    if page.get_by_role("link", name=_("Tilgængelighedserklæring"), exact=True).count() != 1:
        problems.append(f"{name}: no link to the accessibility statement in {language}")
    foreign = foreign_to(language).find(page.evaluate(TEXT_ON_PAGE).splitlines())
    if foreign:
        problems.append(f"{name}: text of another language: {foreign[:5]}")
    if language != "en":
        try:
            expect_no_streamlit_english(page)
        except AssertionError as error:
            problems.append(f"{name}: {str(error).splitlines()[0]}")
    report = accessibility_report(page, name)
    if report:
        problems.append(report)
    if problems:
        screenshot(page, name, artifacts)
    return problems


def _citizens_back_to_danish(database_url: str) -> None:
    """A citizen's language switch is remembered: the demo citizens speak Danish again for the other tests."""
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(update(Citizen).values(language="da"))
    engine.dispose()


def _question_off_screen(page: Page, must_have_one: bool) -> bool:
    """On the course page: the current question is not on screen (or, for Jonas halfway through, not there)."""
    on_screen = page.evaluate(LAST_MESSAGE_ON_SCREEN)
    return on_screen is not True if must_have_one else on_screen is False


def _question_comes_into_view(page: Page, timeout_ms: int = 5000) -> bool:
    """After the phone is turned, the page scrolls the current question back into view (after the browser's
    resize settles, which can take longer than a moment on a busy machine): wait for it, up to a limit."""
    try:
        page.wait_for_function(f"() => ({LAST_MESSAGE_ON_SCREEN})() === true", timeout=timeout_ms, polling=100)
    except PlaywrightTimeoutError:
        return False
    return True


def _sweep(page: Page, language: str, name: str, artifacts, *, jonas: bool) -> list[str]:
    """The page shown now, then every other page in the navigation."""
    course_title = translator(language)(COURSE_PAGE)
    problems = _check(page, language, f"{name}-start", artifacts)
    for title, current in nav_pages(page):
        if current:
            continue
        go_to(page, title)
        problems += _check(page, language, f"{name}-{title}", artifacts)
        if title == course_title and _question_off_screen(page, jonas):
            problems.append(f"{name}-{title}: the course's current question is off screen")
    return problems


@pytest.mark.parametrize("who", LOGINS)
@pytest.mark.parametrize("language", languages.available())
def test_every_page_in_every_language_upright_and_sideways(phone, app, database_url, artifacts, language, who):
    page = phone
    open_app(page, app.url)
    name = f"lang-{language}-{who}"
    try:
        if LOGINS[who] is not None:
            LOGINS[who](page)
        _switch_to(page, language)
        problems = []
        if language != languages.SOURCE_LANGUAGE:  # Danish upright: test_every_page.py
            problems += _sweep(page, language, f"{name}-upright", artifacts, jonas=who == "citizen-jonas")
        page.set_viewport_size(SIDEWAYS)
        problems += _sweep(page, language, f"{name}-sideways", artifacts, jonas=who == "citizen-jonas")
        if who == "citizen-jonas":  # the phone turned on the course page: the question comes back into view
            go_to(page, translator(language)(COURSE_PAGE))
            for size, way in ((UPRIGHT, "upright"), (SIDEWAYS, "sideways")):
                page.set_viewport_size(size)
                still(page)
                if not _question_comes_into_view(page):
                    problems.append(f"{name}: the current question is off screen after turning the phone {way}")
            # a reload of a page that is not there: Streamlit's box, in the language
            page.goto(app.url + "findes-ikke")
            wait_for_app(page)
            expect(page.get_by_role("dialog")).to_be_visible()
            problems += _check(page, language, f"{name}-page-not-found", artifacts)
            title = translator(language)("Siden findes ikke")
            if page.get_by_role("dialog").get_by_text(title, exact=True).count() != 1:
                problems.append(f"{name}: the page-not-found box is not titled {title!r}")
    finally:
        _citizens_back_to_danish(database_url)
    assert not problems, "\n".join(problems)
