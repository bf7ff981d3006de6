"""Entry point: session set-up, language, login, role-based navigation and one error boundary."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import streamlit as st

if __package__ in (None, ""):  # `streamlit run citizen_app/streamlit_app.py` runs this as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from citizen_app import session, theme, ui, warm  # noqa: E402
from citizen_app.i18n import _  # noqa: E402
from citizen_app.navigation import pages_for  # noqa: E402
from storage import db  # noqa: E402
from storage.errors import RuleError  # noqa: E402

log = logging.getLogger("borgerbudget")


def main() -> None:
    warm.once()
    db.begin_action()
    st.set_page_config(page_title="Borgerbudget", page_icon="💰", layout="centered",
                       initial_sidebar_state="collapsed")
    ui.set_html_lang()
    theme.apply_theme()
    ui.write_pending_device_cookie()
    if session.is_idle_expired():
        session.log_out(notice=_("Du er logget ud, fordi der ikke skete noget et stykke tid. Dine svar er gemt."))
    actor = session.current_actor()
    if actor is not None:
        session.touch()
        ui.idle_watch(max(1.0, min(30.0, session.idle_seconds_allowed() / 4)))()
    ui.top_bar(show_logout=actor is not None)
    page = st.navigation(pages_for(actor), position="top" if actor is not None else "hidden")
    ui.show_flash(as_toast=actor is not None and not actor.is_staff)
    try:
        page.run()
    except RuleError as error:
        ui.show_domain_error(error)
    except Exception:  # noqa: BLE001 - the one error boundary; detail goes to the operator's log
        log.exception("unhandled error on page %s", page.url_path)
        st.error(ui.unexpected_error(), icon=":material/error:")  # "gemt" only when it is true
    finally:
        ui.footer()  # the accessibility statement on every page (so pages never call st.stop(): it skips this)


main()
