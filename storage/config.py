"""Settings in one place: each is declared once, with its environment variable, default and help text.

Read from environment variables (``BORGERBUDGET_*`` plus ``DATABASE_URL``). ``SETTINGS`` is derived from
the declarations below; a test (tests/storage/test_config_and_cli.py) fails when one is missing from the
README's table. Secrets have no default: production refuses to start without them (storage/production.py).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    env: str
    default: str
    help: str
    secret: bool = False


def _setting(env: str, default: str, help: str, parse: Callable[[str], object] = str, *, secret: bool = False):
    """One declaration: the field's value is read from ``env`` when the Config is made."""
    return field(default_factory=lambda: parse(os.environ.get(env, default)),
                 metadata={"setting": Setting(env, default, help, secret)})


def _flag(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Config:
    database_url: str = _setting(
        "DATABASE_URL", "", "SQLAlchemy URL. Empty: a SQLite file data/borgerbudget.db (development and demo). "
        "Production: postgresql+psycopg://user:pass@host/db")
    demo: bool = _setting(
        "BORGERBUDGET_DEMO", "0", "1 = demo mode (what `make run` uses): demo data may be loaded and `serve` "
        "skips the production checks. Off in production.", _flag)
    cookie_secret: str = _setting(
        "BORGERBUDGET_COOKIE_SECRET", "", "Secret that signs Streamlit's cookies (the identity provider's login). "
        "The same on every replica; `serve` refuses to start in production without it.", secret=True)
    idle_minutes: float = _setting(
        "BORGERBUDGET_IDLE_MINUTES", "15", "Minutes without activity before a session is logged out (shared "
        "café and office computers).", float)
    session_hours: float = _setting(
        "BORGERBUDGET_SESSION_HOURS", "12", "A login session ends this many hours after login, however active.",
        float)
    audit_retention_days: int = _setting(
        "BORGERBUDGET_AUDIT_RETENTION_DAYS", "183", "Audit events older than this are deleted by "
        "`borgerbudget purge-audit`.", int)
    max_login_attempts: int = _setting(
        "BORGERBUDGET_MAX_LOGIN_ATTEMPTS", "5", "Wrong PINs in a row before a citizen's code is locked (their "
        "support person unlocks it). Wrong codes and staff passwords only make the next try wait.", int)
    trusted_proxy_hops: int = _setting(
        "BORGERBUDGET_TRUSTED_PROXY_HOPS", "0", "Reverse proxies in front of the app that add the client's "
        "address to X-Forwarded-For (1 behind one nginx). 0: the connection's own address is the client. Used "
        "for login throttling and the audit log of wrong tries.", int)
    personal_data_retention_days: int = _setting(
        "BORGERBUDGET_PERSONAL_DATA_RETENTION_DAYS", "1825", "Days after a citizen's period ended (their own "
        "end, or the programme's) before `borgerbudget erase-ended` erases their personal data, keeping the "
        "numbers for the report. Set it from the municipality's records policy (five years is common for "
        "social case files).", int)
    days_after_end: int = _setting(
        "BORGERBUDGET_DAYS_AFTER_END", "90", "Days after a citizen's programme ended during which they can still "
        "log in to read their plan, download their final PDF and write to their support person (the home page "
        "says until when). After that a login with their code is refused.", int)
    remember_days: int = _setting(
        "BORGERBUDGET_REMEMBER_DAYS", "90", "How long a citizen's own phone may remember the access code (the "
        "PIN is still asked for). 0 turns the option off.", int)
    staff_auth: str = _setting(
        "BORGERBUDGET_STAFF_AUTH", "password", "'password' (username + password) or 'oidc' (the municipality's "
        "identity provider through Streamlit's st.login; see the BORGERBUDGET_OIDC_* settings).")
    oidc_metadata_url: str = _setting(
        "BORGERBUDGET_OIDC_METADATA_URL", "", "The identity provider's discovery document, e.g. "
        "https://login.microsoftonline.com/TENANT/v2.0/.well-known/openid-configuration")
    oidc_client_id: str = _setting("BORGERBUDGET_OIDC_CLIENT_ID", "", "The app's client id at the identity "
                                   "provider.")
    oidc_client_secret: str = _setting("BORGERBUDGET_OIDC_CLIENT_SECRET", "", "The app's client secret at the "
                                       "identity provider.", secret=True)
    oidc_redirect_uri: str = _setting(
        "BORGERBUDGET_OIDC_REDIRECT_URI", "", "Where the identity provider sends staff back: "
        "https://YOUR-HOST/oauth2callback")
    oidc_bind_claim: str = _setting(
        "BORGERBUDGET_OIDC_BIND_CLAIM", "email", "Claim matched against a staff user's username at the first "
        "login ('email', 'preferred_username' or 'upn'); after that the user is known by issuer + subject.")
    oidc_role_claim: str = _setting(
        "BORGERBUDGET_OIDC_ROLE_CLAIM", "", "Optional claim with the person's groups or app roles (e.g. 'groups', "
        "'roles'). When set, a login without a mapped role is refused and the role follows the provider.")
    oidc_role_map: str = _setting(
        "BORGERBUDGET_OIDC_ROLE_MAP", "", "Group or role value = app role, comma-separated, e.g. "
        "'bb-stoette=support,bb-koordinator=coordinator,bb-oekonomi=finance,bb-vaerksted=facilitator'.")
    oidc_max_login_age_seconds: int = _setting(
        "BORGERBUDGET_OIDC_MAX_LOGIN_AGE_SECONDS", "300", "An identity-provider login older than this is not "
        "taken as a new login (Streamlit's own login cookie lasts 30 days; shared PCs must not reuse it).", int)
    accessibility_url: str = _setting(
        "BORGERBUDGET_ACCESSIBILITY_URL", "https://www.was.digst.dk/",
        "Link to the municipality's Tilgængelighedserklæring (made in the WAS-tool).")
    llm_provider: str = _setting("BORGERBUDGET_LLM_PROVIDER", "", "Optional language model: '', 'ollama' or "
                                 "'openai'.")
    llm_base_url: str = _setting("BORGERBUDGET_LLM_BASE_URL", "", "Base URL of the self-hosted model endpoint.")
    llm_model: str = _setting("BORGERBUDGET_LLM_MODEL", "", "Model name at that endpoint.")
    llm_api_key: str = _setting("BORGERBUDGET_LLM_API_KEY", "", "API key for an OpenAI-compatible endpoint; "
                                "empty for a self-hosted one without a key (a placeholder is sent).",
                                secret=True)
    llm_timeout_seconds: float = _setting(
        "BORGERBUDGET_LLM_TIMEOUT_SECONDS", "8", "Give up on the model after this long; the course goes on.", float)
    slow_transaction_ms: float = _setting(
        "BORGERBUDGET_SLOW_TRANSACTION_MS", "500", "Log every write transaction that holds the database "
        "(SQLite's write lock) longer than this many milliseconds.", float)
    speech_cache_dir: str = _setting(
        "BORGERBUDGET_SPEECH_CACHE_DIR", "", "Folder for the read-aloud audio the server makes with espeak-ng "
        "(for browsers without a voice for the language). Empty: data/speech-cache beside the app. Safe to "
        "delete; it only ever holds the app's own sentences, never a person's words.")
    pseudonym_secret: str = _setting(
        "BORGERBUDGET_PSEUDONYM_SECRET", "", "Key for the evaluator's dataset: each citizen's id there is an HMAC "
        "of their number with this key, the same in every export. Keep it secret and unchanged; without it the "
        "dataset cannot be made (demo mode uses a fixed key).", secret=True)
    hashes_at_once: int = _setting(
        "BORGERBUDGET_HASHES_AT_ONCE", "0", "How many PIN and password checks (argon2, 64 MiB each) may run at "
        "the same time; more wait their turn. Keeps memory flat when many log in at once. 0: one per CPU core "
        "this process may use, at least 2 and at most 4.", int)

    app_url: str = _setting(
        "BORGERBUDGET_APP_URL", "", "The app's address as people type it, e.g. https://borgerbudget.kommune.dk. "
        "Every e-mail and SMS ends with it (they never carry personal data or the citizen's text).")
    smtp_host: str = _setting(
        "BORGERBUDGET_SMTP_HOST", "", "Mail server for staff e-mail notifications. Empty: no e-mail is sent "
        "(the in-app counts still work).")
    smtp_port: int = _setting("BORGERBUDGET_SMTP_PORT", "587", "Mail server port (587 STARTTLS, 465 TLS).", int)
    smtp_security: str = _setting(
        "BORGERBUDGET_SMTP_SECURITY", "starttls", "'starttls' (upgrade after connecting), 'tls' (TLS from the "
        "first byte, port 465) or 'none' (only for a relay on the same host).")
    smtp_username: str = _setting("BORGERBUDGET_SMTP_USERNAME", "", "Login at the mail server (empty: no login).")
    smtp_password: str = _setting("BORGERBUDGET_SMTP_PASSWORD", "", "Password for the mail server login.",
                                  secret=True)
    smtp_from: str = _setting(
        "BORGERBUDGET_SMTP_FROM", "", "Sender address of the notifications, e.g. 'Borgerbudget "
        "<no-reply@kommune.dk>'. Its domain also ends every Message-ID.")
    sms_gateway_url: str = _setting(
        "BORGERBUDGET_SMS_GATEWAY_URL", "", "The SMS provider's HTTP endpoint (JSON POST, see 'Notifications'). "
        "Empty: no SMS is sent.")
    sms_api_key: str = _setting("BORGERBUDGET_SMS_API_KEY", "", "Key for the SMS gateway (sent as a bearer "
                                "token).", secret=True)
    sms_sender: str = _setting("BORGERBUDGET_SMS_SENDER", "Borgerbudget", "Sender name shown on the SMS (at "
                               "most 11 letters and digits).")
    sms_quiet_hours: str = _setting(
        "BORGERBUDGET_SMS_QUIET_HOURS", "21-08", "No SMS in these hours, Copenhagen time ('21-08': from 21:00 to "
        "08:00); an SMS due then waits until they end. Empty: any hour.")
    notify_max_attempts: int = _setting(
        "BORGERBUDGET_NOTIFY_MAX_ATTEMPTS", "8", "Tries per e-mail or SMS before it is marked failed.", int)
    notify_retry_seconds: float = _setting(
        "BORGERBUDGET_NOTIFY_RETRY_SECONDS", "60", "Wait before the first retry; it doubles on every try (at most "
        "6 hours).", float)
    notify_lease_seconds: float = _setting(
        "BORGERBUDGET_NOTIFY_LEASE_SECONDS", "120", "How long a sender owns a claimed notification; if it dies, "
        "another sender takes it over after this.", float)
    notify_timeout_seconds: float = _setting(
        "BORGERBUDGET_NOTIFY_TIMEOUT_SECONDS", "10", "Give up on the mail server or SMS gateway after this long "
        "(the try is retried later).", float)
    notify_interval_seconds: float = _setting(
        "BORGERBUDGET_NOTIFY_INTERVAL_SECONDS", "20", "`borgerbudget notify --loop`: seconds between rounds.",
        float)

    def __post_init__(self) -> None:
        if not self.database_url:
            object.__setattr__(self, "database_url", f"sqlite:///{PROJECT_ROOT / 'data' / 'borgerbudget.db'}")
        if not self.speech_cache_dir:
            object.__setattr__(self, "speech_cache_dir", str(PROJECT_ROOT / "data" / "speech-cache"))

    def oidc_role_mapping(self) -> dict[str, str]:
        """BORGERBUDGET_OIDC_ROLE_MAP as {group value: app role}."""
        pairs = (item.split("=", 1) for item in self.oidc_role_map.split(",") if "=" in item)
        return {group.strip(): role.strip() for group, role in pairs if group.strip()}


SETTINGS: tuple[Setting, ...] = tuple(f.metadata["setting"] for f in fields(Config))


_ENV_KEYS = tuple(os.environ.encodekey(setting.env) for setting in SETTINGS)
_made: tuple[tuple[bytes | str | None, ...], Config] | None = None


def _environment_now() -> tuple[bytes | str | None, ...]:
    # os.environ's own store, read without decoding each value: ~5 µs where 46 os.environ.get() take ~150 µs.
    return tuple(map(os.environ._data.get, _ENV_KEYS))  # type: ignore[attr-defined]


def load_config() -> Config:
    """The settings as the environment holds them now. Read many times in every script run, so the Config is
    made again only when one of its environment variables changed (issue 18: 0.2 ms a time)."""
    global _made
    now = _environment_now()
    made = _made
    if made is None or made[0] != now:
        made = _made = (now, Config())
    return made[1]


__all__ = ["Config", "SETTINGS", "Setting", "load_config", "PROJECT_ROOT"]
