"""Entry point: session set-up, language, login, role-based navigation and one error boundary."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import streamlit as st

if __package__ in (None, ""):  # `streamlit run citizen_app/streamlit_app.py` runs this as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from citizen_app import session, theme, ui, warm  # noqa: E402
from citizen_app.navigation import pages_for  # noqa: E402
from storage import db  # noqa: E402
from storage.errors import RuleError  # noqa: E402

log = logging.getLogger("borgerbudget")


def main() -> None:
    warm.once()
    db.begin_action()
    st.set_page_config(page_title="Borgerbudget", page_icon="💰", layout="centered",
                       initial_sidebar_state="collapsed")
    actor = session.restore()  # who this is now, from the database: every action, not only at login
    ui.set_html_lang()
    theme.apply_theme()
    ui.write_pending_cookies()
    if actor is not None:
        ui.idle_countdown(session.idle_deadline())  # the browser counts down; an idle tab costs nothing
    ui.top_bar(show_logout=actor is not None)
    page = st.navigation(pages_for(actor, session.must_change_password()),
                         position="top" if actor is not None else "hidden")
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
    session.cookies_written()  # (not reached when a rerun or page switch cut this run short)


main()
