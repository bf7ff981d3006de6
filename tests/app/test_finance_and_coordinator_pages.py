"""Finance pays or rejects by internal number only; the coordinator answers second opinions."""
from __future__ import annotations

import json

from datetime import date

import pytest
from sqlalchemy import select

from storage import payments, second_opinions
from storage.db import write_session
from storage.errors import AccessDenied
from storage.models import AuditEvent, Citizen, DecisionKind
from tests.app.conftest import press, staff_login
from tests.app.test_support_pages import (MARKUP_TITLE, answer_all, citizen_id, markdown_values, sent_plan, staff,
                                          text_values, texts, widget_labels)


def _requested_payment(engine, vendor: str = "Cykelhandleren", amount_ore: int = 250_000) -> tuple[int, str]:
    """Jonas's bike approved and bought by Sara: (payment id, Jonas's internal number)."""
    submission_id, items = sent_plan(engine, "Jonas", [("Cykel til at komme på arbejde", 300_000)],
                                     goal="Et job som kok")
    sara = staff(engine, "sara")
    answer_all(engine, sara, submission_id, DecisionKind.APPROVE)
    with write_session(engine) as s:
        payment_id = payments.request_payment(s, actor=sara, wish_item_id=items[0], vendor=vendor,
                                              amount_ore=amount_ore, reference="Ordre 17", purchase_date=date.today())
        ref = s.scalar(select(Citizen.internal_ref).where(Citizen.display_name == "Jonas"))
    return payment_id, ref


def _payment_status(engine, payment_id: int) -> tuple[str, str | None]:
    from storage.models import PaymentRequest
    with write_session(engine) as s:
        payment = s.get(PaymentRequest, payment_id)
        return payment.status, payment.reject_reason


# --- finance -----------------------------------------------------------------------------------------------

def test_finance_sees_internal_number_not_name(app, demo_db):
    _payment_id, ref = _requested_payment(demo_db)
    staff_login(app, "finn")
    page = texts(app)
    assert app.title[0].value == "Betalinger"
    assert f"Borgernummer {ref}: 2.500 kr." in page
    assert "Til: Cykelhandleren" in text_values(app)
    for private in ("Jonas", "Cykel til at komme på arbejde", "Et job som kok", "Aisha", "At få et job i et køkken"):
        assert private not in page


def test_finance_marks_a_payment_paid_and_it_moves_to_the_history(app, demo_db):
    payment_id, ref = _requested_payment(demo_db)
    staff_login(app, "finn")
    next(b for b in app.button if b.key == f"paid_{payment_id}").click()
    app.run()
    assert "Betalingen er markeret som betalt." in texts(app)
    assert _payment_status(demo_db, payment_id) == ("paid", None)
    assert not any(b.key == f"paid_{payment_id}" for b in app.button)
    assert any(m.startswith("Betalt ") for m in markdown_values(app))


def test_rejecting_needs_a_reason_which_is_kept(app, demo_db):
    payment_id, _ref = _requested_payment(demo_db)
    staff_login(app, "finn")
    submit = next(b for b in app.button if b.label == "Afvis" and f"reject_{payment_id}" in str(b.form_id))
    submit.click()
    app.run()
    assert "Skriv en grund til afvisningen." in texts(app)
    assert _payment_status(demo_db, payment_id) == ("requested", None)
    app.text_area(key=f"reject_reason_{payment_id}").input("Fakturaen mangler.")
    next(b for b in app.button if b.label == "Afvis" and f"reject_{payment_id}" in str(b.form_id)).click()
    app.run()
    assert "Betalingen er afvist. Støttepersonen kan se grunden." in texts(app)
    assert _payment_status(demo_db, payment_id) == ("rejected", "Fakturaen mangler.")
    assert "Grund: Fakturaen mangler." in text_values(app)


def test_finance_cannot_read_item_titles_through_the_support_persons_views(demo_db):
    _payment_id, _ref = _requested_payment(demo_db)
    finn, jonas = staff(demo_db, "finn"), citizen_id(demo_db, "Jonas")
    for view in (payments.for_citizen, payments.payable_items):
        with pytest.raises(AccessDenied), write_session(demo_db) as s:
            view(s, actor=finn, citizen_id=jonas)


def test_csv_download_is_offered_and_only_a_real_export_is_logged(app, demo_db):
    _requested_payment(demo_db)
    staff_login(app, "finn")
    [download] = app.get("download_button")
    assert download.proto.label == "Hent alle betalinger som CSV-fil"
    with write_session(demo_db) as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "export_payments")).all() == []


def test_vendor_markup_is_literal_for_finance(app, demo_db):
    _requested_payment(demo_db, vendor=MARKUP_TITLE)
    staff_login(app, "finn")
    assert f"Til: {MARKUP_TITLE}" in text_values(app)
    assert not any("<img" in value for value in markdown_values(app) + widget_labels(app))


# --- the coordinator ---------------------------------------------------------------------------------------

def _asked(engine, question: str = "Er en PlayStation ok, når målet er flere venner?") -> int:
    _submission_id, items = sent_plan(engine, "Jonas", [(MARKUP_TITLE, 450_000)], goal="Flere venner")
    sara = staff(engine, "sara")
    with write_session(engine) as s:
        return second_opinions.ask(s, actor=sara, wish_item_id=items[0], question=question)


