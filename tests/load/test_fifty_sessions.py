"""Fifty citizens log in and answer the course at the same moment, through the real app, on SQLite and
on PostgreSQL: a workshop where everyone answers at once (issue 20).

The app runs as a real `streamlit run` server; each citizen is a session speaking Streamlit's own
websocket protocol (tests/load/client.py), as a browser tab does. Not a timing test: it asserts that
every session logged in and answered without an error box, that every answer is stored exactly once
(the answer row and the words in the chat history), that the wishes said in the course are each in
the plan once, and that the ledger still matches its events. `make bench` reports the timings.
"""
from __future__ import annotations

import asyncio
import uuid
from collections import Counter

import pytest
from sqlalchemy import func, select, text

from storage import citizens, ledger, programmes
from storage.auth import staff_actor
from storage.db import make_engine, write_session
from storage.migrate import upgrade
from storage.models import ChatTurn, Citizen, CitizenCredential, CourseAnswer, StaffRole, WishItem
from storage.security import hash_secret
from tests.conftest import POSTGRES_URL
from tests.e2e.server import start_server
from tests.load.client import StreamlitSession, chat_value, text_value, trigger

SESSIONS = 50
TURNS = 4            # the three welcome steps (buttons), then a typed answer
PIN = "2580"
ERROR_BOX = "Beklager, der skete en fejl"
ANSWERS = ("Jeg har en god nabo, og jeg går ture.", "Jeg keder mig om dagen, og det er svært.")

pytestmark = [pytest.mark.load, pytest.mark.xdist_group("load")]


def _programme_with_citizens(url: str) -> list[tuple[int, str]]:
    """A programme with SESSIONS citizens who have chosen their PIN: [(citizen id, access code)]."""
    engine = make_engine(url)
    upgrade(engine)
    with write_session(engine) as s:
        programme = programmes.create_programme(s, name="Værksted", default_budget_ore=5_000_000)
        user = programmes.create_staff(s, programme_id=programme.id, username="load", display_name="Støtte",
                                       role=StaffRole.SUPPORT, password="kaffe-tagrende-stjerne-pindsvin")
        support = staff_actor(user)
        made = [citizens.create_citizen(s, actor=support, display_name=f"Deltager {n}") for n in range(SESSIONS)]
        pin_hash = hash_secret(PIN)
        for new in made:
            s.get(CitizenCredential, new.citizen_id).pin_hash = pin_hash
    engine.dispose()
    return [(new.citizen_id, new.access_code) for new in made]


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'load.db'}"
        return
    schema = f"bb_load_{uuid.uuid4().hex[:10]}"
    admin = make_engine(POSTGRES_URL)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001 - same rule as tests/conftest.py: CI never skips PostgreSQL
        import os
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but not reachable: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}")
    yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


class Citizen_:
    """One phone: logs in, opens the course, answers TURNS steps; remembers what it said and saw."""

    def __init__(self, url: str, code: str) -> None:
        self.tab = StreamlitSession(url)
        self.code = code
        self.said: list[tuple[str, str]] = []   # (step id, words) for every answer given
        self.errors: list[str] = []

    def _look(self, page) -> None:
        self.errors += [a for a in page.alerts() if ERROR_BOX in a] + page.exceptions()

    async def run(self, start: asyncio.Event) -> None:
        page = await self.tab.open()
        field = next(t for t in page.widgets("text_input") if t.form_id == "citizen_code")
        await start.wait()  # everyone presses 'Videre' at the same moment
        page = await self.tab.run(text_value(field.id, self.code), trigger(page.button(label="Videre").id))
        pin = next(t for t in page.widgets("text_input") if t.form_id == "citizen_pin")
        submit = next(b for b in page.widgets("button") if b.form_id == "citizen_pin" and b.is_form_submitter)
        page = await self.tab.run(text_value(pin.id, PIN), trigger(submit.id))
        self._look(page)
        page = await self.tab.run(page="samtale")
        for turn in range(TURNS):
            page = await self._answer(page, turn)
            self._look(page)
        await self.tab.close()

    async def _answer(self, page, turn: int):
        chats = [(k, w) for k, w in page.by_key(r"in_\w+_chat") if not w.disabled]
        if chats:
            widget = chats[0][1]
            words = ANSWERS[len([1 for _s, w in self.said if w in ANSWERS]) % len(ANSWERS)]
            self.said.append((widget.id.rsplit("-", 1)[1][3:-5], words))  # '...-in_<step>_chat'
            return await self.tab.run(chat_value(widget.id, words))
        options = page.by_key(r"in_\w+_0")
        assert options, f"turn {turn}: no way to answer on this page: {page.texts()[:8]}"
        button = options[0][1]
        self.said.append((button.id.rsplit("-", 1)[1][3:-2], button.label))  # '...-in_<step>_0'
        return await self.tab.run(trigger(button.id))


async def _everyone(url: str, codes: list[str]) -> list[Citizen_]:
    start = asyncio.Event()
    people = [Citizen_(url, code) for code in codes]
    tasks = [asyncio.create_task(p.run(start)) for p in people]
    await asyncio.sleep(0.5)
    start.set()
    await asyncio.gather(*tasks)
    return people


def test_fifty_citizens_answer_at_once_and_every_answer_is_stored_exactly_once(database_url, tmp_path):
    made = _programme_with_citizens(database_url)
    server = start_server(database_url, tmp_path / "server.log")
    try:
        people = asyncio.run(_everyone(server.url, [code for _cid, code in made]))
        log = server.log_tail(10_000)
    finally:
        server.stop()
    assert [p.errors for p in people if p.errors] == []
    assert "Traceback" not in log and "database is locked" not in log
    engine = make_engine(database_url)
    try:
        with write_session(engine) as s:
            for (cid, _code), person in zip(made, people):
                assert len(person.said) == TURNS
                stored = {r.step_id: r for r in s.scalars(select(CourseAnswer).where(CourseAnswer.citizen_id == cid))}
                assert set(stored) == {step for step, _w in person.said}
                turns = Counter((t.step_id, t.text) for t in s.scalars(
                    select(ChatTurn).where(ChatTurn.citizen_id == cid, ChatTurn.speaker == "citizen")))
                assert turns == Counter(person.said)  # each answer's words once, none lost, none twice
                assert s.scalar(select(func.count()).select_from(WishItem).where(WishItem.citizen_id == cid)) == 0
                assert ledger.committed_matches_events(s, cid)
            assert s.scalar(select(func.count()).select_from(Citizen)) == SESSIONS
    finally:
        engine.dispose()
