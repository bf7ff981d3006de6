"""The dialogs package stays pure: no Streamlit, no database, and modules small enough to read."""
import ast
from pathlib import Path

import pytest

import dialogs

SOURCES = sorted(Path(dialogs.__file__).parent.glob("*.py"))
FORBIDDEN = ("streamlit", "sqlalchemy", "storage", "citizen_app", "psycopg", "alembic")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_module_imports_nothing_from_ui_or_database(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [name for name in imported if name.split(".")[0] in FORBIDDEN]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_module_is_small(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300