def test_coordinator_answers_second_opinion(app, demo_db):
    opinion_id = _asked(demo_db)
    staff_login(app, "karin")
    app.switch_page("app_pages/second_opinions.py").run()
    assert "1 spørgsmål venter på dit svar." in texts(app)
    assert "Er en PlayStation ok, når målet er flere venner?" in text_values(app)
    assert MARKUP_TITLE in text_values(app) and "Pris: 4.500 kr." in texts(app)
    assert "Jonas" not in texts(app) and "Flere venner" not in texts(app)
    assert not any("<img" in value for value in markdown_values(app) + widget_labels(app))
    app.text_area(key=f"answer_{opinion_id}").input("Ja, hvis I spiller sammen med andre.")
    press(app, "Send svar til støttepersonen")
    assert "Dit svar er sendt til støttepersonen." in texts(app)
    assert "Der er ingen spørgsmål, som venter." in texts(app)
    assert "Ja, hvis I spiller sammen med andre." in text_values(app)  # now under 'Besvarede spørgsmål'
    sara, jonas = staff(demo_db, "sara"), citizen_id(demo_db, "Jonas")
    with write_session(demo_db) as s:
        [view] = second_opinions.for_citizen(s, actor=sara, citizen_id=jonas)
    assert view.answer == "Ja, hvis I spiller sammen med andre."


def test_coordinator_cannot_send_an_empty_answer(app, demo_db):
    opinion_id = _asked(demo_db)
    staff_login(app, "karin")
    app.switch_page("app_pages/second_opinions.py").run()
    press(app, "Send svar til støttepersonen")
    assert "Skriv dit svar." in texts(app)
    karin = staff(demo_db, "karin")
    with write_session(demo_db) as s:
        assert [o.id for o in second_opinions.open_questions(s, actor=karin)] == [opinion_id]


# --- the coordinator's report ---------------------------------------------------------------------------

def _table_text(app) -> str:
    return "\n".join(table.value.to_string() for table in app.table)


def test_coordinator_report_shows_both_shares_charts_with_tables_and_no_names(app, demo_db, monkeypatch):
    from storage import programme_report
    staff_login(app, "karin")
    app.switch_page("app_pages/report.py").run()
    assert not app.exception
    assert app.title[0].value == "Rapport"
    karin = staff(demo_db, "karin")
    with write_session(demo_db) as s:
        expected = programme_report.programme_figures(s, actor=karin)
        names = list(s.scalars(select(Citizen.display_name)))
    tables = _table_text(app)
    page = texts(app) + tables
    assert f"Tallene handler om {expected.citizens} borgere." in page
    headline = app.table[0].value
    assert list(headline.iloc[:, 0]) == ["Borgerne selv: målet er nået eller tæt på",
                                         "Støttepersonerne: målet er nået i meget høj eller høj grad"]
    def danish(share):
        return "For få til at vise" if share is None else f"{round(100 * share)}\xa0%"
    assert list(headline.iloc[:, 1]) == [danish(expected.citizen_attainment.value),
                                         danish(expected.support_attainment.value)]
    assert "Søjlediagram med to søjler." in page                    # the text alternative
    charts = [json.loads(c.proto.spec) for c in app.get("vega_lite_chart")]
    assert charts and all(chart["description"] in page for chart in charts)  # each chart said in words too
    from dialogs.categories import DEFAULT_CATEGORIES
    labels = {c.key: c.label for c in DEFAULT_CATEGORIES}
    assert expected.categories and labels[expected.categories[0].key] in tables
    for name in names:
        assert name not in page
    with write_session(demo_db) as s:
        logged = s.scalars(select(AuditEvent.action).where(AuditEvent.action == "read_programme_report")).all()
    assert len(logged) == 2  # the page and the expected figures above

    press(app, "Lav CSV-fil med tallene")
    assert not app.exception
    csv_text = app.session_state["report_csv"].decode("utf-8")
    assert csv_text.startswith("key,value") and f"citizens,{expected.citizens}" in csv_text
    monkeypatch.setenv("BORGERBUDGET_PSEUDONYM_SECRET", "hemmelig")
    press(app, "Lav datasæt til evaluering")
    assert not app.exception
    dataset = app.session_state["report_dataset"].decode("utf-8")
    assert dataset.startswith("pseudonym,") and dataset.count("\n") == expected.citizens + 1
    assert not any(name in dataset for name in names)


def test_report_for_a_small_intake_shows_no_figures(app, demo_db):
    staff_login(app, "karin")
    app.switch_page("app_pages/report.py").run()
    app.radio(key="report_scope").set_value("Et hold: borgere, der startede i en periode").run()
    from datetime import date
    app.date_input(key="report_from").set_value(date(2000, 1, 1)).run()
    app.date_input(key="report_to").set_value(date(2000, 1, 2)).run()
    assert not app.exception
    assert "Tallene handler om 0 borgere." in texts(app)
    assert "For få til at vise" in _table_text(app)


def test_report_page_is_not_in_the_support_persons_navigation(app, demo_db):
    staff_login(app, "sara")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page("app_pages/report.py")
