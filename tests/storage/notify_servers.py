"""Real servers on 127.0.0.1 for the notification tests: an SMTP server (aiosmtpd) that keeps every mail it
receives, and an HTTP SMS gateway that honours Idempotency-Key and can be told to fail (500, 429, a timeout)."""
from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Inbox:
    def __init__(self) -> None:
        self.mails: list[tuple[list[str], Message]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        with self.lock:
            self.mails.append((list(envelope.rcpt_tos), message_from_bytes(envelope.original_content)))
        return "250 OK"


class SmtpServer:
    """aiosmtpd on a free local port; ``mails`` holds (recipients, parsed message) in arrival order."""

    def __init__(self) -> None:
        self.inbox = _Inbox()
        self.port = free_port()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    @property
    def mails(self) -> list[tuple[list[str], Message]]:
        with self.inbox.lock:
            return list(self.inbox.mails)

    def __enter__(self) -> "SmtpServer":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()


@dataclass
class Gateway:
    """The SMS provider as the test plays it. ``script``: what the next requests get, in order ('ok', 500,
    429, 'timeout'); when empty, 'ok'. ``accepted``: one entry per SMS actually sent to a phone (a repeated
    Idempotency-Key is answered 200 and not sent again). ``requests``: every request, including failures."""

    script: list = field(default_factory=list)
    accepted: list[dict] = field(default_factory=list)
    requests: list[dict] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    hang_seconds: float = 2.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self, handler: BaseHTTPRequestHandler) -> None:
        body = json.loads(handler.rfile.read(int(handler.headers["Content-Length"])))
        entry = {**body, "key": handler.headers.get("Idempotency-Key"), "auth": handler.headers.get("Authorization"),
                 "at": time.monotonic()}
        with self.lock:
            self.requests.append(entry)
            step = self.script.pop(0) if self.script else "ok"
            if step == "ok" and entry["key"] not in self.keys:
                self.keys.add(entry["key"])
                self.accepted.append(entry)
        if step == "timeout":
            time.sleep(self.hang_seconds)
            step = 504
        if step == "ok":
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.end_headers()
            handler.wfile.write(b'{"status": "queued"}')
            return
        handler.send_response(step)
        if step == 429:
            handler.send_header("Retry-After", "1")
        handler.end_headers()


class SmsGatewayServer:
    def __init__(self, gateway: Gateway) -> None:
        gateway_ = gateway

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's hook name
                try:
                    gateway_.handle(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout case)

            def log_message(self, *args):
                pass

        self.gateway = gateway
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sms"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "SmsGatewayServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
