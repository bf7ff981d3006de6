"""The reflection course's storage: every answer is saved before the guide says anything more.

The pure engine in dialogs/ decides routing and validates answers; this
module saves answers and chat turns, keeps the citizen's place (so another
device or a server restart continues at the same step), and turns goal,
sub-goal and wish answers into draft plan entries the citizen owns.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs import engine, extract, facts, limits, replies, turns, yes_no
from dialogs.amounts import AmountError, ore_to_input, parse_amount
from dialogs.answers import MSG_WISH_TITLE
from dialogs.engine import SKIPPED, Course, is_skipped
from dialogs.rules import RuleError
from dialogs.text import MSG_EMPTY, clean_text
from storage import audit, plan
from storage.access import Action, Actor, Resource, authorize
from storage.errors import N_, DomainError, NotFound
from storage.models import (
    ChatTurn,
    CourseAnswer,
    CourseProgress,
    Goal,
    WishItem,
    utcnow,
)
from storage.statuses import EDITABLE

SKIP_TEXT = N_("Det vil jeg ikke svare på nu.")
# Chat turns about a step that are not its answer ("ved ikke", a question, the guide's reply to them) are kept
# under "~<step id>", so a reload shows them where they were said and they never count as the step's words.
ASIDE = "~"
MSG_KNOWN = N_("Tak. Så ved jeg lidt om, hvor du bor. Det spørger jeg ikke om igen.")


@dataclass(frozen=True)
class Turn:
    step_id: str | None
    speaker: str
    text: str
    at: datetime


@dataclass(frozen=True)
class PendingWish:
    """A wish read from free text, waiting for the citizen's "Ja" (read back before it is stored)."""

    step_id: str
    words: str                  # what the citizen wrote
    reading: extract.WishDraft  # title, price (or the question about it), the parts and split or not


@dataclass(frozen=True)
class CourseState:
    position: engine.Position       # the step to show and the route, as the engine works them out
    answers: dict[str, object]
    shared: dict[str, bool]
    form_mode: bool
    last_words: dict[str, str]      # step id -> what the citizen last wrote or chose, as typed
    asides: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # step id -> (speaker, text) said about it besides the
    # answer: the citizen's words as typed, the guide's lines as msgids (dialogs/turns.py replies)
    pending: PendingWish | None = None  # a wish read from the citizen's words, to read back (current step only)

    @property
    def current_step_id(self) -> str | None:
        """None: the course is finished."""
        return self.position.step_id

    @property
    def path(self) -> tuple[str, ...]:
        return self.position.path

    @property
    def finished(self) -> bool:
        return self.position.finished

    def step_number(self) -> int:
        """1-based position of the current step on the route (for 'spørgsmål 4 af 30')."""
        return self.position.number


def _course() -> Course:
    return engine.load_course()


def _progress(session: Session, citizen_id: int) -> CourseProgress:
    progress = session.get(CourseProgress, citizen_id)
    if progress is None:
        progress = CourseProgress(citizen_id=citizen_id, current_step_id=_course().first_step_id)
        session.add(progress)
        session.flush()
    return progress


def _answer_rows(session: Session, citizen_id: int) -> dict[str, CourseAnswer]:
    """The citizen's answer rows by step; steps removed from a newer course are left out."""
    course = _course()
    return {r.step_id: r for r in session.scalars(select(CourseAnswer).where(CourseAnswer.citizen_id == citizen_id))
            if r.step_id in course.steps}


