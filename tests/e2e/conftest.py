"""Real-browser journeys: the app served by `streamlit run`, driven by Debian's Chromium.

One server for the whole session (a fresh SQLite file with the demo programme), a fresh browser
context per test. The idle-logout journey gets a second server with a short idle time, started only
when that test runs, so no other journey can be logged out under it on a slow machine.

Every test in this folder is marked ``e2e`` and put in the xdist group "e2e", so that with
``pytest -n 2 --dist loadgroup`` one worker runs them all against the one server.

Chromium is /usr/bin/chromium (`apt-get install chromium`; Playwright's own download is not used).
Without it the journeys are skipped on a developer's machine, and fail when CI is set.

Fixture names avoid pytest-playwright's (`page`, `context`, `browser`), which would otherwise
parametrize these tests by browser.
"""
from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from tests.e2e.helpers import RUN_WATCHER, TIMEOUT_MS, screenshot
from tests.e2e.server import ROOT, AppServer, prepare_database, start_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# A cheap Android phone. The mobile user agent matters: Streamlit closes the navigation drawer after a
# page is chosen only when the user agent says "mobile" (a narrow viewport alone is not enough).
PHONE = {"viewport": {"width": 390, "height": 844}, "screen": {"width": 390, "height": 844}, "is_mobile": True,
         "has_touch": True, "device_scale_factor": 2,
         "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
                       "Chrome/156.0.0.0 Mobile Safari/537.36"}
DESKTOP = {"viewport": {"width": 1280, "height": 800}, "is_mobile": False, "has_touch": False,
           "device_scale_factor": 1}
IDLE_MINUTES = 0.1  # the idle-logout server: 6 s, checked every 1.5 s (see citizen_app/streamlit_app.py)
XDIST_GROUP = "e2e"
ONLY_LOCAL = re.compile(r"^(?![a-z]+://127\.0\.0\.1[:/])[a-z]+://")  # any URL not on the test server
RESULTS = ROOT / "test-results"
# The README's pictures: screenshot name -> docs/screenshots/ file. Refresh with E2E_UPDATE_DOCS=1.
DOCS_SCREENSHOTS = {"login": "login-phone.png", "citizen-home-phone": "citizen-start-phone.png",
                    "sweep-citizen-aisha-min-plan": "citizen-plan-phone.png",
                    "course-3-module": "citizen-course-phone.png",
                    "loop-5-citizen-answer": "citizen-answers-phone.png"}
HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)  # before xdist reads the group marks (--dist loadgroup)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.xdist_group(XDIST_GROUP))
            _put_in_xdist_group(config, item)


def _put_in_xdist_group(config: pytest.Config, item: pytest.Item) -> None:
    """pytest-xdist (3.8) groups tests by appending "@group" to ``item._nodeid``, which pytest 9.2 no
    longer reads (node ids are ``item._id`` now), so the mark alone has no effect and the journeys
    would be spread over both workers. Do the same through the new attribute while that is so."""
    if not getattr(config.option, "loadgroup", False) or "@" in item.nodeid or not hasattr(item, "_id"):
        return
    from _pytest.nodeid import NodeId  # pytest >= 9.2
    item._id = NodeId.parse(f"{item.nodeid}@{XDIST_GROUP}")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    report = yield
    setattr(item, f"e2e_report_{report.when}", report)
    return report


# --- the app -------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"The browser tests must run in CI: {reason}", pytrace=False)
        pytest.skip(f"{reason} (with CI set this is a failure)")
    return CHROMIUM


@pytest.fixture(scope="session")
def e2e_dir(tmp_path_factory, chromium) -> Path:
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="session")
def artifacts(e2e_dir) -> Iterator[Path]:
    """Screenshots go here during the run and are copied to test-results/screenshots at the end
    (pytest-playwright empties test-results when each xdist worker starts); with E2E_UPDATE_DOCS=1
    also the README's pictures to docs/screenshots."""
    shots = e2e_dir / "artifacts" / "screenshots"
    shots.mkdir(parents=True)
    yield shots
    shutil.copytree(shots.parent, RESULTS, dirs_exist_ok=True)
    if os.environ.get("E2E_UPDATE_DOCS"):
        docs = ROOT / "docs" / "screenshots"
        docs.mkdir(parents=True, exist_ok=True)
        for name, file in DOCS_SCREENSHOTS.items():
            if (shots / f"{name}.png").exists():
                shutil.copyfile(shots / f"{name}.png", docs / file)


@pytest.fixture(scope="session")
def database_url(e2e_dir) -> str:
    return prepare_database(e2e_dir)


@pytest.fixture(scope="session")
def app(database_url, e2e_dir) -> Iterator[AppServer]:
    """The app with the normal settings; its `url` is the base URL."""
    server = start_server(database_url, e2e_dir / "streamlit.log")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def idle_app(database_url, e2e_dir) -> Iterator[AppServer]:
    """The same database, served with a 6-second idle logout."""
    server = start_server(database_url, e2e_dir / "streamlit-idle.log", idle_minutes=IDLE_MINUTES)
    yield server
    server.stop()


# --- the browser ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def e2e_playwright(chromium) -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def e2e_browser(e2e_playwright, chromium) -> Iterator[Browser]:
    browser = e2e_playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


def _page(browser: Browser, device: dict, request: pytest.FixtureRequest, artifacts: Path) -> Iterator[Page]:
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen", **device)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(RUN_WATCHER)
    # Nothing may leave the municipality's server (no CDN, no fonts, no tracking): such requests are
    # refused here and listed in page.other_hosts for test_privacy.py.
    other_hosts: list[str] = []

    def refuse(route) -> None:
        other_hosts.append(route.request.url)
        route.abort()

    context.route(ONLY_LOCAL, refuse)
    page = context.new_page()
    page.other_hosts = other_hosts
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    report = getattr(request.node, "e2e_report_call", None)
    if report is not None and report.failed:
        name = "FAILED-" + request.node.name.replace("/", "_")
        try:
            screenshot(page, name, artifacts)
        except Exception as exc:  # noqa: BLE001 - the test already failed; do not hide why
            print(f"(no failure screenshot: {exc})")
        for server in (request.getfixturevalue(n) for n in ("app", "idle_app") if n in request.fixturenames):
            print(f"--- {server.log_path.name} (last lines) ---\n{server.log_tail()}")
        if errors:
            print("--- JavaScript errors ---\n" + "\n".join(errors))
    context.close()


@pytest.fixture
def phone(e2e_browser, request, artifacts, app) -> Iterator[Page]:
    """A fresh phone-sized context (390×844, touch, Danish) on a blank page."""
    yield from _page(e2e_browser, PHONE, request, artifacts)


@pytest.fixture
def desktop(e2e_browser, request, artifacts, app) -> Iterator[Page]:
    """A fresh desktop-sized context (1280×800, Danish)."""
    yield from _page(e2e_browser, DESKTOP, request, artifacts)
