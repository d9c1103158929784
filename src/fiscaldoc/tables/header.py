"""Read a table's header: which value columns it has, in what order, and where they sit.

Tabbed headers give each column its cell index. Space-separated (PDF) headers are a bag of
wrapped words, so their columns are the catalogue's columns whose printed label appears in the
header text, in the catalogue's order (the 栏次 numbering fixes that order in every template).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.layout import patterns as p
from fiscaldoc.model import Column, Section
from fiscaldoc.reference.catalogue import ColumnSpec, TableSpec
from fiscaldoc.reference.families import SpacedHeader
from fiscaldoc.tables.tokens import LineLayout
from fiscaldoc.text.lines import Line

_STRUCTURAL = frozenset(
    {
        "项目",
        "科目代码",
        "科目名称",
        "科目编码",
        "支出功能分类科目编码",
        "行次",
        "栏次",
        "类",
        "款",
        "项",
        "收入",
        "支出",
        "序号",
        "单位",
        "支出科目代码",
    }
)


@attrs.frozen(slots=True)
class Header:
    """The value columns of a table and, for tabbed text, their cell indexes."""

    columns: tuple[Column, ...]
    by_index: dict[int, Column] = attrs.field(factory=dict)
    layout: LineLayout = attrs.field(factory=LineLayout)
    row_groups: tuple[str, ...] = ()
    """Row labels printed as column groups (三公: 预算数 | 决算数 side by side), in order."""

    def section_columns(self, section: Section | None) -> tuple[Column, ...]:
        return tuple(column for column in self.columns if column.section is section)


_GLUED_NUMBER = compiled(r"(?<=\p{Han})\d+$")
_COLUMN_NUMBERS = compiled(r"^(?:项目)?栏次$")
_ITEM = compiled(r"^项目栏次$|^项目$")
_DIGITS = compiled(r"\d+")
_AMONG = compiled(r"^其中[:：]?")


def _clean(cell: str) -> str:
    text = p.undouble(p.compact(cell))
    text = _GLUED_NUMBER.sub("", text)  # "决算数1" (a 栏次 number glued on)
    text = _COLUMN_NUMBERS.sub("栏次", text)
    return str(_ITEM.sub("项目", text))


def _is_column_numbers(cells: Sequence[str]) -> bool:
    filled = [c for c in cells if c]
    return bool(filled) and (
        any(c.startswith("栏次") for c in filled) or all(_DIGITS.fullmatch(c) for c in filled)
    )


def parse_header(lines: Sequence[Line], spec: TableSpec) -> Header:
    """Columns from header lines (tabbed when any header line is tabbed)."""
    if any(line.tabbed for line in lines):
        tabbed = _tabbed(lines, spec)
        if tabbed is not None:
            return tabbed
    return _spaced(lines, spec)


def _match(spec_columns: Sequence[ColumnSpec], printed: str) -> ColumnSpec | None:
    for column in spec_columns:
        if column.matches(printed):
            return column
    return None


def _tabbed(lines: Sequence[Line], spec: TableSpec) -> Header | None:
    grid = [[_clean(cell) for cell in line.text.split("\t")] for line in lines if line.tabbed]
    labelled = [row for row in grid if not _is_column_numbers(row)]
    if not labelled:
        return None
    below = _row_groups_below(labelled, spec)
    if below is not None:
        groups = tuple(dict.fromkeys(column.group for column in below.values()))
        first = [column for column in below.values() if column.group == groups[0]]
        return Header(tuple(first), below, LineLayout(), groups)
    width = max(len(row) for row in labelled)
    leaves: dict[int, tuple[str, str]] = {}
    for index in range(width):
        stack = [row[index] for row in labelled if index < len(row) and row[index]]
        if stack:
            group = _group_above(labelled, index, stack[-1])
            leaves[index] = (stack[-1], group)
    rowno = frozenset(i for i, (leaf, _) in leaves.items() if leaf == "行次")
    family = spec.family_spec
    sides = family.column_sides
    side_start = None
    if len(sides) > 1:
        items = sorted(i for i, (leaf, _) in leaves.items() if leaf in {"项目", "支出"})
        starts = [i for i in items if i > 0]
        side_start = starts[0] if starts else None
        for row in labelled:
            if side_start is None and "支出" in row[1:]:
                side_start = row.index("支出", 1)
    by_index: dict[int, Column] = {}
    for index, (leaf, group) in sorted(leaves.items()):
        if leaf in _STRUCTURAL or leaf.startswith(("栏次", "科目")) or _is_stub(leaf, spec):
            continue
        if (
            leaf == "小计"
            and group
            and _match(spec.columns, group) not in (None, _match(spec.columns, leaf))
        ):
            leaf = group  # 基本支出 | 小计 人员经费 公用经费: the 小计 is the group's total
        if (
            family.side_headings
            and _match(spec.columns, leaf) is None
            and _match(spec.breakdown, leaf) is None
        ):
            continue  # a side's heading (支出功能分类科目), not a value column
        section = sides[0] if side_start is None or index < side_start else sides[-1]
        by_index[index] = Column(leaf, group, section)
    if not by_index:
        return None
    groups = _row_groups(labelled, spec)
    if groups:
        by_index = {i: attrs.evolve(c, group=_root(labelled, i)) for i, c in by_index.items()}
        first = [c for c in by_index.values() if c.group == groups[0]]
        layout = LineLayout(rowno, side_start, bool(rowno))
        return Header(tuple(first), by_index, layout, groups)
    by_index = _canonical_order(by_index, spec)
    income_capacity = sum(1 for c in by_index.values() if c.section is Section.INCOME) or 1
    layout = LineLayout(rowno, side_start, bool(rowno), income_capacity)
    return Header(tuple(by_index.values()), by_index, layout)


_STUB = compiled(r"(?:编码|名称|代码)$|科目$|^单位[（(]项目[)）]名称")


def _is_stub(leaf: str, spec: TableSpec) -> bool:
    """A header cell over the codes and names of the rows ("部门经济科目编码"), not a value."""
    if leaf in spec.label_columns or leaf in spec.remark_columns:
        return True
    return (
        bool(_STUB.search(leaf)) and _match(spec.columns, leaf) is None and leaf != spec.text_column
    )


def _row_groups(grid: Sequence[Sequence[str]], spec: TableSpec) -> tuple[str, ...]:
    """The spec's row labels that the header prints as column groups, in printed order."""
    if not spec.rows:
        return ()
    found = [cell for row in grid for cell in row if cell in spec.rows]
    unique = tuple(dict.fromkeys(found))
    return unique if len(unique) >= 2 else ()


