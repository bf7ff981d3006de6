"""Default categories for long-term goals (the evaluation's eight; six names are our own choice).

Programmes may configure their own set; the keys are what is stored, the labels are Danish msgids.
"""
from __future__ import annotations

from dataclasses import dataclass

from dialogs.i18n_markers import N_


@dataclass(frozen=True)
class Category:
    """One goal category: a stable `key` to store and a Danish `label` msgid to show."""

    key: str
    label: str


DEFAULT_CATEGORIES: tuple[Category, ...] = (
    Category("education_job", N_("Uddannelse og job")),
    Category("housing", N_("Bolig")),
    Category("health_wellbeing", N_("Sundhed og trivsel")),
    Category("family_network", N_("Familie og netværk")),
    Category("leisure_community", N_("Fritid og fællesskab")),
    Category("money_debt", N_("Økonomi og gæld")),
    Category("transport", N_("Transport")),
    Category("everyday_digital", N_("Hverdagsliv og det digitale")),
)

DEFAULT_CATEGORY_KEYS: frozenset[str] = frozenset(c.key for c in DEFAULT_CATEGORIES)
