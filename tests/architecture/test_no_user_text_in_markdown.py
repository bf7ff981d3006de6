"""No user-entered text, citizen's or staff's, reaches a call that renders markdown (issue 13).

`st.title(_("Hej {name}", name=name))` rendered a display name of `![x](https://…)` as an image fetched from
another host and `$…$` as maths. Streamlit renders markdown in far more places than st.markdown: titles,
captions, alerts, toasts, metrics, and the labels (and help texts) of buttons, expanders, tabs and every input.
User text is shown with `ui.plain` (st.text) or `ui.say` (one of our sentences with user text in it) instead;
a heading that must hold user text goes through `ui.heading`, which escapes it for st.html.

This test reads every module under citizen_app/ and checks each value that goes into such a call. A value is
safe when it is built only from: literals; translations of literal msgids (or msgid constants) whose
placeholders are safe; named constants; numbers and dates through the formatters in SAFE_FORMATTERS; and the
attributes in SAFE_ATTRIBUTES (counts, versions, internal numbers). Local names are followed to what they were
assigned in the same function. Anything else fails the test with its file, line and expression: show it with
`ui.plain`, or, if it is truly not user text, add it to TRUSTED with the reason.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "citizen_app"

# Streamlit calls whose text arguments are rendered as markdown (body, label, help, options of choice widgets).
MARKDOWN_CALLS = frozenset({
    "title", "header", "subheader", "markdown", "write", "caption", "info", "warning", "error", "success", "toast",
    "metric", "expander", "button", "download_button", "link_button", "page_link", "form_submit_button", "popover",
    "status", "tabs", "checkbox", "toggle", "radio", "text_input", "text_area", "number_input", "selectbox",
    "multiselect", "date_input", "time_input", "slider", "select_slider", "pills", "segmented_control",
    "file_uploader", "color_picker", "html",
})
MARKDOWN_KEYWORDS = frozenset({"label", "body", "help", "value", "delta", "captions", "text"})
OPTION_CALLS = frozenset({"radio", "pills", "segmented_control", "tabs"})  # their option labels are markdown too
VALUE_IS_SHOWN = frozenset({"metric"})  # elsewhere `value` is a widget's starting value, not rendered
APP_PACKAGES = ("citizen_app", "storage", "dialogs")

TRANSLATE = frozenset({"_", "N_", "gettext", "ngettext", "pgettext", "npgettext"})
# Functions that return text made only of translations, numbers, dates and code labels (reviewed).
SAFE_FORMATTERS = frozenset({
    "money", "date_time", "long_date", "weekday_date", "short_date", "sent_day", "number", "percent", "len",
    "round", "int", "abs", "label", "item_status_label", "status_label", "role_label", "action_label",
    "staff_role_label", "category_label", "price_line", "course_progress_text", "translate_error", "isoformat",
    "load_config", "escape", "current_language", "text_direction", "unexpected_error", "category_topic",
    "milestone_name", "milestone_key_name", "milestone_line", "citizen_rating", "support_rating",
})
CONTAINERS = frozenset({"list", "tuple", "sorted", "range", "enumerate", "zip", "dict", "reversed", "min", "max",
                        "sum", "items", "values", "keys"})
# Attributes and local names that hold numbers, dates or generated codes, never typed text.
SAFE_ATTRIBUTES = frozenset({
    "version", "n", "count", "participants", "who5_raw", "who5_percent", "citizen_goal_rating",
    "support_goal_rating", "internal_ref", "citizen_ref", "position", "quantity", "item_count", "working_days",
    "working_days_late", "citizens", "citizens_with_goals", "audit_retention_days", "remember_days", "join_code",
    "min", "max", "with_start", "with_end", "support_hours",
})
SAFE_NAMES = frozenset({"n", "index", "position", "number", "count", "total", "answer_days", "days", "minutes"})
# Values that look like user text to the rules above but are not: (file, expression) -> reason.
TRUSTED = {
    ("citizen_app/app_pages/course.py", "_(step.hint)"): "course content (dialogs/course/*.toml), validated",
    ("citizen_app/course_widgets.py", "_(step.hint)"): "course content (dialogs/course/*.toml), validated",
    ("citizen_app/course_widgets.py", "label"): "an answer option's label from the course files (_buttons)",
    ("citizen_app/course_widgets.py", "list(labels)"): "a choices step's option values from the course files",
    ("citizen_app/course_widgets.py", "labels.get"): "a choices step's option labels (msgids) from the course files",
    ("citizen_app/course_widgets.py", "shown.get"): "a choices step's option labels (msgids) from the course files "
                                                     "with their pictograms (names checked by dialogs/validate.py)",
    ("citizen_app/speech.py", "audio"): "WAV bytes written to the read-aloud cache file (a file's write, not st.write)",
    ("citizen_app/app_pages/closing.py", "_(message)"): "closing content (dialogs/closing/*.toml), validated",
    ("citizen_app/app_pages/closing.py", "_(step.simple)"): "closing content (dialogs/closing/*.toml), validated",
    ("citizen_app/app_pages/closing.py", "labels.get"): "a closing step's option labels (msgids) from its file",
    ("citizen_app/app_pages/closing.py", "values"): "a closing step's option values from its file",
    ("citizen_app/app_pages/closing.py", "_('Fx: {examples}', examples=' · '.join((_(e) for e in step.examples)))"):
        "a closing step's examples (msgids) from dialogs/closing/*.toml",
    ("citizen_app/help_panel.py", "_(line.name)"): "a help line from dialogs/safety.py",
    ("citizen_app/help_panel.py", "_(line.description)"): "a help line from dialogs/safety.py",
    ("citizen_app/help_panel.py", "line.phone"): "a help line's number from dialogs/safety.py",
    ("citizen_app/help_panel.py", "line.tel"): "a help line's number from dialogs/safety.py",
    ("citizen_app/ui.py", "url"): "the accessibility statement's address from the operator's settings",
    ("citizen_app/ui.py", "token"): "the remembered-phone token, checked against devices.TOKEN_PATTERN first",
    ("citizen_app/theme.py", "chrome_script(current_language())"): "the script renaming Streamlit's own words "
                                                                    "(msgids from the catalogs, JSON-encoded)",
    ("citizen_app/ui.py", "message"): "a refusal made by translate_error, which reduces any text in it to letters, "
                                      "digits and plain punctuation (dialogs.text.markdown_inert)",
    ("citizen_app/ui.py", "_(UNEXPECTED_ERROR)"): "a msgid constant",
    ("citizen_app/app_pages/login.py", "notice"): "a translated msgid left by session.py (logged out, locked)",
    ("citizen_app/support_sections/plan.py", "categories[goal.category]"):
        "a goal category's label: the programme's configured categories (msgids), never typed in the app",
    ("citizen_app/workshop_box.py", "part"): "a module title from the course files",
    ("citizen_app/progress_widgets.py", "_(item)"): "a WHO-5 item (msgid) from storage.who5.ITEMS",
    ("citizen_app/support_sections/plan.py", "_(question)"): "the course step's question (a msgid) for a shared answer",
    ("citizen_app/app_pages/facilitator_home.py", "TITLES[current]"): "a module title from the course files",
    ("citizen_app/app_pages/evidence.py", "section.title"): "a heading built from msgids (evidence_content.py)",
    ("citizen_app/app_pages/evidence.py", "section.method"): "a method text built from msgids and numbers "
                                                             "(evidence_content.py)",
    **{("citizen_app/support_sections/life_status.py", expr): "a question or its answers from the status file "
       "(dialogs/status_fields.toml, validated at load)"
       for expr in ("_(field.question)", "_(support.question)", "[a.key for a in field.answers]",
                    "lambda k: _label('support_need', k)")},
}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _is_constant(node: ast.expr) -> bool:
    """A literal, a named constant (ALL_CAPS), or a lookup in one: msgids and code tables."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Subscript):
        return _is_constant(node.value)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
        # a lookup in a constant table: any key; the default must be a msgid too
        default = node.args[1:2]
        return _is_constant(node.func.value) and all(
            _is_constant(d) or isinstance(d, ast.Call) and _name(d.func) in TRANSLATE for d in default)
    name = _name(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
    return bool(name) and name.isupper()


class App:
    """Every module of citizen_app parsed once, with its parents, imports and functions (to follow a
    parameter to the arguments its callers pass)."""

    def __init__(self) -> None:
        self.modules = {str(p.relative_to(ROOT)): ast.parse(p.read_text(encoding="utf-8"))
                        for p in sorted(APP.rglob("*.py"))}
        self.parent: dict[ast.AST, ast.AST] = {}
        self.module_of: dict[ast.AST, str] = {}
        self.functions: dict[str, list[ast.FunctionDef]] = {}
        for path, tree in self.modules.items():
            self.add(path, tree)

    def add(self, path: str, tree: ast.Module) -> None:
        self.modules[path] = tree
        for node in ast.walk(tree):
            self.module_of[node] = path
            for child in ast.iter_child_nodes(node):
                self.parent[child] = node
            if isinstance(node, ast.FunctionDef):
                self.functions.setdefault(node.name, []).append(node)

    def imported_modules(self, path: str) -> set[str]:
        names = set()
        for node in ast.walk(self.modules[path]):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(APP_PACKAGES):
                names |= {a.asname or a.name for a in node.names}
            if isinstance(node, ast.Import):
                names |= {a.asname or a.name for a in node.names}
        return names - {"st", "streamlit"}

    def scope_of(self, node: ast.AST) -> ast.AST:
        while node in self.parent:
            node = self.parent[node]
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.Module)):
                return node
        return node

    def calls_to(self, function: str):
        for tree in self.modules.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and _name(node.func) == function:
                    yield node


