"""The reflection course "Hvad ville flytte dig videre?": course content as TOML data plus a pure engine.

Nothing in this package imports Streamlit or the database. User-facing strings are Danish gettext
msgids; the UI translates them at render time.
"""
