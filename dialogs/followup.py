"""The phases of the old check-ins (one rating per check-in, before per-goal ratings at milestones), kept so
their history stays readable. WHO-5 and the rating scales now live in storage/who5.py and
storage/goal_ratings.py."""
from __future__ import annotations

from types import MappingProxyType

from dialogs.i18n_markers import N_

CHECK_IN_PHASES = MappingProxyType({
    "start": N_("Ved start"),
    "mid": N_("Midtvejs"),
    "end": N_("Ved afslutning"),
    "other": N_("Anden opfølgning"),
})
