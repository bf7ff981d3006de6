"""The course as small frozen value objects, built from already validated course data."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final, Literal

from dialogs import limits, text

END: Final = "end"  # a route target that finishes the course
SKIPPED: Final = text.SKIPPED  # stored instead of an answer when the citizen skips a step
DEFAULT_MAX_LENGTH: Final = limits.ANSWER

Kind = Literal["text", "choice", "choices", "yesno", "amount", "goal", "subgoal", "wish", "rating"]
Store = Literal["answer", "goal", "subgoal", "wish"]
KINDS: Final = frozenset(Kind.__args__)  # type: ignore[attr-defined]
STORES: Final = frozenset(Store.__args__)  # type: ignore[attr-defined]
# kinds whose answers the storage layer turns into plan drafts; all other kinds store "answer"
STORE_OF_KIND: Final = MappingProxyType({"goal": "goal", "subgoal": "subgoal", "wish": "wish"})
# the kinds a step's `parent` may point to
PARENT_KINDS: Final = MappingProxyType({"subgoal": {"goal"}, "wish": {"goal", "subgoal"}})


def is_skipped(value: object) -> bool:
    """True when the stored answer says the citizen skipped the step."""
    return value == SKIPPED


@dataclass(frozen=True)
class Option:
    """A quick-reply button: `value` is stored, `label` (Danish msgid) is shown."""

    value: str
    label: str


@dataclass(frozen=True)
class Route:
    """Go to `goto` (a step id or END) when the named condition holds."""

    when: str
    goto: str


@dataclass(frozen=True)
class Step:
    """One question. `messages` and `hint` are Danish msgids and may hold {placeholders}."""

    id: str
    module: str
    messages: tuple[str, ...]
    kind: Kind
    default: str
    routes: tuple[Route, ...] = ()
    options: tuple[Option, ...] = ()
    store: Store = "answer"
    parent: str | None = None
    share_default: bool = True
    hint: str | None = None
    max_length: int = DEFAULT_MAX_LENGTH
    min: int | None = None  # rating: lowest number; amount: lowest whole kroner
    max: int | None = None  # rating: highest number; amount: highest whole kroner


@dataclass(frozen=True)
class Module:
    """A short part of the course with a Danish `title` msgid, e.g. shown as "Trin 4 af 9"."""

    id: str
    title: str
    step_ids: tuple[str, ...]


@dataclass(frozen=True)
class Course:
    """All modules in order and every step by id; the first step of the first module starts."""

    modules: tuple[Module, ...]
    steps: Mapping[str, Step]

    @property
    def first_step_id(self) -> str:
        return self.modules[0].step_ids[0]

    def step(self, step_id: str) -> Step:
        try:
            return self.steps[step_id]
        except KeyError:
            raise KeyError(f"unknown step {step_id!r}") from None

    def module_of(self, step_id: str) -> Module:
        module_id = self.step(step_id).module
        return next(m for m in self.modules if m.id == module_id)


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
                options=tuple(Option(o["value"], o["label"]) for o in s.get("options", ())),
                store=s.get("store", STORE_OF_KIND.get(s["kind"], "answer")),
                parent=s.get("parent"),
                share_default=s.get("share_default", True),
                hint=s.get("hint"),
                max_length=s.get("max_length", DEFAULT_MAX_LENGTH),
                min=s.get("min"),
                max=s.get("max"),
            )
        modules.append(Module(m["id"], m["title"], tuple(s["id"] for s in m["steps"])))
    return Course(tuple(modules), MappingProxyType(steps))
