"""Check course data and report EVERY error, each with the module or step it is in."""
from __future__ import annotations

import re
import string
from collections.abc import Collection, Mapping
from typing import Any

from dialogs.conditions import CONDITIONS
from dialogs.answers import KINDS, STORES
from dialogs.icons import ICONS
from dialogs.model import END

SNAKE_CASE = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_MESSAGES = 3
MAX_LENGTH_LIMIT = 10_000
STEP_KEYS = frozenset({
    "id", "messages", "kind", "options", "store", "parent", "share_default", "hint",
    "max_length", "min", "max", "next", "default", "simple", "examples", "tone",
})
OPTION_KEYS = frozenset({"value", "label", "icon"})
# Steps the citizen answers by writing: "ved ikke" there gets the step's examples.
FREE_TEXT_KINDS = frozenset({"text", "goal", "subgoal", "wish"})
MAX_EXAMPLES = 3
# Placeholders a message may use: the engine fills goal/subgoal, the UI fills budget/months.
PLACEHOLDERS = frozenset({"goal", "subgoal", "budget", "months", "housing_now"})
CHOICE_KINDS = frozenset(name for name, kind in KINDS.items() if kind.options)
RANGE_KINDS = frozenset(name for name, kind in KINDS.items() if kind.in_range)
PARENT_KINDS = {name: kind.parents for name, kind in KINDS.items() if kind.parents}


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<unbalanced braces>"}