def _row_groups_below(grid: Sequence[Sequence[str]], spec: TableSpec) -> dict[int, Column] | None:
    """Columns of a header whose lowest row repeats the spec's row labels under every item
    (三公: 合计 | 因公出国（境）费 | … over 预算数 决算数 pairs, one data row): each column is the
    item above it, grouped by its row label. ``None`` for any other header.

    Merged cells print in their leftmost cell, so the item over a column is the nearest cell
    to its left in each row above, looked for no further left than the item of the row above.
    """
    if not spec.rows or len(grid) < 2:
        return None
    lowest = grid[-1]
    filled = [cell for cell in lowest if cell]
    if len(filled) < 2 or any(cell not in spec.rows for cell in filled):
        return None
    by_index: dict[int, Column] = {}
    for index, leaf in enumerate(lowest):
        if not leaf:
            continue
        chain: list[str] = []
        start = 0
        for row in grid[:-1]:
            owner = next(
                (j for j in range(min(index, len(row) - 1), start - 1, -1) if row[j]), None
            )
            if owner is not None:
                chain.append(row[owner])
                start = owner
        chain = [cell for cell in chain if cell not in _STRUCTURAL]
        if not chain:
            continue
        label = chain[-1]
        if (
            label == "小计"
            and len(chain) >= 2
            and _match(spec.columns, chain[-2]) not in (None, _match(spec.columns, label))
        ):
            label = chain[-2]  # 公务用车购置及运行维护费 | 小计: the group's total
        by_index[index] = Column(label, leaf)
    return by_index or None


