"""Danish labels for stored codes (roles, statuses, audit actions)."""
from __future__ import annotations

from citizen_app.i18n import _
from storage.errors import N_

ROLE_LABELS = {
    "support": N_("Din støtteperson"),
    "coordinator": N_("En koordinator"),
    "finance": N_("Økonomi"),
    "facilitator": N_("En værkstedsleder"),
    "citizen": N_("Dig"),
}

STATUS_LABELS = {
    "active": N_("Aktiv"),
    "paused": N_("Pause"),
    "ended": N_("Afsluttet"),
}

ACTION_LABELS = {
    "read_profile": N_("så din side"),
    "read_plan": N_("så din plan"),
    "read_course": N_("så de svar, du har delt"),
    "read_access_log": N_("så listen over opslag"),
    "create_citizen": N_("oprettede dig"),
    "reissue_access_code": N_("lavede en ny kode til dig"),
    "unlock_access_code": N_("låste din kode op"),
    "clear_needs_help": N_("så, at du havde det svært"),
    "read_submissions": N_("så de planer, du har sendt"),
    "read_submission": N_("så en plan, du har sendt"),
    "read_decisions": N_("så svarene på din plan"),
    "record_decision": N_("svarede på et ønske"),
    "publish_decisions": N_("sendte svar på din plan"),
    "revise_decision": N_("ændrede et svar"),
    "read_ledger": N_("så dit budget"),
    "read_second_opinions": N_("så spørgsmål om din plan"),
    "ask_second_opinion": N_("spurgte en koordinator om et ønske"),
    "answer_second_opinion": N_("svarede på et spørgsmål om et ønske"),
    "read_payable_items": N_("så, hvad der kan købes"),
    "read_payments": N_("så dine betalinger"),
    "request_payment": N_("bad om at få betalt et køb"),
    "mark_paid": N_("betalte et køb"),
    "reject_payment": N_("afviste en betaling"),
    "read_check_ins": N_("så jeres opfølgning"),
    "add_check_in": N_("skrev en opfølgning"),
    "read_notes": N_("så sine notater om dig"),
    "add_note": N_("skrev et notat"),
    "set_status_paused": N_("satte din plan på pause"),
    "set_status_active": N_("startede din plan igen"),
    "set_status_ended": N_("afsluttede dit forløb"),
}


def role_label(role: str) -> str:
    return _(ROLE_LABELS.get(role, N_("En medarbejder")))


def status_label(status: str) -> str:
    return _(STATUS_LABELS.get(status, status))


def action_label(action: str) -> str:
    return _(ACTION_LABELS.get(action, N_("arbejdede med din sag")))

STAFF_ROLE_LABELS = {
    "support": N_("Støtteperson"),
    "coordinator": N_("Koordinator"),
    "finance": N_("Økonomi"),
    "facilitator": N_("Værkstedsleder"),
}


def staff_role_label(role: str) -> str:
    return _(STAFF_ROLE_LABELS.get(role, role))


def category_label(category: dict) -> str:
    """A goal category's label in the session's language (the eight defaults are Danish msgids)."""
    label = category["label"]  # a variable, so pybabel does not mistake the key "label" for a message
    return _(label)
