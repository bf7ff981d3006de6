"""Default categories for long-term goals (the evaluation's eight; six names are our own choice).

Programmes may configure their own set; the keys are what is stored, the labels are Danish msgids.
"""
from __future__ import annotations

from dataclasses import dataclass

from dialogs.i18n_markers import N_


@dataclass(frozen=True)
class Category:
    """One goal category: a stable `key` to store, a Danish `label` msgid to show and a pictogram shown
    beside it (a name in dialogs/icons.py)."""

    key: str
    label: str
    icon: str | None = None


DEFAULT_CATEGORIES: tuple[Category, ...] = (
    Category("education_job", N_("Uddannelse og job"), "school"),
    Category("housing", N_("Bolig"), "home"),
    Category("health_wellbeing", N_("Sundhed og trivsel"), "health_and_safety"),
    Category("family_network", N_("Familie og netværk"), "diversity_3"),
    Category("leisure_community", N_("Fritid og fællesskab"), "sports_esports"),
    Category("money_debt", N_("Økonomi og gæld"), "account_balance_wallet"),
    Category("transport", N_("Transport"), "directions_bus"),
    Category("everyday_digital", N_("Hverdagsliv og det digitale"), "devices"),
)

DEFAULT_CATEGORY_KEYS: frozenset[str] = frozenset(c.key for c in DEFAULT_CATEGORIES)