class Checker:
    def __init__(self, app: App) -> None:
        self.app = app

    def safe(self, node: ast.expr | None, seen: frozenset = frozenset()) -> bool:
        if node is None or _is_constant(node):
            return True
        if (self.app.module_of.get(node), ast.unparse(node)) in TRUSTED:
            return True
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return all(self.safe(e, seen) for e in node.elts)
        if isinstance(node, ast.Dict):
            return all(self.safe(v, seen) for v in node.values)
        if isinstance(node, ast.JoinedStr):
            return all(self.safe(v.value, seen) for v in node.values if isinstance(v, ast.FormattedValue))
        if isinstance(node, ast.BinOp):
            return self.safe(node.left, seen) and self.safe(node.right, seen)
        if isinstance(node, ast.UnaryOp):
            return self.safe(node.operand, seen)
        if isinstance(node, ast.BoolOp):
            return all(self.safe(v, seen) for v in node.values)
        if isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
            return self.safe(node.elt, seen) and all(self.safe(g.iter, seen) for g in node.generators)
        if isinstance(node, ast.IfExp):
            return self.safe(node.body, seen) and self.safe(node.orelse, seen)
        if isinstance(node, ast.Lambda):
            return self.safe(node.body, seen)
        if isinstance(node, ast.Call):
            return self._safe_call(node, seen)
        if isinstance(node, ast.Subscript):
            return self.safe(node.value, seen)  # a lookup in a safe table
        if isinstance(node, ast.Attribute):
            return node.attr in SAFE_ATTRIBUTES
        if isinstance(node, ast.Name):
            return node.id in SAFE_NAMES or self._safe_name(node, seen)
        return False

    def _safe_call(self, node: ast.Call, seen: frozenset) -> bool:
        name = _name(node.func)
        if name in TRANSLATE:
            plural = name in {"ngettext", "npgettext"}
            # msgids must be literal or constants; ngettext's count is a number by its contract
            msgids = [a for n, a in enumerate(node.args) if not (plural and n == len(node.args) - 1)]
            return all(_is_constant(a) or self.safe(a, seen) for a in msgids) and all(
                self.safe(k.value, seen) for k in node.keywords)
        if name in SAFE_FORMATTERS:
            return True
        if name in CONTAINERS or name in {"join", "format"}:
            receiver_ok = not isinstance(node.func, ast.Attribute) or self.safe(node.func.value, seen)
            return receiver_ok and all(self.safe(a, seen) for a in node.args) and all(
                self.safe(k.value, seen) for k in node.keywords)
        return False

    def _safe_name(self, node: ast.Name, seen: frozenset) -> bool:
        """Follow a local name to its assignments, a parameter to its callers' arguments; loops are unknown."""
        scope = self.app.scope_of(node)
        while True:
            verdict = self._in_scope(scope, node.id, seen)
            if verdict is not None:
                return verdict
            if isinstance(scope, ast.Module):
                return False
            scope = self.app.scope_of(scope)

    def _in_scope(self, scope: ast.AST, name: str, seen: frozenset) -> bool | None:
        if (id(scope), name) in seen:
            return True  # already being checked further up: its other values decide
        seen = seen | {(id(scope), name)}
        args = scope.args if isinstance(scope, (ast.FunctionDef, ast.Lambda)) else None
        if args is not None and name in [a.arg for a in args.args + args.kwonlyargs]:
            return self._safe_parameter(scope, name, seen)
        values: list[ast.expr] = []
        for node in ast.walk(scope):
            if node is not scope and isinstance(node, (ast.FunctionDef, ast.Lambda)):
                continue  # ast.walk still visits inside; names there belong to inner scopes (rare here)
            if isinstance(node, (ast.For, ast.comprehension)) and name in {
                    n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}:
                values.append(node.iter)  # an element of a safe collection (or of enumerate/zip over them)
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if name in {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}:
                        values.append(node.value)  # also unpacked: every part of a safe value is safe
            if isinstance(node, (ast.AnnAssign, ast.NamedExpr)) and getattr(node.target, "id", None) == name:
                if node.value is None:
                    return False
                values.append(node.value)
        if not values:
            return None
        return all(self.safe(v, seen) for v in values)

    def _safe_parameter(self, function: ast.AST, name: str, seen: frozenset) -> bool:
        if not isinstance(function, ast.FunctionDef):
            return False  # a lambda's parameter: the lambda's use decides (e.g. format_func of constants)
        params = [a.arg for a in function.args.args]
        position = params.index(name) if name in params else None
        calls = list(self.app.calls_to(function.name))
        if not calls:
            return False
        for call in calls:
            given = [k.value for k in call.keywords if k.arg == name]
            if position is not None and position < len(call.args):
                given.append(call.args[position])
            defaults = function.args.defaults + [d for d in function.args.kw_defaults if d is not None]
            if not given and not defaults:
                return False
            if not all(self.safe(g, seen) for g in given):
                return False
        return True