def _state(session: Session, citizen_id: int, rows: dict[str, CourseAnswer] | None = None) -> CourseState:
    """The citizen's state from one read of each table (pass `rows` when they are loaded already). Reads
    only, so a page load takes no write lock: a citizen who has not begun is at the first step."""
    progress = session.get(CourseProgress, citizen_id)
    current = progress.current_step_id if progress is not None else _course().first_step_id
    rows = _answer_rows(session, citizen_id) if rows is None else rows
    answers = {step_id: (SKIPPED if r.skipped else r.value) for step_id, r in rows.items()}
    last_words: dict[str, str] = {}
    asides: dict[str, list[tuple[str, str]]] = {}
    for step_id, speaker, text in session.execute(select(ChatTurn.step_id, ChatTurn.speaker, ChatTurn.text).where(
            ChatTurn.citizen_id == citizen_id).order_by(ChatTurn.id)):
        if not step_id:
            continue
        if step_id.startswith(ASIDE):
            asides.setdefault(step_id[len(ASIDE):], []).append((speaker, text))
        elif speaker == "citizen":
            last_words[step_id] = text
    position = engine.resume(_course(), answers, current)
    waiting = progress.pending_wish if progress is not None else None
    pending = None
    if isinstance(waiting, dict) and waiting.get("step_id") == position.step_id:
        pending = PendingWish(waiting["step_id"], waiting.get("words", ""),
                              extract.reading_from_json(waiting["reading"]))
    return CourseState(position, answers,
                       {step_id: r.shared for step_id, r in rows.items()}, progress is not None and progress.form_mode,
                       last_words, asides, pending)


def load_state(session: Session, *, actor: Actor, citizen_id: int) -> CourseState:
    authorize(session, actor, citizen_id, Resource.COURSE, Action.WRITE)
    return _state(session, citizen_id)


def _save_and_advance(session: Session, actor: Actor, citizen_id: int, step_id: str, value: object, words: str
                      ) -> CourseState:
    """Store the answer (SKIPPED for a skip) and the citizen's words, update the plan draft it feeds, and move
    to the next step without an answer. The answers are read once."""
    rows = _answer_rows(session, citizen_id)
    row = rows.get(step_id)
    if row is None:
        row = rows[step_id] = CourseAnswer(citizen_id=citizen_id, step_id=step_id,
                                           shared=_course().step(step_id).share_default)
        session.add(row)
    skipped = is_skipped(value)
    row.value, row.skipped, row.answered_at = (None if skipped else value), skipped, utcnow()
    session.add(ChatTurn(citizen_id=citizen_id, speaker="citizen", step_id=step_id, text=words[:5000]))
    session.flush()
    _apply_to_plan(session, actor, step_id, value)
    answers = {sid: (SKIPPED if r.skipped else r.value) for sid, r in rows.items()}
    _remember_what_was_said(session, citizen_id, step_id, rows, answers)
    progress = _progress(session, citizen_id)
    progress.pending_wish = None
    progress.current_step_id = engine.next_open_step_id(_course(), step_id, answers)
    if progress.current_step_id is None and progress.completed_at is None:
        progress.completed_at = utcnow()
    return _state(session, citizen_id, rows)


def _remember_what_was_said(session: Session, citizen_id: int, step_id: str, rows: dict[str, CourseAnswer],
                            answers: dict[str, object]) -> None:
    """A fact the citizen gave in passing (dialogs/facts.py) answers its later steps, so they are not asked.
    The citizen can change them like any answer ("Ret svaret")."""
    course = _course()
    known = [k for k in facts.prefill(answers, steps=course.steps) if k.from_step == step_id]
    for k in known:
        row = rows[k.step_id] = CourseAnswer(citizen_id=citizen_id, step_id=k.step_id, value=k.value, skipped=False,
                                             shared=course.step(k.step_id).share_default, answered_at=utcnow())
        session.add(row)
        answers[k.step_id] = k.value
        if course.step(k.step_id).kind == "text":
            session.add(ChatTurn(citizen_id=citizen_id, speaker="citizen", step_id=k.step_id, text=k.words[:5000]))
    if known:
        session.add(ChatTurn(citizen_id=citizen_id, speaker="guide", step_id=ASIDE + known[0].step_id, text=MSG_KNOWN))
    session.flush()


