"""Page-object-ish helpers for the browser journeys.

Waiting: Streamlit marks its root element with ``data-test-script-state`` ("initial", "running",
"notRunning", ...) and ``data-test-connection-state``. An init script (``RUN_WATCHER``, added to every
browser context in conftest.py) counts the runs and remembers when the state last changed, so
``act()`` can wait for *the rerun its own click caused* to finish, and ``wait_for_app()`` for the app to
be settled: not running, connected, no stale elements left over from the previous page. No fixed sleeps.

Labels default to the Danish text a user sees; pass the English ones after switching language.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from storage.demo import DEMO_PASSWORD

# Every page the journeys reach must pass these (WCAG 2.1 A and AA, as webtilgængelighedsloven requires).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
SETTLED_MS = 200  # the app counts as settled after this long without a script-state change
TIMEOUT_MS = 20_000
# Streamlit's own (English) name for the button that opens the navigation on a narrow screen.
MENU_BUTTON = re.compile(r"^(Expand sidebar|Vis menu|Åbn menu)$")

RUN_WATCHER = """
(() => {
  if (window.__bb) return;
  const bb = window.__bb = {runs: 0, changed: performance.now(), app: null};
  const attach = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app === bb.app) return;
    bb.app = app;
    let last = app.getAttribute('data-test-script-state');
    new MutationObserver(() => {
      const now = app.getAttribute('data-test-script-state');
      if (now !== last) {
        if (now === 'running') bb.runs += 1;
        last = now;
      }
      bb.changed = performance.now();
    }).observe(app, {attributes: true,
                     attributeFilter: ['data-test-script-state', 'data-test-connection-state']});
  };
  new MutationObserver(attach).observe(document, {childList: true, subtree: true});
  attach();
})();
"""

_SETTLED = """([since, settledMs]) => {
  const bb = window.__bb;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!bb || !app || app !== bb.app) return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (since !== null && bb.runs <= since) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  return performance.now() - bb.changed >= settledMs;
}"""


# --- waiting -------------------------------------------------------------------------------------

def runs(page: Page) -> int:
    return page.evaluate("() => window.__bb ? window.__bb.runs : 0")


def wait_for_app(page: Page, since: int | None = None, timeout: float = TIMEOUT_MS) -> None:
    """Wait until the app is connected, has finished running (after run number ``since``, if given)
    and shows no stale elements."""
    page.wait_for_function(_SETTLED, arg=[since, SETTLED_MS], timeout=timeout, polling=50)


def act(page: Page, action: Callable[[], object]) -> None:
    """Do something that makes Streamlit rerun (a click, Enter in a form), then wait for that rerun."""
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


def go_to(page: Page, title: str) -> None:
    """Open a page through the navigation, as a user would. On a phone Streamlit folds the top
    navigation into a sidebar behind a menu button; open that first."""
    link = page.get_by_role("link", name=title, exact=True)
    menu = page.get_by_role("button", name=MENU_BUTTON)
    if menu.count() and menu.is_visible() and menu.get_attribute("aria-expanded") != "true":
        menu.click()
        expect(link).to_be_in_viewport()
    act(page, link.click)


# --- accessibility -------------------------------------------------------------------------------

def axe_violations(page: Page, context: dict | None = None) -> list[dict]:
    wait_for_app(page)
    results = Axe().run(page, context=context, options=AXE_OPTIONS)
    return results.response["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']}  [{', '.join(t for t in v['tags'] if t.startswith('wcag'))}]")
        lines.append(f"  {v['helpUrl']}")
        for node in v["nodes"]:
            target = " >> ".join(str(t) for t in node["target"])
            lines.append(f"    * {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


def assert_accessible(page: Page, name: str, artifacts: Path | None = None, context: dict | None = None) -> None:
    """axe-core with the WCAG 2.1 A/AA rules on the page as it is now: zero violations.

    ``name`` identifies the page/state in the report (and the screenshot/JSON under ``artifacts``)."""
    violations = axe_violations(page, context)
    if artifacts is not None:
        screenshot(page, name, artifacts)
        if violations:
            axe_dir = artifacts.parent / "axe"
            axe_dir.mkdir(parents=True, exist_ok=True)
            (axe_dir / f"{name}.json").write_text(json.dumps(violations, indent=2, ensure_ascii=False))
    if violations:
        pytest.fail(f"axe found {len(violations)} WCAG 2.1 A/AA violation(s) on '{name}':\n"
                    f"{format_violations(violations)}", pytrace=False)


def screenshot(page: Page, name: str, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled", caret="hide")
    return path


# --- keyboard ------------------------------------------------------------------------------------

FOCUS_INFO = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const shows = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  // The indicator may be drawn by the widget around the real <input> (Streamlit's text inputs).
  let indicator = null;
  for (let n = el, i = 0; n && i < 4 && !indicator; n = n.parentElement, i++) {
    const s = getComputedStyle(n);
    if (shows(s)) indicator = {outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
                               boxShadow: s.boxShadow, on: n.tagName};
  }
  return {tag: el.tagName, label: el.getAttribute('aria-label') || (el.innerText || '').trim().slice(0, 60),
          testid: el.getAttribute('data-testid'), visible: indicator !== null, indicator};
}"""


def focused(page: Page) -> dict | None:
    return page.evaluate(FOCUS_INFO)


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
