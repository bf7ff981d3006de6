"""Danish words for stored codes (roles, statuses, decisions, payments, audit actions): one table per
vocabulary, used by every page, the PDF and the staff pages alike."""
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

ITEM_STATUS_LABELS = {
    "draft": N_("Kladde"),
    "submitted": N_("Sendt – venter på svar"),
    "approved": N_("Godkendt"),
    "change_requested": N_("Skal ændres"),
    "declined": N_("Afslået"),
    "ordered": N_("Bestilt – venter på betaling"),
    "paid": N_("Betalt"),
}
# What the support person picks, and what the decision is called once made.
DECISION_CHOICES = {
    "approve": N_("Godkend"),
    "change": N_("Bed om en ændring"),
    "decline": N_("Afslå"),
}
DECISION_DONE = {
    "approve": N_("Godkendt"),
    "change": N_("Bedt om en ændring"),
    "decline": N_("Afslået"),
}
# The decision told to the citizen.
DECISION_SENTENCES = {
    "approve": N_("Din støtteperson har sagt ja."),
    "change": N_("Din støtteperson beder dig ændre ønsket."),
    "decline": N_("Din støtteperson har sagt nej."),
}
PAYMENT_STATUS_LABELS = {
    "requested": N_("Venter på økonomi"),
    "paid": N_("Betalt"),
    "rejected": N_("Afvist af økonomi"),
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
    "list_help_shown": N_("så, at appen viste dig hjælp"),
    "read_shared_help_words": N_("læste de ord, du delte"),
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
    "read_status_records": N_("så din status før og efter"),
    "add_status_record": N_("skrev din status"),
    "read_consent": N_("så dit svar om stoffer og alkohol"),
    "give_consent": N_("gemte dit ja til at svare om stoffer og alkohol"),
    "withdraw_consent": N_("gemte dit nej til at svare om stoffer og alkohol"),
    "read_notes": N_("så sine notater om dig"),
    "add_note": N_("skrev et notat"),
    "read_messages": N_("læste dine beskeder"),
    "write_message": N_("skrev en besked til dig"),
    "edit_message": N_("rettede en besked til dig"),
    "delete_message": N_("slettede en besked til dig"),
    "list_messages": N_("så, at du venter på svar"),
    "set_status_paused": N_("satte din plan på pause"),
    "set_status_active": N_("startede din plan igen"),
    "set_status_ended": N_("afsluttede dit forløb"),
    "list_citizens": N_("så dig på sin liste over borgere"),
    "list_payment_requests": N_("så en betaling for dig på økonomiens liste"),
    "export_payments": N_("hentede dine betalinger i en fil"),
    "export_evaluation_dataset": N_("hentede dine tal uden dit navn til evalueringen"),
    "export_audit_log": N_("hentede listen over opslag i en fil"),
    "list_second_opinions": N_("så et spørgsmål om din plan"),
    "list_answered_second_opinions": N_("så et spørgsmål om din plan"),
    "export_personal_data": N_("hentede alle dine data i en fil til dig"),
    "end_programme": N_("afsluttede programmet"),
    "list_due_for_erasure": N_("så, at dine data snart skal slettes"),
}


def label(table: dict[str, str], code: str | None) -> str:
    """The translated word for `code` in `table`, or the code itself when the table does not know it."""
    return _(table[code]) if code in table else (code or "")


def item_status_label(status: str) -> str:
    return label(ITEM_STATUS_LABELS, status)


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


def material_icon(name: str | None) -> str | None:
    """A pictogram from dialogs/icons.py as Streamlit draws it (a Material Symbol, hidden from screen readers:
    it stands beside words that already say it)."""
    return f":material/{name}:" if name else None


def category_topic(category: dict) -> str:
    """'Emne: Transport' with the category's pictogram in front (markdown: our own words and the label)."""
    topic = _("Emne: {category}", category=category_label(category))
    icon = material_icon(category.get("icon"))
    return f"{icon} {topic}" if icon else topic
