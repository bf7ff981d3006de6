"""Who is knocking: the client's address, for login throttling and the audit log of wrong tries.

Streamlit gives the websocket's peer address (None for localhost). Behind a reverse proxy (nginx) that peer
is the proxy, and the client is in X-Forwarded-For. A client can send its own X-Forwarded-For, so only the
entries the proxies we run appended are trusted: with BORGERBUDGET_TRUSTED_PROXY_HOPS=1 (one nginx), the last
entry, which nginx added from the connection it saw. Anything that is not an IP address is "unknown".
"""
from __future__ import annotations

import ipaddress

import streamlit as st

from storage.config import load_config

LOCAL = "local"
UNKNOWN = "unknown"


def _ip(text: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address((text or "").strip()))
    except ValueError:
        return None


def client_address() -> str:
    hops = load_config().trusted_proxy_hops
    if hops > 0:
        forwarded = [part for part in (st.context.headers.get("X-Forwarded-For") or "").split(",") if part.strip()]
        if len(forwarded) >= hops:
            return _ip(forwarded[-hops]) or UNKNOWN
        return UNKNOWN  # a proxy we trust always sets it: without it, we cannot tell who this is
    peer = st.context.ip_address
    return LOCAL if peer is None else _ip(peer) or UNKNOWN
