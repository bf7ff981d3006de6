"""A headless Streamlit client: Streamlit's own websocket protocol (protobuf over /_stcore/stream).

It does what the browser's frontend does, and no more: it asks for a script run with the widget
values a person set (a BackMsg ``rerun_script``), collects the page the server draws (ForwardMsg
deltas) until the run is over, and repeats the fragment reruns the server asks for (``auto_rerun``).
Used by the load test (tests/load) and by `make bench`; no pytest in here.
"""
from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Common_pb2 import ChatInputValue
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR}
RUN_TIMEOUT_SECONDS = 300.0  # generous: a busy machine is slow, not wrong


class RunTimeout(RuntimeError):
    """The server did not finish a script run in time."""


@dataclass
class Page:
    """What the last finished script run drew: elements in drawing order."""

    elements: list[Element] = field(default_factory=list)

    def widgets(self, kind: str) -> list:
        return [getattr(e, kind) for e in self.elements if e.WhichOneof("type") == kind]

    def texts(self) -> list[str]:
        out: list[str] = []
        for e in self.elements:
            kind = e.WhichOneof("type")
            if kind == "text":
                out.append(e.text.body)
            elif kind in ("markdown", "heading"):
                out.append(getattr(e, kind).body)
            elif kind == "alert":
                out.append(e.alert.body)
        return out

    def alerts(self, fmt: str = "ERROR") -> list[str]:
        wanted = getattr(__import__("streamlit.proto.Alert_pb2", fromlist=["Alert"]).Alert, fmt)
        return [e.alert.body for e in self.elements if e.WhichOneof("type") == "alert" and e.alert.format == wanted]

    def exceptions(self) -> list[str]:
        return [e.exception.message for e in self.elements if e.WhichOneof("type") == "exception"]

    def button(self, *, label: str | None = None, key: str | None = None):
        """A button by its label or by (the end of) its widget key; None when there is none."""
        for b in self.widgets("button"):
            if (label is not None and b.label == label) or (key is not None and _key_of(b.id) == key):
                return b
        return None

    def by_key(self, pattern: str) -> list[tuple[str, object]]:
        """(kind, widget) for every widget whose key matches ``pattern`` (a regular expression)."""
        rx = re.compile(pattern)
        found = []
        for e in self.elements:
            kind = e.WhichOneof("type")
            widget = getattr(e, kind, None)
            wid = getattr(widget, "id", "")
            if isinstance(wid, str) and wid and rx.fullmatch(_key_of(wid) or ""):
                found.append((kind, widget))
        return found


def _key_of(widget_id: str) -> str | None:
    """The user key in a widget id ('$$ID-<hash>-<key>'), or None for a widget without one."""
    parts = widget_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[2] != "None" else None


def trigger(widget_id: str) -> WidgetState:
    return WidgetState(id=widget_id, trigger_value=True)


def text_value(widget_id: str, value: str) -> WidgetState:
    return WidgetState(id=widget_id, string_value=value)


def chat_value(widget_id: str, value: str) -> WidgetState:
    return WidgetState(id=widget_id, chat_input_value=ChatInputValue(data=value))


class StreamlitSession:
    """One browser tab. ``await s.open()``, then ``await s.run(...)`` for each action."""

    def __init__(self, base_url: str) -> None:
        self.url = base_url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self.page = Page()
        self.pages: dict[str, str] = {}          # url path -> page script hash (from st.navigation)
        self.page_hash = ""
        self.runs = 0
        self.deltas = 0      # elements and blocks the server sent (each a message of its own), all runs
        self.bytes_in = 0    # what the server sent, in bytes
        self._ws = None
        self._reader: asyncio.Task | None = None
        self._finished: asyncio.Queue[int] = asyncio.Queue()
        self._elements: dict[tuple[int, ...], Element] = {}
        self._auto: dict[str, asyncio.Task] = {}
        self.auto_reruns = 0

    async def open(self) -> Page:
        self._ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None,
                                            open_timeout=60, ping_interval=None)
        self._reader = asyncio.create_task(self._read())
        return await self.run()

    async def close(self) -> None:
        for task in self._auto.values():
            task.cancel()
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()

    async def run(self, *states: WidgetState, page: str | None = None, fragment_id: str = "",
                  auto: bool = False) -> Page:
        """Ask for a script run (as a click, a typed answer or a page change does) and wait until the
        server is done: every run it chains with st.rerun included. Returns the page drawn."""
        if page is not None:
            self.page_hash = self.pages[page]
        msg = BackMsg()
        rerun = msg.rerun_script
        rerun.query_string = ""
        rerun.page_script_hash = self.page_hash
        rerun.fragment_id = fragment_id
        rerun.is_auto_rerun = auto
        rerun.widget_states.widgets.extend(states)
        rerun.context_info.timezone = "Europe/Copenhagen"
        rerun.context_info.locale = "da-DK"
        while not self._finished.empty():
            self._finished.get_nowait()
        await self._ws.send(msg.SerializeToString())
        try:
            await asyncio.wait_for(self._finished.get(), RUN_TIMEOUT_SECONDS)
        except TimeoutError as exc:
            raise RunTimeout(f"no finished run within {RUN_TIMEOUT_SECONDS} s") from exc
        return self.page

    async def _read(self) -> None:
        async for raw in self._ws:
            self.bytes_in += len(raw)
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self._elements = {}
                if msg.new_session.page_script_hash:
                    self.page_hash = msg.new_session.page_script_hash
            elif kind == "delta":
                self.deltas += 1
                path = tuple(msg.metadata.delta_path)
                if msg.delta.WhichOneof("type") == "new_element":
                    self._elements[path] = msg.delta.new_element
            elif kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
                self.page_hash = msg.navigation.page_script_hash or self.page_hash
            elif kind == "auto_rerun":
                self._schedule(msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
            elif kind == "script_finished":
                self.runs += 1
                if msg.script_finished in DONE:
                    self.page = Page([self._elements[p] for p in sorted(self._elements)])
                    self._finished.put_nowait(msg.script_finished)

    def _schedule(self, fragment_id: str, interval: float) -> None:
        """The browser reruns a fragment with run_every itself, on a timer: so does this client."""
        if fragment_id in self._auto:
            return

        async def tick() -> None:
            while True:
                await asyncio.sleep(interval)
                msg = BackMsg()
                msg.rerun_script.page_script_hash = self.page_hash
                msg.rerun_script.fragment_id = fragment_id
                msg.rerun_script.is_auto_rerun = True
                self.auto_reruns += 1
                await self._ws.send(msg.SerializeToString())

        self._auto[fragment_id] = asyncio.create_task(tick())


async def timed(coro) -> tuple[float, Page]:
    start = time.perf_counter()
    page = await coro
    return time.perf_counter() - start, page