def answer(session: Session, *, actor: Actor, step_id: str, raw: object, words: str | None = None,
           categories: Collection[str] | None = None) -> CourseState:
    """Validate and save one answer, update the draft plan it feeds, and move on.

    ``words`` is what the citizen typed or the label they chose, kept for the chat history.
    A refusal (DomainError) leaves everything as it was.
    """
    citizen = plan.open_plan(session, actor, actor.id)
    course = _course()
    if step_id not in course.steps:
        raise NotFound()
    step = course.step(step_id)
    if step.kind == "wish" and isinstance(raw, str):
        return _read_wish(session, actor, citizen.id, step, raw)
    kwargs = {"categories": categories} if categories is not None else {}
    result = engine.validate_answer(step, raw, **kwargs)
    if not result.ok:
        raise DomainError(result.error_msgid or N_("Prøv at svare på en anden måde."), **dict(result.error_params))
    return _save_and_advance(session, actor, citizen.id, step_id, result.value,
                             words if words is not None else str(raw))


@dataclass(frozen=True)
class Heard:
    """What the guide heard in a turn and said back (dialogs.replies.Reply), and the state after it."""

    state: CourseState
    reply: replies.Reply


def _aside(session: Session, citizen_id: int, step_id: str, reply: replies.Reply, words: str | None) -> None:
    if words is not None:
        session.add(ChatTurn(citizen_id=citizen_id, speaker="citizen", step_id=ASIDE + step_id, text=words[:5000]))
    for line in (*reply.lines, *reply.examples):
        session.add(ChatTurn(citizen_id=citizen_id, speaker="guide", step_id=ASIDE + step_id, text=line))
    session.flush()


def take_turn(session: Session, *, actor: Actor, step_id: str, raw: object, words: str,
              categories: Collection[str] | None = None) -> Heard:
    """A free-text turn, heard first (dialogs.turns): an answer is saved as `answer` saves it; "ved ikke",
    "hvad mener du?", "tilbage", "pause", a question for the support person or a correction get the guide's
    reply, kept with the turn as chat turns. "Ved ikke" is never stored as an answer. A question for the
    support person is passed on by the caller (the page's `pass_question_on`) when `reply.then` is ASK or
    ANSWER_AND_ASK (a step that asks for a question, e.g. welcome_question: saved as the answer too)."""
    citizen = plan.open_plan(session, actor, actor.id)
    course = _course()
    if step_id not in course.steps:
        raise NotFound()
    step = course.step(step_id)
    rows = _answer_rows(session, citizen.id)
    before = _state(session, citizen.id, rows)
    previous_id = engine.previous_step_id(course, step_id, before.answers)
    previous = course.step(previous_id) if previous_id else None
    typed_on_buttons = step.kind not in turns.FREE_TEXT_KINDS and isinstance(raw, str) \
        and not engine.validate_answer(step, raw).ok  # "nej, det er 3000" typed on a yes/no step
    reading_back = step.kind == "wish" and before.pending is not None  # "nej, det er 3000" fixes the wish read back
    turn = turns.hear(words, step, previous=previous) if (step.kind in turns.FREE_TEXT_KINDS or typed_on_buttons) \
        and not reading_back else turns.Turn(turns.TurnKind.ANSWER, words)
    examples_given = (("guide", replies.MSG_EXAMPLES) in before.asides.get(step_id, []))
    reply = replies.reply_to(turn, step, has_previous=previous is not None, said_dont_know_before=examples_given)
    then = reply.then
    if typed_on_buttons and then is replies.Then.ANSWER and step.kind == "yesno" \
            and (said := turns.yes_or_no(words)) is not None:
        raw = said  # "nej tak" on "Er der mere?"
    if then in (replies.Then.ANSWER, replies.Then.HELP, replies.Then.ANSWER_AND_ASK):
        state = answer(session, actor=actor, step_id=step_id, raw=raw, words=words, categories=categories)
        if reply.lines:  # "Godt spørgsmål. Jeg sender det til din støtteperson."
            _aside(session, citizen.id, step_id, reply, None)
            state = _state(session, citizen.id)
        return Heard(state, reply)
    if then is replies.Then.CORRECT:
        corrected = _correct(session, actor, citizen.id, previous, turn.body, rows, categories)
        if not corrected:
            reply = replies.Reply(turn, replies.Then.STAY, (replies.MSG_NOT_CORRECTED,))
    # "tilbage" is kept with the step it goes back to, so it shows where the conversation goes on
    _aside(session, citizen.id, previous_id if then is replies.Then.BACK and previous_id else step_id, reply, words)
    if then is replies.Then.SKIP:
        return Heard(_save_and_advance(session, actor, citizen.id, step_id, SKIPPED, SKIP_TEXT), reply)
    if then is replies.Then.BACK:
        return Heard(go_back(session, actor=actor), reply)
    return Heard(_state(session, citizen.id), reply)


