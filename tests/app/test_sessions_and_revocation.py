"""Login sessions in the app: a new tab with the session cookie is the same person at once; a revoked,
ended or narrowed login takes effect on the very next action. The browser's cookie is stood in for by
patching session._browser_token() (AppTest has no real cookies)."""
from __future__ import annotations

from unittest import mock

from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from storage import citizens, demo, staff
from storage.auth import staff_actor
from storage.db import write_session
from storage.models import Citizen, LoginSession, StaffRole, StaffUser
from tests.app.conftest import APP, citizen_login, press, staff_login, texts


def _token_of(app: AppTest) -> str:
    return app.session_state["session_token"]


def _new_tab(token: str) -> AppTest:
    with mock.patch("citizen_app.session._browser_token", return_value=token):
        at = AppTest.from_file(APP, default_timeout=30)
        at.run()
    return at


def _user(engine, username: str) -> StaffUser:
    with write_session(engine) as s:
        return s.scalar(select(StaffUser).where(StaffUser.username == username))


def _nav_titles(at: AppTest) -> set[str]:
    return {b.label for b in at.button}  # (page links are not AppTest widgets; buttons tell the role)


def test_a_new_tab_with_the_session_cookie_is_logged_in_on_its_first_run(app, demo_db):
    citizen_login(app, "HAVE-DEMA-3333", demo.DEMO_PIN)
    cookie_scripts = [h.proto.body for h in app.get("html") if "bb_session=" in h.proto.body]
    assert len(cookie_scripts) == 1 and _token_of(app) in cookie_scripts[0]
    with write_session(demo_db) as s:
        [record] = s.scalars(select(LoginSession))
    assert record.citizen_id is not None and _token_of(app) not in record.token_hash  # only the digest stored

    tab = _new_tab(_token_of(app))
    assert not tab.exception
    assert "Hej Jonas" in texts(tab)
    assert "Din kode" not in [t.label for t in tab.text_input]


def test_log_out_ends_the_session_for_every_tab(app, demo_db):
    citizen_login(app, "HAVE-DEMA-3333", demo.DEMO_PIN)
    token = _token_of(app)
    press(app, "Log ud")
    assert app.title[0].value == "Log ind"
    clearing = [h.proto.body for h in app.get("html") if "bb_session=;" in h.proto.body]
    assert len(clearing) == 1
    tab = _new_tab(token)
    assert tab.title[0].value == "Log ind"
    assert "Du er logget ud" not in texts(tab)  # nothing timed out: no notice


def test_a_new_access_code_logs_out_the_open_tab_on_its_next_action(app, demo_db):
    citizen_login(app, "HAVE-DEMA-3333", demo.DEMO_PIN)
    sara = _user(demo_db, "sara")
    with write_session(demo_db) as s:
        jonas = s.scalar(select(Citizen).where(Citizen.display_name == "Jonas"))
        citizens.reissue_access_code(s, actor=staff_actor(sara), citizen_id=jonas.id)
    app.run()
    assert app.title[0].value == "Log ind"
    assert "Hej Jonas" not in texts(app)


def test_a_deactivated_support_person_is_logged_out_on_the_next_action(app, demo_db):
    staff_login(app, "sara")
    assert "Mine borgere" in texts(app)
    with write_session(demo_db) as s:
        staff.set_active(s, actor=None, staff_id=_user(demo_db, "sara").id, active=False)
    app.run()
    assert app.title[0].value == "Log ind"
    assert "Mine borgere" not in texts(app)


def test_a_demoted_coordinator_loses_the_coordinator_pages_on_the_next_action(app, demo_db):
    staff_login(app, "karin")
    assert app.title[0].value == "Programmet"
    with write_session(demo_db) as s:
        staff.set_role(s, actor=None, staff_id=_user(demo_db, "karin").id, role=StaffRole.SUPPORT)
    app.run()
    assert app.session_state["actor"].role is StaffRole.SUPPORT
    assert app.title[0].value == "Mine borgere"  # the support person's start page, not the programme


def test_a_one_time_password_must_be_changed_before_anything_else(app, demo_db):
    with write_session(demo_db) as s:
        password = staff.reset_password(s, actor=None, staff_id=_user(demo_db, "ole").id)
    staff_login(app, "ole", password)
    assert app.title[0].value == "Min adgangskode"
    assert "engangsadgangskode" in texts(app)
    form = {t.label: t for t in app.text_input}
    form["Nuværende adgangskode"].input(password)
    form["Ny adgangskode"].input("kaffe-cykel-regn-lampe")
    form["Skriv den nye adgangskode igen"].input("kaffe-cykel-regn-lampe")
    press(app, "Skift adgangskode")
    assert not app.exception
    assert "Din adgangskode er skiftet." in [m.value for m in app.success]
    assert app.session_state["must_change_password"] is False
    staff_login_again = AppTest.from_file(APP, default_timeout=30)
    staff_login_again.run()
    staff_login(staff_login_again, "ole", "kaffe-cykel-regn-lampe")
    assert staff_login_again.title[0].value == "Mine borgere"


def test_a_common_password_is_refused_kindly(app, demo_db):
    staff_login(app, "finn")
    from citizen_app.navigation import ACCOUNT
    app.switch_page(f"app_pages/{ACCOUNT.file}")
    app.run()
    form = {t.label: t for t in app.text_input}
    form["Nuværende adgangskode"].input(demo.DEMO_PASSWORD)
    form["Ny adgangskode"].input("Kodeord12345")
    form["Skriv den nye adgangskode igen"].input("Kodeord12345")
    press(app, "Skift adgangskode")
    assert "Adgangskoden er for nem at gætte." in texts(app)
    assert _user(demo_db, "finn").password_hash  # unchanged: the demo password still works
    from storage.security import verify_secret
    assert verify_secret(_user(demo_db, "finn").password_hash, demo.DEMO_PASSWORD)


def test_an_answer_sent_from_a_revoked_tab_is_not_saved(app, demo_db):
    """Callbacks run before the script: they check the login session themselves (Jonas's open tab kept
    saving after Sara made him a new code)."""
    from storage.models import CourseAnswer
    citizen_login(app, "HAVE-DEMA-3333", demo.DEMO_PIN)
    app.switch_page("app_pages/course.py")
    app.run()
    assert app.title[0].value == "Samtale"
    sara = staff_actor(_user(demo_db, "sara"))
    with write_session(demo_db) as s:
        before = s.scalar(select(func.count()).select_from(CourseAnswer))
        jonas = s.scalar(select(Citizen).where(Citizen.display_name == "Jonas"))
        citizens.reissue_access_code(s, actor=sara, citizen_id=jonas.id)
    press(app, "Det vil jeg ikke svare på nu")  # a callback: would save a skipped answer
    with write_session(demo_db) as s:
        assert s.scalar(select(func.count()).select_from(CourseAnswer)) == before
    assert app.title[0].value == "Log ind"