def _markdown_values(call: ast.Call) -> list[ast.expr]:
    """The arguments of a markdown-rendering call that Streamlit renders."""
    name = _name(call.func)
    values = list(call.args[:1]) if name not in {"write", "tabs"} else list(call.args)
    if name in OPTION_CALLS and len(call.args) > 1:
        values.append(call.args[1])
    for keyword in call.keywords:
        shown = keyword.arg in MARKDOWN_KEYWORDS and (keyword.arg != "value" or name in VALUE_IS_SHOWN)
        if shown or (name in OPTION_CALLS and keyword.arg in {"options", "format_func"}):
            values.append(keyword.value)
    return values


def unsafe_markdown(app: App, path: str) -> list[tuple[int, str]]:
    """(line, call and expression) for every value in `path` that could carry user text into markdown."""
    checker, modules = Checker(app), app.imported_modules(path)
    found = []
    for call in ast.walk(app.modules[path]):
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)) \
                or call.func.attr not in MARKDOWN_CALLS:
            continue
        if isinstance(call.func.value, ast.Name) and call.func.value.id in modules | {"self"}:
            continue  # our own module's function of that name (workshop_box.status), not Streamlit's
        for value in _markdown_values(call):
            if not checker.safe(value):
                found.append((value.lineno, f"{ast.unparse(call.func)}(… {ast.unparse(value)} …)"))
    return sorted(found)