def _correct(session: Session, actor: Actor, citizen_id: int, previous, body: str, rows: dict[str, CourseAnswer],
             categories: Collection[str] | None) -> bool:
    """Answer the previous step again with the corrected words, checked as that step checks them; a wish keeps
    its name when only a price is given, and its price when only a name is. The current step stays."""
    if previous is None or not body:
        return False
    old = rows.get(previous.id)
    old_value = old.value if old is not None and not old.skipped else None
    raw: object = body
    if previous.kind == "wish" and isinstance(old_value, dict):
        raw = _corrected_wish(body, old_value)
    elif previous.kind in ("goal", "subgoal"):
        raw = {"text": body, **({"category": old_value.get("category")} if isinstance(old_value, dict)
                                 and old_value.get("category") else {})}
    kwargs = {"categories": categories} if categories is not None else {}
    result = engine.validate_answer(previous, raw, **kwargs)
    if not result.ok:
        return False
    row = old or CourseAnswer(citizen_id=citizen_id, step_id=previous.id, shared=previous.share_default)
    if old is None:
        rows[previous.id] = row
        session.add(row)
    row.value, row.skipped, row.answered_at = result.value, False, utcnow()
    session.add(ChatTurn(citizen_id=citizen_id, speaker="citizen", step_id=previous.id,
                         text=(raw if isinstance(raw, str) else body)[:5000]))
    session.flush()
    _apply_to_plan(session, actor, previous.id, result.value)
    return True


def _corrected_wish(body: str, old: dict) -> str:
    """The wish's words with the correction: a bare price keeps the name, a bare name keeps the price. An
    unclear price is left for the step's own check to ask back (dialogs/amounts.py)."""
    ore, question = extract.price_only(body)
    if ore is not None:
        return f"{old.get('title', '')} {ore_to_input(ore)} kr."
    if question is not None:
        return body
    try:
        found = extract.extract_wish(body)
    except RuleError:
        return body
    if found is not None and found.price_ore is None and found.question is None and old.get("price_ore"):
        return f"{body} {ore_to_input(old['price_ore'])} kr."
    return body


# --- a wish is read back before it is stored ---------------------------------------------------------------

MSG_NOT_WAITING = N_("Der er ikke noget ønske at se på. Skriv dit ønske igen.")
MSG_WHAT_TO_FIX = N_("Hvad skal jeg rette? Tryk på Ret prisen eller Ret navnet. Eller skriv ønsket igen.")
MSG_ASK_PRICE_FIRST = N_("Hvad koster det? Skriv prisen, eller vælg at du ikke kender den.")


def _read_wish(session: Session, actor: Actor, citizen_id: int, step, raw: str) -> CourseState:
    """Read a wish from the citizen's sentence and keep it waiting for the read-back: nothing is stored in
    the plan yet. A reply that is only a price ("nej, 1.200 kr.") changes the price of the wish waiting (or
    of the wish already given at this step)."""
    try:
        text = clean_text(raw, limit=step.max_length)
    except RuleError as refused:
        raise DomainError(refused.message, **refused.params) from None
    progress = _progress(session, citizen_id)
    waiting = progress.pending_wish if isinstance(progress.pending_wish, dict) else None
    earlier = None
    if waiting is not None and waiting.get("step_id") == step.id:
        earlier = extract.reading_from_json(waiting["reading"])
    else:
        row = _answer_rows(session, citizen_id).get(step.id)
        if row is not None and not row.skipped and isinstance(row.value, dict) and row.value.get("title"):
            earlier = extract.WishDraft(row.value["title"], row.value.get("price_ore"))
    if waiting is not None and earlier is not None and yes_no.is_yes(text):
        return confirm_wish(session, actor=actor, step_id=step.id)  # "ja" typed is the "Ja" button
    if waiting is not None and earlier is not None and yes_no.is_no(text):
        raise DomainError(MSG_WHAT_TO_FIX)
    ore, question = extract.price_only(text)
    if earlier is not None and (ore is not None or question is not None):
        reading = _with_price(earlier, ore, question)
        words = waiting.get("words", text) if waiting is not None else text
    else:
        reading = extract.extract_wish(text)
        if reading is None:
            raise DomainError(question.message if question else MSG_WISH_TITLE,
                              **(dict(question.params) if question else {}))
        words = text
    progress.pending_wish = {"step_id": step.id, "words": words, "reading": extract.reading_to_json(reading)}
    return _state(session, citizen_id)


