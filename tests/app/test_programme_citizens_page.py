"""'Borgerne': the coordinator's overview of the programme, most urgent first, a page at a time."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import caseload, citizens, programmes
from storage.db import write_session
from storage.models import AuditEvent, Citizen, StaffRole, StaffUser
from tests.app.conftest import press, staff_login
from tests.app.test_support_pages import staff

PAGE = "app_pages/programme_citizens.py"


def _open(app, username: str = "karin") -> None:
    staff_login(app, username)
    app.switch_page(PAGE).run()
    assert not app.exception


def _names(app) -> list[str]:
    return list(app.dataframe[0].value["Navn"]) if app.dataframe else []


def _captions(app) -> list[str]:
    return [c.value for c in app.caption]


def _button(app, label: str):
    return next(b for b in app.button if b.label == label)


def test_the_coordinator_sees_every_citizen_of_the_programme_most_urgent_first(app, demo_db):
    karin = staff(demo_db, "karin")
    with Session(demo_db) as s:  # rolled back: only the page's own read is logged
        expected = [r.display_name for r in caseload.overview(s, actor=karin)]
        s.rollback()
    _open(app)
    assert app.title[0].value == "Borgerne i programmet"
    assert _names(app) == expected
    assert [m.value for m in app.metric][0] == str(len(expected))
    assert f"Viser 1–{len(expected)} af {len(expected)}." in _captions(app)
    assert not any(b.label in ("Forrige side", "Næste side") for b in app.button)  # one page: no buttons
    with write_session(demo_db) as s:
        read = s.scalars(select(AuditEvent.citizen_id).where(AuditEvent.action == "list_citizens",
                                                             AuditEvent.actor_id == karin.id)).all()
    with write_session(demo_db) as s:
        shown = set(s.scalars(select(Citizen.id).where(Citizen.programme_id == karin.programme_id)))
    assert shown <= set(read)  # every citizen on the page is logged as read by the coordinator


def test_a_long_programme_comes_a_page_at_a_time_and_the_buttons_stop_at_the_ends(app, demo_db):
    sara = staff(demo_db, "sara")
    with write_session(demo_db) as s:
        for n in range(60):
            citizens.create_citizen(s, actor=sara, display_name=f"Side {n:02d}")
    with write_session(demo_db) as s:
        total = s.query(Citizen).filter(Citizen.programme_id == sara.programme_id).count()
    size = caseload.PAGE_SIZE
    assert size < total <= 2 * size
    _open(app)
    first = _names(app)
    assert len(first) == size and f"Viser 1–{size} af {total}." in _captions(app)
    assert _button(app, "Forrige side").disabled and not _button(app, "Næste side").disabled
    press(app, "Næste side")
    last = _names(app)
    assert len(last) == total - size and f"Viser {size + 1}–{total} af {total}." in _captions(app)
    assert _button(app, "Næste side").disabled and not _button(app, "Forrige side").disabled
    assert set(first).isdisjoint(last)
    press(app, "Forrige side")
    assert _names(app) == first


def test_a_programme_without_citizens_says_so_and_shows_no_pages(app, demo_db):
    with write_session(demo_db) as s:
        programme = programmes.create_programme(s, name="Tomt", default_budget_ore=5_000_000)
        tom = programmes.create_staff(s, programme_id=programme.id, username="tom", display_name="Tom",
                                      role=StaffRole.COORDINATOR, password=None)
        tom.password_hash = s.scalar(select(StaffUser.password_hash).where(StaffUser.username == "karin"))
    _open(app, "tom")
    assert "Der er ingen borgere i programmet endnu." in [m.value for m in app.markdown]
    assert not app.dataframe and not any(c.startswith("Viser") for c in _captions(app))
    assert not any(b.label in ("Forrige side", "Næste side") for b in app.button)
