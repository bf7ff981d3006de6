"""The load test runs its two servers one after the other on one xdist worker (group "load")."""
from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
XDIST_GROUP = "load"


@pytest.hookimpl(tryfirst=True)  # before xdist reads the group marks (--dist loadgroup)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """As in tests/e2e/conftest.py: pytest-xdist 3.8 groups by appending "@group" to ``item._nodeid``,
    which pytest 9.2 no longer reads, so the group is set through ``item._id`` while that is so."""
    for item in items:
        if HERE not in Path(str(item.path)).resolve().parents:
            continue
        if not getattr(config.option, "loadgroup", False) or "@" in item.nodeid or not hasattr(item, "_id"):
            continue
        from _pytest.nodeid import NodeId  # pytest >= 9.2
        item._id = NodeId.parse(f"{item.nodeid}@{XDIST_GROUP}")
