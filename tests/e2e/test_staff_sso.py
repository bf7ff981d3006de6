"""Staff single sign-on for real: the app (BORGERBUDGET_STAFF_AUTH=oidc) against a real OpenID Connect
provider started here on 127.0.0.1 (the npm package oidc-provider on the machine's Node.js; `make test`
installs it from tests/e2e/oidc/package-lock.json), through Streamlit's st.login (Authlib) in Chromium.

Steps: the first login binds the staff user by e-mail and from then on by issuer + subject; the group claim
gives the role; 'Log ud' ends the app's session and the provider's; a person in no mapped group, and a
person the app does not know, are refused; Streamlit's login cookie lasts only as long as the browser.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from tests.e2e.helpers import act, expect_heading, open_app, wait_for_app
from tests.e2e.server import ROOT, AppServer, free_port

PROVIDER = ROOT / "tests" / "e2e" / "oidc"
CLIENT_ID, CLIENT_SECRET = "borgerbudget", "test-client-secret-not-for-production"
ACCOUNTS = {
    "anne": {"email": "anne@kommune.dk", "name": "Anne Andersen", "groups": ["bb-stoette"]},
    "bent": {"email": "bent@kommune.dk", "name": "Bent Berg", "groups": ["bb-kantine"]},   # no app role
    "cille": {"email": "cille@kommune.dk", "name": "Cille", "groups": ["bb-stoette"]},    # not a staff user
}
NO_ACCESS = "Du er logget ind, men har ikke adgang til Borgerbudget. Tal med din koordinator."


def _node() -> str:
    node = shutil.which("node")
    if node is None or not (PROVIDER / "node_modules" / "oidc-provider").is_dir():
        reason = "Node.js and tests/e2e/oidc/node_modules (`make test` runs npm ci there) are needed"
        if os.environ.get("CI"):
            pytest.fail(f"The single sign-on test must run in CI: {reason}", pytrace=False)
        pytest.skip(f"{reason} (with CI set this is a failure)")
    return node


def _wait(url: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)  # polling a server that is starting up
    raise RuntimeError(f"{url} did not answer in {seconds} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def sso_app(database_url, e2e_dir) -> Iterator[AppServer]:
    node = _node()
    app_port, idp_port = free_port(), free_port()
    issuer = f"http://127.0.0.1:{idp_port}"
    redirect = f"http://127.0.0.1:{app_port}/oauth2callback"
    idp_log = e2e_dir / "oidc-provider.log"
    idp = subprocess.Popen([node, str(PROVIDER / "provider.mjs")], cwd=PROVIDER, stdout=idp_log.open("w"),
                           stderr=subprocess.STDOUT,
                           env={**os.environ, "OIDC_PORT": str(idp_port), "OIDC_CLIENT_ID": CLIENT_ID,
                                "OIDC_CLIENT_SECRET": CLIENT_SECRET, "OIDC_REDIRECT_URI": redirect,
                                "OIDC_ACCOUNTS": json.dumps(ACCOUNTS)})
    _add_staff(database_url)
    server = None
    try:
        _wait(f"{issuer}/.well-known/openid-configuration", idp, idp_log)
        server = AppServer(database_url, e2e_dir / "streamlit-sso.log", port=app_port, env_extra={
            "BORGERBUDGET_STAFF_AUTH": "oidc",
            "BORGERBUDGET_OIDC_METADATA_URL": f"{issuer}/.well-known/openid-configuration",
            "BORGERBUDGET_OIDC_CLIENT_ID": CLIENT_ID, "BORGERBUDGET_OIDC_CLIENT_SECRET": CLIENT_SECRET,
            "BORGERBUDGET_OIDC_REDIRECT_URI": redirect, "BORGERBUDGET_OIDC_BIND_CLAIM": "email",
            "BORGERBUDGET_OIDC_ROLE_CLAIM": "groups",
            "BORGERBUDGET_OIDC_ROLE_MAP": "bb-stoette=support,bb-koordinator=coordinator"})
        server.wait_until_healthy()
        server.issuer = issuer
        yield server
    finally:
        if server is not None:
            server.stop()
        idp.terminate()
        idp.wait(timeout=10)


def _add_staff(database_url: str) -> None:
    """Anne and Bent as the coordinator would create them for single sign-on (no password)."""
    from storage import programmes
    from storage.db import engine_for, write_session
    from storage.models import StaffRole, StaffUser
    with write_session(engine_for(database_url)) as s:
        programme_id = s.scalar(select(StaffUser.programme_id).where(StaffUser.username == "karin"))
        for username, name in (("anne@kommune.dk", "Anne Andersen"), ("bent@kommune.dk", "Bent Berg")):
            programmes.create_staff(s, programme_id=programme_id, username=username, display_name=name,
                                    role=StaffRole.FINANCE, password=None)


def _staff_user(database_url: str, username: str):
    from storage.db import engine_for, read_session
    from storage.models import StaffUser
    with read_session(engine_for(database_url)) as s:
        return s.scalar(select(StaffUser).where(StaffUser.username == username))


def _sign_in_at_the_provider(page: Page, app: AppServer, login: str) -> None:
    """From the app's login page through the provider's own sign-in page and back."""
    page.get_by_role("tab", name="Medarbejder", exact=True).click()
    page.get_by_role("button", name="Log ind med kommunens login", exact=True).click()
    page.wait_for_url(f"{app.issuer}/**")
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("any password: the test provider accepts it")
    page.get_by_role("button", name="Sign-in").click()
    page.wait_for_url(f"{app.url}**")
    wait_for_app(page)


def test_staff_log_in_through_the_identity_provider_and_out_again(desktop, sso_app, database_url):
    open_app(desktop, sso_app.url)
    _sign_in_at_the_provider(desktop, sso_app, "anne")
    expect_heading(desktop, "Mine borgere")  # the group gave the support role (she was created as finance)
    anne = _staff_user(database_url, "anne@kommune.dk")
    assert (anne.oidc_issuer, anne.oidc_subject, anne.role) == (sso_app.issuer, "anne", "support")
    identity = [c for c in desktop.context.cookies() if c["name"].startswith("_streamlit_user")]
    assert identity and all(c["expires"] == -1 for c in identity)  # gone when the browser closes

    act(desktop, desktop.reload)  # the app's own session keeps her logged in
    expect_heading(desktop, "Mine borgere")

    desktop.get_by_role("button", name="Log ud", exact=True).click()
    desktop.wait_for_url(f"{sso_app.issuer}/**")  # the provider's session ends too
    desktop.get_by_role("button", name="Yes, sign me out").click()
    desktop.wait_for_url(f"{sso_app.url}**")
    wait_for_app(desktop)
    expect_heading(desktop, "Log ind")
    assert not [c for c in desktop.context.cookies() if c["name"] == "bb_session" and c["value"]]

    # The second time the binding is by subject; the provider asks for the password again (shared PCs).
    _sign_in_at_the_provider(desktop, sso_app, "anne")
    expect_heading(desktop, "Mine borgere")


@pytest.mark.parametrize("login", ["bent", "cille"])
def test_a_person_without_a_mapped_role_or_without_an_account_is_refused(desktop, sso_app, database_url, login):
    open_app(desktop, sso_app.url)
    _sign_in_at_the_provider(desktop, sso_app, login)
    expect(desktop.get_by_text(NO_ACCESS, exact=True)).to_be_visible()
    expect_heading(desktop, "Log ind")
    expect(desktop.get_by_role("button", name="Log ud", exact=True)).to_have_count(0)
    if login == "bent":
        assert _staff_user(database_url, "bent@kommune.dk").role == "finance"  # unchanged