def _sweep(source: str) -> list[tuple[int, str]]:
    app = App()
    app.add("example.py", ast.parse(source))
    return unsafe_markdown(app, "example.py")


def test_no_markdown_call_in_the_app_shows_user_text():
    app = App()
    problems = [f"{path}:{line}: {expr}" for path in sorted(app.modules) for line, expr in unsafe_markdown(app, path)]
    assert problems == [], "User text may reach markdown; show it with ui.plain:\n" + "\n".join(problems)


# --- the sweep itself is tested: it must catch the case and let ordinary pages through ----------------

def test_the_sweep_catches_a_display_name_in_a_title_and_other_disguises():
    caught = _sweep('''
def page(me, item, rows):
    name = me.display_name
    st.title(_("Hej {name}", name=name))
    st.caption(f"Butik: {item.shop}")
    bar.button(item.title, key="x")
    with st.expander(_("Om {title}", title=item.title)):
        pass
    st.radio(_("Vælg"), rows, format_func=lambda r: r.title)
    st.write(item.note)
    st.info(_("Grund: {reason}", **{"reason": item.reason}))
''')
    assert [line for line, _expr in caught] == [4, 5, 6, 7, 9, 9, 10, 11]  # line 9: the options and their labels


def test_the_sweep_lets_translations_numbers_and_plain_text_through():
    assert _sweep('''
def page(summary, item, n):
    label_text = _("Plan nummer {version}", version=summary.version)
    st.subheader(label_text)
    st.caption(_("Pris: {amount}", amount=money(item.price_ore)))
    st.write(ngettext("{n} ønske", "{n} ønsker", n))
    ui.plain(item.title)
    st.text(item.note)
    st.button(_(CHOICES["approve"]), key=f"save_{item.id}")
''') == []
