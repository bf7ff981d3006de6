"""Page-object-ish helpers for the browser journeys.

Waiting: an init script (``RUN_WATCHER``, added to every browser context in conftest.py) listens on
Streamlit's websocket and counts the server's "script finished" messages, so ``act()`` waits for *the
rerun its own click caused* to finish, and ``wait_for_app()`` for the app to be settled: that run
finished, the root element's ``data-test-script-state`` is "notRunning", it is connected, no stale
elements are left over from the previous page, no element is still a skeleton (Streamlit loads each
kind of widget's code the first time a page shows one, and a fresh browser context has none cached:
until then the widget is a placeholder and a test would find no text field), and no message arrived
and nothing scrolled for a moment. No fixed sleeps.
(Counting the "running" state in the DOM is not enough: React may never render a fast run's "running".)

Labels default to the Danish text a user sees; pass the English ones after switching language.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from citizen_app.i18n import translator
from storage import languages
from storage.demo import DEMO_PASSWORD

# Every page the journeys reach must pass these (WCAG 2.1 A and AA, as webtilgængelighedsloven requires).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
SETTLED_MS = 100  # settled = no message from the server and no change to the page for this long after the run
# ... and no scrolling for this long. Streamlit keeps a chat page stuck to the bottom: it handles scroll
# events at most every 100 ms and, while "stuck", glides back down 34 ms after the view leaves the
# bottom. A Tab pressed within ~200 ms of the last glide is scrolled away from (the focused element ends
# up off screen); a person is slower than that, a test is not. 300 ms clears both windows with margin.
SCROLL_SETTLED_MS = 300
TIMEOUT_MS = 20_000
# The button that opens the navigation on a narrow screen (its name from citizen_app/theme.py, in every language).
MENU_BUTTON = re.compile("^(" + "|".join(re.escape(name) for name in sorted(
    {"Åbn menuen", "Expand sidebar"} | {translator(code)("Åbn menuen") for code in languages.available()})) + ")$")

RUN_WATCHER = """
(() => {
  if (window.__bb) return;
  // finished: full runs finished (ForwardMsg.script_finished = 0 or 1; 2 is "stopped early for a
  // rerun" and 3 a fragment run, neither is the end of a user's action); last: last message time.
  const bb = window.__bb = {doc: Math.random().toString(36).slice(2), finished: 0, fragments: 0,
                            last: performance.now(), bytes: 0};
  const varint = (b, i) => {
    let v = 0, m = 1;
    while (i < b.length) { const x = b[i++]; v += (x & 127) * m; m *= 128; if (x < 128) break; }
    return [v, i];
  };
  const scriptFinished = buffer => {  // the top-level field 6 (varint) of a ForwardMsg, if any
    const b = new Uint8Array(buffer);
    let i = 0, key, value, length;
    while (i < b.length) {
      [key, i] = varint(b, i);
      const field = Math.floor(key / 8), wire = key & 7;
      if (wire === 0) { [value, i] = varint(b, i); if (field === 6) return value; }
      else if (wire === 2) { [length, i] = varint(b, i); i += length; }
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else return null;
    }
    return null;
  };
  const Native = window.WebSocket;
  function Watched(...args) {
    const ws = new Native(...args);
    ws.addEventListener('message', event => {
      bb.last = performance.now();
      if (!(event.data instanceof ArrayBuffer)) return;
      bb.bytes += event.data.byteLength;  // what the server sent (make bench: bytes per chat turn)
      const status = scriptFinished(event.data);
      if (status === 0 || status === 1) bb.finished += 1;
      else if (status === 3) bb.fragments += 1;
    });
    return ws;
  }
  Watched.prototype = Native.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Watched[k] = Native[k];
  window.WebSocket = Watched;
  // Streamlit glides a chat page to the bottom after each run: not settled while anything scrolls.
  bb.scrolled = 0;
  addEventListener('scroll', () => { bb.scrolled = performance.now(); }, {capture: true, passive: true});
  // ... and the page changes under a finger while it grows (e.g. the hint under a field one types in):
  // Streamlit then glides a chat page down, 34 ms or more later. See still().
  bb.changed = 0;
  const watchChanges = () => new MutationObserver(() => { bb.changed = performance.now(); })
    .observe(document.documentElement, {subtree: true, childList: true, characterData: true, attributes: true});
  if (document.documentElement) watchChanges(); else addEventListener('DOMContentLoaded', watchChanges);
})();
"""

# Still: nothing on the page changed or scrolled for a moment (used by still() and, as part of it, settled).
_STILL = """([changedMs, scrollMs]) => {
  const bb = window.__bb, now = performance.now();
  return !bb || (now - bb.changed >= changedMs && now - bb.scrolled >= scrollMs);
}"""

_SETTLED = """([since, settledMs, scrollSettledMs]) => {
  const bb = window.__bb;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!bb || !app) return false;
  const done = (since === null || since.doc !== bb.doc) ? bb.finished >= 1 : bb.finished > since.finished;
  return done
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-stale="true"]')
    && !document.querySelector('[data-testid="stSkeleton"]')
    && performance.now() - bb.last >= settledMs
    && (""" + _STILL + """)([settledMs, scrollSettledMs]);
}"""


# --- waiting -------------------------------------------------------------------------------------

def runs(page: Page) -> dict | None:
    """Where the app is now: which document, how many full runs have finished."""
    return page.evaluate("() => window.__bb && {doc: window.__bb.doc, finished: window.__bb.finished}")


def wait_for_app(page: Page, since: dict | None = None, timeout: float = TIMEOUT_MS) -> None:
    """Wait until a run has finished (one after ``since``, if given; any, on a new document) and the
    app is settled: connected, not running, no stale elements, quiet (no messages, no scrolling)."""
    page.wait_for_function(_SETTLED, arg=[since, SETTLED_MS, SCROLL_SETTLED_MS], timeout=timeout, polling=50)


CHANGED_STILL_MS = 150  # longer than Streamlit's 34 ms wait before it glides a chat page to the bottom


def still(page: Page) -> None:
    """Wait until nothing on the page has changed or scrolled for a moment, so that a tap lands where
    it was aimed. Typing into a field makes Streamlit show a hint under it; the page grows, and a chat
    page glides down to its new bottom a little later: a tap in that moment hits whatever slid under
    the finger (a select box that does not open, an option that is not chosen)."""
    page.wait_for_function(_STILL, arg=[CHANGED_STILL_MS, SCROLL_SETTLED_MS], timeout=TIMEOUT_MS, polling=50)


def act(page: Page, action: Callable[[], object]) -> None:
    """Do something that makes Streamlit rerun (a click, Enter in a form, the back button), then wait
    for that rerun to finish."""
    still(page)
    before = runs(page)
    action()
    wait_for_app(page, since=before)


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)


# --- reading the page ----------------------------------------------------------------------------

def main_text(page: Page) -> str:
    """All text a sighted user could read in the app (main area, header and navigation)."""
    return page.locator('[data-testid="stApp"]').inner_text()


def heading(page: Page, name: str) -> Locator:
    return page.get_by_role("heading", level=1, name=name, exact=True)


def expect_heading(page: Page, name: str) -> None:
    expect(heading(page, name)).to_be_visible()


def expect_lang(page: Page, lang: str) -> None:
    """The <html lang> attribute, which tells screen readers how to pronounce the page."""
    page.wait_for_function("lang => document.documentElement.lang === lang", arg=lang, timeout=TIMEOUT_MS)
    assert page.evaluate("document.documentElement.lang") == lang


# --- journeys' building blocks -------------------------------------------------------------------

def button(page: Page, name: str, scope: Locator | None = None) -> Locator:
    return (scope or page).get_by_role("button", name=name, exact=True)


def open_expander(page: Page, label: str, scope: Locator | None = None) -> None:
    """Open an expander by its header (no rerun), once the page has settled, and check it opened."""
    still(page)
    header = (scope or page).get_by_text(label, exact=True)
    header.click()
    expect(header.locator("xpath=ancestor::details[1]")).to_have_attribute("open", "")


def tick(page: Page, label: str) -> None:
    """Tick a checkbox inside a form (no rerun) by its label, after the page has settled (typing into a form
    field makes its "Press Enter" hint grow the page under the finger), and check that the tick took."""
    still(page)
    page.get_by_text(label, exact=True).click()
    expect(page.get_by_role("checkbox", name=label)).to_be_checked()


def click(page: Page, name: str, scope: Locator | None = None) -> None:
    """Click a button by its visible name and wait for the rerun."""
    act(page, button(page, name, scope).click)


def login_citizen(page: Page, code: str, pin: str, *, code_label: str = "Din kode",
                  pin_label: str = "Din PIN-kode", next_label: str = "Videre",
                  login_label: str = "Log ind") -> None:
    """From the login page: the code, then the PIN. The caller checks where it landed."""
    page.get_by_label(code_label, exact=True).fill(code)
    click(page, next_label)
    page.get_by_label(pin_label, exact=True).fill(pin)
    click(page, login_label)


def choose_first_pin(page: Page, code: str, pin: str) -> None:
    """A citizen's first login: the code, then a new PIN typed twice."""
    page.get_by_label("Din kode", exact=True).fill(code)
    click(page, "Videre")
    page.get_by_label("Ny PIN-kode", exact=True).fill(pin)
    page.get_by_label("Skriv PIN-koden igen", exact=True).fill(pin)
    click(page, "Log ind")


