"""The three floors: citizen_app/ (pages and widgets) -> storage/ (rules and transactions) -> dialogs/ (the pure
course engine and ground-floor rules). Imports only go down; pages reach data only through services; and no
module imports itself back through others. Module sizes are printed, not enforced."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("citizen_app", "dialogs", "storage")
# (importing package or module prefix, imported prefix) pairs that must never occur.
FORBIDDEN = {
    "dialogs": ("storage", "citizen_app", "streamlit", "sqlalchemy", "alembic", "psycopg"),
    "storage": ("streamlit", "citizen_app"),
    "citizen_app": ("sqlalchemy", "storage.models", "alembic", "psycopg"),
}
SIZE_AIM = {"page": 150, "module": 300}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue  # Alembic's own scripts
            found[_module_name(path)] = path
    return found


SOURCES = _sources()


def _type_checking_only(tree: ast.AST) -> set[ast.AST]:
    """Imports under `if TYPE_CHECKING:`: annotations only, not a dependency when the code runs."""
    return {inner for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for inner in ast.walk(node)}


def _imports(name: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    skip = _type_checking_only(tree)
    for node in ast.walk(tree):
        if node in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


IMPORTS = {name: _imports(name, path) for name, path in SOURCES.items()}


def _matches(imported: str, prefix: str) -> bool:
    return imported == prefix or imported.startswith(prefix + ".")


@pytest.mark.parametrize("name", sorted(IMPORTS))
def test_imports_only_go_down(name):
    floor = name.split(".")[0]
    wrong = sorted(i for i in IMPORTS[name] for bad in FORBIDDEN[floor] if _matches(i, bad))
    assert not wrong, f"{name} imports {wrong}"


def _internal_edges(name: str) -> set[str]:
    """The project modules `name` depends on (an imported name resolves to its module)."""
    edges = set()
    for imported in IMPORTS[name]:
        candidate = imported
        while candidate and candidate not in SOURCES:
            candidate = candidate.rpartition(".")[0]
        if candidate and candidate != name and not name.startswith(candidate + "."):
            edges.add(candidate)
    return edges


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_circle():
    cycle = _find_cycle({name: _internal_edges(name) for name in SOURCES})
    assert cycle is None, " -> ".join(cycle or [])


def test_the_circle_finder_finds_a_circle():
    """The check above must be able to fail: a made-up a -> b -> c -> a is found, a line is not."""
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_report_module_sizes(capsys):
    """Sizes are reported (run with -s to see them), not enforced: a big file is a hint to split it."""
    over = []
    for name, path in sorted(SOURCES.items()):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        aim = SIZE_AIM["page"] if ".app_pages." in name else SIZE_AIM["module"]
        if lines > aim:
            over.append(f"{name}: {lines} lines (aim {aim})")
    with capsys.disabled():
        print("\nmodules over the size we aim for:", *(over or ["none"]), sep="\n  ")
    assert all(path.exists() for path in SOURCES.values())
