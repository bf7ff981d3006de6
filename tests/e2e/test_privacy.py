"""What a browser on a café computer shares: nothing with anyone but the municipality's server."""
from __future__ import annotations

from storage.demo import DEMO_PIN
from tests.e2e.helpers import expect_heading, go_to, login_citizen, open_app


def test_no_request_goes_to_any_other_host(phone, app):
    """No fonts, icons or scripts from Google or a CDN: each such request would tell a third party that
    this person uses a social-services app (GDPR; Datatilsynet has criticised embedded Google Fonts)."""
    open_app(phone, app.url)
    login_citizen(phone, "HAVE-DEMA-3333", DEMO_PIN)
    expect_heading(phone, "Hej Jonas")
    go_to(phone, "Hvem har set min plan")
    expect_heading(phone, "Hvem har set min plan")
    assert phone.other_hosts == [], f"requests to other hosts: {sorted(set(phone.other_hosts))}"
