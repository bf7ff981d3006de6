"""Walk the course: load it, pick the next step from the answers so far, report progress.

Pure functions over frozen value objects; no Streamlit, no database. `answers` maps a step id to
the stored value (see `validate_answer`) or SKIPPED.
"""
from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from types import MappingProxyType

from dialogs import facts
from dialogs.answers import KINDS, AnswerResult, validate_answer
from dialogs.conditions import CONDITIONS, Answers, Condition
from dialogs.model import DEFAULT_MAX_LENGTH, END, SKIPPED, Course, Module, Option, Route, Step, is_skipped
from dialogs.validate import validate_course

COURSE_DIR = Path(__file__).parent / "course"
FACT_PLACEHOLDERS = tuple(fact.name for fact in facts.table())  # whole-sentence msgids: translate, then fill in

__all__ = [
    "END", "FACT_PLACEHOLDERS", "SKIPPED", "AnswerResult", "Course", "CourseError", "Module", "Option", "Position", "Progress",
    "Route", "Step", "build_course", "current_step_id", "goal_step_id", "is_skipped", "load_course",
    "next_open_step_id", "next_step_id", "previous_step_id", "progress", "read_course_data", "resume",
    "routing_path", "step_params", "validate_answer",
]


class CourseError(ValueError):
    """The course files are broken; `errors` lists every problem with its step id."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("invalid course:\n" + "\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Progress:
    """Where a step is in the course, for "Trin {module_number} af {module_count}"."""

    module_id: str
    module_number: int
    module_count: int
    module_title: str


@dataclass(frozen=True)
class Position:
    """Where a citizen is in the course: the step to show (None when finished) on the route their answers
    make. Storage keeps only the step id and the answers; the engine works out the rest."""

    step_id: str | None
    path: tuple[str, ...]

    @property
    def finished(self) -> bool:
        return self.step_id is None

    @property
    def number(self) -> int:
        """1-based place of the step on the route (for 'spørgsmål 4 af 30'); the route's length when done."""
        return self.path.index(self.step_id) + 1 if self.step_id in self.path else len(self.path)


def read_course_data(path: Path) -> dict[str, Any]:
    """Course data from one TOML file or from every *.toml in a folder, in file-name order.

    Each file holds `[[modules]]` tables with their `[[modules.steps]]`.
    """
    files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
    modules: list[Any] = []
    errors = []
    for file in files:
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            errors.append(f"file {file.name!r}: {exc}")
            continue
        found = data.get("modules")
        if not isinstance(found, list):
            errors.append(f"file {file.name!r}: has no [[modules]]")
            continue
        modules.extend(found)
    if errors or not files:
        raise CourseError(errors or [f"no course files in {path}"])
    return {"modules": modules}


def load_course(path: Path | None = None, *, conditions: Mapping[str, Condition] = CONDITIONS) -> Course:
    """The course at `path` (default: the packaged course, loaded once), checked by validate_course.

    Raises CourseError listing every error.
    """
    if path is None and conditions is CONDITIONS:
        return _packaged_course()
    return _load(path or COURSE_DIR, conditions)


@functools.cache
def _packaged_course() -> Course:
    return _load(COURSE_DIR, CONDITIONS)


def build_course(data: Mapping[str, Any]) -> Course:
    """Value objects from course data that `validate_course` found no errors in."""
    modules, steps = [], {}
    for m in data["modules"]:
        for s in m["steps"]:
            steps[s["id"]] = Step(
                id=s["id"],
                module=m["id"],
                messages=tuple(s["messages"]),
                kind=s["kind"],
                default=s["default"],
                routes=tuple(Route(r["when"], r["goto"]) for r in s.get("next", ())),
                options=tuple(Option(o["value"], o["label"], o.get("icon")) for o in s.get("options", ())),
                store=s.get("store", KINDS[s["kind"]].store),
                parent=s.get("parent"),
                share_default=s.get("share_default", True),
                hint=s.get("hint"),
                max_length=s.get("max_length", DEFAULT_MAX_LENGTH),
                min=s.get("min"),
                max=s.get("max"),
                simple=s.get("simple"),
                examples=tuple(s.get("examples", ())),
                tone=s.get("tone"),
            )
        modules.append(Module(m["id"], m["title"], tuple(s["id"] for s in m["steps"])))
    return Course(tuple(modules), MappingProxyType(steps))


