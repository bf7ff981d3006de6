"""No inserted value can turn a line into a markdown list or heading (issue 17).

'Hvem har set min plan' wrote "{when}: {role} – {action}" with st.write: a Danish date "2. dec. 2026 14.05" at
the start of a line is an ordered-list marker ("2."), so the page showed a numbered list starting at 2 and the
date lost its day. Any value that can begin with digits and a full stop (a Danish date), a sign or a hash does
the same. So: a sentence rendered as markdown (st.write, st.caption, st.info, button labels ... the calls in
test_no_user_text_in_markdown.MARKDOWN_CALLS) must not start a line with a placeholder, in its msgid or in any
translation, unless the value there is a count or one of our translated labels. Such sentences go through
ui.say (plain text) instead.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

from babel.messages.pofile import read_po

from tests.architecture.test_no_user_text_in_markdown import (
    MARKDOWN_CALLS,
    SAFE_ATTRIBUTES,
    SAFE_NAMES,
    App,
    _markdown_values,
    _name,
)

ROOT = Path(__file__).resolve().parents[2]
LEADING_PLACEHOLDER = re.compile(r"^\s*\{(\w+)\}", re.MULTILINE)
NUMBERS = frozenset({"number", "percent", "len", "int", "round", "abs"})  # begin with a digit and a space at most


def _catalog_texts() -> dict[str, list[str]]:
    """msgid -> [the msgid and every translation of it] from every catalog in locales/."""
    texts: dict[str, list[str]] = {}
    for po_file in sorted((ROOT / "locales").glob("*/LC_MESSAGES/messages.po")):
        with po_file.open("rb") as f:
            for message in read_po(f):
                if not message.id:
                    continue
                ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
                strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
                for msgid in ids:
                    texts.setdefault(msgid, list(ids)).extend(s for s in strings if s)
    return texts


def _harmless_start(value: ast.expr | None) -> bool:
    """A value that cannot begin with list or heading syntax: a count, or one of our translated labels."""
    if value is None:
        return False
    if isinstance(value, ast.Name):
        return value.id in SAFE_NAMES
    if isinstance(value, ast.Attribute):
        return value.attr in SAFE_ATTRIBUTES
    if isinstance(value, ast.Call):
        name = _name(value.func) or ""
        return name in NUMBERS or name.endswith("label")
    return isinstance(value, ast.Constant) and isinstance(value.value, int)


def _given(module: ast.Module, call: ast.Call) -> dict[str, ast.expr]:
    """The call's keyword values, also those passed as **params of a dict literal assigned in the module."""
    given = {k.arg: k.value for k in call.keywords if k.arg}
    for spread in (k.value for k in call.keywords if k.arg is None and isinstance(k.value, ast.Name)):
        for node in ast.walk(module):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict) and any(
                    isinstance(t, ast.Name) and t.id == spread.id for t in node.targets):
                given.update({k.value: v for k, v in zip(node.value.keys, node.value.values)
                              if isinstance(k, ast.Constant)})
    return given


def leading_values(app: App, path: str, texts: dict[str, list[str]]) -> list[str]:
    """'line: msgid starts with {x}' for each markdown call in `path` whose sentence starts a line with a value
    that may look like markdown."""
    found, ours = [], app.imported_modules(path) | {"self", "ui"}
    for call in ast.walk(app.modules[path]):
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr in MARKDOWN_CALLS) or _name(call.func.value) in ours:
            continue  # (our own module's function of that name, e.g. workshop_box.status, is not Streamlit's)
        for shown in _markdown_values(call):
            for node in ast.walk(shown):
                if not (isinstance(node, ast.Call) and _name(node.func) in {"_", "ngettext", "pgettext"}):
                    continue
                msgids = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                given = _given(app.modules[path], node)
                for msgid in msgids:
                    for text in texts.get(msgid, [msgid]):
                        for placeholder in LEADING_PLACEHOLDER.findall(text):
                            plural_count = placeholder == "n" and _name(node.func) == "ngettext"
                            if not plural_count and not _harmless_start(given.get(placeholder)):
                                found.append(f"{path}:{node.lineno}: {msgid!r} starts a line with {{{placeholder}}}")
    return sorted(set(found))


def test_no_markdown_sentence_starts_a_line_with_a_date_or_other_value():
    app, texts = App(), _catalog_texts()
    problems = [problem for path in sorted(app.modules) for problem in leading_values(app, path, texts)]
    assert problems == [], "show these with ui.say (plain text):\n" + "\n".join(problems)


def test_the_check_catches_the_access_log_line_and_lets_counts_through():
    app = App()
    app.add("example.py", ast.parse('''
st.write(_("{when}: {role} – {action}", when=date_time(at), role=role_label(role), action=action_label(what)))
st.caption(_("Noget.\\n{date} er sidste dag.", date=long_date(day)))
st.write(ngettext("{n} ønske", "{n} ønsker", n))
st.write(_("{role}. Adgangen er åben.", role=role_label(role)))
st.write(_("{count} svar", count=len(rows)))
'''))
    found = leading_values(app, "example.py", {})
    assert [line.split(":")[1] for line in found] == ["2", "3"]
