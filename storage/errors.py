"""Errors the UI turns into calm, specific guidance.

Every refusal is a ``dialogs.rules.RuleError`` (the course's and the amount parser's too): ``message`` is
a Danish msgid (marked with N_ for extraction); the UI translates it with the session's language and fills
``params``. A param named ``<x>_ore`` is an amount: the UI formats it as kroner into ``{x}``.
"""
from __future__ import annotations

from dialogs.i18n_markers import N_
from dialogs.rules import RuleError

__all__ = ["N_", "AccessDenied", "DomainError", "LoginFailed", "LoginLocked", "NotFound", "RuleError"]


# One refusal type for every floor: a service's "no" and a ground-floor rule's "no" (a price of 0 kr., an
# unreadable amount, text that is too long) are caught and shown the same way.
DomainError = RuleError


class AccessDenied(DomainError):
    def __init__(self) -> None:
        super().__init__(N_("Det har du ikke adgang til."))


class NotFound(DomainError):
    def __init__(self) -> None:
        super().__init__(N_("Det findes ikke længere."))


class LoginFailed(DomainError):
    keeps_changes = True  # the failed try must be counted even though we refuse


class LoginLocked(DomainError):
    keeps_changes = True
