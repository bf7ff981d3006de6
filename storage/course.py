"""The reflection course's storage: every answer is saved before the guide says anything more.

The pure engine in dialogs/ decides routing and validates answers; this
module saves answers and chat turns, keeps the citizen's place (so another
device or a server restart continues at the same step), and turns goal,
sub-goal and wish answers into draft plan entries the citizen owns.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs import engine
from dialogs.engine import SKIPPED, Course, is_skipped
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


@dataclass(frozen=True)
class Turn:
    step_id: str | None
    speaker: str
    text: str
    at: datetime


@dataclass(frozen=True)
class CourseState:
    current_step_id: str | None     # None: the course is finished
    answers: dict[str, object]
    shared: dict[str, bool]
    form_mode: bool
    path: tuple[str, ...]
    last_words: dict[str, str]      # step id -> what the citizen last wrote or chose, as typed

    @property
    def finished(self) -> bool:
        return self.current_step_id is None

    def step_number(self) -> int:
        """1-based position of the current step on the route (for 'spørgsmål 4 af 30')."""
        return self.path.index(self.current_step_id) + 1 if self.current_step_id in self.path else len(self.path)


def _course() -> Course:
    return engine.load_course()


def _progress(session: Session, citizen_id: int) -> CourseProgress:
    progress = session.get(CourseProgress, citizen_id)
    if progress is None:
        progress = CourseProgress(citizen_id=citizen_id, current_step_id=_course().first_step_id)
        session.add(progress)
        session.flush()
    return progress


def _answers(session: Session, citizen_id: int) -> tuple[dict[str, object], dict[str, bool]]:
    rows = list(session.scalars(select(CourseAnswer).where(CourseAnswer.citizen_id == citizen_id)))
    course = _course()
    known = [r for r in rows if r.step_id in course.steps]  # steps removed from a newer course are ignored
    return ({r.step_id: (SKIPPED if r.skipped else r.value) for r in known}, {r.step_id: r.shared for r in known})


def _state(session: Session, citizen_id: int) -> CourseState:
    progress = _progress(session, citizen_id)
    answers, shared = _answers(session, citizen_id)
    course = _course()
    path = engine.routing_path(course, answers)
    current = progress.current_step_id
    if current is not None and current not in path:
        current = engine.current_step_id(course, answers)  # the route changed under it: first open step
    last_words: dict[str, str] = {}
    for turn in session.scalars(select(ChatTurn).where(ChatTurn.citizen_id == citizen_id,
                                                       ChatTurn.speaker == "citizen").order_by(ChatTurn.id)):
        if turn.step_id:
            last_words[turn.step_id] = turn.text
    return CourseState(current, answers, shared, progress.form_mode, path, last_words)


def load_state(session: Session, *, actor: Actor, citizen_id: int) -> CourseState:
    authorize(session, actor, citizen_id, Resource.COURSE, Action.WRITE)
    return _state(session, citizen_id)


def _save(session: Session, citizen_id: int, step_id: str, value: object, skipped: bool, words: str) -> None:
    row = session.scalar(select(CourseAnswer).where(CourseAnswer.citizen_id == citizen_id,
                                                    CourseAnswer.step_id == step_id))
    step = _course().step(step_id)
    if row is None:
        row = CourseAnswer(citizen_id=citizen_id, step_id=step_id, shared=step.share_default)
        session.add(row)
    row.value, row.skipped, row.answered_at = (None if skipped else value), skipped, utcnow()
    session.add(ChatTurn(citizen_id=citizen_id, speaker="citizen", step_id=step_id, text=words[:5000]))


def _advance(session: Session, citizen_id: int, step_id: str) -> CourseState:
    answers, _shared = _answers(session, citizen_id)
    progress = _progress(session, citizen_id)
    following = engine.next_step_id(_course(), step_id, answers)
    # Continue at the next step without an answer (after 'Tilbage', earlier answers are kept).
    while following is not None and following in answers:
        following = engine.next_step_id(_course(), following, answers)
    progress.current_step_id = following
    if following is None and progress.completed_at is None:
        progress.completed_at = utcnow()
    return _state(session, citizen_id)


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
    kwargs = {"categories": categories} if categories is not None else {}
    result = engine.validate_answer(step, raw, **kwargs)
    if not result.ok:
        raise DomainError(result.error_msgid or N_("Prøv at svare på en anden måde."), **dict(result.error_params))
    _save(session, citizen.id, step_id, result.value, False, words if words is not None else str(raw))
    session.flush()
    _apply_to_plan(session, actor, step_id, result.value)
    return _advance(session, citizen.id, step_id)


def skip(session: Session, *, actor: Actor, step_id: str) -> CourseState:
    """'Det vil jeg ikke svare på nu': remembered as skipped; the citizen can answer later."""
    citizen = plan.open_plan(session, actor, actor.id)
    if step_id not in _course().steps:
        raise NotFound()
    _save(session, citizen.id, step_id, None, True, SKIP_TEXT)
    session.flush()
    _apply_to_plan(session, actor, step_id, SKIPPED)
    return _advance(session, citizen.id, step_id)


def go_back(session: Session, *, actor: Actor) -> CourseState:
    """'Tilbage': the previous step on the route; its answer stays until the citizen changes it."""
    authorize(session, actor, actor.id, Resource.COURSE, Action.WRITE)
    state = _state(session, actor.id)
    current = state.current_step_id or state.path[-1]
    previous = current if state.current_step_id is None else engine.previous_step_id(_course(), current,
                                                                                       state.answers)
    if previous is not None:
        _progress(session, actor.id).current_step_id = previous
    return _state(session, actor.id)


def go_to(session: Session, *, actor: Actor, step_id: str) -> CourseState:
    """Open an earlier answered step on the route, to change it."""
    authorize(session, actor, actor.id, Resource.COURSE, Action.WRITE)
    state = _state(session, actor.id)
    if step_id not in state.path:
        raise NotFound()
    _progress(session, actor.id).current_step_id = step_id
    return _state(session, actor.id)


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
    citizen_id = actor.id
    if step.store == "wish":
        item = _source(session, WishItem, citizen_id, step_id)
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
                          price_ore=value["price_ore"], goal_id=goal_id, source_step_id=step_id)
        else:
            plan.update_item(session, actor=actor, citizen_id=citizen_id, item_id=item.id, title=value["title"],
                             price_ore=value["price_ore"], goal_id=goal_id, quantity=item.quantity, shop=item.shop,
                             note=item.note)
        return
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
