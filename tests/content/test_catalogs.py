"""The gettext catalogs are complete: not stale, nothing untranslated in English, nothing fuzzy.

Re-runs the same extraction as `make messages` into a temporary file and
compares message ids with the committed template and catalogs.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
TARGET_LANGUAGES = ("en", "ar")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _ids(catalog) -> set:
    return {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}


def _read(path: Path):
    with path.open("rb") as f:
        return read_po(f)


@pytest.fixture(scope="module")
def fresh_template(tmp_path_factory):
    out = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run([str(Path(sys.executable).parent / "pybabel"), "extract", "-F", "babel.cfg", "-k", "N_",
                    "-k", "ngettext:1,2", "-k", "pgettext:1c,2", "-k", "npgettext:1c,2,3", "-o", str(out), "."],
                   cwd=ROOT, check=True, capture_output=True)
    return _read(out)


def test_template_is_not_stale(fresh_template):
    committed = _read(LOCALES / "messages.pot")
    missing = _ids(fresh_template) - _ids(committed)
    extra = _ids(committed) - _ids(fresh_template)
    assert not missing and not extra, f"run `make messages`: new={sorted(map(str, missing))[:10]} " \
                                      f"gone={sorted(map(str, extra))[:10]}"


@pytest.mark.parametrize("language", ("da",) + TARGET_LANGUAGES)
def test_catalog_has_exactly_the_templates_messages_and_nothing_fuzzy(fresh_template, language):
    catalog = _read(LOCALES / language / "LC_MESSAGES" / "messages.po")
    assert _ids(catalog) == _ids(fresh_template), "run `make messages`"
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert fuzzy == []


@pytest.mark.parametrize("language", TARGET_LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(language):
    catalog = _read(LOCALES / language / "LC_MESSAGES" / "messages.po")
    untranslated, wrong_placeholders = [], []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        if not all(s and s.strip() for s in strings):
            untranslated.append(ids[0])
            continue
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            if set(PLACEHOLDER.findall(text)) != wanted and set(PLACEHOLDER.findall(text)) - {"n"} != wanted - {"n"}:
                wrong_placeholders.append(ids[0])
    assert untranslated == [], f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert wrong_placeholders == []


def test_compiled_catalogs_load_and_translate():
    from babel.support import Translations
    english = Translations.load(str(LOCALES), ["en"], domain="messages")
    assert english.gettext("Log ind") == "Log in"
