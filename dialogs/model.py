"""The course as small frozen value objects, built from already validated course data."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from dialogs import limits, text

END: Final = "end"  # a route target that finishes the course
SKIPPED: Final = text.SKIPPED  # stored instead of an answer when the citizen skips a step
DEFAULT_MAX_LENGTH: Final = limits.ANSWER



def is_skipped(value: object) -> bool:
    """True when the stored answer says the citizen skipped the step."""
    return value == SKIPPED


@dataclass(frozen=True)
class Option:
    """A quick-reply button: `value` is stored, `label` (Danish msgid) is shown, with the pictogram `icon`
    (a name in dialogs/icons.py) beside it when there is one."""

    value: str
    label: str
    icon: str | None = None


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
    kind: str            # a key of dialogs.answers.KINDS
    default: str
    routes: tuple[Route, ...] = ()
    options: tuple[Option, ...] = ()
    store: str = "answer"  # the kind's store (dialogs.answers.KINDS)
    parent: str | None = None
    share_default: bool = True
    hint: str | None = None
    max_length: int = DEFAULT_MAX_LENGTH
    min: int | None = None  # rating: lowest number; amount: lowest whole kroner
    max: int | None = None  # rating: highest number; amount: highest whole kroner
    simple: str | None = None  # the question again in simpler words, for "hvad mener du?" (LIX <= 20)
    examples: tuple[str, ...] = ()  # two or three example answers, for "ved ikke" (free-text steps)
    tone: str | None = None  # "hard" or "hope": how a reflection on the answer ends (dialogs/reflect.py)


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
