"""Every pattern the library matches with is compiled once, where its module is loaded.

``regex.sub(r"…", …)`` looks the pattern up in the module's cache on every call (a lock, a
key built with flag arithmetic): about half a microsecond each, paid tens of thousands of times
per document by a rule that runs it per line. A named, compiled pattern also says what it is.
"""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "fiscaldoc"
_MATCHING = {"sub", "subn", "match", "fullmatch", "search", "split", "findall", "finditer"}


def _uncompiled_calls(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _MATCHING
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in {"regex", "re"}
        ):
            lines.append(node.lineno)
    return lines


def test_no_module_matches_with_a_pattern_given_as_a_string() -> None:
    found = {
        str(path.relative_to(SOURCE)): lines
        for path in sorted(SOURCE.rglob("*.py"))
        if (lines := _uncompiled_calls(ast.parse(path.read_text("utf-8"))))
    }
    assert found == {}, f"compile these patterns at module level: {found}"


def test_the_check_sees_a_call_with_a_string_pattern() -> None:
    tree = ast.parse('import regex\nregex.sub(r"\\s+", "", text)\nregex.compile("x").sub("", t)')
    assert _uncompiled_calls(tree) == [2]