def _with_price(reading: extract.WishDraft, ore: int | None, question: AmountError | None,
                part: int | None = None) -> extract.WishDraft:
    from dataclasses import replace
    if part is not None and reading.split and 0 <= part < len(reading.parts):
        if question is not None:
            raise DomainError(question.message, **dict(question.params))
        parts = list(reading.parts)
        parts[part] = extract.WishPart(parts[part].title, ore)
        return replace(reading, parts=tuple(parts))  # the total said for all of them stays for "ét ønske"
    return replace(reading, price_ore=ore, question=question.message if question else None,
                   question_params=dict(question.params) if question else {})


def _waiting(session: Session, actor: Actor, step_id: str) -> tuple[CourseProgress, extract.WishDraft]:
    plan.open_plan(session, actor, actor.id)
    progress = _progress(session, actor.id)
    waiting = progress.pending_wish
    if not isinstance(waiting, dict) or waiting.get("step_id") != step_id:
        raise DomainError(MSG_NOT_WAITING)
    return progress, extract.reading_from_json(waiting["reading"])


def _keep(progress: CourseProgress, reading: extract.WishDraft) -> None:
    progress.pending_wish = {**progress.pending_wish, "reading": extract.reading_to_json(reading)}


def set_wish_price(session: Session, *, actor: Actor, step_id: str, text: str | None,
                   part: int | None = None) -> CourseState:
    """"Ret prisen": the price typed again (the one amount parser; a question comes back as DomainError), or
    None for "Jeg kender ikke prisen"."""
    progress, reading = _waiting(session, actor, step_id)
    ore = None
    if text is not None:
        try:
            ore = parse_amount(text)
        except AmountError as asked:
            raise DomainError(asked.message, **dict(asked.params)) from None
    _keep(progress, _with_price(reading, ore, None, part))
    return _state(session, actor.id)


def set_wish_title(session: Session, *, actor: Actor, step_id: str, text: str, part: int | None = None
                   ) -> CourseState:
    """"Ret navnet": the wish's name as the citizen writes it now."""
    from dataclasses import replace
    progress, reading = _waiting(session, actor, step_id)
    try:
        title = clean_text(text, limit=limits.WISH_TITLE, single_line=True)
    except RuleError as refused:
        raise DomainError(MSG_WISH_TITLE if refused.message == MSG_EMPTY else refused.message,
                          **refused.params) from None
    title = title[:1].upper() + title[1:]
    if part is not None and reading.split and 0 <= part < len(reading.parts):
        parts = list(reading.parts)
        parts[part] = extract.WishPart(title, parts[part].price_ore)
        reading = replace(reading, parts=tuple(parts), title=extract.joined_title([p.title for p in parts]))
    else:
        reading = replace(reading, title=title, parts=(), split=False)
    _keep(progress, reading)
    return _state(session, actor.id)


def set_wish_split(session: Session, *, actor: Actor, step_id: str, split: bool) -> CourseState:
    """"Skriv dem som to ønsker" / "Skriv det som ét ønske"."""
    from dataclasses import replace
    progress, reading = _waiting(session, actor, step_id)
    if split and len(reading.parts) < 2:
        raise DomainError(MSG_NOT_WAITING)
    if not split and reading.split:  # one wish: the parts' prices add up
        prices = [p.price_ore for p in reading.parts]
        reading = replace(reading, price_ore=sum(prices) if all(prices) else reading.price_ore, split=False)
    elif split:
        reading = replace(reading, split=True)
    _keep(progress, reading)
    return _state(session, actor.id)


