"""No-op marker for translatable strings.

`N_("…")` returns its argument unchanged; `pybabel extract -k N_` finds the Danish msgid and the UI
translates it at render time with the session's language.
"""


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it now."""
    return message
