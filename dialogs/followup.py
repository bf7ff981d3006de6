"""The follow-up's questions as data: when a check-in happens, the WHO-5 well-being items and the goal scale.

Danish msgids, translated where they are shown. WHO-5 Trivselsindeks (Psykiatrisk Center Nordsjælland), the
official Danish wording; each answer counts 0-5 and the raw score 0-25 is multiplied by 4 for 0-100.
"""
from __future__ import annotations

from types import MappingProxyType

from dialogs.i18n_markers import N_

CHECK_IN_PHASES = MappingProxyType({
    "start": N_("Ved start"),
    "mid": N_("Midtvejs"),
    "end": N_("Ved afslutning"),
    "other": N_("Anden opfølgning"),
})
WHO5_QUESTIONS = (
    N_("I de sidste to uger har jeg været glad og i godt humør."),
    N_("I de sidste to uger har jeg følt mig rolig og afslappet."),
    N_("I de sidste to uger har jeg følt mig aktiv og energisk."),
    N_("I de sidste to uger er jeg vågnet frisk og udhvilet."),
    N_("I de sidste to uger har min dagligdag været fyldt med ting, der interesserer mig."),
)
WHO5_ANSWERS = MappingProxyType({
    5: N_("Hele tiden"),
    4: N_("Det meste af tiden"),
    3: N_("Lidt mere end halvdelen af tiden"),
    2: N_("Lidt mindre end halvdelen af tiden"),
    1: N_("Lidt af tiden"),
    0: N_("På intet tidspunkt"),
})
GOAL_RATINGS = MappingProxyType({
    1: N_("1 – Ikke tættere på målet"),
    2: N_("2 – Lidt tættere på målet"),
    3: N_("3 – Tættere på målet"),
    4: N_("4 – Målet er næsten nået"),
    5: N_("5 – Målet er nået"),
})
