"""Small shared widgets, and the one way a page acts: `act()` inline or `on_click()` as a widget callback.

User text is always shown with st.text: never HTML, never markdown.
"""
from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TypeVar

import streamlit as st

from citizen_app import session
from citizen_app.i18n import LANGUAGES, _, current_language, money, set_language
from citizen_app.i18n import direction as text_direction  # (ui has no direction of its own)
from dialogs.text import for_display, isolate, markdown_inert
from storage import devices, sessions
from storage.config import load_config
from storage import db
from storage.db import transaction, write_session
from storage.errors import N_, RuleError
from storage.security import valid_token

T = TypeVar("T")
Work = Callable[..., T]  # called with the action's database session

log = logging.getLogger("borgerbudget")

UNEXPECTED_ERROR = N_("Beklager, der skete en fejl. Dine svar er gemt.")
UNSAVED_ERROR = N_("Beklager, der skete en fejl. Det, du lige gjorde, blev ikke gemt. Prøv igen.")
FLASH_KEY = "flash"            # a success message for the next run
ERRORS_KEY = "action_errors"   # refusals from callbacks, by the key of the place that shows them
TOP = "top"                    # errors without a place of their own show at the top of the page


def plain(text: str | None) -> None:
    """Show text exactly as written (no markdown, no HTML), without bidi overrides that would show it reversed."""
    if text:
        st.text(for_display(text))


def say(msgid: str, **values: object) -> None:
    """One of our sentences with user text in it ("Butik: {shop}"): plain text, each text value isolated."""
    plain(_(msgid, **message_params(values)))


def heading(text: str) -> None:
    """The page's heading when it holds user text ("Hej {name}"): escaped, so it is never markdown or markup."""
    st.html(f"<h1>{html.escape(for_display(text))}</h1>")


def message_params(params: dict) -> dict:
    """Amounts travel as integer øre named '<x>_ore'; show them as kroner in '{x}'. Text (a wish's title) is
    isolated, so right-to-left words keep the sentence in order."""
    shown = dict(params)
    for key, value in params.items():
        if key.endswith("_ore") and isinstance(value, int):
            shown[key[:-4]] = money(value)
        elif isinstance(value, str):
            shown[key] = isolate(value)
    return shown


def translate_error(error: RuleError) -> str:
    """A refusal in the session's language, for st.error (which renders markdown). A text param (an amount as
    the citizen typed it) keeps only letters, digits, spaces and . , - ' so nothing in it can mean markdown."""
    params = {k: markdown_inert(v) if isinstance(v, str) else v for k, v in error.params.items()}
    return _(error.message, **message_params(params))


def show_domain_error(error: RuleError) -> None:
    st.error(translate_error(error), icon=":material/info:")


def unexpected_error() -> str:
    """The error box's words: "Dine svar er gemt" only when it is true, i.e. no write of this action was lost."""
    return _(UNSAVED_ERROR) if db.action_lost_a_write() else _(UNEXPECTED_ERROR)


def try_action(work: Work[T]) -> tuple[T | None, RuleError | None]:
    """One user action = one transaction, tried once more after a transient database error (a lock that
    timed out, a dropped connection). Returns (result, None), or (None, the refusal) when a rule said no
    or it could not be stored (storage.db.Busy, whose message says so): then nothing of it was stored."""
    try:
        return transaction(work), None
    except RuleError as error:
        return None, error


def attempt(work: Work[T]) -> T | None:
    """One user action = one transaction; returns the work's result. A refusal shows calm guidance here and
    returns None: nothing was changed. For actions whose result the page shows (a new access code)."""
    result, refusal = try_action(work)
    if refusal is not None:
        show_domain_error(refusal)
        return None
    return result


def flash(message: str) -> None:
    """Say `message` once, at the top of the next run (streamlit_app shows it)."""
    st.session_state[FLASH_KEY] = message


def act(work: Work[object], done: str | None = None, *, after: Callable[[], None] | None = None) -> bool:
    """Do it, say so, show the fresh page: one action in one transaction; on success run `after` (close a form,
    clear fields), flash `done` and rerun. A refusal shows calm guidance here and returns False.

    Prefer `on_click()` where the widget allows a callback: it needs one script run instead of two."""
    if attempt(lambda s: work(s) or True) is None:
        return False
    if after is not None:
        after()
    if done:
        flash(done)
    st.rerun()
    return True  # not reached: st.rerun() ends this run


