"""Which languages the app speaks: every COMPLETE catalog in locales/, nothing listed in code.

Danish is the source language (the msgids), so it is always complete. Another language is offered once its
catalog translates every message of the template and is compiled; adding one is `pybabel init` plus
translation (README, "A new language"). What a language looks like (its own name, its direction, its dates and
numbers) comes from Babel's locale data, never from a table here.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.pofile import read_po

from storage.config import PROJECT_ROOT

SOURCE_LANGUAGE = "da"
REGION = "DK"  # dates and numbers as in Denmark where Babel has the language there (en_DK), else the language's own
CATALOG = Path("LC_MESSAGES") / "messages.po"


def locales_dir() -> Path:
    """An installed release carries the catalogs as citizen_app/locales; a checkout keeps them at the top level."""
    installed = PROJECT_ROOT / "citizen_app" / "locales"
    return installed if installed.is_dir() else PROJECT_ROOT / "locales"


def catalog_is_complete(po_file: Path) -> bool:
    """Every message of the catalog translated (all plural forms), none fuzzy, and the catalog compiled."""
    if not po_file.with_suffix(".mo").is_file():
        return False
    with po_file.open("rb") as f:
        catalog = read_po(f)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        if message.fuzzy or not all(s and s.strip() for s in strings):
            return False
    return True


@lru_cache(maxsize=1)
def available() -> tuple[str, ...]:
    """The languages offered: Danish first, then every complete catalog Babel knows, in code order."""
    found = []
    for po_file in sorted(locales_dir().glob(f"*/{CATALOG}")):
        code = po_file.parts[-3]
        if code != SOURCE_LANGUAGE and _known_to_babel(code) and catalog_is_complete(po_file):
            found.append(code)
    return (SOURCE_LANGUAGE, *found)


def _known_to_babel(code: str) -> bool:
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


@lru_cache(maxsize=None)
def babel_locale(language: str) -> str:
    """'da' -> 'da_DK', 'en' -> 'en_DK', 'ar' -> 'ar' (Babel has no Arabic for Denmark)."""
    regional = f"{language}_{REGION}"
    try:
        Locale.parse(regional)
    except UnknownLocaleError:
        return language
    return regional


def own_name(language: str) -> str:
    """The language's name in itself, as the switch shows it: 'Dansk', 'English', 'العربية'."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


@lru_cache(maxsize=None)
def direction(language: str) -> str:
    """'ltr' or 'rtl', for <html dir>. Cached: every translated sentence asks (Locale.parse is not free)."""
    return Locale.parse(language).text_direction


def is_available(language: str) -> bool:
    return language in available()
