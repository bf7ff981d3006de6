"""Labels for the evidence pages and the status form: payers, moments and the activities' names, as msgids."""
from __future__ import annotations

from dialogs import status_fields
from storage.errors import N_
from storage.evidence_prices import STAFF_HOUR, STAFF_HOUR_LABEL

PAYERS = {"municipality": N_("Kommunen"), "region": N_("Regionen"), "state": N_("Staten")}
MOMENTS = {"start": N_("Ved start"), "milestone": N_("Undervejs"), "end": N_("Ved afslutning")}


def activity_labels() -> dict[str, str]:
    return {**{a.key: a.label for a in status_fields.load().activities}, STAFF_HOUR: STAFF_HOUR_LABEL}