def on_click(work: Work[object], done: str | None = None, *, after: Callable[[], None] | None = None,
             errors: str = TOP) -> Callable[[], None]:
    """act() as a widget callback (on_click, on_change, on_submit). Streamlit reruns after a callback by itself,
    so nothing reruns twice. Widget values are read from st.session_state by key inside `work`. A refusal is
    kept and shown by `show_errors(errors)` where the page draws that place (TOP: above the page)."""

    def checked_work(s):
        # The login is checked in the action's own transaction (one transaction, not two: issue 18). If it
        # ended or changed since the page was drawn, nothing is done and the script's run says why.
        if not session.still_valid(s):
            return False
        work(s)
        return True

    def callback() -> None:
        db.begin_action()
        try:
            if not transaction(checked_work):
                return
        except RuleError as error:
            st.session_state.setdefault(ERRORS_KEY, {})[errors] = translate_error(error)
            return
        except Exception:  # noqa: BLE001 - the error boundary for callbacks, like the page's own
            log.exception("unhandled error in an action")
            st.session_state.setdefault(ERRORS_KEY, {})[errors] = unexpected_error()
            return
        if after is not None:
            after()
        if done:
            flash(done)

    return callback


def show_errors(place: str = TOP) -> None:
    """The refusal a callback kept for this place, once."""
    message = st.session_state.get(ERRORS_KEY, {}).pop(place, None)
    if message:
        st.error(message, icon=":material/info:")


def show_flash(*, as_toast: bool) -> None:
    """What the last action said (a toast for citizens, a box for staff) and any refusal kept for the top."""
    show_errors(TOP)
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        (st.toast if as_toast else st.success)(message, icon=":material/check:")


def clear_keys(*keys: str) -> None:
    """Empty form fields after a saved action (pass as `after=`)."""
    for key in keys:
        st.session_state.pop(key, None)


def set_html_lang() -> None:
    """Tell screen readers the page language and browsers its direction (Streamlit's index.html says 'en', 'ltr').
    Both come from the session's language: a code from the catalogs and Babel's 'ltr' / 'rtl'."""
    lang, direction = current_language(), text_direction()
    st.html(f"<script>document.documentElement.lang = '{lang}'; document.documentElement.dir = '{direction}';"
            "</script>", unsafe_allow_javascript=True)


def write_pending_cookies() -> None:
    """Set or clear the cookies asked for by the session module (the login session's, a remembered phone's).
    JavaScript, because Streamlit cannot set cookies; each token is checked to be URL-safe base64 before it
    is embedded. SameSite=Strict, Secure on https. They are written again on every run until one runs to
    its end (session.cookies_written()): a run cut short by st.switch_page may never reach the browser."""
    pending = st.session_state.get(session.PENDING_COOKIES_KEY)
    if not pending:
        return
    lifetimes = {sessions.COOKIE_NAME: int(load_config().session_hours * 3600),
                 devices.COOKIE_NAME: load_config().remember_days * 86400}
    lines = []
    for name, token in pending.items():
        if name not in lifetimes or (token and not valid_token(token)):
            raise ValueError("not a cookie of ours")
        age = lifetimes[name] if token else 0
        lines.append(f"document.cookie = '{name}={token}; Max-Age={age}; Path=/; SameSite=Strict' + secure;")
    st.html("<script>{ const secure = location.protocol === 'https:' ? '; Secure' : '';\n" + "\n".join(lines)
            + " }</script>", unsafe_allow_javascript=True)  # a block: every such script declares its own const


def idle_countdown(deadline: datetime | None) -> None:
    """The browser counts down to the idle deadline held in the login session, then loads the page again:
    the server finds the session ended and shows the login with a calm notice. Nothing runs on the server
    while the tab is idle (issue 18). Every run replaces the previous countdown."""
    if deadline is None:
        return
    milliseconds = max(0, int((deadline - datetime.now(timezone.utc)).total_seconds() * 1000)) + 1000
    st.html(f"<script>clearTimeout(window.__bbIdle); window.__bbIdle = setTimeout(() => location.reload(), "
            f"{milliseconds});</script>", unsafe_allow_javascript=True)


def _switch_language(lang: str) -> None:
    set_language(lang)
    actor = session.current_actor()
    if actor is not None and not session.still_valid():
        return
    if actor is not None and not actor.is_staff:
        from storage import citizens
        with write_session() as s:
            citizens.set_language(s, actor=actor, language=lang)


def top_bar(show_logout: bool) -> None:
    """The language switch (one button for each other complete language, named in itself) and 'Log ud', at the
    top of every page."""
    # A horizontal container keeps the buttons on one line on a phone (columns would stack); it wraps if needed.
    # "right" is the end of the line: in a right-to-left page Streamlit's flex box puts them on the left.
    bar = st.container(horizontal=True, horizontal_alignment="right", vertical_alignment="center")
    for code, name in LANGUAGES.items():
        if code != current_language():
            bar.button(name, key=f"switch_language_{code}", on_click=_switch_language, args=(code,),
                       icon=":material/translate:")
    if show_logout:
        bar.button(_("Log ud"), key="log_out", on_click=session.log_out, type="primary", icon=":material/logout:")


def footer() -> None:
    url = load_config().accessibility_url
    label = _("Tilgængelighedserklæring")  # not inside the f-string: pybabel does not look there
    st.divider()
    st.markdown(f"[{label}]({url})")