def login_staff(page: Page, user: str, password: str = DEMO_PASSWORD) -> None:
    """From the login page: the 'Medarbejder' tab, username and password."""
    page.get_by_role("tab", name="Medarbejder", exact=True).click()
    panel = page.get_by_role("tabpanel", name="Medarbejder")
    panel.get_by_label("Brugernavn", exact=True).fill(user)
    panel.get_by_label("Adgangskode", exact=True).fill(password)
    click(page, "Log ind", scope=panel)


def log_out(page: Page, label: str = "Log ud") -> None:
    click(page, label)


def switch_language(page: Page, to_label: str) -> None:
    """The language button at the top names the other language: 'English' or 'Dansk'."""
    click(page, to_label)


def open_menu(page: Page) -> bool:
    """On a phone Streamlit folds the page navigation into a drawer behind a menu button: open it.
    False when there is no such button (a desktop, or a role with a single page)."""
    menu = page.get_by_role("button", name=MENU_BUTTON)
    if menu.count() == 0 or not menu.is_visible():
        return False
    if menu.get_attribute("aria-expanded") != "true":
        menu.click()
        expect(page.get_by_role("navigation").first.get_by_role("link").first).to_be_in_viewport()
    return True


def go_to(page: Page, title: str) -> None:
    """Open a page through the navigation, as a user would (through the menu on a phone)."""
    open_menu(page)
    act(page, page.get_by_role("navigation").get_by_role("link", name=title, exact=True).click)


