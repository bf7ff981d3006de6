"""Safety everywhere: every free text a citizen can type on a citizen page is read for crisis signals.

A citizen page (citizen_app/navigation.py CITIZEN) or a citizen_app module it imports that draws a text field
(st.text_input, st.text_area, st.chat_input; not a password, not a code) must be checked through
citizen_app/help_panel.py (`check` or `checking`), in the module itself or in the page that uses it. A new
field that is not checked fails here: call help_panel.check on what the citizen sent (see plan_forms.py).
"""
from __future__ import annotations

import ast
from pathlib import Path

from citizen_app.navigation import CITIZEN

ROOT = Path(__file__).resolve().parents[2] / "citizen_app"
TEXT_WIDGETS = {"text_input", "text_area", "chat_input"}
NOT_FREE_TEXT = {"Værkstedets kode", "Mobilnummer"}  # a workshop's join code; a phone number for SMS
CHECKS = ("help_panel.check", "hp.check", "help_panel.checking", "hp.checking")


def _label(call: ast.Call) -> str | None:
    arg = call.args[0] if call.args else None
    if isinstance(arg, ast.Call) and arg.args and isinstance(arg.args[0], ast.Constant):
        arg = arg.args[0]
    return arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None


def free_text_fields(source: str) -> list[str]:
    fields = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in TEXT_WIDGETS:
            if any(k.arg == "type" and getattr(k.value, "value", None) == "password" for k in node.keywords):
                continue
            label = _label(node)
            if label not in NOT_FREE_TEXT:
                fields.append(f"{node.func.attr}({label!r}) line {node.lineno}")
    return fields


def _imported_modules(source: str) -> list[Path]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "citizen_app":
            found += [ROOT / f"{alias.name}.py" for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("citizen_app."):
            found.append(ROOT / (node.module.split(".", 1)[1].replace(".", "/") + ".py"))
    return [p for p in found if p.exists()]


def test_every_free_text_on_a_citizen_page_is_read_for_crisis_signals():
    problems = []
    for spec in CITIZEN:
        page = ROOT / "app_pages" / spec.file
        page_source = page.read_text(encoding="utf-8")
        for module in [page, *_imported_modules(page_source)]:
            source = module.read_text(encoding="utf-8")
            fields = free_text_fields(source)
            if fields and not any(c in source or c in page_source for c in CHECKS):
                problems.append(f"{spec.file} -> {module.relative_to(ROOT.parent)}: {', '.join(fields)}")
    assert problems == [], "Free text not read for crisis signals (citizen_app/help_panel.check):\n" + "\n".join(
        problems)


def test_the_check_finds_fields():
    """The test above can see a field (so an empty result means something)."""
    assert free_text_fields('st.text_area(_("Note"), key="x")') == ["text_area('Note') line 1"]
    assert free_text_fields('st.text_input(_("PIN"), type="password")') == []
    assert free_text_fields((ROOT / "plan_forms.py").read_text(encoding="utf-8"))
