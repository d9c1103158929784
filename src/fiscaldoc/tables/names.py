"""Rows named by several text cells: a token pass that makes one label and one remark of them.

Some tables name a row in more than one cell (a procurement table's 采购品目大类 | 专项名称 |
经济科目 | 采购物品名称 | 采购组织形式, an income list's group | item), each row printing the
cells of its level. In tabbed text each cell's header says what it is; the catalogue lists the
header labels of the naming columns (``TableSpec.label_columns``) and of further text
(``remark_columns``). The first naming cell printed is the row's label; every other text cell
goes, with its header label, to the row's remark, so the grammar sees the usual
``LABEL value* text``. A line of text alone that is not tabbed is a cell wrapped onto the next
line: it continues the line above's last text.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from fiscaldoc.reference.catalogue import TableSpec
from fiscaldoc.tables.tokens import Kind, Tok
from fiscaldoc.text.lines import Line

_SEPARATOR = "；"


def header_labels(header: Sequence[Line]) -> dict[int, str]:
    """Each tab cell index of a header -> its label (merged cells print in their leftmost cell)."""
    grid = [[cell.strip() for cell in line.text.split("\t")] for line in header if line.tabbed]
    width = max((len(row) for row in grid), default=0)
    labels: dict[int, str] = {}
    for index in range(width):
        stack = [row[index] for row in grid if index < len(row) and row[index]]
        if stack:
            labels[index] = "".join(stack[-1].split())
        elif index - 1 in labels:
            labels[index] = labels[index - 1]
    return labels


def name_cells(
    lines: Sequence[list[Tok]], header: Sequence[Line], spec: TableSpec
) -> list[list[Tok]]:
    """The lines' tokens with their naming cells folded into one label and one remark."""
    if not spec.label_columns and not spec.remark_columns:
        return list(lines)
    labels = header_labels(header)
    out: list[list[Tok]] = []
    for tokens in lines:
        wrapped = bool(tokens) and all(t.kind is Kind.LABEL and t.index is None for t in tokens)
        if wrapped and out and any(t.kind is Kind.LABEL for t in out[-1]):
            out[-1] = _continue(out[-1], "".join(t.text for t in tokens))
            out.append([])
            continue
        folded = _fold(tokens, labels, spec)
        above = _owner(out)
        if above is not None and _is_subtotal_of(folded, out[above]):
            # "一般公共预算资金" / " | 小计 | 33,172.15": the group's 小计 printed on the line below
            # its name (the name centred over its rows): one row, the group's subtotal.
            out[above] = [*out[above], *folded[1:], folded[0]]
            out.append([])
            continue
        out.append(folded)
    return out


_SUBTOTALS = frozenset({"小计", "合计"})


def _owner(out: Sequence[list[Tok]]) -> int | None:
    """The last line with tokens."""
    return next((n for n in range(len(out) - 1, -1, -1) if out[n]), None)


def _is_subtotal_of(tokens: Sequence[Tok], above: Sequence[Tok]) -> bool:
    """True for a line naming only a 小计, under a line that names a group and prints nothing."""
    if not tokens or tokens[0].kind is not Kind.LABEL or tokens[0].text.strip() not in _SUBTOTALS:
        return False
    if len(above) != 1 or above[0].kind is not Kind.LABEL:
        return False
    return (tokens[0].index or 0) > (above[0].index or 0)


def _fold(tokens: list[Tok], labels: dict[int, str], spec: TableSpec) -> list[Tok]:
    names = [t for t in tokens if _role(t, labels, spec) == "label"]
    texts = [t for t in tokens if _role(t, labels, spec) in ("label", "remark")]
    if not texts:
        return tokens
    label = names[0] if names else None
    rest = [t for t in texts if t is not label]
    own = labels.get(label.index or 0, "") if label is not None else ""
    kept = [t for t in tokens if t not in texts]
    folded: list[Tok] = [] if label is None else [label]
    folded.extend(kept)
    if rest:
        parts = [_prefixed(t, labels, own) for t in rest]
        folded.append(Tok(Kind.LABEL, _SEPARATOR.join(parts), rest[0].location, rest[0].index))
    return folded


def _role(token: Tok, labels: dict[int, str], spec: TableSpec) -> str:
    if token.kind is not Kind.LABEL or token.index is None:
        return ""
    header = labels.get(token.index, "")
    if header in spec.label_columns:
        return "label"
    return "remark" if header in spec.remark_columns else ""


def _prefixed(token: Tok, labels: dict[int, str], own: str) -> str:
    header = labels.get(token.index or 0, "")
    return token.text if not header or header == own else f"{header}：{token.text}"


def _continue(tokens: list[Tok], piece: str) -> list[Tok]:
    """The line's last text token with ``piece`` appended (a cell wrapped onto the next line)."""
    last = max(n for n, t in enumerate(tokens) if t.kind is Kind.LABEL)
    joined = attrs.evolve(tokens[last], text=tokens[last].text + piece)
    return [*tokens[:last], joined, *tokens[last + 1 :]]