def nav_pages(page: Page) -> list[tuple[str, bool]]:
    """(title, is the current page) for each page in the navigation, in order; empty when the role
    has a single page (Streamlit then shows no navigation). Opens the menu on a phone."""
    open_menu(page)
    links = page.get_by_role("navigation").get_by_role("link")
    return [(link.locator('[data-testid="stMarkdownContainer"]').inner_text().strip(),
             link.get_attribute("aria-current") == "page") for link in links.all()]


def expect_no_error(page: Page) -> None:
    """Neither a Python traceback nor the app's error boundary message."""
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.get_by_text("Beklager, der skete en fejl")).to_have_count(0)


# Streamlit's own English defaults: a Danish page must show none of them, neither as text or placeholder
# (substrings) nor as a name for screen readers (aria-label: whole labels, or how they start).
STREAMLIT_ENGLISH_TEXT = ("Choose an option", "Choose options", "Choose or add", "Add an option", "Select all",
                          "No options to select", "No results", "Press Enter", "Ctrl+Enter", "Skip to main content")
STREAMLIT_ENGLISH_LABELS = {"Expand sidebar", "Collapse sidebar", "App pages", "Sidebar", "Help", "Close", "Open",
                            "Clear value", "Clear all", "Selected values", "Show password", "Hide password",
                            "Increment", "Decrement", "Choose date", "progress", "Send message"}
STREAMLIT_ENGLISH_LABEL_STARTS = ("Help for ", "day, ", "month, ", "year, ", "Chat message from ")


_ENGLISH_FOUND = """([texts, labels, starts]) => {
  const text = [document.querySelector('[data-testid="stApp"]').innerText,
                ...Array.from(document.querySelectorAll('[placeholder]'), el => el.getAttribute('placeholder'))]
               .join('\\n');
  const found = texts.filter(phrase => text.includes(phrase));
  for (const el of document.querySelectorAll('[aria-label]')) {
    const label = el.getAttribute('aria-label');
    if ((labels.includes(label) || starts.some(s => label.startsWith(s))) && !found.includes(label)) found.push(label);
  }
  return found;
}"""


