"""Settings in one place: each has a default, a help text and a README line.

Read from environment variables (``BORGERBUDGET_*`` plus ``DATABASE_URL``).
A test (tests/storage/test_config_and_cli.py) fails when a setting is missing from
the README.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _default_database_url() -> str:
    return f"sqlite:///{PROJECT_ROOT / 'data' / 'borgerbudget.db'}"


@dataclass(frozen=True)
class Setting:
    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("DATABASE_URL", "", "SQLAlchemy URL. Empty: a SQLite file under data/. Production: "
            "postgresql+psycopg://user:pass@host/db"),
    Setting("BORGERBUDGET_IDLE_MINUTES", "15", "Minutes without activity before a session is logged out."),
    Setting("BORGERBUDGET_AUDIT_RETENTION_DAYS", "183", "Audit events older than this are deleted by "
            "`borgerbudget purge-audit`."),
    Setting("BORGERBUDGET_MAX_LOGIN_ATTEMPTS", "5", "Wrong PINs in a row before a citizen's code is locked (their "
            "support person unlocks it). Wrong codes and staff passwords only make the next try wait."),
    Setting("BORGERBUDGET_TRUSTED_PROXY_HOPS", "0", "Reverse proxies in front of the app that add the client's "
            "address to X-Forwarded-For (1 behind one nginx). 0: the connection's own address is the client. Used "
            "for login throttling and the audit log of wrong tries."),
    Setting("BORGERBUDGET_PERSONAL_DATA_RETENTION_DAYS", "1825", "Days after a citizen's period ended (their own "
            "end, or the programme's) before `borgerbudget erase-ended` erases their personal data, keeping the "
            "numbers for the report. Set it from the municipality's records policy (five years is common for "
            "social case files)."),
    Setting("BORGERBUDGET_REMEMBER_DAYS", "90", "How long a citizen's own phone may remember the access code "
            "(the PIN is still asked for). 0 turns the option off."),
    Setting("BORGERBUDGET_STAFF_AUTH", "password", "'password' (username + password) or 'oidc' "
            "(Streamlit st.login, configured in .streamlit/secrets.toml)."),
    Setting("BORGERBUDGET_ACCESSIBILITY_URL", "https://www.was.digst.dk/",
            "Link to the municipality's Tilgængelighedserklæring (made in the WAS-tool)."),
    Setting("BORGERBUDGET_LLM_PROVIDER", "", "Optional language model: '', 'ollama' or 'openai'."),
    Setting("BORGERBUDGET_LLM_BASE_URL", "", "Base URL of the self-hosted model endpoint."),
    Setting("BORGERBUDGET_LLM_MODEL", "", "Model name at that endpoint."),
    Setting("BORGERBUDGET_LLM_API_KEY", "", "API key for an OpenAI-compatible endpoint (secret; no default)."),
    Setting("BORGERBUDGET_LLM_TIMEOUT_SECONDS", "8", "Give up on the model after this long; the course goes on."),
    Setting("BORGERBUDGET_SLOW_TRANSACTION_MS", "500", "Log every write transaction that holds the database "
            "(SQLite's write lock) longer than this many milliseconds."),
    Setting("BORGERBUDGET_HASHES_AT_ONCE", "2", "How many PIN and password checks (argon2, 64 MiB each) may run at "
            "the same time; more wait their turn. Keeps memory flat when many log in at once."),
)


def _env(name: str) -> str:
    for s in SETTINGS:
        if s.env == name:
            return os.environ.get(name, s.default)
    raise KeyError(name)


@dataclass(frozen=True)
class Config:
    database_url: str = field(default_factory=lambda: _env("DATABASE_URL") or _default_database_url())
    idle_minutes: float = field(default_factory=lambda: float(_env("BORGERBUDGET_IDLE_MINUTES")))
    audit_retention_days: int = field(default_factory=lambda: int(_env("BORGERBUDGET_AUDIT_RETENTION_DAYS")))
    max_login_attempts: int = field(default_factory=lambda: int(_env("BORGERBUDGET_MAX_LOGIN_ATTEMPTS")))
    trusted_proxy_hops: int = field(default_factory=lambda: int(_env("BORGERBUDGET_TRUSTED_PROXY_HOPS")))
    personal_data_retention_days: int = field(
        default_factory=lambda: int(_env("BORGERBUDGET_PERSONAL_DATA_RETENTION_DAYS")))
    remember_days: int = field(default_factory=lambda: int(_env("BORGERBUDGET_REMEMBER_DAYS")))
    staff_auth: str = field(default_factory=lambda: _env("BORGERBUDGET_STAFF_AUTH"))
    accessibility_url: str = field(default_factory=lambda: _env("BORGERBUDGET_ACCESSIBILITY_URL"))
    llm_provider: str = field(default_factory=lambda: _env("BORGERBUDGET_LLM_PROVIDER"))
    llm_base_url: str = field(default_factory=lambda: _env("BORGERBUDGET_LLM_BASE_URL"))
    llm_model: str = field(default_factory=lambda: _env("BORGERBUDGET_LLM_MODEL"))
    llm_api_key: str = field(default_factory=lambda: _env("BORGERBUDGET_LLM_API_KEY"))
    llm_timeout_seconds: float = field(default_factory=lambda: float(_env("BORGERBUDGET_LLM_TIMEOUT_SECONDS")))
    slow_transaction_ms: float = field(default_factory=lambda: float(_env("BORGERBUDGET_SLOW_TRANSACTION_MS")))
    hashes_at_once: int = field(default_factory=lambda: int(_env("BORGERBUDGET_HASHES_AT_ONCE")))


def load_config() -> Config:
    return Config()


__all__ = ["Config", "SETTINGS", "Setting", "load_config", "fields", "PROJECT_ROOT"]