def _root(grid: Sequence[Sequence[str]], index: int) -> str:
    """The top header cell spanning ``index`` (merged cells print in their leftmost cell)."""
    for row in grid:
        for probe in range(min(index, len(row) - 1), -1, -1):
            if row[probe]:
                return row[probe]
    return ""


def _group_above(grid: Sequence[Sequence[str]], index: int, leaf: str) -> str:
    """The nearest header cell above ``leaf`` that spans it (merged cells print leftmost)."""
    rows = [row for row in grid if index < len(row)]
    level = next((n for n, row in enumerate(rows) if row[index] == leaf), 0)
    for row in reversed(rows[:level]):
        for probe in range(index, -1, -1):
            cell = row[probe] if probe < len(row) else ""
            if cell:
                return "" if cell in _STRUCTURAL else cell
    return ""


def _canonical_order(by_index: dict[int, Column], spec: TableSpec) -> dict[int, Column]:
    """When a tabbed header prints the catalogue's columns out of their 栏次 order, use that order.

    Merged header cells exported to text can land in the wrong cell; the 栏次 numbering of
    the standard templates is fixed, so the catalogue order is the reliable one.
    """
    if not spec.family_spec.reorder_columns:
        return by_index
    printed = list(by_index.values())
    matched = [_match(spec.columns, column.label) for column in printed]
    if None in matched or len({m.label for m in matched if m}) != len(spec.columns):
        return by_index
    order = {column.label: n for n, column in enumerate(spec.columns)}
    ranked = sorted(
        zip(printed, matched, strict=False),
        key=lambda pair: order[pair[1].label if pair[1] else ""],
    )
    return dict(zip(sorted(by_index), (column for column, _ in ranked), strict=False))


_GROUP_VALUE = compiled(
    r"(?:其中[:：]?)?(?:决算数|本年支出|金额|合计|基本支出|项目支出|人员经费|公用经费)"
)


def _group_columns(text: str, spec: TableSpec) -> tuple[Column, ...]:
    """The value columns of one code/name group of the economic table (决算数, 其中：基本支出)."""
    start = text.find("科目名称")
    end = text.find("科目代码", start + 1) if start >= 0 else -1
    segment = text[start + 4 : end if end > 0 else None] if start >= 0 else ""
    labels = [_AMONG.sub("", found) for found in _GROUP_VALUE.findall(segment)]
    if not labels:
        labels = [spec.columns[0].label]
    return tuple(Column(label) for label in dict.fromkeys(labels))


def _spaced(lines: Sequence[Line], spec: TableSpec) -> Header:
    text = p.undouble(p.compact("".join(line.text for line in lines)))
    if spec.family_spec.spaced_header is SpacedHeader.GROUP:
        return Header(_group_columns(text, spec))
    columns: list[Column] = []
    for section in spec.family_spec.column_sides:
        for column in spec.columns_for(section):
            printed = next((s for s in (column.label, *column.synonyms) if s in text), None)
            if printed is not None or not text:
                columns.append(Column(printed or column.label, "", section))
        if not any(c.section is section for c in columns):
            columns.extend(Column(c.label, "", section) for c in spec.columns_for(section))
    if spec.printed_order and text:
        columns = _in_printed_order(columns, text)
    income_capacity = sum(1 for c in columns if c.section is Section.INCOME) or 1
    layout = LineLayout(has_rowno="行次" in text, income_capacity=income_capacity)
    groups = [label for label in spec.rows if label in text]
    ordered = tuple(sorted(groups, key=text.index)) if len(groups) >= 2 else ()
    return Header(tuple(columns), {}, layout, ordered)


def _in_printed_order(columns: Sequence[Column], text: str) -> list[Column]:
    """Columns in the order the header prints them (budgets order their sources differently).

    PDF text gives a header's top cells left to right; a "其中：" column sits under the column
    before it, so it keeps its place after that one.
    """
    keys: list[float] = []
    for column in columns:
        if column.label.startswith("其中") and keys:
            keys.append(keys[-1] + 0.5)
        else:
            keys.append(float(text.find(column.label)))
    return [column for _, column in sorted(zip(keys, columns, strict=True), key=lambda k: k[0])]