def expect_no_streamlit_english(page: Page) -> None:
    """No English default of Streamlit's in the text, the placeholders or the aria-labels of a Danish page.
    The app renames them on the next animation frame after Streamlit draws them (citizen_app/theme.py):
    give that a moment before judging."""
    arg = [list(STREAMLIT_ENGLISH_TEXT), sorted(STREAMLIT_ENGLISH_LABELS), list(STREAMLIT_ENGLISH_LABEL_STARTS)]
    try:
        page.wait_for_function(f"arg => ({_ENGLISH_FOUND})(arg).length === 0", arg=arg, timeout=3000, polling=100)
    except PlaywrightTimeout:
        pass
    found = page.evaluate(_ENGLISH_FOUND, arg)
    assert not found, f"English from Streamlit in a Danish page: {found}"


def expect_accessibility_statement_link(page: Page, label: str = "Tilgængelighedserklæring") -> None:
    """webtilgængelighedsloven: the accessibility statement is linked from every page."""
    expect(page.get_by_role("link", name=label, exact=True)).to_have_count(1)


# --- accessibility -------------------------------------------------------------------------------

def axe_violations(page: Page, context: dict | None = None) -> list[dict]:
    wait_for_app(page)
    results = Axe().run(page, context=context, options=AXE_OPTIONS)
    return results.response["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        criteria = ", ".join(t for t in v["tags"] if t.startswith("wcag"))
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']}  [{criteria}]")
        lines.append(f"  {v['helpUrl']}")
        for node in v["nodes"]:
            target = " >> ".join(str(t) for t in node["target"])
            lines.append(f"    * {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


def accessibility_report(page: Page, name: str, artifacts: Path | None = None,
                         context: dict | None = None) -> str | None:
    """Run axe (WCAG 2.1 A/AA) on the page as it is now; None when clean, else a readable report.
    With ``artifacts``: a screenshot named ``name``, and the raw violations as test-results/axe/NAME.json."""
    violations = axe_violations(page, context)
    if artifacts is not None:
        screenshot(page, name, artifacts)
        if violations:
            axe_dir = artifacts.parent / "axe"
            axe_dir.mkdir(parents=True, exist_ok=True)
            (axe_dir / f"{name}.json").write_text(json.dumps(violations, indent=2, ensure_ascii=False))
    if not violations:
        return None
    return (f"axe found {len(violations)} WCAG 2.1 A/AA violation(s) on '{name}':\n"
            f"{format_violations(violations)}")


def assert_accessible(page: Page, name: str, artifacts: Path | None = None, context: dict | None = None) -> None:
    """Zero axe violations (WCAG 2.1 A/AA) on the page as it is now. ``name`` identifies the page and
    state in the failure message and names the screenshot under ``artifacts``."""
    report = accessibility_report(page, name, artifacts, context)
    if report:
        pytest.fail(report, pytrace=False)


def screenshot(page: Page, name: str, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.png"
    page.mouse.move(0, 0)  # no hover effect left where the last click was
    page.screenshot(path=str(path), full_page=True, animations="disabled", caret="hide")
    return path


# --- keyboard ------------------------------------------------------------------------------------

FOCUS_INFO = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const shows = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  // The indicator may be drawn by the widget around the real <input> (Streamlit's text inputs).
  let indicator = null;
  for (let n = el, i = 0; n && i < 5 && !indicator; n = n.parentElement, i++) {
    const s = getComputedStyle(n);
    if (shows(s)) indicator = {outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
                               boxShadow: s.boxShadow, on: n.tagName};
  }
  const r = el.getBoundingClientRect();
  const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
                   && r.left < window.innerWidth && r.top < window.innerHeight;
  return {tag: el.tagName, label: el.getAttribute('aria-label') || (el.innerText || '').trim().slice(0, 60),
          testid: el.getAttribute('data-testid'), visible: indicator !== null && onScreen, onScreen, indicator,
          rect: [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)]};
}"""


def focused(page: Page) -> dict | None:
    """The focused element: tag, label, test id, whether it is on screen and shows a focus indicator.
    The browser may still be scrolling the element into view (smoothly, or after Streamlit's chat kept
    the page at the bottom): give that up to a second before judging."""
    info = page.evaluate(FOCUS_INFO)
    if info is not None and not info["visible"]:
        try:
            page.wait_for_function(f"() => {{ const i = ({FOCUS_INFO})(); return i === null || i.visible; }}",
                                   timeout=1000, polling=50)
        except PlaywrightTimeout:
            pass
        info = page.evaluate(FOCUS_INFO)
    return info


def tab_to(page: Page, matches: Callable[[dict], bool], *, backwards: bool = False, max_presses: int = 25,
           seen: list[dict] | None = None) -> dict:
    """Press Tab (or Shift+Tab) until the focused element matches; every stop must show its focus."""
    seen = [] if seen is None else seen
    for _ in range(max_presses):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        info = focused(page)
        if info is None:
            continue
        seen.append(info)
        assert info["visible"], f"keyboard focus is not visible on {info}"
        if matches(info):
            return info
    raise AssertionError(f"no matching element within {max_presses} key presses; focus went to {seen}")


def tab_round(page: Page, max_presses: int = 40) -> list[dict]:
    """Tab once round the whole page (until focus is back where it started); every stop must be on
    screen and show its focus. Returns the stops."""
    seen: list[dict] = []
    page.keyboard.press("Tab")
    page.evaluate("() => { window.__bbFirstFocus = document.activeElement; }")
    for _ in range(max_presses):
        info = focused(page)
        if info is not None:
            seen.append(info)
            assert info["visible"], f"keyboard focus is not visible on {info}"
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement === window.__bbFirstFocus"):
            return seen
    raise AssertionError(f"focus did not come round within {max_presses} presses: {seen}")


# --- own citizens, the course and the plan (journeys added with test_course_journey.py and friends) ---

CHAT_PLACEHOLDER = "Skriv dit svar her"
SKIP_LABEL = "Det vil jeg ikke svare på nu"


def create_citizen_in_db(database_url: str, name: str, *, support: str = "sara", pin: str | None = "1234") -> str:
    """A fresh citizen of ``support``, straight in the e2e database (as 'Ny borger' would make one), with a
    PIN already chosen unless ``pin`` is None. Returns the printable access code. For journeys that need
    a clean citizen without depending on another test."""
    from sqlalchemy import select

    from storage import citizens
    from storage.auth import staff_actor
    from storage.db import engine_for, write_session
    from storage.models import CitizenCredential, StaffUser
    from storage.security import hash_secret

    with write_session(engine_for(database_url)) as s:
        user = s.scalar(select(StaffUser).where(StaffUser.username == support))
        assert user is not None, f"no staff user {support!r} in the e2e database"
        created = citizens.create_citizen(s, actor=staff_actor(user), display_name=name)
        if pin is not None:
            s.get_one(CitizenCredential, created.citizen_id).pin_hash = hash_secret(pin)
    return created.access_code


def visible_text(locator: Locator) -> str:
    """inner_text with Danish amounts' non-breaking spaces as plain spaces ('3.000 kr.')."""
    return locator.inner_text().replace("\xa0", " ")


def chat_input(page: Page) -> Locator:
    """The course's chat input at the bottom of the page (st.chat_input)."""
    return page.get_by_placeholder(CHAT_PLACEHOLDER, exact=True)


def send_chat(page: Page, text: str) -> None:
    """Type an answer into the chat input and press Enter; waits for the rerun."""
    box = chat_input(page)
    expect(box).to_be_visible()
    box.fill(text)
    act(page, lambda: box.press("Enter"))


def current_question(page: Page) -> str:
    """The guide's last chat bubble: the question the citizen is on now."""
    last = page.get_by_test_id("stChatMessage").last
    expect(last).to_be_visible()
    return visible_text(last.get_by_test_id("stChatMessageContent")).strip()


def press(page: Page, target: Locator) -> None:
    """Tap on a touch screen, click elsewhere (Streamlit's select boxes open on a tap, not a click, on a phone)."""
    still(page)
    if page.evaluate("() => navigator.maxTouchPoints > 0"):
        target.tap()
    else:
        target.click()


def choose(page: Page, label: str, *options: str) -> None:
    """Pick one option in a select box, or several in a multiselect, by their visible names. Inside a
    form this causes no rerun; outside one, wrap the call in act()."""
    box = page.get_by_role("combobox", name=label, exact=True)
    expect(box).to_be_visible()
    for option in options:
        if box.get_attribute("aria-expanded") != "true":
            press(page, box)
        press(page, page.get_by_role("option", name=option, exact=True))
    if box.get_attribute("aria-expanded") == "true":
        page.keyboard.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")


def course_progress(page: Page) -> str:
    """The course's progress text, e.g. 'Trin 2 af 9: Hvor er du nu?'."""
    bar = page.get_by_test_id("stProgress").first
    expect(bar).to_be_visible()
    return visible_text(bar).strip()


def no_horizontal_scroll(page: Page, width: int = 390) -> None:
    """Nothing on the page is wider than the phone's screen."""
    scroll = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll <= width, f"the page scrolls sideways: scrollWidth {scroll} > {width}"


@contextmanager
def browser_context(browser: Browser, device: dict, artifacts: Path | None = None,
                    name: str = "second-context") -> Iterator[Page]:
    """One more person at another device (a support person beside the citizen, a second phone), set up
    like the `phone` and `desktop` fixtures' contexts. Closed at the end; a failure inside leaves a
    screenshot FAILED-<name>.png."""
    from tests.e2e.conftest import ONLY_LOCAL  # the same rule as the fixtures: nothing leaves the server

    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen", **device)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(RUN_WATCHER)
    context.route(ONLY_LOCAL, lambda route: route.abort())
    page = context.new_page()
    try:
        yield page
    except BaseException:
        if artifacts is not None and not page.is_closed():
            try:
                screenshot(page, f"FAILED-{name}", artifacts)
            except Exception as exc:  # noqa: BLE001 - the journey already failed; do not hide why
                print(f"(no failure screenshot of {name}: {exc})")
        raise
    finally:
        context.close()


def card_of(element: Locator) -> Locator:
    """The box (st.container, e.g. one citizen's card or one wish) an element sits in: its nearest vertical
    block. Take ``.first`` of ``element`` when there are several."""
    return element.locator("xpath=ancestor::div[@data-testid='stVerticalBlock'][1]")


# --- the citizen's plan ('Min plan') -----------------------------------------------------------------

def budget_line(page: Page, label: str) -> str:
    """An amount from the budget bar, e.g. budget_line(page, 'Godkendt') -> '3.000 kr.'."""
    pattern = re.compile(rf"^{re.escape(label)}: (.+)$", re.MULTILINE)
    found = pattern.findall(visible_text(page.locator("main")))
    assert len(found) == 1, f"expected one '{label}: …' line in the budget bar, found {found}"
    return found[0].strip()


def add_goal_on_plan(page: Page, text: str, category: str | None = None) -> None:
    """On 'Min plan': a long-term goal in the citizen's own words (the first goal's form is already open)."""
    field = page.get_by_label("Dit mål med dine egne ord", exact=True)
    if field.count() == 0:
        click(page, "Tilføj et mål")
    field.fill(text)
    if category is not None:
        choose(page, "Hvilket emne passer bedst?", category)
    click(page, "Gem mål")
    expect(page.locator("main").get_by_text(text, exact=True).first).to_be_visible()


def fill_wish_form(page: Page, *, title: str | None = None, price: str | None = None, goal: str | None = None,
                   note: str | None = None) -> None:
    """Fill the open wish form on 'Min plan' (only the fields given) and press 'Gem ønske'."""
    if title is not None:
        page.get_by_label("Hvad ønsker du dig?", exact=True).fill(title)
    if goal is not None:
        choose(page, "Hvilket mål er det til?", goal)
    if price is not None:
        page.get_by_label("Hvad koster det?", exact=True).fill(price)
    if note is not None:
        page.get_by_label("Note (kan springes over)", exact=True).fill(note)
    click(page, "Gem ønske")


def add_wish_on_plan(page: Page, title: str, *, under_goal: str | None = None, price: str | None = None,
                     note: str | None = None) -> None:
    """On 'Min plan': 'Tilføj et ønske' under a goal (by its text), or at the bottom without a goal."""
    main = page.locator("main")
    if under_goal is not None:
        card = card_of(main.get_by_text(under_goal, exact=True).first)
        act(page, button(page, "Tilføj et ønske", card).first.click)
    else:
        act(page, button(page, "Tilføj et ønske", main).last.click)
    fill_wish_form(page, title=title, price=price, note=note)
    expect(main.get_by_text(title, exact=True).first).to_be_visible()
