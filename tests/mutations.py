"""Mutated documents: a real document's text with a few edits of the kinds damage, hurried
typing and bad extraction make (a character lost or doubled, a point typed as 。, a line cut,
joined, repeated or moved, a figure grown past any amount, a stray symbol).

The fuzz harness (``tests/fuzz``) and the contract's property tests draw from here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from hypothesis import strategies as st

from tests.conftest import SEEDS as SEED_DIR

SEEDS = (
    "xian-beilin-insurance-center-2023-final.tsv.txt",
    "yulin-insurance-center-2023-final.pdf.txt",
    "shenmu-medical-security-2024-final.md.txt",
    "suide-medical-security-budget.pdf.txt",
)

# What a character may be replaced by or have put beside it: the separators, digits, points,
# unit and total words the reader keys on, and characters that look like digits but are not.
STRAY = (
    "0", "7", ".", ",", "。", "，", "、", "：", "\t", " ", "  ", "-", "—", "%", "(", "）",
    "合计", "总计", "表", "年", "万元", "²", "①", "٣", "\u3000", "\ufeff", "9" * 30,
)  # fmt: skip

Lines = list[str]


def seed_texts() -> list[str]:
    """The seed documents' texts; fails loudly (never skips) when they are missing."""
    paths = [SEED_DIR / name for name in SEEDS]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        pytest.fail(f"seed documents missing: {', '.join(missing)}")
    return [path.read_text(encoding="utf-8") for path in paths]


def _delete_char(lines: Lines, at: int, where: int, _: str) -> None:
    line = lines[at]
    if line:
        cut = where % len(line)
        lines[at] = line[:cut] + line[cut + 1 :]


def _insert(lines: Lines, at: int, where: int, stray: str) -> None:
    line = lines[at]
    cut = where % (len(line) + 1)
    lines[at] = line[:cut] + stray + line[cut:]


def _replace_char(lines: Lines, at: int, where: int, stray: str) -> None:
    line = lines[at]
    if line:
        cut = where % len(line)
        lines[at] = line[:cut] + stray + line[cut + 1 :]


def _point_to_full_stop(lines: Lines, at: int, _: int, __: str) -> None:
    lines[at] = lines[at].replace(".", "。", 1)


def _duplicate(lines: Lines, at: int, _: int, __: str) -> None:
    lines.insert(at, lines[at])


def _delete(lines: Lines, at: int, _: int, __: str) -> None:
    if len(lines) > 1:
        del lines[at]


def _swap(lines: Lines, at: int, _: int, __: str) -> None:
    if at + 1 < len(lines):
        lines[at], lines[at + 1] = lines[at + 1], lines[at]


def _join(lines: Lines, at: int, _: int, __: str) -> None:
    if at + 1 < len(lines):
        lines[at : at + 2] = [lines[at] + lines[at + 1]]


def _split(lines: Lines, at: int, where: int, _: str) -> None:
    line = lines[at]
    cut = where % (len(line) + 1)
    lines[at : at + 1] = [line[:cut], line[cut:]]


EDITS: dict[str, Callable[[Lines, int, int, str], None]] = {
    "delete-char": _delete_char,
    "insert": _insert,
    "replace-char": _replace_char,
    "point-to-full-stop": _point_to_full_stop,
    "duplicate-line": _duplicate,
    "delete-line": _delete,
    "swap-lines": _swap,
    "join-lines": _join,
    "split-line": _split,
}


def mutate(text: str, edits: Sequence[tuple[str, int, int, str]]) -> str:
    """``text`` with each edit (name, line, position, stray text) applied in turn."""
    lines = text.split("\n")
    for name, at, where, stray in edits:
        EDITS[name](lines, at % len(lines), where, stray)
    return "\n".join(lines)


def edits(most: int = 12) -> st.SearchStrategy[list[tuple[str, int, int, str]]]:
    edit = st.tuples(
        st.sampled_from(sorted(EDITS)),
        st.integers(0, 10**6),
        st.integers(0, 10**4),
        st.sampled_from(STRAY),
    )
    return st.lists(edit, min_size=1, max_size=most)


@st.composite
def mutated_seeds(draw: st.DrawFn, texts: Sequence[str]) -> str:
    """One of ``texts`` with a few edits."""
    return mutate(draw(st.sampled_from(texts)), draw(edits()))
