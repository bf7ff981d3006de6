"""The languages offered come from the catalogs: a complete, compiled catalog is offered by its own name, with
Babel's direction and locale; an incomplete one is not (issue 17)."""
from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from storage import languages


def _catalog(root: Path, code: str, entries: dict[str, str], *, compiled: bool = True) -> None:
    folder = root / code / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog = Catalog(locale=code)
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr)
    with (folder / "messages.po").open("wb") as f:
        write_po(f, catalog)
    if compiled:
        with (folder / "messages.mo").open("wb") as f:
            write_mo(f, catalog)


@pytest.fixture
def locales(tmp_path, monkeypatch):
    monkeypatch.setattr(languages, "locales_dir", lambda: tmp_path)
    languages.available.cache_clear()
    yield tmp_path
    languages.available.cache_clear()


def test_complete_catalogs_are_offered_after_danish(locales):
    _catalog(locales, "da", {"Log ind": ""})  # the source language: nothing to translate
    _catalog(locales, "uk", {"Log ind": "Увійти"})
    _catalog(locales, "en", {"Log ind": "Log in"})
    assert languages.available() == ("da", "en", "uk")


def test_a_catalog_with_one_entry_untranslated_or_not_compiled_is_not_offered(locales):
    _catalog(locales, "en", {"Log ind": "Log in", "Log ud": ""})
    _catalog(locales, "pl", {"Log ind": "Zaloguj"}, compiled=False)
    _catalog(locales, "xx", {"Log ind": "?"})  # no such language in Babel
    assert languages.available() == ("da",)


def test_each_language_is_named_in_itself_with_its_direction_and_locale():
    assert [languages.own_name(code) for code in ("da", "en", "ar", "uk")] == ["Dansk", "English", "العربية",
                                                                              "Українська"]
    assert [languages.direction(code) for code in ("da", "en", "ar")] == ["ltr", "ltr", "rtl"]
    assert [languages.babel_locale(code) for code in ("da", "en", "ar")] == ["da_DK", "en_DK", "ar"]


def test_the_repositorys_catalogs_offer_danish_and_english():
    languages.available.cache_clear()
    assert {"da", "en"} <= set(languages.available())
