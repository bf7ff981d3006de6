"""What `borgerbudget serve` refuses to start with in production (anything but demo mode).

Loud and early: a municipality's server must not come up with the published demo logins, with cookies
nobody can share between replicas, or on a database that the code does not match.
"""
from __future__ import annotations

from sqlalchemy import Engine, text

from storage.config import Config


def ping(engine: Engine) -> None:
    """Raise unless the database answers (the health route's check)."""
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))


def problems(config: Config, engine: Engine) -> list[str]:
    """Every reason not to serve, in plain English for the operator's log; empty when all is well."""
    from storage import demo
    from storage.db import read_session
    from storage.migrate import pending

    if config.demo:
        return []
    found: list[str] = []
    if not config.cookie_secret:
        found.append("BORGERBUDGET_COOKIE_SECRET is not set (generate one: python -c 'import secrets; "
                     "print(secrets.token_urlsafe(32))', the same on every replica).")
    if config.staff_auth == "oidc":
        missing = [name for name, value in (("BORGERBUDGET_OIDC_METADATA_URL", config.oidc_metadata_url),
                                            ("BORGERBUDGET_OIDC_CLIENT_ID", config.oidc_client_id),
                                            ("BORGERBUDGET_OIDC_CLIENT_SECRET", config.oidc_client_secret),
                                            ("BORGERBUDGET_OIDC_REDIRECT_URI", config.oidc_redirect_uri))
                   if not value]
        if missing:
            found.append(f"BORGERBUDGET_STAFF_AUTH=oidc, but {', '.join(missing)} not set.")
    try:
        if pending(engine):
            return [*found, "The database is not migrated: run `borgerbudget migrate` first."]
    except Exception as exc:  # noqa: BLE001 - any reason the database cannot be read stops the start
        return [*found, f"The database cannot be reached: {type(exc).__name__}: {exc}"]
    with read_session(engine) as s:
        accounts = demo.accounts_present(s)
    if accounts:
        found.append(f"Demo logins work in this database ({', '.join(accounts)}): this is not a production "
                     "database, or reset those passwords and codes (borgerbudget reset-password, reissue-code).")
    return found