def _load(path: Path, conditions: Mapping[str, Condition]) -> Course:
    data = read_course_data(path)
    errors = validate_course(data, conditions=conditions)
    if errors:
        raise CourseError(errors)
    return build_course(data)


def next_step_id(
    course: Course, step_id: str, answers: Answers, *, conditions: Mapping[str, Condition] = CONDITIONS
) -> str | None:
    """The step after `step_id`: the first route whose condition holds, else the default.

    None means the course is finished.
    """
    step = course.step(step_id)
    target = next((r.goto for r in step.routes if conditions[r.when](answers)), step.default)
    return None if target == END else target


def routing_path(
    course: Course, answers: Answers, *, conditions: Mapping[str, Condition] = CONDITIONS
) -> tuple[str, ...]:
    """Every step on the route from the first step to the end, given the answers so far.

    Steps not answered yet route as their conditions say with the answers there are (mostly the
    default), so the path can grow or shrink as the citizen answers.
    """
    path: list[str] = []
    step_id: str | None = course.first_step_id
    while step_id is not None and step_id not in path:  # validation forbids loops; be safe anyway
        path.append(step_id)
        step_id = next_step_id(course, step_id, answers, conditions=conditions)
    return tuple(path)


def current_step_id(
    course: Course, answers: Answers, *, conditions: Mapping[str, Condition] = CONDITIONS
) -> str | None:
    """Where to continue: the first step on the route without an answer (None when all are done)."""
    path = routing_path(course, answers, conditions=conditions)
    return next((s for s in path if s not in answers), None)


def next_open_step_id(
    course: Course, step_id: str, answers: Answers, *, conditions: Mapping[str, Condition] = CONDITIONS
) -> str | None:
    """Where to go after answering `step_id`: the next step on the route that has no answer yet (after
    'Tilbage' the citizen's later answers are kept, so they are not asked again). None: finished."""
    following = next_step_id(course, step_id, answers, conditions=conditions)
    while following is not None and following in answers:
        following = next_step_id(course, following, answers, conditions=conditions)
    return following


def resume(
    course: Course, answers: Answers, at: str | None, *, conditions: Mapping[str, Condition] = CONDITIONS
) -> Position:
    """The citizen's position from their answers and the step they were last on (`at`; None when they had
    finished). When the route no longer passes `at` (an answer changed it, or a newer course removed the
    step), they continue at the first step without an answer."""
    path = routing_path(course, answers, conditions=conditions)
    if at is not None and at not in path:
        at = next((s for s in path if s not in answers), None)
    return Position(at, path)


def previous_step_id(
    course: Course, step_id: str, answers: Answers, *, conditions: Mapping[str, Condition] = CONDITIONS
) -> str | None:
    """The step before `step_id` on the current route; None for the first step or one off the route."""
    path = routing_path(course, answers, conditions=conditions)
    if step_id not in path:
        return None
    index = path.index(step_id)
    return path[index - 1] if index > 0 else None


def progress(course: Course, step_id: str) -> Progress:
    """The module `step_id` belongs to, counted from 1."""
    module = course.module_of(step_id)
    number = course.modules.index(module) + 1
    return Progress(module.id, number, len(course.modules), module.title)


def goal_step_id(course: Course, step_id: str) -> str | None:
    """The goal step that `step_id` (a goal, sub-goal or wish step) belongs to, via its parents."""
    step: Step | None = course.step(step_id)
    while step is not None and step.kind != "goal":
        step = course.step(step.parent) if step.parent else None
    return step.id if step else None


def step_params(
    course: Course, step_id: str, answers: Answers, *, budget: str = "", months: str = ""
) -> dict[str, str]:
    """Values for every placeholder a message may use: translate first, then `.format(**params)`.

    {goal} and {subgoal} come from the step's parents' answers ("" when missing or skipped);
    {budget} and {months} are passed in by the UI, already formatted for the citizen's language.
    Facts ({housing_now}, dialogs/facts.py) are whole-sentence msgids ("" when not known): translate them too.
    """
    params = {"goal": "", "subgoal": "", "budget": budget, "months": months, **facts.sentences(answers)}
    parent = course.step(step_id).parent
    while parent:
        step = course.step(parent)
        value = answers.get(parent)
        if isinstance(value, Mapping) and not params[step.kind]:
            params[step.kind] = str(value.get("text", ""))
        parent = step.parent
    return params
