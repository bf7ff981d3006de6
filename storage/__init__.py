"""Borgerbudget's data model and business rules.

Everything here is usable without Streamlit: services take a SQLAlchemy
``Session`` as a keyword argument, enforce the rules and flush; the caller
(one user action) owns the transaction via :func:`storage.db.write_session`.
"""