class _Checker:
    def __init__(self, data: Any, conditions: Collection[str]) -> None:
        self.data = data
        self.conditions = conditions
        self.errors: list[str] = []
        self.steps: dict[str, Mapping[str, Any]] = {}
        self.order: list[str] = []

    def error(self, where: str, problem: str) -> None:
        self.errors.append(f"{where}: {problem}")

    def run(self) -> list[str]:
        modules = self.data.get("modules") if isinstance(self.data, Mapping) else None
        if not isinstance(modules, list) or not modules:
            self.error("course", "has no modules")
            return self.errors
        seen_modules: set[str] = set()
        for n, module in enumerate(modules, 1):
            self.check_module(n, module, seen_modules)
        for step_id, step in self.steps.items():
            self.check_links(step_id, step)
        if self.order:
            self.check_reachable_and_acyclic()
        return self.errors

    def check_module(self, n: int, module: Any, seen: set[str]) -> None:
        if not isinstance(module, Mapping):
            self.error(f"module #{n}", "is not a table")
            return
        module_id = module.get("id")
        where = f"module {module_id!r}" if isinstance(module_id, str) else f"module #{n}"
        if not isinstance(module_id, str) or not SNAKE_CASE.match(module_id):
            self.error(where, "needs an id in snake_case")
        elif module_id in seen:
            self.error(where, "duplicate module id")
        seen.add(module_id)
        if not _is_text(module.get("title")):
            self.error(where, "needs a title")
        steps = module.get("steps")
        if not isinstance(steps, list) or not steps:
            self.error(where, "has no steps")
            return
        for i, step in enumerate(steps, 1):
            self.check_step(f"{where} step #{i}", step)

    def check_step(self, fallback: str, step: Any) -> None:
        if not isinstance(step, Mapping):
            self.error(fallback, "is not a table")
            return
        step_id = step.get("id")
        if not isinstance(step_id, str) or not SNAKE_CASE.match(step_id) or step_id == END:
            self.error(fallback, f"needs an id in snake_case other than {END!r}")
            return
        where = f"step {step_id!r}"
        if step_id in self.steps:
            self.error(where, "duplicate step id")
            return
        self.steps[step_id] = step
        self.order.append(step_id)
        for key in sorted(set(step) - STEP_KEYS):
            self.error(where, f"unknown key {key!r}")
        messages = step.get("messages")
        if not isinstance(messages, list) or not 1 <= len(messages) <= MAX_MESSAGES:
            self.error(where, f"needs 1 to {MAX_MESSAGES} messages")
        elif not all(_is_text(m) for m in messages):
            self.error(where, "has an empty or non-text message")
        if "hint" in step and not _is_text(step["hint"]):
            self.error(where, "hint must be text")
        if not _is_text(step.get("simple")):
            self.error(where, "needs 'simple': the question again in simpler words")
        if step.get("tone") not in (None, "hard", "hope"):
            self.error(where, "tone must be 'hard' or 'hope'")
        examples = step.get("examples")
        if examples is not None and (
            not isinstance(examples, list) or not 1 <= len(examples) <= MAX_EXAMPLES
            or not all(_is_text(e) for e in examples)
        ):
            self.error(where, f"examples must be a list of 1 to {MAX_EXAMPLES} texts")
        kind = step.get("kind")
        if kind not in KINDS:
            self.error(where, f"unknown kind {kind!r}")
            return
        self.check_options(where, kind, step.get("options"))
        if examples is not None and kind not in FREE_TEXT_KINDS:
            self.error(where, f"kind {kind!r} takes no examples (the citizen answers with a tap)")
        store = step.get("store", KINDS[kind].store if kind in KINDS else "answer")
        if store not in STORES:
            self.error(where, f"unknown store {store!r}")
        elif kind in KINDS and store != KINDS[kind].store:
            self.error(where, f"kind {kind!r} cannot store {store!r}")
        if not isinstance(step.get("share_default", True), bool):
            self.error(where, "share_default must be true or false")
        self.check_limits(where, kind, step)
        if not isinstance(step.get("next", []), list):
            self.error(where, "next must be a list of { when, goto } rules")
        elif any(not isinstance(r, Mapping) or set(r) != {"when", "goto"} for r in step.get("next", [])):
            self.error(where, "every next rule needs exactly 'when' and 'goto'")
        if "default" not in step:
            self.error(where, "missing default route")

    def check_options(self, where: str, kind: str, options: Any) -> None:
        if kind not in CHOICE_KINDS:
            if options is not None:
                self.error(where, f"kind {kind!r} takes no options")
            return
        if not isinstance(options, list) or not options:
            self.error(where, f"kind {kind!r} needs options")
            return
        values = [o.get("value") for o in options if isinstance(o, Mapping)]
        if len(values) != len(options) or not all(
            isinstance(v, str) and SNAKE_CASE.match(v) and _is_text(o.get("label"))
            for v, o in zip(values, options)
        ):
            self.error(where, "every option needs a snake_case value and a label")
        if len(set(values)) != len(values):
            self.error(where, "duplicate option values")
        for option in options:
            if not isinstance(option, Mapping):
                continue
            if unknown := sorted(set(option) - OPTION_KEYS):
                self.error(where, f"option {option.get('value')!r} has unknown keys {unknown}")
            if "icon" in option and option["icon"] not in ICONS:
                self.error(where, f"option {option.get('value')!r}: unknown icon {option['icon']!r} "
                                  "(dialogs/icons.py lists the known ones)")

    def check_limits(self, where: str, kind: str, step: Mapping[str, Any]) -> None:
        max_length = step.get("max_length")
        if max_length is not None and (
            kind in RANGE_KINDS | CHOICE_KINDS | {"yesno"}
            or not isinstance(max_length, int) or not 1 <= max_length <= MAX_LENGTH_LIMIT
        ):
            self.error(where, f"max_length must be 1 to {MAX_LENGTH_LIMIT} on a text kind")
        low, high = step.get("min"), step.get("max")
        if kind not in RANGE_KINDS:
            if low is not None or high is not None:
                self.error(where, f"kind {kind!r} takes no min/max")
        elif kind == "rating" and (low is None or high is None):
            self.error(where, "rating needs min and max")
        elif any(v is not None and (not isinstance(v, int) or isinstance(v, bool)) for v in (low, high)):
            self.error(where, "min and max must be whole numbers")
        elif low is not None and high is not None and low >= high:
            self.error(where, "min must be less than max")

    def check_links(self, step_id: str, step: Mapping[str, Any]) -> None:
        where = f"step {step_id!r}"
        for rule in step.get("next", []) if isinstance(step.get("next"), list) else []:
            if not isinstance(rule, Mapping):
                continue
            if rule.get("when") not in self.conditions:
                self.error(where, f"unknown condition {rule.get('when')!r}")
            if rule.get("goto") != END and rule.get("goto") not in self.steps:
                self.error(where, f"route goes to unknown step {rule.get('goto')!r}")
        if "default" in step and step["default"] != END and step["default"] not in self.steps:
            self.error(where, f"default goes to unknown step {step['default']!r}")
        kind, parent = step.get("kind"), step.get("parent")
        if kind in PARENT_KINDS:
            parent_kind = self.steps.get(parent, {}).get("kind") if isinstance(parent, str) else None
            if parent_kind not in PARENT_KINDS[kind]:
                wanted = " or ".join(sorted(PARENT_KINDS[kind]))
                self.error(where, f"parent {parent!r} must be a {wanted} step")
        elif parent is not None:
            self.error(where, f"kind {kind!r} takes no parent")
        self.check_placeholders(where, step)

    def check_placeholders(self, where: str, step: Mapping[str, Any]) -> None:
        texts = [m for m in step.get("messages", []) if isinstance(m, str)]
        texts += [step[key] for key in ("hint", "simple") if isinstance(step.get(key), str)]
        chain = self.parent_kinds(step)
        for name in sorted(set().union(*map(_placeholders, texts)) if texts else ()):
            if name not in PLACEHOLDERS:
                self.error(where, f"unknown placeholder {{{name}}}")
            elif name in ("goal", "subgoal") and name not in chain:
                self.error(where, f"{{{name}}} needs a {name} step among its parents")

    def parent_kinds(self, step: Mapping[str, Any]) -> set[str]:
        kinds, seen = set(), set()
        while isinstance(parent := step.get("parent"), str) and parent in self.steps and parent not in seen:
            seen.add(parent)
            step = self.steps[parent]
            kinds.add(step.get("kind"))
        return kinds

    def targets(self, step: Mapping[str, Any]) -> list[str]:
        rules = step.get("next") if isinstance(step.get("next"), list) else []
        gotos = [r.get("goto") for r in rules if isinstance(r, Mapping)] + [step.get("default")]
        return [t for t in gotos if t in self.steps]

    def check_reachable_and_acyclic(self) -> None:
        reached, stack = {self.order[0]}, [self.order[0]]
        while stack:
            for target in self.targets(self.steps[stack.pop()]):
                if target not in reached:
                    reached.add(target)
                    stack.append(target)
        for step_id in self.order:
            if step_id not in reached:
                self.error(f"step {step_id!r}", "cannot be reached from the first step")
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done

        def visit(step_id: str) -> None:
            state[step_id] = 1
            for target in self.targets(self.steps[step_id]):
                if state.get(target) == 1:
                    self.error(f"step {step_id!r}", f"routes back to {target!r}, making a loop")
                elif target not in state:
                    visit(target)
            state[step_id] = 2

        for step_id in self.order:
            if step_id not in state:
                visit(step_id)


def validate_course(course_data: Any, *, conditions: Collection[str] = CONDITIONS) -> list[str]:
    """Every error in `course_data` ({"modules": [{id, title, steps: [...]}, ...]}), or []."""
    return _Checker(course_data, conditions).run()
