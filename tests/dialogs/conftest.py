"""Fixtures for the dialogs tests: tiny named course files under fixtures/."""
from pathlib import Path

import pytest

from dialogs.engine import load_course

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixture_course():
    """Load a fixture course by name, e.g. fixture_course("linear")."""

    def load(name: str):
        path = FIXTURES / name
        return load_course(path if path.is_dir() else path.with_suffix(".toml"))

    return load
