"""The refusal every rule raises, on the ground floor so the course, the services and the pages share it.

`message` is a Danish msgid (marked with N_ for extraction) that is safe to show to the person who acted;
`params` fill its placeholders. A param named `<x>_ore` is an amount: the UI shows it as kroner in `{x}`.
"""
from __future__ import annotations

from typing import Any


class RuleError(ValueError):
    """A rule said no; nothing was changed."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params
