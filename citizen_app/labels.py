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
