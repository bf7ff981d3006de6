"""The app served with real notification channels on this machine: the test's SMTP server receives e-mail and
its HTTP gateway receives SMS (tests/storage/notify_servers.py). Module-scoped fixtures for the journeys of
issue 16; import them into a test module to use them.

Each `notify --once` in those journeys passes `--skip-milestones`: the demo citizens have milestones due (their
own notifications are tested in tests/storage/test_milestone_notices.py), and a journey counts only its own."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import click, open_expander, tick
from tests.e2e.server import AppServer, base_env, prepare_database, run_cli, start_server
from tests.storage.notify_servers import Gateway, SmsGatewayServer, SmtpServer

APP_URL = "https://borgerbudget.kommune.test"


@pytest.fixture(scope="module")
def channels() -> Iterator[tuple[SmtpServer, SmsGatewayServer]]:
    with SmtpServer() as smtp, SmsGatewayServer(Gateway()) as gateway:
        yield smtp, gateway


@pytest.fixture(scope="module")
def notifying_app(tmp_path_factory, channels, chromium) -> Iterator[tuple[AppServer, dict[str, str]]]:
    """A server whose settings name both channels; Sara (the demo support person) has an e-mail address."""
    smtp, gateway = channels
    directory = tmp_path_factory.mktemp("e2e-notify")
    url = prepare_database(directory)
    settings = {"BORGERBUDGET_SMTP_HOST": "127.0.0.1", "BORGERBUDGET_SMTP_PORT": str(smtp.port),
                "BORGERBUDGET_SMTP_SECURITY": "none", "BORGERBUDGET_SMTP_FROM": "Borgerbudget <no-reply@kommune.test>",
                "BORGERBUDGET_SMS_GATEWAY_URL": gateway.url, "BORGERBUDGET_SMS_API_KEY": "test-key",
                "BORGERBUDGET_SMS_QUIET_HOURS": "", "BORGERBUDGET_APP_URL": APP_URL}
    env = {**base_env(url), **settings}
    run_cli(env, "set-staff", "--username", "sara", "--email", "sara@kommune.test")
    server = start_server(url, directory / "streamlit.log", env_extra=settings)
    yield server, env
    server.stop()


def turn_sms_on(citizen: Page, mobile: str) -> None:
    """On the start page: open 'Besked på SMS', type the number, tick yes and turn SMS on; checks it took."""
    open_expander(citizen, "Besked på SMS")
    citizen.get_by_label("Mobilnummer", exact=True).fill(mobile)
    tick(citizen, "Ja tak, send mig en SMS, når der er nyt.")  # a lost tick failed CI once
    click(citizen, "Slå SMS til")
    expect(citizen.get_by_text("SMS er slået til.", exact=True)).to_be_visible()