def confirm_wish(session: Session, *, actor: Actor, step_id: str) -> CourseState:
    """"Ja": the wish (or each of the wishes) as read back becomes the step's answer and a draft in the plan."""
    progress, reading = _waiting(session, actor, step_id)
    if reading.question:
        raise DomainError(MSG_ASK_PRICE_FIRST)
    first, *also = extract.wishes_of(reading)
    value: dict = {"title": first.title, "price_ore": first.price_ore}
    if also:
        value["also"] = [{"title": w.title, "price_ore": w.price_ore} for w in also]
    result = engine.validate_answer(_course().step(step_id), value)
    if not result.ok:
        raise DomainError(result.error_msgid or MSG_WISH_TITLE, **dict(result.error_params))
    return _save_and_advance(session, actor, actor.id, step_id, result.value, progress.pending_wish["words"])


def skip(session: Session, *, actor: Actor, step_id: str) -> CourseState:
    """'Det vil jeg ikke svare på nu': remembered as skipped; the citizen can answer later."""
    citizen = plan.open_plan(session, actor, actor.id)
    if step_id not in _course().steps:
        raise NotFound()
    return _save_and_advance(session, actor, citizen.id, step_id, SKIPPED, SKIP_TEXT)


def go_back(session: Session, *, actor: Actor) -> CourseState:
    """'Tilbage': the previous step on the route; its answer stays until the citizen changes it."""
    authorize(session, actor, actor.id, Resource.COURSE, Action.WRITE)
    rows = _answer_rows(session, actor.id)
    state = _state(session, actor.id, rows)
    current = state.current_step_id or state.path[-1]
    previous = current if state.current_step_id is None else engine.previous_step_id(_course(), current,
                                                                                       state.answers)
    if previous is not None:
        _progress(session, actor.id).current_step_id = previous
    return _state(session, actor.id, rows)


def go_to(session: Session, *, actor: Actor, step_id: str) -> CourseState:
    """Open an earlier answered step on the route, to change it."""
    authorize(session, actor, actor.id, Resource.COURSE, Action.WRITE)
    rows = _answer_rows(session, actor.id)
    if step_id not in _state(session, actor.id, rows).path:
        raise NotFound()
    _progress(session, actor.id).current_step_id = step_id
    return _state(session, actor.id, rows)


def set_form_mode(session: Session, *, actor: Actor, on: bool) -> None:
    authorize(session, actor, actor.id, Resource.COURSE, Action.WRITE)
    _progress(session, actor.id).form_mode = on


def set_shared(session: Session, *, actor: Actor, step_id: str, shared: bool) -> None:
    """The citizen decides which answers their support person may read."""
    authorize(session, actor, actor.id, Resource.COURSE, Action.WRITE)
    row = session.scalar(select(CourseAnswer).where(CourseAnswer.citizen_id == actor.id,
                                                    CourseAnswer.step_id == step_id))
    if row is None:
        raise NotFound()
    row.shared = shared


@dataclass(frozen=True)
class SharedAnswer:
    step_id: str
    question: str          # the step's question: its last guide message ending in "?" (a Danish msgid)
    value: object
    words: str | None


def shared_answers(session: Session, *, actor: Actor, citizen_id: int) -> list[SharedAnswer]:
    """What the citizen chose to share, for their support person. Skipped and private answers never show."""
    authorize(session, actor, citizen_id, Resource.COURSE, Action.READ)
    audit.record_staff(session, actor, "read_course", citizen_id=citizen_id)
    state = _state(session, citizen_id)
    course = _course()
    return [SharedAnswer(step_id, question_of(course.step(step_id)), state.answers[step_id],
                         state.last_words.get(step_id))
            for step_id in state.path
            if step_id in state.answers and state.shared.get(step_id) and not is_skipped(state.answers[step_id])
            and not _is_acknowledgement(course.step(step_id))]


