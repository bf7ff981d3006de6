"""Pictograms that course choices and goal categories may carry: Material Symbols names (Apache 2.0, the set
Streamlit ships and draws as `:material/<name>:`).

A picture stands beside the words, never instead of them, and is hidden from screen readers (the words
already say it). The course files may only name icons listed here; dialogs/validate.py checks it, and a
content test checks that Streamlit knows every name.
"""
from __future__ import annotations

ICONS: frozenset[str] = frozenset({
    # answers and moves
    "check_circle", "help", "thumb_up", "edit", "done_all", "rocket_launch", "question_mark",
    # where you live
    "home", "house_siding", "bed",
    # what matters
    "family_restroom", "group", "work", "favorite", "self_improvement", "sports_esports", "savings", "pets",
    # strengths
    "hearing", "volunteer_activism", "handyman", "sentiment_very_satisfied", "fitness_center", "palette", "build",
    # goal categories
    "school", "health_and_safety", "diversity_3", "account_balance_wallet", "directions_bus", "devices",
})
