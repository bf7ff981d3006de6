"""A tiny OpenAI-compatible chat server for tests: POST /v1/chat/completions answers in OpenAI's JSON shape.

Started in a thread on a free local port; it records each request (path, Authorization header, body) and
answers with the next of its `replies` (the last one repeats). `delay` seconds of silence first (timeouts);
`status` other than 200 answers with an OpenAI-style error.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class FakeOpenAI:
    replies: list[str] = field(default_factory=lambda: ["Hvad er godt for dig lige nu?"])
    delay: float = 0.0
    status: int = 200
    requests: list[dict] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def next_reply(self) -> str:
        n = sum(1 for r in self.requests if r["path"].endswith("/chat/completions"))
        return self.replies[min(n - 1, len(self.replies) - 1)]

    def start(self) -> FakeOpenAI:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fake.requests.append({"path": self.path, "authorization": self.headers.get("Authorization"),
                                      "body": json.loads(body or b"{}")})
                if fake.delay:
                    time.sleep(fake.delay)
                if not self.path.endswith("/chat/completions"):
                    return self._send(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
                if fake.status != 200:
                    return self._send(fake.status, {"error": {"message": "server trouble", "type": "server_error"}})
                model = fake.requests[-1]["body"].get("model", "tiny")
                self._send(200, {
                    "id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()), "model": model,
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": fake.next_reply()}}],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 8, "total_tokens": 18},
                })

            def _send(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    @property
    def chat_requests(self) -> list[dict]:
        return [r for r in self.requests if r["path"].endswith("/chat/completions")]