def question_of(step) -> str:
    """The message that asks: the last one ending in a question mark, else the last one."""
    return next((m for m in reversed(step.messages) if m.rstrip().endswith("?")), step.messages[-1])


def _is_acknowledgement(step) -> bool:
    """A one-button step ("Lad os gå i gang") says nothing about the citizen."""
    return step.kind == "choice" and len(step.options) == 1


# --- from answers to draft plan entries ---------------------------------------------------------------

def _source(session: Session, model, citizen_id: int, step_id: str | None):
    if step_id is None:
        return None
    return session.scalar(select(model).where(model.citizen_id == citizen_id, model.source_step_id == step_id))


def _apply_to_plan(session: Session, actor: Actor, step_id: str, value: object) -> None:
    step = _course().step(step_id)
    if step.store not in ("goal", "subgoal", "wish"):
        return
    if step.store == "wish":
        also = value.get("also", []) if isinstance(value, dict) else []
        for n in range(2, limits.WISHES_IN_ONE_ANSWER + 2):  # the 2nd, 3rd … wish of one answer
            _apply_wish(session, actor, step, f"{step_id}#{n}", also[n - 2] if n - 2 < len(also) else SKIPPED)
        _apply_wish(session, actor, step, step_id, value)
        return
    _apply_goal(session, actor, step, step_id, value)


def _apply_wish(session: Session, actor: Actor, step, source_id: str, value: object) -> None:
    citizen_id = actor.id
    item = _source(session, WishItem, citizen_id, source_id)
    if item is not None and item.status not in EDITABLE:
        return  # already sent or decided: the plan page owns it now
    if is_skipped(value):
        if item is not None:
            plan.remove_item(session, actor=actor, citizen_id=citizen_id, item_id=item.id)
        return
    parent = _source(session, Goal, citizen_id, step.parent)
    goal_id = parent.id if parent is not None and parent.removed_at is None else None
    if item is None:
        plan.add_item(session, actor=actor, citizen_id=citizen_id, title=value["title"],
                      price_ore=value["price_ore"], goal_id=goal_id, source_step_id=source_id)
    else:
        plan.update_item(session, actor=actor, citizen_id=citizen_id, item_id=item.id, title=value["title"],
                         price_ore=value["price_ore"], goal_id=goal_id, quantity=item.quantity, shop=item.shop,
                         note=item.note)


def _apply_goal(session: Session, actor: Actor, step, step_id: str, value: object) -> None:
    citizen_id = actor.id
    goal = _source(session, Goal, citizen_id, step_id)
    if is_skipped(value):
        if goal is not None and goal.removed_at is None:
            try:
                plan.remove_goal(session, actor=actor, citizen_id=citizen_id, goal_id=goal.id)
            except DomainError:
                pass  # it already serves sent items: keep it
        return
    parent = _source(session, Goal, citizen_id, step.parent) if step.store == "subgoal" else None
    if step.store == "subgoal" and (parent is None or parent.removed_at is not None):
        return  # no goal to hang it on: the answer is kept, the plan gets it when a goal exists
    if goal is None:
        plan.add_goal(session, actor=actor, citizen_id=citizen_id, text=value["text"],
                      category=value.get("category"), parent_id=parent.id if parent else None,
                      source_step_id=step_id)
    else:
        goal.removed_at = None
        plan.update_goal(session, actor=actor, citizen_id=citizen_id, goal_id=goal.id, text=value["text"],
                         category=value.get("category"))


@dataclass(frozen=True)
class CourseContext:
    """What the guide's messages need besides the answers: {budget}, {months}, categories, and the name to redact."""

    budget_ore: int
    months: int
    display_name: str
    categories: tuple[dict, ...]


def context(session: Session, *, actor: Actor) -> CourseContext:
    from storage.programmes import goal_categories
    citizen = authorize(session, actor, actor.id, Resource.COURSE, Action.WRITE)
    return CourseContext(citizen.budget_total_ore, citizen.programme.period_months, citizen.display_name,
                         tuple(goal_categories(citizen.programme)))
