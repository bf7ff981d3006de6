"""`borgerbudget serve`: the web app in this very process (Streamlit's st.App on uvicorn), plus the data
commands of storage/cli.py.

In-process, so a `kill -9` of the server leaves nothing running behind it. Around Streamlit's own routes:
security headers on every response (no framing, a content security policy the app passes), a health route
that checks the database (``/healthz``), Streamlit's metrics closed outside demo mode, and the identity
provider's settings handed to st.login from the BORGERBUDGET_OIDC_* settings. Production refuses to start
on an unsafe state (storage/production.py).
"""
from __future__ import annotations

import argparse
import logging
import os
import secrets
import sys
from pathlib import Path

from storage import cli
from storage.config import Config, load_config

APP_SCRIPT = Path(__file__).resolve().parent / "streamlit_app.py"
METRICS_PATH = "/_stcore/metrics"
# Streamlit's own login cookies last 30 days; a staff login must not outlive the browser on a shared PC.
STREAMLIT_IDENTITY_COOKIES = (b"_streamlit_user", b"_streamlit_user_tokens")

# 'unsafe-inline' scripts: Streamlit runs the app's small st.html scripts (language attribute, cookies,
# idle countdown) as inline scripts, and loads a component's script (the read-aloud button) as a module from a
# blob: URL it made itself (only code already running in the page can make one); styles: Streamlit's CSS-in-JS. Nothing may come from another host,
# and no other site may frame the app (clickjacking).
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline' blob:; "
                           "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' blob:; "
                           "connect-src 'self'; worker-src 'self' blob:; frame-src 'self'; object-src 'none'; "
                           "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
)

log = logging.getLogger("borgerbudget")


def _session_only(cookie: bytes) -> bytes:
    """Drop Max-Age/Expires from a Set-Cookie value: the cookie ends with the browser session."""
    parts = [p for p in cookie.split(b";") if not p.strip().lower().startswith((b"max-age", b"expires"))]
    return b";".join(parts)


class SecurityHeaders:
    """Pure ASGI middleware: headers on every HTTP response, metrics closed, identity cookies per session."""

    def __init__(self, app, close_metrics: bool = True) -> None:
        self.app = app
        self.close_metrics = close_metrics

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.close_metrics and scope["path"].rstrip("/").endswith(METRICS_PATH):
            await send({"type": "http.response.start", "status": 404,
                        "headers": [(b"content-type", b"text/plain"), *SECURITY_HEADERS]})
            await send({"type": "http.response.body", "body": b"Not found"})
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, _session_only(v) if k.lower() == b"set-cookie"
                            and v.lstrip().startswith(STREAMLIT_IDENTITY_COOKIES) else v)
                           for k, v in message.get("headers", [])]
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def health(_request):
    """200 "ok" when this replica can reach the database; 503 otherwise (for nginx and the monitoring)."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import PlainTextResponse

    from storage.db import get_engine
    from storage.production import ping

    try:
        await run_in_threadpool(ping, get_engine())
    except Exception as exc:  # noqa: BLE001 - any database failure makes this replica unhealthy
        log.warning("health check: database unreachable: %s", type(exc).__name__)
        return PlainTextResponse("database unreachable", status_code=503)
    return PlainTextResponse("ok")


def auth_secrets(config: Config, cookie_secret: str) -> dict | None:
    """The [auth] section st.login reads, built from the settings (no secrets file to keep in sync)."""
    if config.staff_auth != "oidc":
        return None
    return {"auth": {"redirect_uri": config.oidc_redirect_uri, "cookie_secret": cookie_secret,
                     "client_id": config.oidc_client_id, "client_secret": config.oidc_client_secret,
                     "server_metadata_url": config.oidc_metadata_url,
                     # A shared office PC: the identity provider asks for the password again.
                     "client_kwargs": {"scope": "openid profile email", "prompt": "login"}}}


def build_app(config: Config, cookie_secret: str):
    import streamlit as st
    from starlette.middleware import Middleware
    from starlette.routing import Route

    return st.App(str(APP_SCRIPT), routes=[Route("/healthz", health)],
                  middleware=[Middleware(SecurityHeaders, close_metrics=not config.demo)],
                  secrets=auth_secrets(config, cookie_secret))


def _cmd_serve(args: argparse.Namespace) -> int:
    from storage import production
    from storage.db import get_engine

    config = load_config()
    refusals = production.problems(config, get_engine())
    if refusals:
        print("Borgerbudget will not start in production mode:", file=sys.stderr)
        for reason in refusals:
            print(f"  - {reason}", file=sys.stderr)
        print("(For a demo on a laptop: BORGERBUDGET_DEMO=1, as `make run` sets.)", file=sys.stderr)
        return 2
    # Demo mode may make up a secret; production has one, the same on every replica (checked above).
    cookie_secret = config.cookie_secret or secrets.token_urlsafe(32)
    os.environ["STREAMLIT_SERVER_COOKIE_SECRET"] = cookie_secret  # sensitive: Streamlit takes it only so
    app = build_app(config, cookie_secret)
    sys.argv = [str(APP_SCRIPT)]  # st.App.run finds .streamlit/config.toml beside its launcher: ours
    app.run(config={"server.port": args.port, "server.address": args.address})
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = cli.build_parser()
    serve = parser.subcommands.add_parser("serve", help="start the web app (refuses unsafe production states)")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: behind nginx on the same host)")
    serve.set_defaults(func=_cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, parser=build_parser())


if __name__ == "__main__":
    raise SystemExit(main())
