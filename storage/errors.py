"""Errors the UI turns into calm, specific guidance.

``message`` is a Danish msgid (marked with N_ for extraction); the UI
translates it with the session's language and fills ``params``. A param
named ``<x>_ore`` is an amount: the UI formats it as kroner into ``{x}``.
"""
from __future__ import annotations

from typing import Any


def N_(message: str) -> str:
    """Mark a string for extraction without translating it here."""
    return message


class DomainError(Exception):
    """A rule said no. The message is safe to show to the person who acted."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


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
