"""Per-session translation and Babel formatting.

Danish is the source language (msgids are Danish). Catalogs are loaded once
per language and shared read-only; the language itself lives in the
session, never in a process-global ``gettext.install()``.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

import streamlit as st
from babel import Locale
from babel.dates import format_date, format_time, get_datetime_format, match_skeleton
from babel.numbers import format_currency, format_decimal, format_percent
from babel.support import Translations

from dialogs.text import isolate
from storage import languages

LOCALES_DIR = languages.locales_dir()
# Every complete catalog, by its own name ("Dansk", "English", "العربية"): see storage/languages.py.
LANGUAGES = {code: languages.own_name(code) for code in languages.available()}
DEFAULT_LANGUAGE = languages.SOURCE_LANGUAGE
TIMEZONE = ZoneInfo("Europe/Copenhagen")
LANG_KEY = "lang"


@lru_cache(maxsize=None)
def translations(language: str) -> Translations:
    return Translations.load(str(LOCALES_DIR), [language], domain="messages")


def current_language() -> str:
    lang = st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    if language in LANGUAGES:
        st.session_state[LANG_KEY] = language


def direction(language: str | None = None) -> str:
    """'ltr' or 'rtl': the page's direction in the session's language (Babel's locale data)."""
    return languages.direction(language or current_language())


def _(message: str, **params) -> str:
    """Translate a Danish msgid into the session's language and fill named placeholders, each bidi-isolated
    where its direction may differ from the sentence's (see ``isolated``)."""
    language = current_language()
    return translator(language)(message, **isolated(params, language)) if params else \
        translations(language).gettext(message)


def isolated(params: dict, language: str | None = None) -> dict:
    """Values inserted into a sentence, each in a Unicode isolate (FSI ... PDI) when it could reorder the
    sentence around it: in a right-to-left page every text value (an amount "3.000 kr." or a Danish name keeps
    its full stop and its place), in a left-to-right page any value holding right-to-left letters."""
    rtl = direction(language) == "rtl"
    return {key: isolate(value, always=rtl) if isinstance(value, str) else value for key, value in params.items()}


def translator(language: str):
    """``_`` for one language, for work done outside a script run (e.g. a file made when it is downloaded)."""
    def translate(message: str, **params) -> str:
        text = translations(language).gettext(message)
        return text.format(**params) if params else text
    return translate


def ngettext(singular: str, plural: str, n: int, **params) -> str:
    text = translations(current_language()).ngettext(singular, plural, n)
    return text.format(n=n, **isolated(params))


def pgettext(context: str, message: str) -> str:
    return translations(current_language()).pgettext(context, message)


def locale(language: str | None = None) -> str:
    return languages.babel_locale(language or current_language())


def money(ore: int | None, language: str | None = None) -> str:
    """Integer øre as Danish kroner: 300000 -> '3.000 kr.', 300050 -> '3.000,50 kr.'."""
    if ore is None:
        return "–"
    return _kroner(ore, locale(language))


@lru_cache(maxsize=4096)
def _kroner(ore: int, babel_locale: str) -> str:
    """Babel's formatting costs ~0.2 ms a call and a page shows the same few amounts on every run."""
    kroner = Decimal(ore) / 100
    # The locale's own pattern (e.g. "#,##0.00 ¤"), with a plain space as amounts have always been written here.
    pattern = Locale.parse(babel_locale).currency_formats["standard"].pattern.replace("\xa0", " ")
    if ore % 100 == 0:
        pattern = pattern.replace(".00", "")  # whole kroner without ",00"
    return format_currency(kroner, "DKK", locale=babel_locale, format=pattern, currency_digits=False)


def number(value: int | float) -> str:
    return format_decimal(value, locale=locale())


def percent(share: float) -> str:
    """0.85 -> '85 %' (Danish) / '85%' (English)."""
    return format_percent(share, locale=locale())


def long_date(day: date, language: str | None = None) -> str:
    """'22. november 2026'."""
    return format_date(day, format="long", locale=locale(language))


def weekday_date(day: date) -> str:
    """'tirsdag 24. november', 'Tuesday 24 November': the locale's pattern for a day, its month and weekday."""
    return format_date(day, _weekday_pattern(locale()), locale=locale())


@lru_cache(maxsize=None)
def _weekday_pattern(babel_locale: str) -> str:
    """Babel's closest pattern to the skeleton 'MMMMEEEEd', with the weekday written out in full (CLDR gives
    some locales only the abbreviated form, 'ons. 2. december'; its own matching widens the field like this)."""
    skeletons = Locale.parse(babel_locale).datetime_skeletons
    pattern = str(skeletons[match_skeleton("MMMMEEEEd", skeletons)])
    return re.sub(r"E{1,4}", "EEEE", pattern)


def date_time(moment: datetime) -> str:
    """A stored UTC moment in Danish local time, as the locale writes a date and a time:
    '22. nov. 2026 14.05', '22 Nov 2026, 14.05'."""
    local = moment.astimezone(TIMEZONE)
    babel_locale = locale()
    return str(get_datetime_format("medium", locale=babel_locale)).format(
        format_time(local, "short", locale=babel_locale), format_date(local, "medium", locale=babel_locale))


def local_today() -> date:
    return datetime.now(TIMEZONE).date()
