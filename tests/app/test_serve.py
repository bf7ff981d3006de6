"""`borgerbudget serve`: refuses unsafe production states, listens on 127.0.0.1 by default, and wraps
Streamlit in security headers, a database health route and closed metrics."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

from citizen_app import serve

ROOT = Path(__file__).resolve().parents[2]


def _serve(env_extra: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BORGERBUDGET_", "STREAMLIT_"))}
    env.update({"BORGERBUDGET_FAST_HASHES": "1", **env_extra})
    return subprocess.run([sys.executable, "-m", "citizen_app.serve", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_production_refuses_demo_logins_and_a_missing_cookie_secret(tmp_path):
    db = {"DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"}
    assert _serve(db, "migrate").returncode == 0
    assert _serve(db, "demo-data").returncode == 0
    refused = _serve(db, "serve", "--port", "1")
    assert refused.returncode == 2
    assert "BORGERBUDGET_COOKIE_SECRET is not set" in refused.stderr
    assert "Demo logins work in this database" in refused.stderr and "karin" in refused.stderr


def test_production_refuses_an_unmigrated_database(tmp_path):
    refused = _serve({"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.db'}", "BORGERBUDGET_COOKIE_SECRET": "s" * 40},
                     "serve", "--port", "1")
    assert refused.returncode == 2
    assert "The database is not migrated" in refused.stderr


def test_production_refuses_half_configured_single_sign_on(tmp_path):
    db = {"DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"}
    assert _serve(db, "migrate").returncode == 0
    refused = _serve({**db, "BORGERBUDGET_COOKIE_SECRET": "s" * 40, "BORGERBUDGET_STAFF_AUTH": "oidc",
                      "BORGERBUDGET_OIDC_CLIENT_ID": "x"}, "serve", "--port", "1")
    assert refused.returncode == 2 and "BORGERBUDGET_OIDC_METADATA_URL" in refused.stderr


def test_demo_data_is_refused_on_postgresql_unless_forced():
    done = _serve({"DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none"}, "demo-data")
    assert done.returncode == 2 and "Refusing to load the demo programme" in done.stderr


def test_serve_listens_on_localhost_unless_told_otherwise():
    assert serve.build_parser().parse_args(["serve"]).address == "127.0.0.1"


def _client(close_metrics: bool = True) -> TestClient:
    async def page(_request):
        response = PlainTextResponse("app")
        response.set_cookie("_streamlit_user", "signed", max_age=30 * 24 * 3600)
        response.set_cookie("other", "kept", max_age=60)
        return response

    async def metrics(_request):
        return Response("metrics")

    app = Starlette(routes=[Route("/", page), Route("/_stcore/metrics", metrics), Route("/healthz", serve.health)],
                    middleware=[Middleware(serve.SecurityHeaders, close_metrics=close_metrics)])
    return TestClient(app)


def test_every_response_forbids_framing_and_carries_the_content_security_policy():
    response = _client().get("/")
    assert response.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    cookies = response.headers.get_list("set-cookie")
    identity = next(c for c in cookies if c.startswith("_streamlit_user="))
    assert "max-age" not in identity.lower() and "expires" not in identity.lower()  # ends with the browser
    assert "Max-Age=60" in next(c for c in cookies if c.startswith("other="))


def test_metrics_are_closed_except_in_demo_mode():
    assert _client(close_metrics=True).get("/_stcore/metrics").status_code == 404
    assert _client(close_metrics=False).get("/_stcore/metrics").status_code == 200


def test_health_checks_the_database(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'h.db'}")
    assert _client().get("/healthz").text == "ok"
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert _client().get("/healthz").status_code == 503


def test_the_nginx_site_sends_the_same_policy_as_the_app():
    site = (ROOT / "deploy" / "nginx" / "borgerbudget.conf").read_text()
    assert f'add_header Content-Security-Policy "{serve.CONTENT_SECURITY_POLICY}" always;' in site
