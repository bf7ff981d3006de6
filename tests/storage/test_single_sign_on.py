"""Staff single sign-on in the service layer: the first login binds by the configured claim, later ones
by issuer + subject; groups map to roles; no mapped role or no such user is refused; only a fresh
identity-provider login counts."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from storage import auth
from storage.db import write_session
from storage.errors import LoginFailed
from storage.models import AuditEvent, StaffRole, StaffUser
from tests.storage.factories import build_world

ISSUER = "https://login.kommune.dk"


def _login(engine, **claims):
    with write_session(engine) as s:
        return auth.staff_actor_for_oidc(s, {"iss": ISSUER, **claims})


def test_first_login_binds_by_email_then_the_subject_is_the_key(engine, monkeypatch):
    w = build_world(engine)
    with write_session(engine) as s:
        s.get_one(StaffUser, w.support.id).username = "sara@kommune.dk"
    actor = _login(engine, sub="abc-123", email="Sara@Kommune.dk")
    assert actor.id == w.support.id
    # The e-mail may change at the provider; the binding holds.
    assert _login(engine, sub="abc-123", email="sara.nyt-navn@kommune.dk").id == w.support.id
    # Another subject with the bound e-mail is not let in as Sara.
    with pytest.raises(LoginFailed):
        _login(engine, sub="someone-else", email="sara@kommune.dk")
    # The same subject from another issuer is someone else.
    with pytest.raises(LoginFailed), write_session(engine) as s:
        auth.staff_actor_for_oidc(s, {"iss": "https://evil.example", "sub": "abc-123", "email": "x@y"})


def test_entra_id_binds_by_preferred_username(engine, monkeypatch):
    monkeypatch.setenv("BORGERBUDGET_OIDC_BIND_CLAIM", "preferred_username")
    w = build_world(engine)
    with write_session(engine) as s:
        s.get_one(StaffUser, w.finance.id).username = "finn@kommune.onmicrosoft.com"
    actor = _login(engine, sub="oid-1", preferred_username="finn@kommune.onmicrosoft.com", email=None)
    assert actor.id == w.finance.id


def test_groups_map_to_roles_and_no_mapped_role_is_refused(engine, monkeypatch):
    monkeypatch.setenv("BORGERBUDGET_OIDC_ROLE_CLAIM", "groups")
    monkeypatch.setenv("BORGERBUDGET_OIDC_ROLE_MAP", "g-support=support, g-coord=coordinator")
    w = build_world(engine)
    with pytest.raises(LoginFailed):
        _login(engine, sub="s1", email="karin", groups=["g-other"])
    with write_session(engine) as s:
        refused = s.scalars(select(AuditEvent.action).where(AuditEvent.object_id == w.coordinator.id)).all()
    assert "staff_login_refused_no_role" in refused
    # The coordinator is in the support group only at the provider: she logs in as support.
    actor = _login(engine, sub="s1", email="karin", groups=["g-support"])
    assert actor.id == w.coordinator.id and actor.role is StaffRole.SUPPORT
    assert _login(engine, sub="s1", groups=["g-support", "g-coord"]).role is StaffRole.COORDINATOR


def test_an_unknown_or_deactivated_person_is_refused(engine):
    w = build_world(engine)
    with pytest.raises(LoginFailed):
        _login(engine, sub="nobody", email="nobody@kommune.dk")
    with write_session(engine) as s:
        s.get_one(StaffUser, w.support.id).active = False
    with pytest.raises(LoginFailed):
        _login(engine, sub="x", email="sara")


def test_only_a_fresh_identity_provider_login_counts():
    now = time.time()
    assert auth.fresh_identity({"iat": now - 5}, now=now)
    assert not auth.fresh_identity({"iat": now - 3 * 24 * 3600}, now=now)  # a shared PC's old cookie
    assert not auth.fresh_identity({}, now=now)
