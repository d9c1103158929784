"""The package's imports run one way: no module-level import cycle (``if TYPE_CHECKING`` blocks
count), and the rules import nothing from the narrative reader."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "fiscaldoc"


def _name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level(tree: ast.Module) -> Iterator[ast.stmt]:
    """Statements run on import: the module's own, and those of its ``if`` and ``try`` blocks."""
    for node in tree.body:
        yield node
        if isinstance(node, ast.If):
            yield from (*node.body, *node.orelse)
        elif isinstance(node, ast.Try):
            yield from node.body


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports at module level."""
    modules = {_name(path, root): path for path in root.rglob("*.py")}
    top = root.name
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in _top_level(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, *([node.module] if node.module else [])])
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    found.add(full if full in modules else base)
        graph[name] = {m for m in found if m in modules and m != name and m.startswith(top)}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_package_has_no_import_cycle() -> None:
    assert cycles(import_graph(SRC)) == []


def test_validation_imports_nothing_from_the_narrative_reader() -> None:
    graph = import_graph(SRC)
    reaching = {
        module: sorted(m for m in imported if m.startswith("fiscaldoc.narrative"))
        for module, imported in graph.items()
        if module.startswith("fiscaldoc.validation")
    }
    assert {m: found for m, found in reaching.items() if found} == {}


def test_a_cycle_through_a_type_checking_import_is_found(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "a.py").write_text("from pkg.b import B\n")
    (root / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.a import A\nB = 1\n"
    )
    (root / "c.py").write_text("def f():\n    from pkg.a import A\n")  # lazy: not a cycle
    assert cycles(import_graph(root)) == [["pkg.a", "pkg.b"]]
